"""Writes on activities, evidence, attendance, check-in, and the coverage upkeep.

Coverage is stored, not computed on page views: `PersonBriefing` holds, per person and plan
(and per phase), the first briefing the person attended. Every write that can change it
(attendance added or removed, an activity's plan, date or briefing flag changed, an activity
deleted) refreshes the rows of the people it touched, inside the same transaction.
"""

import datetime as dt
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import BigIntegerField, F, Value, Window
from django.db.models.functions import Cast, ExtractYear, RowNumber
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.scoping import Access, require
from activities.channels import DEFAULT_CHANNELS
from activities.models import (
    Activity,
    ActivityAudience,
    Attendance,
    AttendanceSource,
    Channel,
    CheckinAttempt,
    CheckinRequest,
    CheckinStatus,
    CoveragePerson,
    Evidence,
    PersonBriefing,
    SheetImport,
)
from activities.sheets import SheetRow, read_sign_in_sheet
from activities.triggers import person_copy_trigger_install
from common.phones import InvalidPhone, normalize_phone
from common.text import clean_multiline, clean_text, search_key
from common.uploads import check_upload
from plans.models import Phase, Plan, Task
from units.models import AudienceGroup, Person, Unit
from units.services import person_create

EVIDENCE_KINDS = {"jpg", "png", "pdf", "docx", "xlsx"}
BATCH = 500

# Check-in limits over a sliding window. A device is a browser cookie (or the address when a
# script sends none); an address is shared by every phone on a meeting-room Wi-Fi, so it
# gets a wider allowance; the activity cap stops a flood from many addresses.
CHECKIN_WINDOW = dt.timedelta(minutes=10)
CHECKIN_DEVICE_LIMIT = 5
CHECKIN_ADDRESS_LIMIT = 200
CHECKIN_ACTIVITY_LIMIT = 2000
CHECKIN_RECORDED = gettext_lazy("Đã ghi nhận điểm danh của bạn.")


# Channels ------------------------------------------------------------------------------


def channels_seed(*, ward: Unit) -> list[Channel]:
    """Give a ward the default channels once; later runs leave its own edits alone."""
    if Channel.objects.filter(ward=ward).exists():
        return list(Channel.objects.filter(ward=ward))
    Channel.objects.bulk_create(
        Channel(
            ward=ward,
            code=code,
            name=str(label),
            is_digital=digital,
            has_duration=duration,
            has_reach=reach,
            order=order,
        )
        for order, (code, label, digital, duration, reach) in enumerate(DEFAULT_CHANNELS)
    )
    return list(Channel.objects.filter(ward=ward))


@transaction.atomic
def channel_save(
    *,
    ward: Unit,
    name: str,
    is_digital: bool,
    has_duration: bool,
    has_reach: bool,
    order: int,
    is_active: bool = True,
    channel: Channel | None = None,
) -> Channel:
    name = clean_text(name)
    if not name:
        raise ValidationError({"name": _("Hãy nhập tên hình thức.")})
    clash = Channel.objects.filter(ward=ward, name__iexact=name)
    if channel is not None:
        clash = clash.exclude(pk=channel.pk)
    if clash.exists():
        raise ValidationError({"name": _("Phường đã có hình thức “%(name)s”.") % {"name": name}})
    if channel is None:
        channel = Channel(ward=ward, code=f"custom-{uuid.uuid4().hex[:12]}")
    channel.name = name
    channel.is_digital = is_digital
    channel.has_duration = has_duration
    channel.has_reach = has_reach
    channel.order = order
    channel.is_active = is_active
    channel.save()
    return channel


# Activities ----------------------------------------------------------------------------


@dataclass
class ActivityData:
    """What a user fills in for an activity; the form builds it, the services check it."""

    title: str
    starts_at: dt.datetime
    channel: Channel
    plan: Plan | None = None
    tasks: tuple[Task, ...] = ()
    is_briefing: bool = False
    audiences: tuple[tuple[AudienceGroup, int], ...] = ()
    location: str = ""
    reach: int | None = None
    duration_minutes: int | None = None
    link: str = ""
    notes: str = ""


