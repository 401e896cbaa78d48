from django.urls import path

from portal.access import public, route

from . import views
from .access import ATTACHMENT
from .delivery import receipts
from .services import KIND

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("sent/", views.sent, name="sent"),
    path("new/", views.new, name="new"),
    path("text-messages/", views.text_messages, name="text_messages"),
    route(path("<int:pk>/", views.thread, name="thread"), pk=KIND),
    route(path("files/<int:pk>/", views.attachment, name="attachment"), pk=ATTACHMENT),
    # GOV.UK Notify's delivery receipts: its bearer token, not a session, lets it in.
    public(path("delivery-receipts/", receipts.callback, name="delivery_receipts")),
]
