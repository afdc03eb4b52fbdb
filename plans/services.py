"""Writes on plans: read an uploaded plan, hold it as a draft for review, save it whole."""

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from common.text import clean_multiline
from common.uploads import UploadRejected, check_upload
from plans.importers import read_blocks, supported_kinds
from plans.importers.parser import ParsedPlan, parse
from plans.importers.targets import AudienceGroupSpec
from plans.matching import named_unit, unit_matches
from plans.measures import propose_indicator_kind
from plans.models import (
    IndicatorKind,
    LegalBasis,
    Phase,
    Plan,
    PlanDraft,
    Responsibility,
    Target,
    Task,
    TaskAssignment,
)
from plans.signals import plan_phases_changed
from plans.textkeys import tidy
from units.models import AudienceGroup, Unit, UnitKind

_TITLE_FALLBACK_WORDS = 30


@dataclass
class PlanSource:
    """A checked, parsed upload: what plan_save needs besides the (reviewed) structure."""

    name: str
    data: bytes
    sha256: str
    parsed: ParsedPlan

    @property
    def details(self) -> dict:
        return {
            "parent_issuer": self.parsed.parent_issuer,
            "resolution": self.parsed.resolution,
            "purposes": self.parsed.purposes,
            "requirements": self.parsed.requirements,
            "warnings": self.parsed.warnings,
        }


@dataclass
class ImportOutcome:
    plan: Plan | None = None
    draft: PlanDraft | None = None
    messages: list[str] = field(default_factory=list)


def audience_specs(*, ward: Unit | None) -> list[AudienceGroupSpec] | None:
    """The ward's groups with their aliases; None (the default groups) without a ward."""
    if ward is None:
        return None
    return [
        AudienceGroupSpec(g.code, (g.name, *g.aliases.splitlines()))
        for g in AudienceGroup.objects.filter(ward=ward)
    ]


def plan_source_read(*, ward: Unit | None, upload, name: str = "") -> PlanSource:
    """Check the file (type by content, size, zip limits) and recognise its structure.

    Raises UploadRejected with a message for the user; nothing is written."""
    checked = check_upload(upload, supported_kinds(), name=name or None)
    stream: IO[bytes] = upload.file if hasattr(upload, "file") else upload
    stream.seek(0)
    data = stream.read()
    blocks = read_blocks(data, checked.kind)
    parsed = parse(blocks, audience_specs(ward=ward))
    if not parsed.text.strip():
        raise UploadRejected(_("Tệp không có nội dung văn bản nào để nhập."))
    return PlanSource(
        name=Path(checked.name).name or f"ke-hoach.{checked.kind}",
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        parsed=parsed,
    )


def _existing(ward: Unit, sha256: str) -> Plan | None:
    return Plan.objects.filter(ward=ward, source_sha256=sha256).first()


def _already_imported(plan: Plan) -> str:
    return _(
        "Tệp này đã được nhập trước đây thành kế hoạch “%(title)s”; không tạo kế hoạch mới."
    ) % {"title": plan.title}


def plan_import(*, ward: Unit, upload, user, name: str = "") -> ImportOutcome:
    """Read an upload into a draft for review; the same file again gives the plan it made."""
    source = plan_source_read(ward=ward, upload=upload, name=name)
    existing = _existing(ward, source.sha256)
    if existing is not None:
        return ImportOutcome(plan=existing, messages=[_already_imported(existing)])
    draft = PlanDraft(
        token=uuid.uuid4(),
        ward=ward,
        created_by=user,
        source_name=source.name,
        source_sha256=source.sha256,
        source_text=source.parsed.text,
        parsed={"structure": source.parsed.structure, **source.details},
    )
    draft.source_file.save(source.name, ContentFile(source.data), save=False)
    draft.save()
    return ImportOutcome(draft=draft, messages=source.parsed.warnings)


def plan_import_file(*, ward: Unit, path: Path | str, user=None) -> ImportOutcome:
    """Import and save at once, as proposed (the command and the demo)."""
    with open(path, "rb") as stream:
        source = plan_source_read(ward=ward, upload=stream, name=Path(path).name)
    existing = _existing(ward, source.sha256)
    if existing is not None:
        return ImportOutcome(plan=existing, messages=[_already_imported(existing)])
    plan = plan_save(
        ward=ward,
        structure=source.parsed.structure,
        details=source.details,
        source=source,
        user=user,
    )
    return ImportOutcome(plan=plan, messages=source.parsed.warnings)


def _date(value) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _title(structure: dict, text: str, name: str) -> str:
    title = tidy(structure["document"].get("title"))
    if title:
        return title
    words = tidy(text).split(" ")[:_TITLE_FALLBACK_WORDS]
    return " ".join(words) or Path(name).stem or _("Kế hoạch")


