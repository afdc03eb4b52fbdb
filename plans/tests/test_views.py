"""Plan pages for every role (accounts.tests.support.assert_access), and the review round trip."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.tests.support import assert_access
from plans.models import IndicatorKind, Plan, PlanDraft
from plans.services import plan_import, plan_import_file

SEED = Path(settings.BASE_DIR) / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"
WARD_READERS = {"admin", "coordinator", "leader", "focal", "other_focal", "city"}
MANAGERS = {"admin", "coordinator"}


@pytest.fixture
def plan(world):
    return plan_import_file(ward=world.ward, path=SEED).plan


def test_plan_pages_answer_only_the_right_users(client, world, plan):
    assert_access(client, world, reverse("plans:list"), set(world.users))
    assert_access(client, world, reverse("plans:detail", args=[plan.pk]), WARD_READERS)
    assert_access(client, world, reverse("plans:source", args=[plan.pk]), WARD_READERS)
    assert_access(client, world, reverse("plans:edit", args=[plan.pk]), MANAGERS)
    assert_access(
        client,
        world,
        reverse("plans:owners", args=[plan.pk]),
        {"admin", "coordinator", "leader", "city"},
    )
    assert_access(client, world, reverse("plans:upload"), MANAGERS | {"other_coordinator"})
    assert_access(client, world, reverse("plans:my_tasks"), set(world.users))
    school_tasks = reverse("plans:unit_tasks", args=[world.school.pk])
    assert_access(client, world, school_tasks, {"admin", "coordinator", "leader", "focal", "city"})


def test_a_draft_is_reviewed_only_by_its_ward_managers(client, world):
    draft = plan_import(
        ward=world.ward,
        upload=SimpleUploadedFile("kh.txt", SEED.read_bytes()),
        user=world.user("coordinator"),
    ).draft
    assert_access(client, world, reverse("plans:review", args=[draft.token]), MANAGERS)


def test_a_post_by_a_reader_changes_nothing(client, world, plan):
    url = reverse("plans:edit", args=[plan.pk])
    assert_access(
        client, world, url, MANAGERS, method="post", data={"header-title": "Đổi tên"}
    )  # managers: invalid form, page again
    plan.refresh_from_db()
    assert plan.title.startswith("Triển khai")


def test_upload_review_and_save(client, world):
    client.force_login(world.user("coordinator"))
    upload = SimpleUploadedFile("ke-hoach.txt", SEED.read_bytes())
    response = client.post(reverse("plans:upload"), {"file": upload})
    draft = PlanDraft.objects.get()
    assert response.url == reverse("plans:review", args=[draft.token])
    page = client.get(response.url)
    assert page.status_code == 200
    forms = page.context["forms"]
    data = _post_data(forms)
    data["targets-0-value"] = "95"
    data["header-number"] = ""
    response = client.post(reverse("plans:review", args=[draft.token]), data)
    assert response.status_code == 302, response.context and [
        f.errors for f in response.context["forms"].all
    ]
    plan = Plan.objects.get()
    assert plan.targets.get(order=0).value == 95
    assert plan.tasks.count() == 5 and plan.legal_bases.count() == 3
    assert not PlanDraft.objects.exists()
    again = client.post(
        reverse("plans:upload"), {"file": SimpleUploadedFile("b.txt", SEED.read_bytes())}
    )
    assert again.url == reverse("plans:detail", args=[plan.pk])
    assert Plan.objects.count() == 1


def test_what_the_reviewer_typed_survives_an_error(client, world):
    client.force_login(world.user("coordinator"))
    client.post(reverse("plans:upload"), {"file": SimpleUploadedFile("k.txt", SEED.read_bytes())})
    draft = PlanDraft.objects.get()
    data = _post_data(client.get(reverse("plans:review", args=[draft.token])).context["forms"])
    data["targets-0-indicator_kind"] = IndicatorKind.PEOPLE_TRAINED
    data["phases-0-end_year"] = "2020"  # before its start: refused
    response = client.post(reverse("plans:review", args=[draft.token]), data)
    assert response.status_code == 200
    assert "Năm kết thúc phải từ năm bắt đầu trở đi." in response.content.decode()
    reloaded = client.get(reverse("plans:review", args=[draft.token]))
    assert reloaded.context["forms"].targets.forms[0]["indicator_kind"].value() == (
        IndicatorKind.PEOPLE_TRAINED
    )
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rong.docx", b"", "Tệp rỗng"),
        ("anh.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "không đúng định dạng"),
    ],
)
def test_a_bad_upload_shows_a_message(client, world, name, content, message):
    client.force_login(world.user("coordinator"))
    response = client.post(reverse("plans:upload"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlanDraft.objects.exists()


def _post_data(forms) -> dict:
    """What the browser would send for the forms as shown."""
    data = {}
    for form in [forms.header, *[f for fs in forms.all[1:] for f in fs.forms]]:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None:
                continue
            key = form.add_prefix(name)
            if isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = (
                    field.widget.format_value(value)
                    if hasattr(field.widget, "format_value") and not isinstance(value, bool)
                    else value
                )
    for formset in forms.all[1:]:
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return {k: v for k, v in data.items() if v not in ("", None, False)}
