import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.formatting import format_number
from common.periods import parse_period
from indicators.scope import scope_build
from indicators.selectors import figures_json, indicator_figures
from plans.models import Phase, Plan
from units.models import Unit


class Command(BaseCommand):
    help = _(
        "In các chỉ số của một đơn vị (cùng số liệu với bảng điều khiển). "
        "Ví dụ: manage.py indicators --unit 19815 --period 2026-Q1 --json"
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help=_("Mã đơn vị, ví dụ 19815"))
        parser.add_argument("--period", default="", help="2026-01, 2026-Q1, 2026-H1, 2026-9M, 2026")
        parser.add_argument(
            "--phase", default="", help=_("Giai đoạn: số thứ tự (1, 2) hoặc năm (2026-2030)")
        )
        parser.add_argument("--plan", type=int, default=None, help=_("Mã số kế hoạch (id)"))
        parser.add_argument("--json", action="store_true", help=_("In dạng JSON"))

    def handle(self, *args, **options):
        unit = Unit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(_("Không có đơn vị mã “%(code)s”.") % {"code": options["unit"]})
        try:
            period = parse_period(options["period"]) if options["period"] else None
        except ValueError as error:
            raise CommandError(str(error)) from error
        plan = None
        if options["plan"] is not None:
            plan = Plan.objects.filter(pk=options["plan"]).first()
            if plan is None:
                raise CommandError(_("Không có kế hoạch số %(id)s.") % {"id": options["plan"]})
        scope = scope_build(root=unit, plan=plan, period=period)
        if options["phase"]:
            phase = _phase(scope.plan, options["phase"])
            scope = scope_build(root=unit, plan=scope.plan, period=period, phase=phase)
        figures = indicator_figures(scope=scope)
        if options["json"]:
            self.stdout.write(json.dumps(figures_json(figures), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{figures.root_name} · {figures.period} · {figures.phase}")
        for figure in figures.key_figures:
            decimals = 1 if figure.format == "percent" else 0
            self.stdout.write(f"  {figure.label}: {format_number(figure.value, decimals)}")
        for progress in figures.targets:
            self.stdout.write(f"  [{progress.status.label}] {progress.text[:80]}")


def _phase(plan: Plan | None, text: str) -> Phase:
    phases = list(plan.phases.all()) if plan else []
    for index, phase in enumerate(phases, start=1):
        years = f"{phase.start_year}-{phase.end_year}"
        if text in (str(index), years, str(phase.pk)):
            return phase
    raise CommandError(
        _("Không có giai đoạn “%(text)s”. Có: %(known)s.")
        % {
            "text": text,
            "known": ", ".join(f"{p.start_year}-{p.end_year}" for p in phases) or "—",
        }
    )