def _check_activity(unit: Unit, data: ActivityData) -> None:
    errors = {}
    if data.channel.ward_id != unit.ward_id:
        errors["channel"] = _("Hình thức không thuộc phường của đơn vị.")
    if data.plan is not None and data.plan.ward_id != unit.ward_id:
        errors["plan"] = _("Kế hoạch không thuộc phường của đơn vị.")
    if any(task.plan_id != getattr(data.plan, "pk", None) for task in data.tasks):
        errors["tasks"] = _("Nhiệm vụ phải thuộc kế hoạch đã chọn.")
    if any(group.ward_id != unit.ward_id for group, _count in data.audiences):
        errors["audiences"] = _("Nhóm đối tượng không thuộc phường của đơn vị.")
    if data.is_briefing and data.plan is None:
        errors["plan"] = _("Hoạt động phổ biến, quán triệt phải gắn với một kế hoạch.")
    if not clean_text(data.title):
        errors["title"] = _("Hãy nhập tên hoạt động.")
    if errors:
        raise ValidationError(errors)


def _fill(activity: Activity, data: ActivityData) -> None:
    channel = data.channel
    activity.title = clean_text(data.title)
    activity.search_key = search_key(activity.title)
    activity.starts_at = data.starts_at
    activity.held_on = timezone.localdate(data.starts_at)
    activity.channel = channel
    activity.plan = data.plan
    activity.is_briefing = data.is_briefing
    activity.location = clean_text(data.location)
    activity.reach = data.reach if channel.has_reach else None
    activity.duration_minutes = data.duration_minutes if channel.has_duration else None
    activity.link = clean_text(data.link)
    activity.notes = clean_multiline(data.notes)


def _save_relations(activity: Activity, data: ActivityData) -> None:
    activity.tasks.set(data.tasks)
    ActivityAudience.objects.filter(activity=activity).delete()
    ActivityAudience.objects.bulk_create(
        ActivityAudience(activity=activity, audience_group=group, participants=count)
        for group, count in data.audiences
    )


@transaction.atomic
def activity_log(
    *,
    unit: Unit,
    data: ActivityData,
    user=None,
    attendee_ids: Iterable[int] = (),
    source: str = AttendanceSource.TICK,
) -> Activity:
    if unit.ward_id is None or unit.is_province:
        raise ValidationError(_("Hoạt động phải thuộc một đơn vị của phường, xã."))
    _check_activity(unit, data)
    activity = Activity(unit=unit, ward_id=unit.ward_id, created_by=user)
    _fill(activity, data)
    activity.save()
    _save_relations(activity, data)
    attendee_ids = list(attendee_ids)
    if attendee_ids:
        attendance_add(activity=activity, person_ids=attendee_ids, source=source)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, data: ActivityData) -> Activity:
    _check_activity(activity.unit, data)
    before = (activity.plan_id, activity.is_briefing, activity.held_on)
    _fill(activity, data)
    activity.save()
    _save_relations(activity, data)
    if before != (activity.plan_id, activity.is_briefing, activity.held_on):
        person_ids = list(activity.attendance.values_list("person_id", flat=True))
        briefings_refresh(person_ids=person_ids, plan_ids={before[0], activity.plan_id})
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    person_ids = list(activity.attendance.values_list("person_id", flat=True))
    plan_id = activity.plan_id
    files = [evidence.file.name for evidence in activity.evidence.all()]
    activity.delete()
    briefings_refresh(person_ids=person_ids, plan_ids={plan_id})
    storage = Evidence._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in files])


# Evidence ------------------------------------------------------------------------------


@transaction.atomic
def evidence_add(*, activity: Activity, upload, user=None) -> Evidence:
    """Raises common.uploads.UploadRejected with a message for the user."""
    checked = check_upload(upload, EVIDENCE_KINDS)
    evidence = Evidence(
        activity=activity,
        original_name=clean_text(checked.name)[:255] or f"minh-chung.{checked.kind}",
        kind=checked.kind,
        size=checked.size,
        uploaded_by=user,
    )
    upload.seek(0)
    # The name on disk is ours: a user's file name never reaches the file system.
    stored_name = f"{activity.ward_id}/{activity.pk}/{uuid.uuid4().hex}.{checked.kind}"
    evidence.file.save(stored_name, upload, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence) -> None:
    name = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


# Attendance and coverage upkeep ---------------------------------------------------------


def _chunks(values: list, size: int = BATCH):
    for start in range(0, len(values), size):
        yield values[start : start + size]


