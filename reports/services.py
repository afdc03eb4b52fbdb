"""Writes: schedules, the unit report's review cycle, difficulties, the ward report.

Every write checks permission through accounts.scoping and the report's lock here, so a form,
an API call, a command and the admin are refused alike.
"""

import datetime as dt
from collections.abc import Iterable

from auditlog.context import set_extra_data
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.scoping import Access, require
from common.i18n import in_official_language
from common.text import clean_multiline, clean_text
from common.uploads import check_upload
from plans.models import Plan
from reports.figures import unit_figures
from reports.models import (
    ATTACHMENT_KINDS,
    NARRATIVE_FIELDS,
    PERIODIC_KINDS,
    Difficulty,
    DifficultyStatus,
    ReportSchedule,
    ReportStatus,
    ScheduleObligation,
    UnitReport,
    UnitReportAttachment,
    UnitReportVersion,
    VersionAction,
    WardReport,
    WardSettings,
)
from reports.periods import parse_period
from reports.selectors import (
    difficulties_open,
    schedule_period,
    schedule_units,
    schedules_of_period,
    ward_report_next_number,
    ward_report_of_period,
)
from units.models import Unit, UnitKind


class ReportLocked(ValidationError):
    """The report was accepted; only a coordinator's reopening (with a reason) unlocks it."""


def _locked_error() -> ReportLocked:
    return ReportLocked(
        _(
            "Báo cáo đã được chấp nhận nên đã khóa, không thể sửa. Nếu cần sửa, Phòng Văn hóa – "
            "Xã hội mở lại báo cáo và ghi rõ lý do."
        )
    )


def _period_or_error(schedule: ReportSchedule, period_code: str):
    try:
        return schedule_period(schedule=schedule, period_code=period_code)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def _require_begun(label: str, window_start: dt.date, outcome: str) -> None:
    """A report speaks for data already gathered: before its window begins there is nothing
    to report, and an accepted report would lock figures that are still to come."""
    if window_start > timezone.localdate():
        raise ValidationError(
            _("Kỳ %(period)s chưa bắt đầu: số liệu tính từ ngày %(start)s; %(outcome)s.")
            % {"period": label, "start": window_start.strftime("%d/%m/%Y"), "outcome": outcome}
        )


def _require_report_begun(report: UnitReport, outcome: str) -> None:
    period = _period_or_error(report.schedule, report.period_code)
    _require_begun(period.label, period.window.start, outcome)


# Schedules -----------------------------------------------------------------------------------


def _validate_schedule(schedule: ReportSchedule) -> None:
    if schedule.kind not in PERIODIC_KINDS:
        if not (schedule.starts_on and schedule.ends_on and schedule.due_on):
            raise ValidationError(
                _("Báo cáo chuyên đề, đột xuất phải có ngày bắt đầu, ngày kết thúc và hạn gửi.")
            )
        if schedule.ends_on < schedule.starts_on:
            raise ValidationError(_("Ngày kết thúc số liệu phải sau ngày bắt đầu."))
        if schedule.due_on <= schedule.ends_on:
            raise ValidationError(_("Hạn gửi phải sau ngày chốt số liệu ít nhất một ngày."))
    else:
        schedule.starts_on = schedule.ends_on = schedule.due_on = None
    if schedule.working_days < 1:
        raise ValidationError(_("Số ngày làm việc sau ngày chốt số liệu phải từ 1 trở lên."))
    schedule.full_clean(exclude=["plan"])


def _set_obligations(
    schedule: ReportSchedule, unit_kinds: Iterable[str], units: Iterable[Unit]
) -> None:
    kinds, chosen = sorted(set(unit_kinds)), list(units)
    if not kinds and not chosen:
        raise ValidationError(_("Chọn ít nhất một loại đơn vị hoặc một đơn vị phải báo cáo."))
    wrong_kind = [k for k in kinds if k not in UnitKind.values]
    if wrong_kind:
        raise ValidationError(_("Loại đơn vị không hợp lệ: %(kinds)s.") % {"kinds": wrong_kind})
    outside = [u.name for u in chosen if u.ward_id != schedule.plan.ward_id or u.is_ward]
    if outside:
        raise ValidationError(
            _("Đơn vị không thuộc phường của kế hoạch: %(names)s.") % {"names": ", ".join(outside)}
        )
    schedule.obligations.all().delete()
    ScheduleObligation.objects.bulk_create(
        [ScheduleObligation(schedule=schedule, unit_kind=k) for k in kinds]
        + [ScheduleObligation(schedule=schedule, unit=u) for u in chosen]
    )


