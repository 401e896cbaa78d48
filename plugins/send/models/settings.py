"""The council's choices for SEND forms on the portal (Portal → SEND settings)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting

WARNING_DAYS_BEFORE_PURGE = 7


class Jurisdiction(models.TextChoices):
    """Which statutory process the council follows (see plugins/send/casework/process)."""

    ENGLAND = "england", _("England: SEND, EHC needs assessments and EHC plans")
    WALES = "wales", _("Wales: additional learning needs (ALN) and individual development plans")


class SendSettings(BaseGenericSetting):
    allow_professional_edit = models.BooleanField(
        _("professionals may reopen a submitted form"),
        default=False,
        help_text=_(
            "A professional can reopen a form the council has not opened yet, giving a reason."
        ),
    )
    purge_drafts_after_days = models.PositiveSmallIntegerField(
        _("delete forms in progress untouched for (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(WARNING_DAYS_BEFORE_PURGE + 1)],
        help_text=_(
            "Leave empty to keep them. The person is emailed a week before a form is deleted."
        ),
    )
    reply_days = models.PositiveSmallIntegerField(
        _("days a family has to send more information"),
        default=14,
        validators=[MinValueValidator(1)],
        help_text=_("After this many days a request for more information shows as overdue."),
    )

    require_welsh = models.BooleanField(
        _("require Welsh before publishing"),
        default=False,
        help_text=_(
            "A form cannot be published while any of its words has no Welsh: the form's "
            "title, its steps' names and guidance, its questions, hints and list items."
        ),
    )

    jurisdiction = models.CharField(
        _("statutory process"),
        max_length=16,
        choices=Jurisdiction.choices,
        default=Jurisdiction.ENGLAND,
        help_text=_(
            "The law the council works under. It chooses the stages, deadlines and words the "
            "portal shows for a child's case."
        ),
    )

    reminder_days = models.PositiveSmallIntegerField(
        _("days of notice for case reminders"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Caseworkers are reminded of a case's deadline this many days before it is due. "
            "People who have not sent information asked of them are reminded every this many "
            "days once it is overdue."
        ),
    )

    class Meta:
        verbose_name = _("SEND settings")
