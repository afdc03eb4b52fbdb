import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.uploads import UploadRejected
from plans.services import plan_import_file, plan_source_read
from units.models import Unit, UnitKind


class Command(BaseCommand):
    help = gettext_lazy("Nhập một kế hoạch (.txt, .docx) cho một phường, xã.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--ward", help=gettext_lazy("Mã phường, xã (5 chữ số)."))
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("Chỉ nhận diện, không lưu.")
        )
        parser.add_argument(
            "--json", action="store_true", help=gettext_lazy("In cấu trúc nhận diện (JSON).")
        )

    def handle(self, *args, path: Path, ward: str | None, dry_run: bool, json: bool, **options):
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        ward_unit = self._ward(ward, required=not dry_run)
        try:
            if dry_run:
                with open(path, "rb") as stream:
                    source = plan_source_read(ward=ward_unit, upload=stream, name=path.name)
                messages, structure, plan = source.parsed.warnings, source.parsed.structure, None
            else:
                outcome = plan_import_file(ward=ward_unit, path=path)
                messages, plan = outcome.messages, outcome.plan
                structure = None
        except UploadRejected as exc:
            raise CommandError(str(exc)) from exc
        for message in messages:
            self.stderr.write(message)
        if json and structure is not None:
            self.stdout.write(_dumps(structure))
        elif plan is not None:
            self.stdout.write(
                _("Kế hoạch #%(pk)s: %(title)s") % {"pk": plan.pk, "title": plan.title}
            )

    def _ward(self, code: str | None, required: bool) -> Unit | None:
        if not code:
            if required:
                raise CommandError(_("Cần --ward MÃ để lưu kế hoạch."))
            return None
        ward = Unit.objects.filter(code=code, kind=UnitKind.WARD).first()
        if ward is None:
            raise CommandError(_("Chưa có phường, xã mã %(code)s trong hệ thống.") % {"code": code})
        return ward


def _dumps(structure: dict) -> str:
    return json.dumps(structure, ensure_ascii=False, indent=2)
