from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

key_validator = RegexValidator(
    r"^[a-z0-9_]+(\.[a-z0-9_]+)+$",
    _("Use lower-case words joined by dots, for example send.forms.intro."),
)


class TextResource(TranslatableMixin, models.Model):
    """One piece of portal text in one language. Code declares each key and its default
    (portal.plugins.TextDefault); rows are created on migrate so editors see every key."""

    key = models.CharField(_("key"), max_length=150, validators=[key_validator])
    area = models.CharField(_("area"), max_length=40, db_index=True, editable=False)
    markdown = models.BooleanField(
        _("Markdown text block"),
        default=False,
        help_text=_("Markdown allows headings, lists and links; otherwise the text is plain."),
    )
    value = models.TextField(_("text"), blank=True)

    panels = [FieldPanel("key"), FieldPanel("markdown"), FieldPanel("value")]
    translatable_fields = [
        SynchronizedField("key"),
        SynchronizedField("markdown"),
        TranslatableField("value"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("text")
        verbose_name_plural = _("texts")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_text_key_per_locale")
        ]

    def __str__(self):
        return self.key

    def language(self):
        return self.locale.get_display_name()

    def area_label(self):
        from core.texts import area_labels

        return area_labels().get(self.area, self.area)

    def save(self, *args, **kwargs):
        self.key = self.key.strip()
        self.area = self.key.split(".", 1)[0]
        super().save(*args, **kwargs)
