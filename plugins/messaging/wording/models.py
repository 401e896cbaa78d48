"""Message templates staff write: a subject and a Markdown body in English and, optionally,
Welsh, with placeholders (``wording.placeholders``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import placeholders


class MessageTemplate(models.Model):
    """The words of a portal message an alert sends. A recipient who reads Welsh gets the
    Welsh subject and body when they are written, the English ones otherwise."""

    name = models.CharField(_("template name"), max_length=100, unique=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    subject_cy = models.CharField(_("subject in Welsh"), max_length=200, blank=True)
    body_cy = models.TextField(_("message in Welsh"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    TEXT_FIELDS = ("subject", "body", "subject_cy", "body_cy")

    class Meta:
        ordering = ["name"]
        default_permissions = ()
        permissions = [("manage_message_template", _("Can manage message templates"))]
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        for field in self.TEXT_FIELDS:
            try:
                placeholders.validate(getattr(self, field))
            except ValidationError as error:
                errors[field] = error
        if bool(self.subject_cy) != bool(self.body_cy):
            errors["subject_cy" if not self.subject_cy else "body_cy"] = ValidationError(
                _("Write both the Welsh subject and the Welsh message, or neither."),
                code="welsh_half",
            )
        if errors:
            raise ValidationError(errors)

    def _welsh(self, language):
        return language == "cy" and self.subject_cy and self.body_cy

    def subject_in(self, language):
        return self.subject_cy if self._welsh(language) else self.subject

    def body_in(self, language):
        return self.body_cy if self._welsh(language) else self.body