@transaction.atomic
def attendance_add(*, activity: Activity, person_ids: Iterable[int], source: str) -> int:
    """Record these people at the activity; people already recorded are left as they are.

    Returns how many were newly recorded."""
    wanted = set(person_ids)
    if not wanted:
        return 0
    in_ward = set()
    for chunk in _chunks(sorted(wanted)):
        in_ward.update(
            Person.objects.filter(pk__in=chunk, ward_id=activity.ward_id).values_list(
                "pk", flat=True
            )
        )
    if in_ward != wanted:
        raise ValidationError(_("Có người không thuộc danh sách của phường."))
    present = set()
    for chunk in _chunks(sorted(wanted)):
        present.update(
            Attendance.objects.filter(activity=activity, person_id__in=chunk).values_list(
                "person_id", flat=True
            )
        )
    new_ids = sorted(wanted - present)
    Attendance.objects.bulk_create(
        [Attendance(activity=activity, person_id=pk, source=source) for pk in new_ids],
        batch_size=BATCH,
    )
    if activity.is_briefing and activity.plan_id:
        briefings_refresh(person_ids=new_ids, plan_ids={activity.plan_id})
    return len(new_ids)


@transaction.atomic
def attendance_remove(*, activity: Activity, person_ids: Iterable[int]) -> int:
    person_ids = sorted(set(person_ids))
    removed = 0
    for chunk in _chunks(person_ids):
        removed += Attendance.objects.filter(activity=activity, person_id__in=chunk).delete()[0]
    if activity.is_briefing and activity.plan_id:
        briefings_refresh(person_ids=person_ids, plan_ids={activity.plan_id})
    return removed


def _phases_by_plan(plan_ids: Iterable[int]) -> dict[int, list[tuple[int, int, int]]]:
    phases: dict[int, list[tuple[int, int, int]]] = {}
    rows = Phase.objects.filter(plan_id__in=list(plan_ids)).values_list(
        "plan_id", "pk", "start_year", "end_year"
    )
    for plan_id, phase_id, start, end in rows:
        phases.setdefault(plan_id, []).append((phase_id, start, end))
    return phases


def _first_briefings(rows: Iterable[tuple], phases: dict) -> dict:
    """{(person, plan, phase or None): (date, activity)} of the earliest briefing.

    Ties on the date go to the lower activity id, as in the rebuild's ranking."""
    best: dict = {}
    for person_id, plan_id, held_on, activity_id in rows:
        value = (held_on, activity_id)
        keys = [None] + [
            pk for pk, start, end in phases.get(plan_id, ()) if start <= held_on.year <= end
        ]
        for phase_id in keys:
            key = (person_id, plan_id, phase_id)
            if key not in best or value < best[key]:
                best[key] = value
    return best


PERSON_COPY = ["ward_id", "unit_id", "audience_group_id", "active_from", "active_to"]


def _write_briefings(best: dict, people: dict[int, tuple]) -> int:
    """`people`: person id → their PERSON_COPY values, copied onto each row."""
    PersonBriefing.objects.bulk_create(
        (
            PersonBriefing(
                person_id=person_id,
                plan_id=plan_id,
                phase_id=phase_id,
                first_briefed_on=held_on,
                first_activity_id=activity_id,
                **dict(zip(PERSON_COPY, people[person_id], strict=True)),
            )
            for (person_id, plan_id, phase_id), (held_on, activity_id) in best.items()
        ),
        batch_size=2000,
    )
    return len(best)


def briefings_refresh(*, person_ids: Iterable[int], plan_ids: Iterable[int | None]) -> None:
    """Recompute the first-briefing rows of these people for these plans, from their own
    attendance only (a few rows each), never from the whole table."""
    plan_ids = sorted(pk for pk in set(plan_ids) if pk)
    person_ids = sorted(set(person_ids))
    if not plan_ids or not person_ids:
        return
    phases = _phases_by_plan(plan_ids)
    with transaction.atomic():
        for chunk in _chunks(person_ids):
            # Two attendances of one person saved at once (two briefings of one plan) would
            # both delete nothing and both insert the row: on PostgreSQL the second failed on
            # briefing_once_per_plan. Locking the people first, in id order, makes the second
            # wait and then see the first's attendance. (SQLite has one writer at a time.)
            people = {
                pk: values
                for pk, *values in Person.objects.select_for_update()
                .filter(pk__in=chunk)
                .order_by("pk")
                .values_list("pk", *PERSON_COPY)
            }
            PersonBriefing.objects.filter(person_id__in=chunk, plan_id__in=plan_ids).delete()
            best = _first_briefings(_briefing_rows_of(chunk, plan_ids), phases)
            if best:
                _write_briefings(best, people)


