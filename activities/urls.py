from django.urls import path

from activities import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("them/", views.activity_create, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/sua/", views.activity_edit, name="edit"),
    path("<int:pk>/xoa/", views.activity_delete, name="delete"),
    path("<int:pk>/minh-chung/", views.evidence_add, name="evidence_add"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("minh-chung/<int:pk>/xoa/", views.evidence_delete, name="evidence_delete"),
    path("<int:pk>/diem-danh/", views.attendance, name="attendance"),
    path("<int:pk>/diem-danh/tai-danh-sach/", views.sheet_upload, name="sheet_upload"),
    path("<int:pk>/diem-danh/doi-chieu/<int:import_pk>/", views.sheet_review, name="sheet_review"),
    path("<int:pk>/ma-qr/", views.checkin_setup, name="checkin_setup"),
    path("<int:pk>/cho-xac-nhan/", views.checkin_queue, name="checkin_queue"),
    path("do-bao-phu/", views.coverage, name="coverage"),
    path("do-bao-phu/chua-pho-bien/", views.not_briefed, name="not_briefed"),
    path("hinh-thuc/", views.channels, name="channels"),
]
