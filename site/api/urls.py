from django.urls import path

from . import receiver
from .v1 import api

urlpatterns = [
    path("v1/", api.urls),
    # Called by the portal's own webhook task, not by people: each delivery proves itself by
    # its signature, so there is no sign-in.
    path("receiver/<int:pk>/", receiver.receive, name="api_receiver"),
]
