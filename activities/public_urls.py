"""The one page reached without logging in: QR self check-in, at a short address."""

from django.urls import path

from activities import views

urlpatterns = [path("<str:token>/", views.checkin, name="checkin")]
