import time

from django.core.management.base import BaseCommand

from activities.dataset import Sizes, dataset_generate


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu thử nghiệm (đơn vị, người, hoạt động, điểm danh) theo quy mô chọn, "
        "dùng cho đo hiệu năng. Cỡ một thành phố: --wards 40 --units-per-ward 62 "
        "--people 200000 --activities 1000000 --attendance 5000000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--wards", type=int, default=2)
        parser.add_argument("--units-per-ward", type=int, default=20)
        parser.add_argument("--people", type=int, default=2_000)
        parser.add_argument("--activities", type=int, default=5_000)
        parser.add_argument("--attendance", type=int, default=25_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        sizes = Sizes(
            wards=options["wards"],
            units_per_ward=options["units_per_ward"],
            people=options["people"],
            activities=options["activities"],
            attendance=options["attendance"],
            seed=options["seed"],
        )
        started = time.perf_counter()
        made = dataset_generate(sizes=sizes)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sinh {made.wards} phường, {made.units} đơn vị, {made.people} người, "
                f"{made.activities} hoạt động, {made.attendance} lượt điểm danh, "
                f"{made.briefings} dòng độ bao phủ trong {seconds:.1f} giây."
            )
        )
