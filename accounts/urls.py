from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("nguoi-dung/", views.user_list, name="user_list"),
    path("nguoi-dung/them/", views.user_create, name="user_create"),
    path("nguoi-dung/<int:pk>/", views.user_edit, name="user_edit"),
    path(
        "nguoi-dung/<int:pk>/cap-lai-mat-khau/",
        views.user_reset_password,
        name="user_reset_password",
    ),
    path("nguoi-dung/<int:pk>/khoa/", views.user_deactivate, name="user_deactivate"),
    path("nguoi-dung/<int:pk>/mo-khoa/", views.user_activate, name="user_activate"),
    path("nhat-ky/", views.audit_index, name="audit_index"),
    path("nhat-ky/don-vi/<int:unit_id>/", views.audit_unit, name="audit_unit"),
    path(
        "nhat-ky/ban-ghi/<int:content_type_id>/<str:object_pk>/",
        views.audit_record,
        name="audit_record",
    ),
]
