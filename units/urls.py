from django.urls import path

from units import views

app_name = "units"
urlpatterns = [
    path("", views.unit_tree, name="tree"),
    path("them/", views.unit_create, name="unit_create"),
    path("<int:pk>/", views.unit_detail, name="unit_detail"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("phuong-xa/them/", views.ward_create, name="ward_create"),
    path("phuong-xa/tim/", views.ward_search, name="ward_search"),
    path("phuong-xa/<int:ward_pk>/nhom-doi-tuong/", views.audience_groups, name="audience_groups"),
    path(
        "phuong-xa/<int:ward_pk>/nhom-doi-tuong/them/",
        views.audience_group_edit,
        name="audience_group_create",
    ),
    path(
        "phuong-xa/<int:ward_pk>/nhom-doi-tuong/<int:pk>/sua/",
        views.audience_group_edit,
        name="audience_group_edit",
    ),
    path("nguoi/", views.person_list, name="person_list"),
    path("nguoi/them/", views.person_create, name="person_create"),
    path("nguoi/<int:pk>/", views.person_detail, name="person_detail"),
    path("nguoi/<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("nguoi/xuat-excel/", views.roster_export_view, name="roster_export"),
    path("nguoi/tep-mau/", views.roster_template_view, name="roster_template"),
    path("nguoi/nhap-excel/", views.roster_upload, name="roster_upload"),
    path("nguoi/nhap-excel/<str:token>/", views.roster_preview, name="roster_preview"),
    path("nguoi/nhap-excel/<str:token>/luu/", views.roster_confirm, name="roster_confirm"),
    path("nguoi/nhap-excel/<str:token>/dong-loi/", views.roster_bad_rows, name="roster_bad_rows"),
]
