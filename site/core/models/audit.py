"""The audit log's rows: who read or changed which child's information, when and from where.

Rows are append-only. Nothing rewrites or deletes one, except two sanctioned paths:
- a deleted user or content type leaves its rows with a null link (``SET_NULL``); the copied
  ``actor_label`` and ``object_repr`` still say who and what it was;
- the retention purge (``core.audit.retention``) deletes rows past the retention period with
  ``_raw_delete``, a single DELETE that runs no signals and no collector.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Someone tried to change or delete an audit log row."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # A user or content type deleted with on_delete=SET_NULL reaches its rows through
        # QuerySet.update(link=None); that is the only update the log accepts.
        if kwargs and all(_is_nulled_link(name, value) for name, value in kwargs.items()):
            return super().update(**kwargs)
        raise AppendOnlyError("Audit log rows cannot be changed.")

    def delete(self):
        raise AppendOnlyError(
            "Audit log rows cannot be deleted; the retention purge is the only way."
        )

    delete.queryset_only = True


def _is_nulled_link(name, value):
    field = AuditEntry._meta.get_field(name)
    return value is None and field.many_to_one and field.remote_field.on_delete is models.SET_NULL


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Copied so the row still says who it was once the account is deleted.
    actor_label = models.CharField(_("user"), max_length=300, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of object"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    # Not a foreign key: the entry outlives the child record it is about.
    child_record_id = models.BigIntegerField(
        _("child record"), null=True, blank=True, db_index=True
    )
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    api_client = models.CharField(_("API client"), max_length=150, null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        # Rows are only ever written by core.audit.record(); staff may only read them.
        default_permissions = ("view",)
        # Django's deletion collector and related lookups use this manager too, so they meet
        # the same refusals.
        base_manager_name = "objects"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["actor", "at"], name="core_audit_actor_at")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit log rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(
            "Audit log rows cannot be deleted; the retention purge is the only way."
        )

    @property
    def object_kind(self):
        """The object's kind in words ("submission"), or "" when it had none."""
        return self.content_type.name if self.content_type_id else ""

    @property
    def action_label(self):
        from core.audit import action_label

        return action_label(self.action)
