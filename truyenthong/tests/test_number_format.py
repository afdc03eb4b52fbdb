from django.template import Context, Template


def test_ids_in_templates_keep_their_digits_and_figures_get_vietnamese_grouping():
    rendered = Template(
        '{% load ui %}<input value="{{ pk }}"> {{ roster|vn_number }} {{ rate|vn_percent }}'
    ).render(Context({"pk": 1016, "roster": 200640, "rate": 85.25}))
    assert rendered == '<input value="1016"> 200.640 85,3%'