def _briefing_rows_of(person_ids: list[int], plan_ids: list[int]) -> list[tuple]:
    """Two lookups by primary and person index: a join lets SQLite's planner start from the
    plan's briefing activities instead, which is a scan at city scale."""
    attended = list(
        Attendance.objects.filter(person_id__in=person_ids).values_list("person_id", "activity_id")
    )
    briefings = {}
    activity_ids = sorted({activity_id for _person, activity_id in attended})
    for chunk in _chunks(activity_ids):
        briefings.update(
            (pk, (plan_id, held_on))
            for pk, plan_id, held_on in Activity.objects.filter(
                pk__in=chunk, is_briefing=True, plan_id__in=plan_ids
            ).values_list("pk", "plan_id", "held_on")
        )
    return [
        (person_id, *briefings[activity_id], activity_id)
        for person_id, activity_id in attended
        if activity_id in briefings
    ]


def _ranked_briefings(plan: Plan | None, by_phase: bool):
    """Every briefing attendance, ranked within its person × plan (× phase) by date, then
    activity id, with the person's copied columns: rank 1 is the row to keep."""
    rows = Attendance.objects.filter(activity__is_briefing=True, activity__plan__isnull=False)
    if plan is not None:
        rows = rows.filter(activity__plan=plan)
    partition = [F("person_id"), F("activity__plan_id")]
    # Typed: PostgreSQL reads an untyped NULL in a subquery as text.
    phase = Cast(Value(None), output_field=BigIntegerField())
    if by_phase:
        year = ExtractYear("activity__held_on")
        rows = rows.filter(
            activity__plan__phases__start_year__lte=year,
            activity__plan__phases__end_year__gte=year,
        )
        phase = F("activity__plan__phases__id")
        partition.append(phase)
    return rows.values(
        b_person=F("person_id"),
        b_plan=F("activity__plan_id"),
        b_phase=phase,
        b_day=F("activity__held_on"),
        b_activity=F("activity_id"),
        **{f"b_{column}": F(f"person__{column}") for column in PERSON_COPY},
        b_rank=Window(
            RowNumber(),
            partition_by=partition,
            order_by=[F("activity__held_on").asc(), F("activity_id").asc()],
        ),
    )


def _insert_first_briefings(plan: Plan | None, by_phase: bool) -> int:
    """One INSERT … SELECT: the database ranks and copies, nothing comes through Python."""
    sql, params = _ranked_briefings(plan, by_phase).query.sql_with_params()
    quote = connection.ops.quote_name
    columns = [
        "person_id", "plan_id", "phase_id", "first_briefed_on", "first_activity_id", *PERSON_COPY
    ]  # fmt: skip
    sources = ["b_person", "b_plan", "b_phase", "b_day", "b_activity"]
    sources += [f"b_{column}" for column in PERSON_COPY]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(PersonBriefing._meta.db_table)} "
            f"({', '.join(quote(c) for c in columns)}) "
            f"SELECT {', '.join(quote(s) for s in sources)} FROM ({sql}) ranked "
            f"WHERE ranked.{quote('b_rank')} = 1",
            params,
        )
        return cursor.rowcount


def _copy_people() -> None:
    """Every person's CoveragePerson row afresh, in one INSERT … SELECT."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in PERSON_COPY)
    CoveragePerson.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(CoveragePerson._meta.db_table)} ({quote('person_id')}, {columns}) "
            f"SELECT {quote('id')}, {columns} FROM {quote(Person._meta.db_table)}"
        )


@transaction.atomic
def briefings_rephase(*, plan: Plan) -> int:
    """After a plan's phases changed: its per-phase first-briefing rows made anew from
    attendance, in the caller's transaction. Returns the rows made."""
    PersonBriefing.objects.filter(plan=plan, phase__isnull=False).delete()
    return _insert_first_briefings(plan, by_phase=True)


def coverage_rebuild(*, plan: Plan | None = None) -> int:
    """Recompute every first-briefing row (of one plan, or of all) from attendance, and the
    people's copies coverage counts the roster from. Returns the first-briefing rows made."""
    person_copy_trigger_install(connection=connection)
    _copy_people()
    stale = PersonBriefing.objects.all()
    if plan is not None:
        stale = stale.filter(plan=plan)
    stale.delete()
    return _insert_first_briefings(plan, by_phase=False) + _insert_first_briefings(
        plan, by_phase=True
    )


# QR self check-in -----------------------------------------------------------------------


