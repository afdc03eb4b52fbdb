from django.urls import path

from dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("bang-dieu-khien/", views.overview, name="overview"),
    path("bang-dieu-khien/ban-in/", views.overview_print, name="overview_print"),
    path("bang-dieu-khien/xuat-excel/", views.overview_export, name="overview_export"),
    path("bang-dieu-khien/infographic/", views.overview_infographic, name="infographic"),
]