def _plan_fields(structure: dict, details: dict) -> dict:
    document = structure["document"]
    signature = structure.get("signature") or {}
    return {
        "doc_type": tidy(document.get("type")) or "KẾ HOẠCH",
        "number": tidy(document.get("number")),
        "issuer": tidy(document.get("issuer")),
        "parent_issuer": tidy(details.get("parent_issuer")),
        "place": tidy(document.get("place")),
        "issued_on": _date(document.get("date")),
        "resolution": tidy(details.get("resolution")),
        "purposes": clean_multiline(details.get("purposes")),
        "requirements": clean_multiline(details.get("requirements")),
        "sections": structure.get("sections") or [],
        "funding": [tidy(f) for f in structure.get("funding") or [] if tidy(f)],
        "recipients": [tidy(r) for r in structure.get("recipients") or [] if tidy(r)],
        "signature_authority": [tidy(a) for a in signature.get("authority") or [] if tidy(a)],
        "signature_title": tidy(signature.get("title")),
        "signature_name": tidy(signature.get("name")),
        "warnings": list(details.get("warnings") or []),
    }


@transaction.atomic
def plan_save(
    *,
    ward: Unit,
    structure: dict,
    details: dict | None = None,
    source: PlanSource | PlanDraft | None = None,
    user=None,
    plan: Plan | None = None,
) -> Plan:
    """Save a plan and everything in it in one transaction (a new one, or `plan` updated).

    Targets and tasks keep their rows when the structure carries their `id`, so records
    that point at them (activities) survive an edit."""
    details = details or {}
    fields = _plan_fields(structure, details)
    if plan is None:
        sha256 = getattr(source, "sha256", None) or getattr(source, "source_sha256", "")
        existing = _existing(ward, sha256) if sha256 else None
        if existing is not None:
            return existing
        text = getattr(getattr(source, "parsed", None), "text", None)
        text = text if text is not None else getattr(source, "source_text", "")
        name = getattr(source, "name", None) or getattr(source, "source_name", "")
        plan = Plan(
            ward=ward,
            created_by=user,
            source_sha256=sha256,
            source_name=name,
            source_text=text or "",
            title=_title(structure, text or "", name),
        )
        _attach_file(plan, source)
    fields["title"] = _title(structure, plan.source_text, plan.source_name)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean(exclude=["source_file", "ward", "created_by"])
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        return Plan.objects.get(ward=ward, source_sha256=plan.source_sha256)
    _save_bases(plan, structure.get("legal_bases") or [])
    years_before = _phase_years(plan)
    phases = _save_phases(plan, structure.get("phases") or [])
    _save_targets(plan, structure.get("targets") or [], phases)
    _save_tasks(plan, structure.get("tasks") or [])
    _save_responsibilities(plan, structure.get("responsibilities") or [])
    if _phase_years(plan) != years_before:
        plan_phases_changed.send(sender=Plan, plan=plan)
    return plan


def _phase_years(plan: Plan) -> set[tuple[int, int]]:
    return set(plan.phases.values_list("start_year", "end_year"))


def _attach_file(plan: Plan, source) -> None:
    if isinstance(source, PlanSource):
        plan.source_file.save(source.name, ContentFile(source.data), save=False)
    elif isinstance(source, PlanDraft) and source.source_file:
        with source.source_file.open("rb") as stream:
            plan.source_file.save(source.source_name, ContentFile(stream.read()), save=False)


def _save_bases(plan: Plan, bases: list[dict]) -> None:
    plan.legal_bases.all().delete()
    LegalBasis.objects.bulk_create(
        LegalBasis(
            plan=plan,
            order=order,
            number=tidy(basis.get("number")),
            issued_on=_date(basis.get("date")),
            issuer=tidy(basis.get("issuer")),
            text=clean_multiline(basis.get("text")) or tidy(basis.get("number")),
        )
        for order, basis in enumerate(bases)
        if tidy(basis.get("text")) or tidy(basis.get("number"))
    )


def _save_phases(plan: Plan, phases: list[dict]) -> dict[tuple[int, int], Phase]:
    kept: dict[tuple[int, int], Phase] = {}
    for order, item in enumerate(phases):
        years = (int(item["start_year"]), int(item["end_year"]))
        phase = plan.phases.filter(start_year=years[0], end_year=years[1]).first() or Phase(
            plan=plan, start_year=years[0], end_year=years[1]
        )
        phase.order, phase.name = order, tidy(item.get("name")) or f"{years[0]} – {years[1]}"
        phase.save()
        kept[years] = phase
    plan.phases.exclude(pk__in=[p.pk for p in kept.values()]).delete()
    return kept


def _phase_for(plan: Plan, years, phases: dict) -> Phase | None:
    if not years:
        return None
    start, end = int(years[0]), int(years[1])
    if (start, end) not in phases:
        phases[(start, end)] = Phase.objects.create(
            plan=plan, order=len(phases), name=f"{start} – {end}", start_year=start, end_year=end
        )
    return phases[(start, end)]


