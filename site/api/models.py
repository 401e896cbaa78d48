"""The integration API's records: service accounts and their tokens, the responses kept for
``Idempotency-Key`` replays, webhook subscriptions, and each delivery with its attempts."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ServiceAccount(models.Model):
    """A system the council connects (its case-management system): it acts through ``user``,
    a council staff account that cannot sign in, holding the permissions its ``scopes`` map
    to (api.scopes), so the access registry answers for it as for staff."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="service_account",
        editable=False,
    )
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    ip_allowlist = models.TextField(
        _("IP allow-list"),
        blank=True,
        help_text=_(
            "One address or network per line (203.0.113.7, 198.51.100.0/24). "
            "Empty allows every address."
        ),
    )
    rate_limit = models.PositiveIntegerField(
        _("requests a minute"),
        null=True,
        blank=True,
        help_text=_("Per token. Empty uses the portal's default."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("service account")
        verbose_name_plural = _("service accounts")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ApiToken(models.Model):
    """A bearer token of a service account. Only its SHA-256 digest is kept: the token itself
    is shown once, when issued (api.tokens)."""

    account = models.ForeignKey(ServiceAccount, on_delete=models.CASCADE, related_name="tokens")
    prefix = models.CharField(_("starts with"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.prefix}…"

    def is_usable(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class IdempotentRequest(models.Model):
    """The first response to a POST with an ``Idempotency-Key``. The unique row is claimed
    before the work starts, so two concurrent requests with one key cannot both do it."""

    account = models.ForeignKey(ServiceAccount, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True)
    response = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "key"], name="api_idempotency_key_once")
        ]

    def __str__(self):
        return self.key


class WebhookSubscription(models.Model):
    """Where a service account wants to hear of portal events, signed with ``secret``."""

    account = models.ForeignKey(
        ServiceAccount,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("service account"),
    )
    url = models.URLField(_("URL"), max_length=500)
    events = models.JSONField(_("events"), default=list)
    secret = models.CharField(_("signing secret"), max_length=100, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    consecutive_failures = models.PositiveIntegerField(
        _("failed deliveries in a row"), default=0, editable=False
    )
    disabled_at = models.DateTimeField(_("disabled"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["account__name", "url", "pk"]

    def __str__(self):
        return f"{self.account} → {self.url}"


class WebhookDelivery(models.Model):
    """One event sent to one subscription, retried with back-off until it succeeds or its
    retry window ends (api.webhooks.delivery). ``message_id`` is the ``webhook-id`` header:
    the same on every attempt and replay, so a receiver can ignore a repeat."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(_("event"), max_length=50)
    message_id = models.CharField(_("message id"), max_length=60, default="", editable=False)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="api_delivery_due")]

    def __str__(self):
        return f"{self.event} → {self.subscription.url}"

    def save(self, *args, **kwargs):
        if not self.message_id:
            self.message_id = f"msg_{uuid.uuid4().hex}"
        super().save(*args, **kwargs)


class WebhookAttempt(models.Model):
    """One try at sending a delivery: the receiver's status code, or why there was none."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(_("at"), default=timezone.now)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error}"

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


class ReceivedWebhook(models.Model):
    """A webhook the site's own demo receiver (api.receiver) was sent: shows staff what a
    subscriber gets, and whether its signature checked out."""

    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    message_id = models.CharField(_("message id"), max_length=60)
    event = models.CharField(_("event"), max_length=50, blank=True)
    body = models.TextField(_("body"))
    signature_valid = models.BooleanField(_("signature valid"))

    class Meta:
        verbose_name = _("received webhook")
        verbose_name_plural = _("received webhooks")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.event} {self.message_id}"
