"""GDPR consent: a library of questions, published statements (immutable, versioned),
when each statement was first shown to a user, and every agreement, withdrawal or withheld
consent."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ConsentQuestion(TranslatableMixin, models.Model):
    """A tick-box consent question: the statement shown and the words next to the tick box.

    Once a statement built from it is published, it is locked (clone it to change it)."""

    title = models.CharField(_("title"), max_length=150, help_text=_("For staff; not shown."))
    statement = models.TextField(
        _("statement"), help_text=_("Markdown: headings, lists and links are allowed.")
    )
    agreement = models.CharField(_("consent agreement text"), max_length=500)
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("statement"),
        FieldPanel("agreement"),
        FieldPanel("active"),
    ]
    translatable_fields = [
        SynchronizedField("title"),
        TranslatableField("statement"),
        TranslatableField("agreement"),
        SynchronizedField("active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("consent question")
        verbose_name_plural = _("consent questions")
        permissions = [("administer_gdpr", _("Can use GDPR administration"))]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return ConsentStatement.objects.filter(
            question__translation_key=self.translation_key, published_at__isnull=False
        ).exists()


class ConsentStatement(models.Model):
    """A version of the consent statement, published at a set time.

    On publication the question's words in every language are copied here, so what a user
    agreed to can always be shown exactly as it was."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    question = models.ForeignKey(
        ConsentQuestion, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+"
    )
    publish_at = models.DateTimeField(_("publish at"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    texts = models.JSONField(default=dict, editable=False)  # {language: {statement, agreement}}
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent statement")
        verbose_name_plural = _("consent statements")
        ordering = ["-publish_at", "-version"]

    def __str__(self):
        return _("Version %(version)d") % {"version": self.version}

    def text_for(self, language):
        """{"statement", "agreement"} as published, in ``language`` or else English."""
        return self.texts.get(language) or self.texts.get(settings.LANGUAGE_CODE) or {}


AGREED, WITHDRAWN, WITHHELD = "agreed", "withdrawn", "withheld"
ACTIONS = [
    (AGREED, _("Agreed")),
    (WITHDRAWN, _("Withdrew consent")),
    (WITHHELD, _("Withheld consent")),
]
#: The decisions staff action (close the account's data processing, tell the teams).
TO_ACTION = (WITHDRAWN, WITHHELD)
REGISTRATION, SIGN_IN, MY_ACCOUNT = "registration", "sign_in", "my_account"
CHANNELS = [
    (REGISTRATION, _("Registration")),
    (SIGN_IN, _("Sign in")),
    (MY_ACCOUNT, _("My account")),
]


class StatementShown(models.Model):
    """When a signed-in user was first shown a statement they had still to agree to: the day
    from which leaving without agreeing counts as withholding consent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statements_shown"
    )
    statement = models.ForeignKey(ConsentStatement, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("language shown"), max_length=8, choices=settings.LANGUAGES)
    first_shown_at = models.DateTimeField(_("first shown"), db_index=True)

    class Meta:
        verbose_name = _("statement shown")
        verbose_name_plural = _("statements shown")
        constraints = [
            models.UniqueConstraint(fields=["user", "statement"], name="gdpr_shown_once")
        ]

    def __str__(self):
        return f"{self.user} {self.statement} {self.first_shown_at:%Y-%m-%d}"


class ConsentRecord(models.Model):
    """One agreement, withdrawal or withheld consent: who, which statement version, in which
    language, when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records"
    )
    statement = models.ForeignKey(ConsentStatement, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("action"), max_length=20, choices=ACTIONS)
    language = models.CharField(_("language shown"), max_length=8, choices=settings.LANGUAGES)
    channel = models.CharField(_("channel"), max_length=20, choices=CHANNELS)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actioned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actioned_at = models.DateTimeField(_("actioned"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Withheld is recorded once per statement, even when two job runs overlap.
            models.UniqueConstraint(
                fields=["user", "statement"],
                condition=models.Q(action=WITHHELD),
                name="gdpr_withheld_once",
            )
        ]

    def __str__(self):
        return f"{self.user} {self.action} {self.statement}"


def split_addresses(value):
    return [address.strip() for address in re.split(r";", value or "") if address.strip()]


def validate_address_list(value):
    bad = []
    for address in split_addresses(value):
        try:
            validate_email(address)
        except ValidationError:
            bad.append(address)
    if bad:
        raise ValidationError(
            _("These are not valid email addresses: %(addresses)s"),
            params={"addresses": "; ".join(bad)},
        )


class GdprSettings(BaseGenericSetting):
    notification_addresses = models.CharField(
        _("notification email addresses"),
        max_length=1000,
        blank=True,
        validators=[validate_address_list],
        help_text=_("Told about every withdrawal of consent. Separate addresses with semicolons."),
    )
    withheld_after_days = models.PositiveIntegerField(
        _("withheld after (days)"),
        default=14,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Someone shown a new consent statement who has neither agreed nor withdrawn after "
            "this many days is recorded as having withheld consent."
        ),
    )

    panels = [FieldPanel("notification_addresses"), FieldPanel("withheld_after_days")]

    class Meta:
        verbose_name = _("GDPR settings")

    @property
    def addresses(self):
        return split_addresses(self.notification_addresses)
