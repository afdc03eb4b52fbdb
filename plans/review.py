"""The review screen's forms: filled from a recognised structure (or a saved plan), and read
back into a structure for plan_save."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from plans.forms import (
    BasisFormSet,
    HeaderForm,
    PhaseFormSet,
    ResponsibilityFormSet,
    TargetFormSet,
    TaskFormSet,
)
from plans.matching import named_unit, unit_matches, ward_units
from plans.measures import propose_indicator_kind
from plans.models import IndicatorKind, Plan
from units.models import AudienceGroup, Unit, UnitKind

_KIND_PREFIX, _UNIT_PREFIX = "kind:", "unit:"


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass
class ReviewForms:
    header: HeaderForm
    bases: BasisFormSet
    phases: PhaseFormSet
    targets: TargetFormSet
    tasks: TaskFormSet
    responsibilities: ResponsibilityFormSet

    @property
    def all(self) -> list:
        return [self.header, self.bases, self.phases, self.targets, self.tasks,
                self.responsibilities]  # fmt: skip

    def is_valid(self) -> bool:
        # Every form is validated (no short cut), so each shows its own errors at once.
        return all([form.is_valid() for form in self.all])  # noqa: C419


def owner_choices(ward: Unit) -> list:
    kinds = [
        (_KIND_PREFIX + value, _("Tất cả: %(kind)s") % {"kind": label})
        for value, label in UnitKind.choices
        if value not in (UnitKind.PROVINCE, UnitKind.WARD)
    ]
    units = [(f"{_UNIT_PREFIX}{u.pk}", u.name) for u in ward_units(ward)]
    return [(_("Loại đơn vị"), kinds), (_("Đơn vị cụ thể"), units)]


def _owner_choice(ward: Unit, entry: dict, units: list[Unit]) -> str:
    if entry.get("unit"):
        return f"{_UNIT_PREFIX}{entry['unit']}"
    unit = named_unit(ward=ward, label=entry.get("label") or "", units=units)
    if unit is not None:
        return f"{_UNIT_PREFIX}{unit.pk}"
    return _KIND_PREFIX + (entry.get("unit_kind") or UnitKind.OTHER_AGENCY)


def _owner_entries(values: list[str], labels: dict[str, str], units: dict[int, Unit]) -> list:
    entries = []
    for value in values:
        if value.startswith(_UNIT_PREFIX):
            unit = units.get(int(value[len(_UNIT_PREFIX) :]))
            if unit is not None:
                label = labels.get(value, unit.name)
                entries.append({"label": label, "unit_kind": unit.kind, "unit": unit.pk})
        else:
            kind = value[len(_KIND_PREFIX) :]
            label = labels.get(value, str(UnitKind(kind).label))
            entries.append({"label": label, "unit_kind": kind, "unit": None})
    return entries


def initial_from_structure(ward: Unit, structure: dict, details: dict) -> dict:
    """Initial values of every form, with proposals (indicator kinds, units) filled in."""
    units = ward_units(ward)
    document, signature = structure["document"], structure.get("signature") or {}
    header = {
        "doc_type": document.get("type") or "KẾ HOẠCH",
        "number": document.get("number") or "",
        "parent_issuer": details.get("parent_issuer", ""),
        "issuer": document.get("issuer") or "",
        "place": document.get("place") or "",
        "date": _date(document.get("date")),
        "title": document.get("title") or "",
        "resolution": details.get("resolution", ""),
        "purposes": details.get("purposes", ""),
        "requirements": details.get("requirements", ""),
        "funding": structure.get("funding") or [],
        "recipients": structure.get("recipients") or [],
        "signature_authority": signature.get("authority") or [],
        "signature_title": signature.get("title") or "",
        "signature_name": signature.get("name") or "",
    }
    targets = []
    for target in structure.get("targets") or []:
        kind, channel = target.get("indicator_kind"), target.get("channel")
        if not kind:
            kind, channel = propose_indicator_kind(target)
        phase = target.get("phase")
        targets.append({
            "id": target.get("id"), "text": target.get("text"), "value": target.get("value"),
            "unit": target.get("unit") or "", "audiences": target.get("audiences") or [],
            "phase": f"{phase[0]} – {phase[1]}" if phase else "",
            "indicator_kind": kind, "channel": channel or "",
        })  # fmt: skip
    tasks = [
        {
            "id": task.get("id"), "number": task.get("number") or "",
            "title": task.get("title"), "items": task.get("items") or [],
            "lead": [_owner_choice(ward, e, units) for e in task.get("lead") or []],
            "cooperating": [_owner_choice(ward, e, units) for e in task.get("cooperating") or []],
            "channels": task.get("channels") or [], "timing": task.get("timing") or "",
        }
        for task in structure.get("tasks") or []
    ]  # fmt: skip
    responsibilities = []
    for item in structure.get("responsibilities") or []:
        chosen = item.get("units")
        if chosen is None:
            matched = unit_matches(ward=ward, label=item.get("unit") or "",
                                   kind=item.get("unit_kind") or "")  # fmt: skip
            chosen = [u.pk for u in matched]
        responsibilities.append({
            "number": item.get("number") or "", "unit": item.get("unit") or "",
            "unit_kind": item.get("unit_kind") or "", "units": [str(pk) for pk in chosen],
            "duties": item.get("duties") or "",
        })  # fmt: skip
    return {
        "header": header,
        "bases": [{**b, "date": _date(b.get("date"))} for b in structure["legal_bases"]],
        "phases": structure.get("phases") or [],
        "targets": targets,
        "tasks": tasks,
        "responsibilities": responsibilities,
        "labels": _labels(ward, structure, units),
    }


def _labels(ward: Unit, structure: dict, units: list[Unit]) -> dict[str, str]:
    """Choice → label as the plan wrote it, so a saved assignment keeps the plan's words."""
    labels = {}
    for task in structure.get("tasks") or []:
        for entry in (task.get("lead") or []) + (task.get("cooperating") or []):
            if entry.get("label"):
                labels[_owner_choice(ward, entry, units)] = entry["label"]
    return labels