@transaction.atomic
def schedule_create(
    *,
    actor,
    plan: Plan,
    name: str,
    kind: str,
    working_days: int,
    unit_kinds: Iterable[str] = (),
    units: Iterable[Unit] = (),
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    due_on: dt.date | None = None,
) -> ReportSchedule:
    require(actor, Access.MANAGE, plan.ward)
    schedule = ReportSchedule(
        plan=plan,
        name=clean_text(name),
        kind=kind,
        working_days=working_days,
        starts_on=starts_on,
        ends_on=ends_on,
        due_on=due_on,
    )
    _validate_schedule(schedule)
    schedule.save()
    _set_obligations(schedule, unit_kinds, units)
    return schedule


@transaction.atomic
def schedule_update(
    *,
    actor,
    schedule: ReportSchedule,
    name: str,
    kind: str,
    working_days: int,
    unit_kinds: Iterable[str] = (),
    units: Iterable[Unit] = (),
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    due_on: dt.date | None = None,
    is_active: bool = True,
) -> ReportSchedule:
    require(actor, Access.MANAGE, schedule.plan.ward)
    if kind != schedule.kind and schedule.unit_reports.exists():
        raise ValidationError(_("Lịch đã có báo cáo của đơn vị nên không đổi được loại báo cáo."))
    schedule.name, schedule.kind, schedule.working_days = clean_text(name), kind, working_days
    schedule.starts_on, schedule.ends_on, schedule.due_on = starts_on, ends_on, due_on
    schedule.is_active = is_active
    _validate_schedule(schedule)
    schedule.save()
    _set_obligations(schedule, unit_kinds, units)
    return schedule


# Unit reports --------------------------------------------------------------------------------


def _owes(schedule: ReportSchedule, unit: Unit) -> bool:
    return schedule_units(schedule=schedule).filter(pk=unit.pk).exists()


def _new_report(schedule: ReportSchedule, period, unit: Unit) -> UnitReport:
    return UnitReport(
        schedule=schedule,
        period_code=period.code,
        unit=unit,
        ward_id=unit.ward_id,
        window_start=period.window.start,
        window_end=period.window.end,
        due_on=period.due_on,
        figures=unit_figures(unit, schedule.plan, period.window),
    )


@transaction.atomic
def unit_report_open(
    *, actor, schedule: ReportSchedule, period_code: str, unit: Unit
) -> UnitReport:
    """The unit's report for the period, created as a draft prefilled with its figures."""
    require(actor, Access.EDIT, unit)
    period = _period_or_error(schedule, period_code)
    _require_begun(period.label, period.window.start, _("chưa lập báo cáo được"))
    if not _owes(schedule, unit):
        raise ValidationError(
            _("%(unit)s không thuộc danh sách đơn vị phải gửi báo cáo này.") % {"unit": unit}
        )
    existing = UnitReport.objects.filter(
        schedule=schedule, period_code=period.code, unit=unit
    ).first()
    if existing:
        return existing
    report = _new_report(schedule, period, unit)
    report.save()
    return report


@transaction.atomic
def unit_reports_open_all(*, actor, schedule: ReportSchedule, period_code: str) -> int:
    """Create the drafts of every unit that owes the period's report; returns how many were
    new."""
    require(actor, Access.MANAGE, schedule.plan.ward)
    period = _period_or_error(schedule, period_code)
    _require_begun(period.label, period.window.start, _("chưa lập báo cáo được"))
    have = set(
        UnitReport.objects.filter(schedule=schedule, period_code=period.code).values_list(
            "unit_id", flat=True
        )
    )
    new = [
        _new_report(schedule, period, unit)
        for unit in schedule_units(schedule=schedule)
        if unit.pk not in have
    ]
    UnitReport.objects.bulk_create(new)
    return len(new)


def unit_report_ensure_editable(*, report: UnitReport) -> None:
    """The one lock check every write path passes."""
    if report.is_locked:
        raise _locked_error()
    if report.status == ReportStatus.SUBMITTED:
        raise ValidationError(_("Báo cáo đã gửi và đang chờ duyệt; chỉ sửa được khi bị trả lại."))


