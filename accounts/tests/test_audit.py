import datetime as dt

from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts.models import Role
from accounts.tests.support import assert_access
from units.models import AudienceGroup, Person
from units.services import person_create


def _person(world, unit=None):
    return person_create(
        unit=unit or world.school,
        audience_group=AudienceGroup.objects.get(ward=world.ward, code="school_staff"),
        full_name="Nguyễn Thị Mai",
        position="Giáo viên",
    )


def _record_url(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("accounts:audit_record", args=[content_type.pk, obj.pk])


def test_a_change_made_through_a_page_names_the_acting_user(client, world):
    coordinator = world.user("coordinator")
    client.force_login(coordinator)
    client.post(
        reverse("accounts:user_create"),
        {"username": "hpn-moi", "full_name": "Trần Thị Bé", "role": Role.FOCAL_POINT,
         "unit": world.organisation.pk},
    )  # fmt: skip
    entry = LogEntry.objects.get(object_repr="Trần Thị Bé", action=LogEntry.Action.CREATE)
    assert entry.actor == coordinator
    assert entry.scope.unit_path == world.organisation.path


def test_the_record_page_shows_who_when_and_before_after_in_vietnamese(client, world):
    with set_actor(world.user("coordinator")):
        person = _person(world)
        person.position = "Hiệu trưởng"
        person.save()
    client.force_login(world.user("coordinator"))
    page = client.get(_record_url(person)).content.decode()
    assert "Chức vụ" in page and "Giáo viên" in page and "→ Hiệu trưởng" in page
    assert "Tạo mới" in page and "Sửa" in page
    assert world.user("coordinator").display_name in page
    assert dt.date.today().strftime("%d/%m/%Y") in page
    assert "search_key" not in page and "sort key" not in page


def test_a_deleted_record_keeps_its_history_in_its_unit(client, world):
    with set_actor(world.user("coordinator")):
        person = _person(world)
        url = _record_url(person)
        person.delete()
    client.force_login(world.user("coordinator"))
    assert "Xóa" in client.get(url).content.decode()
    page = client.get(reverse("accounts:audit_unit", args=[world.school.pk])).content.decode()
    assert "Nguyễn Thị Mai" in page


def test_the_unit_page_holds_the_unit_and_its_records_only(client, world):
    with set_actor(world.user("admin")):
        _person(world)
        other = _person(world, unit=world.other_school)
        other.full_name = "Phạm Văn Khác"
        other.save()
    client.force_login(world.user("coordinator"))
    page = client.get(reverse("accounts:audit_unit", args=[world.school.pk])).content.decode()
    assert "Nguyễn Thị Mai" in page and "Phạm Văn Khác" not in page
    ward_page = client.get(reverse("accounts:audit_unit", args=[world.ward.pk])).content.decode()
    assert "Phạm Văn Khác" in ward_page


def test_entries_written_by_hand_after_a_bulk_insert_are_scoped(world):
    person = Person.objects.get(pk=_person(world).pk)
    entry = LogEntry.objects.log_create(person, action=LogEntry.Action.UPDATE, changes={})
    assert entry.scope.unit_path == world.school.path


def test_only_coordinators_of_the_ward_and_admins_read_the_log(client, world):
    person = _person(world)
    allowed = {"admin", "coordinator"}
    assert_access(client, world, _record_url(person), allowed)
    assert_access(client, world, reverse("accounts:audit_unit", args=[world.school.pk]), allowed)
    assert_access(client, world, reverse("accounts:audit_index"), allowed | {"other_coordinator"})


def test_an_admin_account_log_is_for_admins_only(client, world):
    assert_access(client, world, _record_url(world.user("admin")), {"admin"})


def test_a_record_without_log_is_not_found(client, world):
    client.force_login(world.user("admin"))
    content_type = ContentType.objects.get_for_model(Person)
    url = reverse("accounts:audit_record", args=[content_type.pk, "999999"])
    assert client.get(url).status_code == 404


def test_the_coordinator_log_index_opens_its_ward(client, world):
    client.force_login(world.user("coordinator"))
    response = client.get(reverse("accounts:audit_index"))
    assert response.url == reverse("accounts:audit_unit", args=[world.ward.pk])
