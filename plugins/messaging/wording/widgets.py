"""The Markdown editor of a message template: the text box, "Insert placeholder" buttons,
a live preview (rendered by the portal, as the recipient will see it) and formatting help."""

from django import forms
from django.urls import reverse

from . import placeholders


class MarkdownWithPreview(forms.Textarea):
    template_name = "messaging/wording/markdown_widget.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 12, **(attrs or {})})

    class Media:
        js = ["messaging/markdown_preview.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            placeholders=[
                (f"{{{name}}}", label) for name, label in placeholders.PLACEHOLDERS.items()
            ],
            preview_url=reverse("messaging_template_preview"),
            initial_preview=placeholders.preview_html(value or ""),
        )
        return context


class SubjectWithPlaceholders(forms.TextInput):
    """The subject line with its own "Insert placeholder" buttons."""

    template_name = "messaging/wording/subject_widget.html"

    class Media:
        js = ["messaging/markdown_preview.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["placeholders"] = [
            (f"{{{name}}}", label) for name, label in placeholders.PLACEHOLDERS.items()
        ]
        return context
