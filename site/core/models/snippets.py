from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.plugins import BOTH, CITIZEN, PROFESSIONAL, plugin_tiles

from ..texts import raw_text
from .pages import RICH_TEXT_FEATURES

AUDIENCES = [
    (BOTH, _("Citizens and professionals")),
    (CITIZEN, _("Citizens (parents, carers and young people)")),
    (PROFESSIONAL, _("Professionals")),
]

# Icons shipped with every theme (themes/govuk/templates/core/icons/).
TILE_ICONS = [
    ("form", _("Form")),
    ("person", _("Person")),
    ("message", _("Message")),
    ("document", _("Document")),
    ("calendar", _("Calendar")),
    ("information", _("Information")),
    ("link", _("Link")),
]


class Tile(TranslatableMixin, models.Model):
    """A tile on the home page, pointing at a plugin's service, a page or an external site.

    The English tile decides order, audience, target and whether it shows; a Welsh
    translation only supplies the words (see core.tiles).
    """

    title = models.CharField(
        _("title"),
        max_length=100,
        blank=True,
        help_text=_("Leave blank to use the service's own title."),
    )
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_("Leave blank to use the service's own description."),
    )
    icon = models.CharField(_("icon"), max_length=20, choices=TILE_ICONS, default="information")
    plugin_tile = models.CharField(_("service"), max_length=60, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(_("external link"), blank=True)
    audience = models.CharField(_("shown to"), max_length=20, choices=AUDIENCES, default=BOTH)
    enabled = models.BooleanField(_("enabled"), default=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    sort_order_field = "sort_order"

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("icon"),
        MultiFieldPanel(
            [FieldPanel("plugin_tile"), FieldPanel("page"), FieldPanel("external_url")],
            heading=_("Where the tile goes (choose one)"),
        ),
        FieldPanel("audience"),
        FieldPanel("enabled"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("icon"),
        SynchronizedField("plugin_tile"),
        SynchronizedField("page"),
        SynchronizedField("external_url"),
        SynchronizedField("audience"),
        SynchronizedField("enabled"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("home tile")
        verbose_name_plural = _("home tiles")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        """The title the home page shows in the tile's language: the editor's, else the
        service's own (never its internal key)."""
        if self.title:
            return self.title
        if self.plugin_tile in plugin_tiles():
            language = self.locale.language_code if self.locale_id else None
            return raw_text(plugin_tiles()[self.plugin_tile].title_key, language)
        return self.plugin_tile or self.external_url or str(self.page or _("Tile"))

    def clean(self):
        targets = [bool(self.plugin_tile), bool(self.page_id), bool(self.external_url)]
        if sum(targets) != 1:
            raise ValidationError(
                _("Choose exactly one of: a service, a page or an external link.")
            )
        if self.plugin_tile and self.plugin_tile not in plugin_tiles():
            raise ValidationError({"plugin_tile": _("This service is not installed.")})
        if not self.plugin_tile and not self.title:
            raise ValidationError({"title": _("Enter a title for a page or external link tile.")})

    def save(self, *args, **kwargs):
        if self.sort_order is None:
            last = Tile.objects.filter(locale_id=self.locale_id).aggregate(
                m=models.Max("sort_order")
            )
            self.sort_order = (last["m"] or 0) + 1
        super().save(*args, **kwargs)


class AnnouncementQuerySet(models.QuerySet):
    def live(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=now)
        )


class Announcement(TranslatableMixin, models.Model):
    """A notice shown to users on the Announcements page after they sign in, while it is live."""

    title = models.CharField(_("title"), max_length=150)
    body = RichTextField(
        _("body"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Write {Title}, {Forename} or {Surname} to greet each reader by their own title "
            "and name."
        ),
    )
    starts_at = models.DateTimeField(_("start"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("end"), null=True, blank=True, help_text=_("Leave blank to keep it showing.")
    )

    objects = AnnouncementQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("body"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-starts_at", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})


class AnnouncementsSeen(models.Model):
    """What a user was last shown on the Announcements page, so signing in leads there only
    when something is new to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last_announcement_id = models.PositiveBigIntegerField(default=0)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("announcements seen")
        verbose_name_plural = _("announcements seen")

    def __str__(self):
        return f"{self.user_id}: {self.last_announcement_id}"