def _lock_row(report: UnitReport) -> UnitReport:
    """Re-read the report under a row lock so two reviewers cannot act on the same state."""
    return UnitReport.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def unit_report_save(*, actor, report: UnitReport, **narrative: str) -> UnitReport:
    require(actor, Access.EDIT, report.unit)
    current = _lock_row(report)
    unit_report_ensure_editable(report=current)
    unknown = set(narrative) - set(NARRATIVE_FIELDS)
    if unknown:
        raise ValidationError(_("Không có mục %(names)s trong báo cáo.") % {"names": unknown})
    for name, value in narrative.items():
        setattr(current, name, clean_multiline(value))
    current.save(update_fields=[*narrative, "updated_at"])
    return current


def _snapshot(report: UnitReport) -> dict:
    content = {name: getattr(report, name) for name in NARRATIVE_FIELDS}
    content["figures"] = report.figures
    content["attachments"] = list(report.attachments.values_list("name", flat=True))
    content["difficulties"] = list(report.difficulties.values_list("text", flat=True))
    return content


def _record_version(report: UnitReport, action: str, actor, comment: str = "") -> None:
    number = report.versions.count() + 1
    UnitReportVersion.objects.create(
        report=report,
        number=number,
        action=action,
        status=report.status,
        content=_snapshot(report),
        comment=comment,
        actor=actor,
    )


@transaction.atomic
def unit_report_submit(*, actor, report: UnitReport) -> UnitReport:
    require(actor, Access.EDIT, report.unit)
    current = _lock_row(report)
    unit_report_ensure_editable(report=current)
    _require_report_begun(current, _("chưa gửi được"))
    if not current.results.strip():
        raise ValidationError(_("Mục “Kết quả thực hiện” chưa có nội dung; chưa gửi được."))
    # Figures are taken afresh at each submission, so the coordinator reviews what the records
    # say on the day the unit vouches for them.
    current.figures = unit_figures(
        current.unit,
        current.schedule.plan,
        schedule_period(schedule=current.schedule, period_code=current.period_code).window,
    )
    now = timezone.now()
    current.status = ReportStatus.SUBMITTED
    current.submitted_at = now
    current.first_submitted_at = current.first_submitted_at or now
    current.save()
    _record_version(current, VersionAction.SUBMIT, actor)
    return current


def _require_review(actor, report: UnitReport, expected: str, message: str) -> UnitReport:
    require(actor, Access.MANAGE, report.unit)
    current = _lock_row(report)
    if current.status != expected:
        raise ValidationError(message)
    return current


@transaction.atomic
def unit_report_return(*, actor, report: UnitReport, comment: str) -> UnitReport:
    current = _require_review(
        actor, report, ReportStatus.SUBMITTED, _("Chỉ trả lại được báo cáo đang chờ duyệt.")
    )
    comment = clean_multiline(comment)
    if not comment:
        raise ValidationError(_("Ghi rõ ý kiến để đơn vị biết cần sửa gì."))
    current.status = ReportStatus.RETURNED
    current.review_comment = comment
    current.save(update_fields=["status", "review_comment", "updated_at"])
    _record_version(current, VersionAction.RETURN, actor, comment)
    return current


@transaction.atomic
def unit_report_accept(*, actor, report: UnitReport, comment: str = "") -> UnitReport:
    current = _require_review(
        actor, report, ReportStatus.SUBMITTED, _("Chỉ chấp nhận được báo cáo đang chờ duyệt.")
    )
    _require_report_begun(current, _("chưa chấp nhận được"))
    current.status = ReportStatus.ACCEPTED
    current.accepted_at = timezone.now()
    current.review_comment = clean_multiline(comment)
    current.save(update_fields=["status", "accepted_at", "review_comment", "updated_at"])
    _record_version(current, VersionAction.ACCEPT, actor, current.review_comment)
    return current


@transaction.atomic
def unit_report_reopen(*, actor, report: UnitReport, reason: str) -> UnitReport:
    """Unlock an accepted report for the unit to revise; the reason goes into the version row
    and the audit log."""
    current = _require_review(
        actor, report, ReportStatus.ACCEPTED, _("Chỉ mở lại được báo cáo đã chấp nhận.")
    )
    reason = clean_multiline(reason)
    if not reason:
        raise ValidationError(_("Phải ghi lý do mở lại báo cáo đã chấp nhận."))
    current.status = ReportStatus.RETURNED
    current.accepted_at = None
    current.review_comment = reason
    with set_extra_data({"actor": actor, "additional_data": {"reopen_reason": reason}}):
        current.save(update_fields=["status", "accepted_at", "review_comment", "updated_at"])
    _record_version(current, VersionAction.REOPEN, actor, reason)
    return current


