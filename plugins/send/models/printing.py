"""Printing many submitted forms at once: a background job per request (``printing.batch``
holds its rules, ``printing.tasks`` runs it)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .submissions import Submission


def print_job_path(instance, filename):
    # A random name: the ZIP holds children's information, sent only through its requester's
    # download view, never from an address anyone could guess.
    return f"send/print-jobs/{uuid.uuid4().hex}.zip"


class PrintJob(models.Model):
    """Submitted forms a staff member asked to print together: each form's file (PDF or
    Word, named by its reference) in one ZIP that only they may download. It carries its own
    progress, so its page shows "N of M" while a task worker prints."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Printing")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Not printed")

    FINISHED = (State.READY, State.FAILED)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("requested by"),
    )
    submissions = models.ManyToManyField(Submission, related_name="+", verbose_name=_("forms"))
    file_format = models.CharField(_("file format"), max_length=4)
    language = models.CharField(_("language"), max_length=5)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(_("forms"), default=0)
    done = models.PositiveIntegerField(_("forms printed"), default=0)
    # The references of the forms that could not be printed (the others are in the file).
    failures = models.JSONField(_("forms not printed"), default=list, blank=True)
    file = models.FileField(upload_to=print_job_path, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("print of many forms")
        verbose_name_plural = _("prints of many forms")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_state_display()})"

    @property
    def is_finished(self):
        return self.state in self.FINISHED

    @property
    def file_name(self):
        """The name the ZIP is downloaded under."""
        return f"forms-{self.created_at:%Y-%m-%d}-{self.pk}.zip"
