from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("nhap/", views.plan_upload, name="upload"),
    path("nhap/<uuid:token>/", views.plan_review, name="review"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/tep-goc/", views.plan_source, name="source"),
    path("<int:pk>/phan-cong/", views.plan_owners, name="owners"),
    path("nhiem-vu/", views.my_tasks, name="my_tasks"),
    path("don-vi/<int:unit_id>/nhiem-vu/", views.unit_tasks, name="unit_tasks"),
]
