from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("announcements/", views.announcements, name="announcements"),
]