@transaction.atomic
def checkin_open(*, activity: Activity, opens_at: dt.datetime, closes_at: dt.datetime) -> Activity:
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("Giờ đóng điểm danh phải sau giờ mở điểm danh.")})
    if not activity.checkin_token:
        activity.checkin_token = secrets.token_urlsafe(16)
    activity.checkin_opens_at = opens_at
    activity.checkin_closes_at = closes_at
    activity.save(update_fields=["checkin_token", "checkin_opens_at", "checkin_closes_at"])
    return activity


@transaction.atomic
def checkin_close(*, activity: Activity) -> Activity:
    """Closing also drops the token, so a photographed QR code stops working for good."""
    activity.checkin_token = None
    activity.checkin_opens_at = None
    activity.checkin_closes_at = None
    activity.save(update_fields=["checkin_token", "checkin_opens_at", "checkin_closes_at"])
    return activity


@dataclass(frozen=True)
class CheckinOutcome:
    recorded: bool
    message: str
    field: str | None = None
    rate_limited: bool = False


def _rate_limited(activity: Activity, device: str, address: str, now: dt.datetime) -> bool:
    since = now - CHECKIN_WINDOW
    recent = CheckinAttempt.objects.filter(activity=activity, created_at__gt=since)
    return (
        recent.filter(device=device).count() > CHECKIN_DEVICE_LIMIT
        or recent.filter(address=address).count() > CHECKIN_ADDRESS_LIMIT
        or recent.count() > CHECKIN_ACTIVITY_LIMIT
    )


def _active_people(activity: Activity):
    day = activity.held_on
    return (
        Person.objects.filter(ward_id=activity.ward_id)
        .exclude(active_from__gt=day)
        .exclude(active_to__lt=day)
    )


def _checkin_candidates(activity: Activity, phone: str, name: str, unit: Unit | None):
    if phone:
        return list(_active_people(activity).filter(phone=phone).values_list("pk", flat=True)[:2])
    return list(
        _active_people(activity)
        .filter(unit=unit, search_key=search_key(name))
        .values_list("pk", flat=True)[:2]
    )


@transaction.atomic
def checkin_submit(
    *,
    activity: Activity,
    phone: str,
    full_name: str,
    unit: Unit | None,
    device: str,
    address: str,
    now: dt.datetime | None = None,
) -> CheckinOutcome:
    """One submission of the public check-in form.

    Whether the person was found, queued for review or already recorded, the answer is the
    same sentence, so the page tells a stranger nothing about who is on the roster."""
    now = now or timezone.now()
    CheckinAttempt.objects.create(
        activity=activity, device=device[:64], address=address[:64], created_at=now
    )
    if not activity.checkin_is_open(now):
        return CheckinOutcome(False, _("Ngoài thời gian điểm danh của hoạt động này."))
    if _rate_limited(activity, device, address, now):
        return CheckinOutcome(
            False,
            _("Bạn đã gửi quá nhiều lần. Vui lòng đợi ít phút rồi thử lại."),
            rate_limited=True,
        )
    try:
        phone = normalize_phone(phone)
    except InvalidPhone as error:
        return CheckinOutcome(False, str(error), field="phone")
    name = clean_text(full_name)
    if unit is not None and unit.ward_id != activity.ward_id:
        unit = None
    if not phone and not name:
        return CheckinOutcome(False, _("Hãy nhập số điện thoại, hoặc họ và tên."), field="phone")
    # A name without a unit cannot single anyone out: it waits for staff to match it.
    matches = _checkin_candidates(activity, phone, name, unit) if phone or unit else []
    if len(matches) == 1:
        attendance_add(activity=activity, person_ids=matches, source=AttendanceSource.QR)
    else:
        match_key = phone or f"{search_key(name)}|{unit.pk if unit else ''}"
        CheckinRequest.objects.get_or_create(
            activity=activity,
            match_key=match_key,
            defaults={
                "phone": phone,
                "full_name": name,
                "unit_name": unit.name if unit else "",
            },
        )
    return CheckinOutcome(True, str(CHECKIN_RECORDED))


@transaction.atomic
def checkin_request_add_person(
    *, actor, request: CheckinRequest, unit: Unit, audience_group: AudienceGroup, full_name: str
) -> Person:
    """A resident on no roster yet is added to a unit's list and counted, so checking in at
    another unit's activity is not lost. Only into a unit the actor manages."""
    require(actor, Access.EDIT, unit)
    if unit.ward_id != request.activity.ward_id or audience_group.ward_id != unit.ward_id:
        raise Http404
    person = person_create(
        unit=unit, audience_group=audience_group, full_name=full_name, phone=request.phone
    )
    checkin_request_resolve(request=request, person=person)
    return person


