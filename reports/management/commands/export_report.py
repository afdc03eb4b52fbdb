from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.compose import ward_report_document
from reports.documents import FORMATS
from reports.documents.pdf import PdfUnavailable
from reports.services import ward_report_for_export


class Command(BaseCommand):
    help = _(
        "Xuất báo cáo của phường cho một kỳ ra tệp, giống hệt tệp tải ở trang Báo cáo của phường. "
        "Nếu phường chưa lập báo cáo kỳ này, xuất bản tổng hợp tự động (không lưu, không lấy "
        "số). Ví dụ: manage.py export_report --unit 19815 --period 2026-H1 --format docx "
        "--out bao-cao.docx"
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help=_("Mã phường, xã, ví dụ 19815"))
        parser.add_argument(
            "--period", required=True, help="2026-01, 2026-Q1, 2026-H1, 2026-9M, 2026"
        )
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("--out", required=True, help=_("Đường dẫn tệp ghi ra"))
        parser.add_argument(
            "--schedule", type=int, default=None, help=_("Mã lịch báo cáo, khi có nhiều lịch")
        )

    def handle(self, *args, **options):
        try:
            report, saved = ward_report_for_export(
                ward_code=options["unit"],
                period_code=options["period"],
                schedule_id=options["schedule"],
                issued_on=timezone.localdate(),
            )
            data = FORMATS[options["format"]].render(ward_report_document(report=report))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except PdfUnavailable as error:
            raise CommandError(str(error)) from error
        out = Path(options["out"])
        try:
            out.write_bytes(data)
        except OSError as error:
            raise CommandError(
                _("Không ghi được tệp %(path)s: %(reason)s")
                % {"path": out, "reason": error.strerror}
            ) from error
        if saved:
            message = _("Đã xuất báo cáo số %(number)s vào %(path)s.")
        else:
            message = _(
                "Phường chưa lập báo cáo kỳ này: đã xuất bản tổng hợp tự động (chưa lưu, số dự "
                "kiến %(number)s) vào %(path)s."
            )
        self.stdout.write(message % {"number": report.number_text, "path": out})
