"""The demo outbox: the emails the embedded default wrote to var/outbox/, readable by
superusers so a demo can follow registration and sign-in codes without a mail server. Only in
demo mode, and only for superusers: it holds every user's codes and reset links."""

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

# The names OutboxEmailBackend gives its files; anything else (e.g. "../") is not served.
MESSAGE_NAME = re.compile(r"^[\w-]+\.eml$")
LISTED = 200


def outbox_enabled():
    return bool(getattr(settings, "PORTAL_DEMO", False))


def may_read_outbox(user):
    return outbox_enabled() and user.is_superuser


def _outbox():
    return Path(settings.EMAIL_OUTBOX_DIR)


def _read(path, headers_only=False):
    with path.open("rb") as stream:
        return BytesParser(policy=policy.default).parse(stream, headersonly=headers_only)


class _DemoSuperusersOnly:
    def dispatch(self, request, *args, **kwargs):
        if not outbox_enabled():
            raise Http404
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OutboxView(_DemoSuperusersOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/outbox.html"
    page_title = _("Email outbox")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        outbox = _outbox()
        paths = sorted(
            outbox.glob("*.eml") if outbox.is_dir() else [],
            key=lambda p: (p.stat().st_mtime, p.name),
            reverse=True,
        )[:LISTED]
        context["emails"] = [
            {"name": path.name, "message": _read(path, headers_only=True)} for path in paths
        ]
        return context


class OutboxMessageView(_DemoSuperusersOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/outbox_message.html"
    header_icon = "mail"

    def dispatch(self, request, name):
        self.name = name
        return super().dispatch(request, name)

    def get_context_data(self, **kwargs):
        path = _outbox() / self.name
        if not MESSAGE_NAME.match(self.name) or not path.is_file():
            raise Http404
        message = _read(path)
        # Only the plain text part is shown: the HTML part is not rendered in the admin.
        body = message.get_body(preferencelist=("plain",))
        self.page_title = message["subject"] or _("(no subject)")
        context = super().get_context_data(**kwargs)
        context.update(message=message, text=body.get_content() if body else "")
        return context
