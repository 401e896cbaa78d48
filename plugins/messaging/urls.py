from django.urls import path

from portal.access import route

from . import views
from .services import KIND

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("sent/", views.sent, name="sent"),
    path("new/", views.new, name="new"),
    route(path("<int:pk>/", views.thread, name="thread"), pk=KIND),
]
