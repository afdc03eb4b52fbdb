import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.uploads import UploadRejected
from units.models import AudienceGroup, Unit, UnitKind
from units.services import roster_import


class Command(BaseCommand):
    help = "Nhập danh sách người của một phường, xã từ tệp Excel (.xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--ward", required=True, help="Mã phường, xã (5 chữ số)")
        parser.add_argument("--unit", help="Mã đơn vị cho các dòng không ghi đơn vị")
        parser.add_argument("--group", help="Mã nhóm đối tượng cho các dòng không ghi nhóm")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ xem trước, không lưu")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON")

    def handle(self, *args, **options):
        ward = Unit.objects.filter(code=options["ward"], kind=UnitKind.WARD).first()
        if ward is None:
            raise CommandError(
                _("Không có phường, xã mã %(code)s trong hệ thống.") % {"code": options["ward"]}
            )
        default_unit = default_group = None
        if options["unit"]:
            default_unit = Unit.objects.filter(ward=ward, code=options["unit"]).first()
            if default_unit is None:
                raise CommandError(
                    _("Không có đơn vị mã %(code)s trong %(ward)s.")
                    % {"code": options["unit"], "ward": ward.name}
                )
        if options["group"]:
            default_group = AudienceGroup.objects.filter(ward=ward, code=options["group"]).first()
            if default_group is None:
                raise CommandError(
                    _("Không có nhóm đối tượng mã %(code)s.") % {"code": options["group"]}
                )
        if not options["file"].is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": options["file"]})
        try:
            result = roster_import(
                path=options["file"],
                ward=ward,
                default_unit=default_unit,
                default_group=default_group,
                save=not options["dry_run"],
            )
        except UploadRejected as exc:
            raise CommandError(str(exc)) from exc
        preview = result.as_dict()
        preview["saved"] = not options["dry_run"]
        if options["json"]:
            self.stdout.write(json.dumps(preview, ensure_ascii=False, indent=2))
            return
        for sheet in preview["sheets"]:
            self.stdout.write(
                _(
                    "%(name)s: %(rows)s dòng, %(new)s mới, %(updated)s cập nhật, "
                    "%(duplicates)s trùng, %(bad)s lỗi"
                )
                % sheet
            )
        for problem in preview["problems"]:
            where = _("dòng %(row)s") % problem if problem["row"] else _("cả trang tính")
            self.stdout.write(f"  {problem['sheet']}, {where}, {problem['column']}: ")
            self.stdout.write(f"    {problem['reason']}")
        self.stdout.write(_("Đã lưu.") if preview["saved"] else _("Chưa lưu gì (--dry-run)."))
