"""Portal configuration: language-neutral values editors change without a deploy.

Read them through core.config (cached), not by loading the models in views.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseGenericSetting

from core.admin_forms import PortalSettingsForm

DEFAULT_SPECIAL_CHARACTERS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ "
DEFAULT_UPLOAD_EXTENSIONS = ".doc .docx .pdf .png .jpeg .jpg .bmp"


def _between(low, high):
    return [MinValueValidator(low), MaxValueValidator(high)]


class PortalSettings(BaseGenericSetting):
    # Password settings
    password_min_length = models.PositiveSmallIntegerField(
        _("minimum password length"), default=15, validators=_between(8, 128)
    )
    password_require_letter = models.BooleanField(_("require a letter"), default=True)
    password_require_uppercase = models.BooleanField(
        _("require an upper-case letter"), default=True
    )
    password_require_digit = models.BooleanField(_("require a digit"), default=True)
    password_special_characters = models.CharField(
        _("special characters allowed"),
        max_length=100,
        blank=True,
        default=DEFAULT_SPECIAL_CHARACTERS,
        help_text=_("Besides letters and digits, a password may contain only these characters."),
    )
    password_reject_common = models.BooleanField(_("refuse common passwords"), default=True)
    password_history = models.PositiveSmallIntegerField(
        _("different from the last … passwords"), default=8, validators=_between(0, 24)
    )
    two_factor_code_minutes = models.PositiveSmallIntegerField(
        _("verification code valid for (minutes)"), default=5, validators=_between(1, 60)
    )
    two_factor_max_attempts = models.PositiveSmallIntegerField(
        _("wrong codes before the account is locked"), default=4, validators=_between(1, 20)
    )
    two_factor_lockout_minutes = models.PositiveSmallIntegerField(
        _("lock the account for (minutes)"), default=4, validators=_between(1, 1440)
    )
    two_factor_resend_per_hour = models.PositiveSmallIntegerField(
        _("new codes a user may ask for per hour"), default=5, validators=_between(1, 60)
    )
    session_idle_minutes = models.PositiveSmallIntegerField(
        _("sign out after this many minutes without activity"),
        default=20,
        validators=_between(5, 240),
        help_text=_("Signed-in users are warned two minutes before."),
    )

    # Application settings
    upload_extensions = models.CharField(
        _("accepted file extensions"),
        max_length=200,
        default=DEFAULT_UPLOAD_EXTENSIONS,
        help_text=_("Separated by spaces, each starting with a dot."),
    )
    upload_max_megabytes = models.PositiveSmallIntegerField(
        _("largest file (MB)"), default=10, validators=_between(1, 100)
    )

    # Message settings
    message_max_length = models.PositiveIntegerField(
        _("longest message (characters)"), default=4000, validators=_between(100, 50000)
    )

    # Application-type settings: which services' tiles are switched off on the home page.
    disabled_tiles = models.JSONField(_("services switched off"), default=list, blank=True)

    # Scheduled-task settings
    message_retention_days = models.PositiveIntegerField(
        _("keep messages for (days)"), default=730, validators=_between(30, 3650)
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("password_min_length"),
                    FieldPanel("password_require_letter"),
                    FieldPanel("password_require_uppercase"),
                    FieldPanel("password_require_digit"),
                    FieldPanel("password_special_characters"),
                    FieldPanel("password_reject_common"),
                    FieldPanel("password_history"),
                    FieldPanel("two_factor_code_minutes"),
                    FieldPanel("two_factor_max_attempts"),
                    FieldPanel("two_factor_lockout_minutes"),
                    FieldPanel("two_factor_resend_per_hour"),
                    FieldPanel("session_idle_minutes"),
                ],
                heading=_("Password settings"),
            ),
            ObjectList(
                [FieldPanel("upload_extensions"), FieldPanel("upload_max_megabytes")],
                heading=_("Application settings"),
            ),
            ObjectList([FieldPanel("message_max_length")], heading=_("Message settings")),
            ObjectList([FieldPanel("disabled_tiles")], heading=_("Application type settings")),
            ObjectList(
                [FieldPanel("message_retention_days")], heading=_("Scheduled task settings")
            ),
        ],
        base_form_class=PortalSettingsForm,
    )

    class Meta:
        verbose_name = _("portal configuration")
        permissions = [("clear_portal_cache", _("Can see and clear the portal cache"))]

    def clean(self):
        extensions = self.upload_extensions.split()
        if not extensions or any(not re.fullmatch(r"\.[a-z0-9]{1,10}", e) for e in extensions):
            raise ValidationError(
                {"upload_extensions": _("List extensions like .pdf .docx, separated by spaces.")}
            )
        self.upload_extensions = " ".join(extensions)

    @property
    def upload_extension_list(self):
        return self.upload_extensions.split()


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour):
    return 1.05 / (relative_luminance(hex_colour) + 0.05)


class BrandingSettings(BaseGenericSetting):
    council_name = models.CharField(
        _("council name"), max_length=100, default="Demo Borough Council"
    )
    council_name_cy = models.CharField(
        _("council name in Welsh"),
        max_length=100,
        blank=True,
        help_text=_("Leave blank to use the English name on Welsh pages."),
    )
    council_url = models.URLField(_("council website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header on the brand colour; a light logo works best."),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#4c2c92",
        help_text=_("A hex colour such as #4c2c92. White text on it must be readable."),
    )

    panels = [
        FieldPanel("council_name"),
        FieldPanel("council_name_cy"),
        FieldPanel("council_url"),
        FieldPanel("logo"),
        FieldPanel("brand_colour"),
    ]

    class Meta:
        verbose_name = _("branding")

    def clean(self):
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", self.brand_colour or ""):
            raise ValidationError({"brand_colour": _("Enter a colour like #4c2c92.")})
        self.brand_colour = self.brand_colour.lower()
        # WCAG 2.2 AA: header text and links are white on the brand colour.
        if contrast_with_white(self.brand_colour) < 4.5:
            raise ValidationError(
                {
                    "brand_colour": _(
                        "This colour is too light: white text on it would be hard to read."
                    )
                }
            )

    def name_for(self, language):
        if language == "cy" and self.council_name_cy:
            return self.council_name_cy
        return self.council_name
