from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("", views.my_reports, name="my_reports"),
    path("mo/", views.report_open, name="report_open"),
    path("don-vi/<int:pk>/", views.report_detail, name="report_detail"),
    path("don-vi/<int:pk>/duyet/", views.report_review, name="report_review"),
    path("don-vi/<int:pk>/mo-lai/", views.report_reopen, name="report_reopen"),
    path("don-vi/<int:pk>/dinh-kem/", views.report_attach, name="report_attach"),
    path("tep/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("cho-duyet/", views.review_queue, name="review_queue"),
    path("lich/", views.schedule_list, name="schedule_list"),
    path("lich/them/", views.schedule_create, name="schedule_create"),
    path("lich/<int:pk>/", views.schedule_detail, name="schedule_detail"),
    path("lich/<int:pk>/tao-bao-cao/", views.schedule_open_all, name="schedule_open_all"),
    path("kho-khan/", views.difficulty_list, name="difficulty_list"),
    path("kho-khan/<int:pk>/xu-ly/", views.difficulty_answer, name="difficulty_answer"),
    path("phuong/", views.ward_report_list, name="ward_report_list"),
    path("phuong/<int:pk>/", views.ward_report_edit, name="ward_report_edit"),
    path("phuong/<int:pk>/tai/<str:fmt>/", views.ward_report_export, name="ward_report_export"),
    path(
        "phuong/<int:pk>/cap-nhat-so-lieu/", views.ward_report_refresh, name="ward_report_refresh"
    ),
    path("thiet-lap/", views.ward_settings_edit, name="ward_settings"),
    path("con-no/", views.outstanding, name="outstanding"),
    path("thanh-pho/", views.city_roll_up, name="city_roll_up"),
]