@transaction.atomic
def unit_report_attach(*, actor, report: UnitReport, upload) -> UnitReportAttachment:
    require(actor, Access.EDIT, report.unit)
    unit_report_ensure_editable(report=_lock_row(report))
    checked = check_upload(upload, ATTACHMENT_KINDS)
    return UnitReportAttachment.objects.create(
        report=report,
        file=upload,
        name=clean_text(checked.name)[:255] or _("tệp đính kèm"),
        kind=checked.kind,
        size=checked.size,
        uploaded_by=actor,
    )


@transaction.atomic
def unit_report_detach(*, actor, attachment: UnitReportAttachment) -> None:
    require(actor, Access.EDIT, attachment.report.unit)
    unit_report_ensure_editable(report=_lock_row(attachment.report))
    attachment.file.delete(save=False)
    attachment.delete()


# Difficulties --------------------------------------------------------------------------------


@transaction.atomic
def difficulty_raise(
    *, actor, unit: Unit, text: str, report: UnitReport | None = None
) -> Difficulty:
    require(actor, Access.EDIT, unit)
    text = clean_multiline(text)
    if not text:
        raise ValidationError(_("Ghi nội dung khó khăn, vướng mắc."))
    if report is not None:
        if report.unit_id != unit.pk:
            raise ValidationError(_("Báo cáo này không phải của đơn vị."))
        unit_report_ensure_editable(report=_lock_row(report))
    return Difficulty.objects.create(
        ward_id=unit.ward_id, unit=unit, report=report, text=text, raised_by=actor
    )


def _difficulty_reply(actor, difficulty: Difficulty, status: str, answer: str) -> Difficulty:
    require(actor, Access.MANAGE, difficulty.unit)
    answer = clean_multiline(answer)
    if status == DifficultyStatus.ANSWERED and not answer:
        raise ValidationError(_("Ghi nội dung trả lời."))
    if status == DifficultyStatus.ESCALATED and difficulty.status == DifficultyStatus.RESOLVED:
        raise ValidationError(_("Vướng mắc đã giải quyết; không cần báo cáo lãnh đạo."))
    difficulty.status = status
    if answer:
        difficulty.answer = answer
    difficulty.answered_by = actor
    difficulty.answered_at = timezone.now()
    difficulty.save(update_fields=["status", "answer", "answered_by", "answered_at"])
    return difficulty


def difficulty_answer(*, actor, difficulty: Difficulty, answer: str) -> Difficulty:
    return _difficulty_reply(actor, difficulty, DifficultyStatus.ANSWERED, answer)


def difficulty_resolve(*, actor, difficulty: Difficulty, answer: str = "") -> Difficulty:
    return _difficulty_reply(actor, difficulty, DifficultyStatus.RESOLVED, answer)


def difficulty_escalate(*, actor, difficulty: Difficulty, answer: str = "") -> Difficulty:
    return _difficulty_reply(actor, difficulty, DifficultyStatus.ESCALATED, answer)


# Ward settings and the ward report -----------------------------------------------------------

_WARD_PREFIXES = ("Phường ", "Xã ", "Đặc khu ", "Thị trấn ")


def _place_of(ward: Unit) -> str:
    for prefix in _WARD_PREFIXES:
        if ward.name.startswith(prefix):
            return ward.name[len(prefix) :]
    return ward.name


def _default_settings(ward: Unit) -> WardSettings:
    return WardSettings(
        ward=ward,
        issuing_body=f"ỦY BAN NHÂN DÂN\n{ward.name.upper()}",
        place_name=_place_of(ward),
        signer_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
    )


def ward_settings_read(*, ward: Unit) -> WardSettings:
    """The ward's document settings, or the defaults from its official name (not saved), for
    readers such as an export that must not write."""
    return WardSettings.objects.filter(ward=ward).first() or _default_settings(ward)


def ward_settings_get(*, ward: Unit) -> WardSettings:
    """The ward's document settings, created from its official name the first time."""
    found = ward_settings_read(ward=ward)
    if found.pk is None:
        defaults = {
            name: getattr(found, name)
            for name in ("issuing_body", "place_name", "signer_authority", "signer_title")
        }
        found, _created = WardSettings.objects.get_or_create(ward=ward, defaults=defaults)
    return found


