from django.core.management.base import BaseCommand

from demo.services import demo_load


class Command(BaseCommand):
    help = "Tạo dữ liệu minh họa phường Kim Trà (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        logins = demo_load()
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu minh họa phường Kim Trà."))
        self.stdout.write("")
        self.stdout.write("Mở http://127.0.0.1:8000 và đăng nhập bằng một trong các tài khoản:")
        for login in logins:
            self.stdout.write(
                f"  {login.username:<10} mật khẩu {login.password}  ({login.role} – {login.scope})"
            )
        self.stdout.write("")