def build_forms(ward: Unit, data=None, initial: dict | None = None) -> ReviewForms:
    initial = initial or {}
    groups = [(g.code, g.name) for g in AudienceGroup.objects.filter(ward=ward)]
    owners = owner_choices(ward)
    units = [(str(u.pk), u.name) for u in ward_units(ward)]
    return ReviewForms(
        header=HeaderForm(data, prefix="header", initial=initial.get("header")),
        bases=BasisFormSet(data, prefix="bases", initial=initial.get("bases")),
        phases=PhaseFormSet(data, prefix="phases", initial=initial.get("phases")),
        targets=TargetFormSet(
            data,
            prefix="targets",
            initial=initial.get("targets"),
            form_kwargs={"audience_choices": groups},
        ),  # fmt: skip
        tasks=TaskFormSet(
            data,
            prefix="tasks",
            initial=initial.get("tasks"),
            form_kwargs={"owner_choices": owners},
        ),  # fmt: skip
        responsibilities=ResponsibilityFormSet(
            data,
            prefix="responsibilities",
            initial=initial.get("responsibilities"),
            form_kwargs={"unit_choices": units},
        ),  # fmt: skip
    )


def _kept(formset) -> list[dict]:
    # An extra row left blank has no cleaned data; a row ticked for deletion is dropped.
    return [
        f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def structure_from_forms(
    ward: Unit, forms: ReviewForms, sections: list, labels: dict
) -> tuple[dict, dict]:
    """(structure, details) from valid forms, in the shape plan_save takes."""
    header = forms.header.cleaned_data
    units = {u.pk: u for u in ward_units(ward)}
    structure = {
        "document": {
            "type": header["doc_type"], "number": header["number"] or None,
            "issuer": header["issuer"] or None, "place": header["place"] or None,
            "date": _iso(header["date"]), "title": header["title"],
        },
        "legal_bases": [{**b, "date": _iso(b["date"])} for b in _kept(forms.bases)],
        "sections": sections,
        "phases": [
            {"name": p["name"], "start_year": p["start_year"], "end_year": p["end_year"]}
            for p in _kept(forms.phases)
        ],
        "targets": [
            {
                "id": t["id"], "phase": t["phase"], "value": t["value"], "unit": t["unit"],
                "text": t["text"], "audiences": t["audiences"],
                "indicator_kind": t["indicator_kind"] or IndicatorKind.NOT_MEASURED,
                "channel": t["channel"],
            }
            for t in _kept(forms.targets)
        ],
        "tasks": [
            {
                "id": t["id"], "number": t["number"], "title": t["title"], "items": t["items"],
                "lead": _owner_entries(t["lead"], labels, units),
                "cooperating": _owner_entries(t["cooperating"], labels, units),
                "channels": t["channels"], "timing": t["timing"],
            }
            for t in _kept(forms.tasks)
        ],
        "responsibilities": [
            {
                "number": r["number"], "unit": r["unit"], "unit_kind": r["unit_kind"],
                "duties": r["duties"], "units": [int(pk) for pk in r["units"]],
            }
            for r in _kept(forms.responsibilities)
        ],
        "funding": header["funding"],
        "recipients": header["recipients"],
        "signature": {
            "authority": header["signature_authority"], "title": header["signature_title"],
            "name": header["signature_name"],
        },
    }  # fmt: skip
    details = {
        key: header[key] for key in ("parent_issuer", "resolution", "purposes", "requirements")
    }
    return structure, details


def structure_of_plan(plan: Plan) -> tuple[dict, dict]:
    """A saved plan in the import structure, to edit it on the same screen."""
    structure = {
        "document": {
            "type": plan.doc_type, "number": plan.number or None, "issuer": plan.issuer,
            "place": plan.place, "date": _iso(plan.issued_on), "title": plan.title,
        },
        "legal_bases": [
            {"number": b.number, "date": _iso(b.issued_on), "issuer": b.issuer, "text": b.text}
            for b in plan.legal_bases.all()
        ],
        "sections": plan.sections,
        "phases": [
            {"name": p.name, "start_year": p.start_year, "end_year": p.end_year}
            for p in plan.phases.all()
        ],
        "targets": [
            {
                "id": t.pk, "phase": [t.phase.start_year, t.phase.end_year] if t.phase else None,
                "value": t.value, "unit": t.unit, "text": t.text,
                "audiences": [g.code for g in t.audience_groups.all()],
                "indicator_kind": t.indicator_kind, "channel": t.channel,
            }
            for t in plan.targets.select_related("phase").prefetch_related("audience_groups")
        ],
        "tasks": [
            {
                "id": t.pk, "number": t.number, "title": t.title, "items": t.items,
                "lead": _saved_owners(t, "lead"), "cooperating": _saved_owners(t, "cooperate"),
                "channels": t.channels, "timing": t.timing,
            }
            for t in plan.tasks.prefetch_related("assignments")
        ],
        "responsibilities": [
            {
                "number": r.number, "unit": r.unit_label, "unit_kind": r.unit_kind,
                "duties": r.duties, "units": [u.pk for u in r.units.all()],
            }
            for r in plan.responsibilities.prefetch_related("units")
        ],
        "funding": plan.funding,
        "recipients": plan.recipients,
        "signature": {
            "authority": plan.signature_authority, "title": plan.signature_title,
            "name": plan.signature_name,
        },
    }  # fmt: skip
    details = {
        "parent_issuer": plan.parent_issuer, "resolution": plan.resolution,
        "purposes": plan.purposes, "requirements": plan.requirements, "warnings": plan.warnings,
    }  # fmt: skip
    return structure, details


def _saved_owners(task, role: str) -> list[dict]:
    return [
        {"label": a.label, "unit_kind": a.unit_kind, "unit": a.unit_id}
        for a in task.assignments.all()
        if a.role == role
    ]
