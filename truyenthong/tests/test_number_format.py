from django.template import Context, Template


def test_ids_in_templates_keep_their_digits_and_figures_get_vietnamese_grouping():
    rendered = Template(
        '{% load ui %}<input value="{{ pk }}"> {{ roster|vn_number }} {{ rate|vn_percent }}'
    ).render(Context({"pk": 1016, "roster": 200640, "rate": 85.25}))
    assert rendered == '<input value="1016"> 200.640 85,3%'


def test_amounts_drop_decimals_only_when_whole():
    rendered = Template(
        "{% load ui %}{{ a|vn_amount }} {{ b|vn_amount }} {{ c|vn_amount }}"
    ).render(Context({"a": 24.0, "b": 10.8, "c": 1500}))
    assert rendered == "24 10,8 1.500"