@transaction.atomic
def checkin_request_resolve(*, request: CheckinRequest, person: Person | None) -> None:
    """Accept a queued check-in as this person, or reject it (person None)."""
    if request.status != CheckinStatus.PENDING:
        return
    if person is not None:
        attendance_add(
            activity=request.activity, person_ids=[person.pk], source=AttendanceSource.QR
        )
    request.person = person
    request.status = CheckinStatus.ACCEPTED if person else CheckinStatus.REJECTED
    request.save(update_fields=["person", "status"])


# Sign-in sheets --------------------------------------------------------------------------


def _person_label(person: Person) -> str:
    born = f", {person.date_of_birth.year}" if person.date_of_birth else ""
    return f"{person.full_name} ({person.unit.name}{born})"


def _match_row(activity: Activity, row: SheetRow, units_by_key: dict) -> dict:
    entry = {"row": row.number, "name": row.name, "phone": row.phone_text, "unit": row.unit}
    people = _active_people(activity).select_related("unit")
    candidates: list[Person] = []
    problem = ""
    if row.phone_text:
        try:
            phone = normalize_phone(row.phone_text)
            candidates = list(people.filter(phone=phone)[:10])
        except InvalidPhone as error:
            problem = str(error)
    if not candidates and row.name:
        key = search_key(row.name)
        if row.unit:
            unit_ids = units_by_key.get(search_key(row.unit), [])
            candidates = list(people.filter(search_key=key, unit_id__in=unit_ids)[:10])
        else:
            scope = activity.unit.path
            candidates = list(people.filter(search_key=key, unit__path__startswith=scope)[:10])
    status = {0: "unmatched", 1: "matched"}.get(len(candidates), "ambiguous")
    entry.update(
        status=status,
        person=candidates[0].pk if status == "matched" else None,
        candidates=[[p.pk, _person_label(p)] for p in candidates] if status == "ambiguous" else [],
        problem=problem,
    )
    return entry


@transaction.atomic
def sheet_import_create(*, activity: Activity, upload, user=None) -> SheetImport:
    """Read and match a sign-in sheet; nothing is recorded until the user confirms.

    Raises UploadRejected (bad file) with a message for the user."""
    checked = check_upload(upload, {"xlsx"})
    sheet_rows = read_sign_in_sheet(upload)
    units_by_key: dict[str, list[int]] = {}
    for pk, key in Unit.objects.filter(ward_id=activity.ward_id).values_list("pk", "search_key"):
        units_by_key.setdefault(key, []).append(pk)
    seen: set[int] = set()
    rows = []
    for sheet_row in sheet_rows:
        entry = _match_row(activity, sheet_row, units_by_key)
        if entry["person"] in seen:
            entry["status"] = "duplicate"
        if entry["person"]:
            seen.add(entry["person"])
        rows.append(entry)
    return SheetImport.objects.create(
        activity=activity, file_name=clean_text(checked.name)[:255], rows=rows, created_by=user
    )


@dataclass(frozen=True)
class SheetResult:
    recorded: int
    already: int
    skipped: int


@transaction.atomic
def sheet_import_apply(*, sheet_import: SheetImport, choices: dict[int, int]) -> SheetResult:
    """Record the matched rows and the rows the user settled (`choices`: row number → person).

    A choice must be one the row offered (a candidate, or for an unmatched row a person of
    the activity's unit); anything else is skipped and counted as such."""
    if sheet_import.applied_at is not None:
        raise ValidationError(_("Danh sách này đã được ghi nhận trước đó."))
    activity = sheet_import.activity
    allowed_unmatched = set(
        _active_people(activity)
        .filter(unit__path__startswith=activity.unit.path)
        .values_list("pk", flat=True)
    )
    person_ids, skipped = set(), 0
    for entry in sheet_import.rows:
        offered = {
            "ambiguous": {candidate[0] for candidate in entry["candidates"]},
            "unmatched": allowed_unmatched,
        }.get(entry["status"], set())
        chosen = choices.get(entry["row"])
        if entry["status"] == "matched":
            person_ids.add(entry["person"])
        elif chosen in offered:
            person_ids.add(chosen)
        elif entry["status"] != "duplicate":
            skipped += 1
    added = attendance_add(activity=activity, person_ids=person_ids, source=AttendanceSource.SHEET)
    sheet_import.applied_at = timezone.now()
    sheet_import.save(update_fields=["applied_at"])
    return SheetResult(recorded=added, already=len(person_ids) - added, skipped=skipped)
