from django.urls import reverse

from units.models import AudienceGroup, Person
from units.selectors import person_list, person_page
from units.services import person_build, person_create


def _people(world, names, unit=None):
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    built = [
        person_build(unit=unit or world.school, audience_group=group, full_name=name)
        for name in names
    ]
    return Person.objects.bulk_create(built)


def test_search_ignores_diacritics_and_case(world):
    _people(world, ["Nguyễn Văn A", "Trần Thị Đào", "Lê Văn Bình"])
    found = person_list(people=Person.objects.all(), query="nguyen van a")
    assert [p.full_name for p in found] == ["Nguyễn Văn A"]
    assert [p.full_name for p in person_list(people=Person.objects.all(), query="DAO")] == [
        "Trần Thị Đào"
    ]


def test_the_list_sorts_the_vietnamese_way(world):
    _people(world, ["Trần Văn Đức", "Nguyễn Thị Ánh", "Lê Văn Dũng", "Phạm Thị An", "Võ Ân"])
    names = [p.full_name for p in person_list(people=Person.objects.all())]
    # By given name (a < ă < â, d < đ), then family name.
    assert names == ["Phạm Thị An", "Nguyễn Thị Ánh", "Võ Ân", "Lê Văn Dũng", "Trần Văn Đức"]


def test_filters_by_unit_and_group(world):
    _people(world, ["Nguyễn Văn A"])
    _people(world, ["Trần Văn B"], unit=world.other_school)
    found = person_list(people=Person.objects.all(), unit=world.other_school)
    assert [p.full_name for p in found] == ["Trần Văn B"]
    students = AudienceGroup.objects.get(ward=world.ward, code="students")
    assert not person_list(people=Person.objects.all(), audience_group=students).exists()


def test_the_page_searches_live_and_paginates(client, world):
    _people(world, [f"Nguyễn Văn Số {i}" for i in range(60)] + ["Đặng Thị Hương"])
    client.force_login(world.user("coordinator"))
    page = client.get(reverse("units:person_list"))
    assert "61 người" in page.content.decode()
    assert "Trang 1/2" in page.content.decode()
    partial = client.get(
        reverse("units:person_list"), {"q": "dang thi huong"}, HTTP_HX_REQUEST="true"
    )
    body = partial.content.decode()
    assert "Đặng Thị Hương" in body and "<html" not in body and "Nguyễn Văn Số" not in body


def test_a_focal_point_lists_only_its_unit(client, world):
    _people(world, ["Nguyễn Văn A"])
    _people(world, ["Trần Văn B"], unit=world.other_school)
    client.force_login(world.user("focal"))
    body = client.get(reverse("units:person_list")).content.decode()
    assert "Nguyễn Văn A" in body and "Trần Văn B" not in body


def test_the_form_checks_input_in_vietnamese(client, world):
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    person_create(unit=world.school, audience_group=group, full_name="Có Số", phone="0912000009")
    client.force_login(world.user("focal"))
    url = reverse("units:person_create")
    data = {"full_name": "  Nguyễn   Văn  Mới ", "unit": world.school.pk,
            "audience_group": group.pk, "phone": "12", "date_of_birth": "31/02/1990"}  # fmt: skip
    body = client.post(url, data).content.decode()
    assert "Số điện thoại “12” không hợp lệ" in body and "Nhập một ngày hợp lệ" in body
    assert not Person.objects.filter(full_name="Nguyễn Văn Mới").exists()
    data.update(phone="0912000009", date_of_birth="05/01/1990")
    assert "đã có trong danh sách: Có Số" in client.post(url, data).content.decode()
    data.update(phone="+84 912 000 010")
    answer = client.post(url, data)
    assert answer.status_code == 302
    person = Person.objects.get(phone="0912000010")
    assert person.full_name == "Nguyễn Văn Mới" and person.date_of_birth.day == 5


def test_pages_count_exactly_and_a_page_past_the_end_shows_the_last(world):
    _people(world, [f"Trần Văn Số {i}" for i in range(7)])
    people = person_list(people=Person.objects.all())
    first = person_page(people=people, number="1", size=3)
    assert (first.paginator.count, first.paginator.num_pages, len(first.object_list)) == (7, 3, 3)
    last = person_page(people=people, number=99, size=3)
    assert last.number == 3 and len(last.object_list) == 1
    assert person_page(people=people, number="x", size=10).paginator.count == 7


def test_search_reads_the_unit_group_and_position_too(world):
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    person_create(
        unit=world.school, audience_group=group, full_name="Phạm Thị Hoa", position="Hiệu trưởng"
    )
    person_create(unit=world.organisation, audience_group=group, full_name="Lê Văn Tùng")
    people = Person.objects.all()

    def names(query):
        return sorted(p.full_name for p in person_list(people=people, query=query))

    assert names("hieu truong") == ["Phạm Thị Hoa"]
    assert names(world.school.name.lower()) == ["Phạm Thị Hoa"]
    assert names("nhan vien tung") == ["Lê Văn Tùng"]  # the group, then the name
    assert names("không có ai") == []


def test_giao_duc_finds_the_staff_of_schools_by_the_kind_of_their_unit(world):
    # The demo's 240 education staff work in "Trường ..." units under the group "Cán bộ quản
    # lý, giáo viên, nhân viên": only the unit's kind, "Cơ sở giáo dục", says "giáo dục".
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    person_create(unit=world.school, audience_group=group, full_name="Phạm Thị Hoa")
    person_create(unit=world.organisation, audience_group=group, full_name="Lê Văn Tùng")
    found = person_list(people=Person.objects.all(), query="GIAO DUC")
    assert [p.full_name for p in found] == ["Phạm Thị Hoa"]
