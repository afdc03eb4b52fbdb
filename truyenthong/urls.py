from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("dashboard.urls")),
    path("tai-khoan/", include("accounts.urls")),
    path("don-vi/", include("units.urls")),
    path("ke-hoach/", include("plans.urls")),
    path("hoat-dong/", include("activities.urls")),
    path("d/", include("activities.public_urls")),
    path("bao-cao/", include("reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
]

handler400 = "truyenthong.errors.bad_request"
handler403 = "truyenthong.errors.permission_denied"
handler404 = "truyenthong.errors.page_not_found"
handler500 = "truyenthong.errors.server_error"
