"""GOV.UK markup for the portal's forms, with labels and hints editors can change.

A form mixes in :class:`PortalForm` and names a ``text_prefix``; each field then takes its
label from the portal text ``<prefix>.<field>.label`` and its hint from
``<prefix>.<field>.hint`` when an editor has written one, and otherwise from the field's
own ``label`` and ``help_text``. This module only presents forms: validation stays with
the forms and services that own it.
"""

import datetime

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import components
from .texts import optional_text


class DayMonthYearWidget(forms.Widget):
    """The three boxes of the GOV.UK date input; the value is read back as "YYYY-M-D".

    A partly filled date reaches the field as an invalid string, so the field's own
    "Enter a valid date" message applies.
    """

    parts = ("day", "month", "year")

    def value_from_datadict(self, data, files, name):
        values = [data.get(f"{name}-{part}", "").strip() for part in self.parts]
        if not any(values):
            return None
        day, month, year = values
        return f"{year}-{month}-{day}"

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in self.parts)


def _error_message(errors):
    """A field's error message component: several messages one per line."""
    if len(errors) == 1:
        return {"text": errors[0]}
    return {"html": format_html_join(mark_safe("<br>"), "{}", ((error,) for error in errors))}


class PortalBoundField(forms.BoundField):
    """A field that renders itself as the matching GOV.UK component."""

    def as_field_group(self):
        component = self.govuk_component
        if component is None:
            return super().as_field_group()
        # Straight to the component: a template around it cost a render per field.
        return components.render_component(component, self.govuk_params())

    @property
    def govuk_label(self):
        return self.form.field_text(self.name, "label") or self.label

    @property
    def govuk_hint(self):
        return self.form.field_text(self.name, "hint") or self.help_text

    @property
    def govuk_anchor(self):
        """The id the error summary links to: the first box a user can type into."""
        if isinstance(self.field.widget, DayMonthYearWidget):
            return f"{self.auto_id}-day"
        return self.auto_id

    @property
    def govuk_component(self):
        widget = self.field.widget
        if isinstance(widget, DayMonthYearWidget):
            return "date-input"
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
            return "checkboxes"
        if isinstance(widget, forms.RadioSelect):
            return "radios"
        if isinstance(widget, forms.Select) and not widget.allow_multiple_selected:
            return "select"
        if isinstance(widget, forms.Textarea):
            return "textarea"
        if isinstance(widget, forms.widgets.Input) and widget.input_type not in ("file", "hidden"):
            return "input"
        return None

    def govuk_params(self):
        """The component's parameters, as the govuk-frontend macro takes them."""
        params = {"name": self.html_name, "id": self.auto_id}
        if self.govuk_hint:
            params["hint"] = {"text": self.govuk_hint}
        if self.errors:
            params["errorMessage"] = _error_message(self.errors)
        attrs = dict(self.build_widget_attrs(self.field.widget.attrs))
        # The components work out ids and aria-describedby themselves; a description the
        # widget names on purpose is kept.
        for key in ("id", "aria-invalid", "aria-describedby"):
            attrs.pop(key, None)
        described_by = self.field.widget.attrs.get("aria-describedby")
        params.update({key: attrs.pop(key) for key in _NAMED_ATTRIBUTES if key in attrs})
        if isinstance(params.get("spellcheck"), str):
            params["spellcheck"] = params["spellcheck"] == "true"
        params["disabled"] = bool(attrs.pop("disabled", False))
        if "class" in attrs:
            params["classes"] = attrs.pop("class")
        params["attributes"] = {
            key: {"value": True, "optional": True} if value is True else value
            for key, value in attrs.items()
            if value is not False and value is not None
        }
        label = str(self.govuk_label)
        if isinstance(self.field.widget, forms.CheckboxInput):
            params["describedBy"] = described_by
            return self._single_checkbox(params, label)
        if self.govuk_component in ("checkboxes", "radios", "date-input"):
            params["fieldset"] = {"legend": {"text": label}, "describedBy": described_by}
        else:
            params["label"] = {"text": label}
            params["describedBy"] = described_by
        return getattr(self, f"_params_{self.govuk_component.replace('-', '_')}")(params)

    def _single_checkbox(self, params, label):
        # A yes/no field is one checkbox whose own label is the question; its hint sits
        # under that label, beside the box it explains.
        params.pop("id")
        params["idPrefix"] = self.auto_id
        item = {
            "value": "true",
            "text": label,
            "checked": bool(self.value()),
            "disabled": params.pop("disabled"),
        }
        if "hint" in params:
            item["hint"] = params.pop("hint")
        params["items"] = [item]
        return params

    def _params_input(self, params):
        widget = self.field.widget
        params["type"] = widget.input_type
        value = self.value()
        hide_value = isinstance(widget, forms.PasswordInput) and not widget.render_value
        if value not in (None, "") and not hide_value:
            params["value"] = widget.format_value(value)
        return params

    def _params_textarea(self, params):
        params["rows"] = params["attributes"].pop("rows", None)
        # GOV.UK sizes textareas by CSS width, so Django's default columns are dropped.
        params["attributes"].pop("cols", None)
        params["value"] = self.value() or ""
        return params

    def _params_select(self, params):
        chosen = self._chosen()
        params["items"] = [
            {"value": value, "text": text, "selected": value in chosen}
            for value, text in self._choices()
        ]
        return params

    def _choice_items(self, params):
        chosen = self._chosen()
        params["idPrefix"] = params.pop("id")
        disabled = params.pop("disabled")
        params["items"] = [
            {"value": value, "text": text, "checked": value in chosen, "disabled": disabled}
            for value, text in self._choices()
            if value != ""
        ]
        return params

    _params_checkboxes = _params_radios = _choice_items

    def _params_date_input(self, params):
        if self.form.is_bound:
            data = self.form.data
            values = {p: data.get(f"{self.html_name}-{p}") for p in DayMonthYearWidget.parts}
        else:
            value = self.value()
            if isinstance(value, datetime.date):
                values = {p: getattr(value, p) for p in DayMonthYearWidget.parts}
            elif isinstance(value, str):  # a date kept as typed, "YYYY-M-D" as the widget joins it
                year, month, day = [*value.split("-", 2), "", ""][:3]
                values = {"day": day, "month": month, "year": year}
            else:
                values = dict.fromkeys(DayMonthYearWidget.parts)
        params["namePrefix"] = params.pop("name")
        disabled = {"disabled": {"value": True, "optional": True}} if params.pop("disabled") else {}
        params["values"] = {f"{params['namePrefix']}-{p}": v for p, v in values.items()}
        params["items"] = [
            {
                "name": part,
                "label": label,
                "value": values[part],
                "classes": width,
                "attributes": disabled,
            }
            for part, label, width in (
                ("day", _("Day"), "govuk-input--width-2"),
                ("month", _("Month"), "govuk-input--width-2"),
                ("year", _("Year"), "govuk-input--width-4"),
            )
        ]
        return params

    def _choices(self):
        return [(str(value), str(text)) for value, text in self.field.choices]

    def _chosen(self):
        value = self.value()
        values = value if isinstance(value, list | tuple) else [value]
        return {str(v) for v in values if v is not None}


