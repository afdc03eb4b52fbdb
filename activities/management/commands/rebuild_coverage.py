from django.core.management.base import BaseCommand, CommandError

from activities.services import coverage_rebuild
from plans.models import Plan


class Command(BaseCommand):
    help = "Tính lại từ đầu ngày được phổ biến lần đầu của từng người (độ bao phủ)."

    def add_arguments(self, parser):
        parser.add_argument("--plan", type=int, help="Chỉ tính lại cho kế hoạch có mã (id) này.")

    def handle(self, *args, **options):
        plan = None
        if options["plan"] is not None:
            plan = Plan.objects.filter(pk=options["plan"]).first()
            if plan is None:
                raise CommandError(f"Không có kế hoạch mang mã {options['plan']}.")
        rows = coverage_rebuild(plan=plan)
        self.stdout.write(self.style.SUCCESS(f"Đã tính lại {rows} dòng độ bao phủ."))