_SETTINGS_TEXT = {"parent_body", "place_name", "symbol_suffix", "archive_line", "signer_title"}
_SETTINGS_LINES = {"issuing_body", "default_recipients", "signer_authority"}


@transaction.atomic
def ward_settings_update(*, actor, ward: Unit, **values: str) -> WardSettings:
    require(actor, Access.MANAGE, ward)
    ward_settings = ward_settings_get(ward=ward)
    for name, value in values.items():
        if name in _SETTINGS_LINES:
            value = clean_multiline(value)
        elif name in _SETTINGS_TEXT or name == "signer_name":
            value = clean_text(value)
        else:
            raise ValidationError(_("Không có mục thiết lập %(name)s.") % {"name": name})
        setattr(ward_settings, name, value)
    ward_settings.full_clean(exclude=["ward"])
    ward_settings.save()
    return ward_settings


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


_SECTIONS = [
    ("I. KẾT QUẢ THỰC HIỆN", [("", "results")]),
    (
        "II. ĐÁNH GIÁ CHUNG",
        [("1. Ưu điểm", "strengths"), ("2. Hạn chế, tồn tại và nguyên nhân", "shortcomings")],
    ),
    ("III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", [("", "next_tasks")]),
    ("IV. ĐỀ XUẤT, KIẾN NGHỊ", [("", "proposals")]),
]


def ward_narrative_compile(*, reports: list[UnitReport], difficulties: list[Difficulty]) -> str:
    """A first draft of the ward report's body: each section gathers what the accepted units
    wrote, unit by unit, for the coordinator to edit into one text."""
    lines: list[str] = []
    for heading, parts in _SECTIONS:
        lines.append(heading)
        for title, field in parts:
            if title:
                lines.append(title)
            for report in reports:
                text = getattr(report, field).strip()
                if text:
                    lines.append(f"{report.unit.name}: {text}")
        if heading.startswith("II.") and difficulties:
            lines.append(_("3. Khó khăn, vướng mắc"))
            lines += [f"- {d.unit.name}: {d.text}" for d in difficulties]
    return "\n".join(lines)


@in_official_language
def ward_report_build(
    *, schedule: ReportSchedule, period_code: str, issued_on: dt.date, actor=None
) -> WardReport:
    """The ward report as first compiled, not saved: figures from the indicators module for the
    period, the accepted units' narratives, the open difficulties, the next free number and the
    ward's settings. The page saves it; `export_report` prints it as is when the ward has not
    made its report for the period yet, so both show the same figures."""
    ward = schedule.plan.ward
    period = _period_or_error(schedule, period_code)
    ward_settings = ward_settings_read(ward=ward)
    accepted = list(
        UnitReport.objects.filter(
            schedule=schedule, period_code=period.code, status=ReportStatus.ACCEPTED
        )
        .select_related("unit")
        .order_by("unit__sort_key")
    )
    open_difficulties = list(difficulties_open(ward=ward))
    subject = _("Kết quả %(title)s, %(period)s") % {
        "title": _lower_first(clean_text(schedule.plan.title)),
        "period": _lower_first(period.label),
    }
    return WardReport(
        ward=ward,
        schedule=schedule,
        period_code=period.code,
        symbol_suffix=ward_settings.symbol_suffix,
        year=issued_on.year,
        number=ward_report_next_number(ward=ward, year=issued_on.year),
        issued_on=issued_on,
        place=ward_settings.place_name,
        subject=subject,
        narrative=ward_narrative_compile(reports=accepted, difficulties=open_difficulties),
        recipients=ward_settings.default_recipients,
        signer_authority=ward_settings.signer_authority,
        signer_title=ward_settings.signer_title,
        signer_name=ward_settings.signer_name,
        figures=unit_figures(ward, schedule.plan, period.window),
        created_by=actor,
    )


@transaction.atomic
def ward_report_create(
    *, actor, schedule: ReportSchedule, period_code: str, issued_on: dt.date
) -> WardReport:
    require(actor, Access.MANAGE, schedule.plan.ward)
    report = ward_report_build(
        schedule=schedule, period_code=period_code, issued_on=issued_on, actor=actor
    )
    report.save()
    return report