def _save_targets(plan: Plan, targets: list[dict], phases: dict) -> None:
    groups = {g.code: g for g in AudienceGroup.objects.filter(ward=plan.ward)}
    existing = {t.pk: t for t in plan.targets.all()}
    kept = []
    for order, item in enumerate(targets):
        target = existing.get(item.get("id")) or Target(plan=plan)
        kind, channel = item.get("indicator_kind"), item.get("channel")
        if not kind:
            kind, channel = propose_indicator_kind(item)
        target.order = order
        target.phase = _phase_for(plan, item.get("phase"), phases)
        target.value = item.get("value")
        target.unit = tidy(item.get("unit"))
        target.text = clean_multiline(item.get("text"))
        target.indicator_kind = kind if kind in IndicatorKind.values else IndicatorKind.NOT_MEASURED
        target.channel = tidy(channel)
        target.save()
        target.audience_groups.set(
            [groups[code] for code in item.get("audiences") or [] if code in groups]
        )
        kept.append(target.pk)
    plan.targets.exclude(pk__in=kept).delete()


def _save_tasks(plan: Plan, tasks: list[dict]) -> None:
    existing = {t.pk: t for t in plan.tasks.all()}
    kept = []
    for order, item in enumerate(tasks):
        task = existing.get(item.get("id")) or Task(plan=plan)
        task.order = order
        task.number = tidy(item.get("number"))[:20]
        task.title = clean_multiline(item.get("title")) or task.number
        task.items = [tidy(i) for i in item.get("items") or [] if tidy(i)]
        task.channels = [tidy(c) for c in item.get("channels") or [] if tidy(c)]
        task.timing = tidy(item.get("timing"))[:255]
        task.save()
        task.assignments.all().delete()
        TaskAssignment.objects.bulk_create(
            _assignments(plan.ward, task, "lead", item.get("lead") or [])
            + _assignments(plan.ward, task, "cooperate", item.get("cooperating") or [])
        )
        kept.append(task.pk)
    plan.tasks.exclude(pk__in=kept).delete()


def _assignments(ward: Unit, task: Task, role: str, entries: list[dict]) -> list[TaskAssignment]:
    made, seen = [], set()
    for entry in entries:
        label = tidy(entry.get("label"))
        kind = entry.get("unit_kind") or ""
        if entry.get("unit"):
            unit = Unit.objects.filter(ward=ward, pk=entry["unit"]).first()
        else:
            unit = named_unit(ward=ward, label=label) if label else None
        if unit is not None:
            kind = unit.kind
        if kind not in UnitKind.values:
            kind = UnitKind.OTHER_AGENCY
        marker = (unit.pk if unit else None, kind)
        if marker in seen:
            continue
        seen.add(marker)
        made.append(
            TaskAssignment(task=task, role=role, unit=unit, unit_kind=kind, label=label[:255])
        )
    return made


def _save_responsibilities(plan: Plan, items: list[dict]) -> None:
    plan.responsibilities.all().delete()
    for order, item in enumerate(items):
        label = tidy(item.get("unit")) or tidy(item.get("number"))
        kind = item.get("unit_kind") or ""
        responsibility = Responsibility.objects.create(
            plan=plan,
            order=order,
            number=tidy(item.get("number"))[:20],
            unit_label=label[:255],
            unit_kind=kind if kind in UnitKind.values else "",
            duties=clean_multiline(item.get("duties")),
        )
        if "units" in item:
            units = Unit.objects.filter(ward=plan.ward, pk__in=item["units"] or [])
        else:
            units = unit_matches(ward=plan.ward, label=label, kind=kind)
        responsibility.units.set(units)


@transaction.atomic
def plan_draft_keep(*, draft: PlanDraft, posted: dict) -> PlanDraft:
    """Keep what the reviewer typed, valid or not, so a reload or an error loses nothing."""
    draft.review = posted
    draft.save(update_fields=["review", "updated_at"])
    return draft


@transaction.atomic
def plan_draft_save(*, draft: PlanDraft, structure: dict, details: dict, user) -> Plan:
    plan = plan_save(ward=draft.ward, structure=structure, details=details, source=draft, user=user)
    draft_file = draft.source_file
    draft.delete()
    transaction.on_commit(lambda: draft_file.delete(save=False))
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, structure: dict, details: dict, user) -> Plan:
    return plan_save(ward=plan.ward, structure=structure, details=details, user=user, plan=plan)


def target_confirm(*, target: Target, indicator_kind: str, audiences: list[str] = ()) -> Target:
    """Set how a target is measured (and, when given, whom it counts)."""
    target.indicator_kind = indicator_kind
    target.save(update_fields=["indicator_kind"])
    if audiences:
        target.audience_groups.set(
            AudienceGroup.objects.filter(ward=target.plan.ward, code__in=audiences)
        )
    return target