# Widget attributes that the components take as parameters of their own.
_NAMED_ATTRIBUTES = ("autocomplete", "inputmode", "spellcheck", "pattern", "autocapitalize")


class PortalForm:
    """Mixin for ``forms.Form`` and ``forms.ModelForm``: GOV.UK markup and editable help.

    ``{{ form }}`` renders every field as its GOV.UK component; ``{% include
    "govuk/error_summary.html" %}`` puts the error summary at the top of the page.
    """

    text_prefix = ""
    template_name = "govuk/form.html"
    # Theme templates are only visible to the project's template engine.
    default_renderer = TemplatesSetting
    bound_field_class = PortalBoundField
    # GOV.UK validates on the server, so the browser's own required messages stay off.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField) and type(field.widget) is forms.DateInput:
                field.widget = DayMonthYearWidget()

    def field_text(self, name, part):
        """The editor's wording for a field's ``label`` or ``hint``, or None."""
        if not self.text_prefix:
            return None
        return optional_text(f"{self.text_prefix}.{name}.{part}")

    @property
    def error_summary(self):
        """Parameters for the error summary component, or None while there are no errors.

        Each field's message links to the field; a message about the whole form links to
        the first field, so every entry in the summary leads somewhere.
        """
        if not self.errors:
            return None
        visible = self.visible_fields()
        first_anchor = f"#{visible[0].govuk_anchor}" if visible else None
        whole_form = list(self.non_field_errors())
        whole_form += [error for field in self.hidden_fields() for error in field.errors]
        errors = [{"text": message, "href": first_anchor} for message in whole_form]
        # One line per message: a password can break several rules at once.
        errors += [
            {"text": message, "href": f"#{field.govuk_anchor}"}
            for field in visible
            for message in field.errors
        ]
        return {"titleText": _("There is a problem"), "errorList": errors}