@transaction.atomic
def ward_report_refresh_figures(*, actor, report: WardReport) -> WardReport:
    """Take the figures afresh from the indicators module: after a late unit report is
    accepted, or a difficulty is resolved, before the report is signed."""
    require(actor, Access.MANAGE, report.ward)
    period = _period_or_error(report.schedule, report.period_code)
    report.figures = unit_figures(report.ward, report.schedule.plan, period.window)
    report.save(update_fields=["figures", "updated_at"])
    return report


_WARD_REPORT_TEXT = {"place", "subject", "signer_title", "signer_name"}
_WARD_REPORT_LINES = {"narrative", "recipients", "signer_authority"}


@transaction.atomic
def ward_report_update(
    *, actor, report: WardReport, number: int, issued_on: dt.date, **values: str
) -> WardReport:
    require(actor, Access.MANAGE, report.ward)
    for name, value in values.items():
        if name in _WARD_REPORT_LINES:
            setattr(report, name, clean_multiline(value))
        elif name in _WARD_REPORT_TEXT:
            setattr(report, name, clean_text(value))
        else:
            raise ValidationError(_("Không có mục %(name)s trong báo cáo.") % {"name": name})
    clash = (
        WardReport.objects.filter(
            ward=report.ward, doc_symbol=report.doc_symbol, year=issued_on.year, number=number
        )
        .exclude(pk=report.pk)
        .exists()
    )
    report.number, report.issued_on, report.year = number, issued_on, issued_on.year
    if clash:
        raise ValidationError(
            {
                "number": _("Số %(number)s năm %(year)s đã dùng cho một báo cáo khác.")
                % {"number": report.number_text, "year": issued_on.year}
            }
        )
    report.full_clean(exclude=["ward", "schedule", "created_by"])
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"number": _("Số này vừa được dùng cho một báo cáo khác; chọn số khác.")}
        ) from exc
    return report


def _ward_by_code(code: str) -> Unit:
    unit = Unit.objects.select_related("ward").filter(code=code.strip()).first()
    if unit is None:
        raise ValidationError(_("Không có đơn vị mã “%(code)s”.") % {"code": code})
    if unit.kind != UnitKind.WARD:
        if unit.ward_id:
            raise ValidationError(
                _(
                    "“%(unit)s” là đơn vị thuộc %(ward)s; báo cáo của phường xuất theo mã "
                    "phường: %(code)s."
                )
                % {"unit": unit.name, "ward": unit.ward.name, "code": unit.ward.code}
            )
        raise ValidationError(
            _("“%(unit)s” không phải phường, xã; hãy dùng mã của một phường, xã.")
            % {"unit": unit.name}
        )
    return unit


def _schedule_for_export(ward: Unit, period, schedule_id: int | None) -> ReportSchedule:
    if not Plan.objects.filter(ward=ward).exists():
        raise ValidationError(
            _("%(ward)s chưa có kế hoạch nào nên chưa có báo cáo để xuất.") % {"ward": ward.name}
        )
    schedules = schedules_of_period(ward=ward, period=period)
    if schedule_id is not None:
        schedules = [s for s in schedules if s.pk == schedule_id]
    if not schedules:
        raise ValidationError(
            _(
                "%(ward)s chưa có lịch báo cáo nào cho kỳ “%(code)s” (%(label)s). Phòng Văn hóa "
                "– Xã hội tạo lịch ở trang Lịch báo cáo."
            )
            % {"ward": ward.name, "code": period.code, "label": period.label}
        )
    if len(schedules) > 1:
        raise ValidationError(
            _("Có nhiều lịch báo cáo cho kỳ này; chọn một bằng --schedule: %(list)s.")
            % {"list": "; ".join(f"{s.pk} = {s.name}" for s in schedules)}
        )
    return schedules[0]


def ward_report_for_export(
    *, ward_code: str, period_code: str, issued_on: dt.date, schedule_id: int | None = None
) -> tuple[WardReport, bool]:
    """(the ward report to print, whether it is the saved one). A ward that has made its report
    for the period gets exactly that report; otherwise the report is built as the page would
    first compile it on `issued_on` and NOT saved: printing from the command line must not
    take a number from the ward's register or create records nobody asked the coordinator
    for."""
    ward = _ward_by_code(ward_code)
    try:
        period = parse_period(period_code)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    schedule = _schedule_for_export(ward, period, schedule_id)
    saved = ward_report_of_period(schedule=schedule, period_code=period.code)
    if saved is not None:
        return saved, True
    return ward_report_build(schedule=schedule, period_code=period.code, issued_on=issued_on), False
