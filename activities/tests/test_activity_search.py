"""Activity search ignores diacritics and case, like people search (issue 16, item 11)."""

from django.urls import reverse


def _titles(client, query) -> list[str]:
    page = client.get(reverse("activities:list"), {"q": query})
    return [activity.title for activity in page.context["page"].object_list]


def test_activities_are_found_without_diacritics_and_in_any_word_order(client, world, make):
    make.activity(title="Hội nghị quán triệt Nghị quyết 71")
    make.activity(title="Họp phụ huynh đầu năm học")
    make.activity(title="Phát thanh trên loa")
    client.force_login(world.user("coordinator"))
    assert _titles(client, "nghi quyet") == ["Hội nghị quán triệt Nghị quyết 71"]
    assert _titles(client, "hop phu huynh") == ["Họp phụ huynh đầu năm học"]
    assert _titles(client, "HUYNH  họp") == ["Họp phụ huynh đầu năm học"]
    assert _titles(client, "Nghị quyết") == ["Hội nghị quán triệt Nghị quyết 71"]
    assert _titles(client, "không có") == []
