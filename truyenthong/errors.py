"""Error pages in Vietnamese, rendered without a request context that could itself fail."""

from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _


def _render(status: int, title: str, text: str) -> HttpResponse:
    body = loader.get_template("error.html").render(
        {"status": status, "title": title, "text": text}
    )
    return HttpResponse(body, status=status)


def bad_request(request, exception=None):
    return _render(400, _("Yêu cầu không hợp lệ"), _("Dữ liệu gửi lên không hợp lệ."))


def permission_denied(request, exception=None):
    return _render(
        403,
        _("Không có quyền truy cập"),
        _("Tài khoản của bạn không được phép thực hiện việc này."),
    )


def page_not_found(request, exception=None):
    return _render(
        404,
        _("Không tìm thấy trang"),
        _("Trang hoặc bản ghi này không tồn tại, hoặc nằm ngoài phạm vi được giao của bạn."),
    )


def server_error(request):
    return _render(
        500,
        _("Hệ thống gặp sự cố"),
        _("Đã ghi nhận sự cố. Dữ liệu bạn đã lưu trước đó không bị mất; vui lòng thử lại sau."),
    )
