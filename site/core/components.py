"""GOV.UK Frontend components as Django templates.

Each component takes the same parameters as its Nunjucks macro in the govuk-frontend
package (``text``, ``html``, ``classes``, ``attributes``, ``label``, ``hint``,
``errorMessage``, ``items``...), so the package's own fixtures can test our markup. The
markup lives in ``govuk/components/<name>.html``; the functions below only work out what
the macros compute (ids, ``aria-describedby``, checked states) before rendering, because
Django templates cannot assign variables.
"""

from django.template.loader import render_to_string
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .lenient import lenient

_RENDERERS = {}


def render_component(name, params):
    """The HTML of one GOV.UK component (``name`` as in govuk-frontend, e.g. "error-summary")."""
    renderer = _RENDERERS.get(name)
    if renderer is None:
        return _render(name, {"params": params or {}})
    return renderer(params or {})


def _render(name, context):
    return render_to_string(f"govuk/components/{name}.html", lenient(context))


def _renders(name):
    def register(function):
        _RENDERERS[name] = function
        return function

    return register


def _js(value):
    # Nunjucks prints booleans the JavaScript way.
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def attributes(attrs):
    """``govukAttributes``: a mapping as ` name="value"` pairs; ``{"value", "optional"}``
    items are left out when empty and printed bare when true."""
    if not attrs:
        return ""
    if isinstance(attrs, str):
        return mark_safe(attrs)  # noqa: S308 - the macro takes a string of attributes as HTML
    html = []
    for name, item in attrs.items():
        if isinstance(item, dict):
            value, optional = item.get("value"), item.get("optional") is True
        else:
            value, optional = item, False
        if optional and value is True:
            html.append(f" {escape(name)}")
        elif not optional or (value is not None and value is not False):
            shown = "" if value is None else conditional_escape(_js(value))
            html.append(f' {escape(name)}="{shown}"')
    return mark_safe("".join(html))  # noqa: S308 - names and values escaped above


def content(params, prefix=""):
    """A parameter pair such as ``html``/``text`` or ``titleHtml``/``titleText``: the HTML
    as given, otherwise the escaped text."""
    if not isinstance(params, dict):
        return ""
    html = params.get(f"{prefix}Html" if prefix else "html")
    if html:
        return mark_safe(str(html).strip())  # noqa: S308 - the caller passes HTML on purpose
    value = params.get(f"{prefix}Text" if prefix else "text")
    return "" if value is None else conditional_escape(_js(value))


def _value(item):
    """An item's ``value`` attribute as Nunjucks prints it, or None if it has none."""
    if "value" not in item:
        return None
    return "" if item["value"] is None else _js(item["value"])


def _join(*ids):
    return " ".join(i for i in ids if i)


def _hint_and_error(params, id_prefix, described_by):
    """The hint and error message of a field, with ids, and the grown aria-describedby."""
    hint = error = None
    if params.get("hint"):
        hint = {**params["hint"], "id": f"{id_prefix}-hint"}
        described_by = _join(described_by, hint["id"])
    if params.get("errorMessage"):
        error = {**params["errorMessage"], "id": f"{id_prefix}-error"}
        described_by = _join(described_by, error["id"])
    return hint, error, described_by


def _form_group(params, inner, *, fieldset_role=None, described_by=""):
    fieldset = None
    if params.get("fieldset"):
        fieldset = {**params["fieldset"], "describedBy": described_by, "html": inner}
        fieldset.pop("role", None)
        if fieldset_role:
            fieldset["role"] = fieldset_role
    return _render("_form_group", {"params": params, "fieldset": fieldset, "inner": inner})


@_renders("error-message")
def error_message(params):
    hidden = params.get("visuallyHiddenText")
    return _render(
        "error-message",
        {"params": params, "hidden_text": gettext("Error") if hidden is None else hidden},
    )


@_renders("input")
def input_(params):
    form_group = params.get("formGroup") or {}
    affixes = (
        params.get("prefix"),
        params.get("suffix"),
        form_group.get("beforeInput"),
        form_group.get("afterInput"),
    )
    value = params.get("value")
    return _field(
        "input",
        params,
        value=None if value is False else value,
        wrapped=any(content(affix) for affix in affixes),
    )


@_renders("textarea")
def textarea(params):
    return _field("textarea", params)


@_renders("select")
def select(params):
    chosen = params.get("value")
    items = []
    for item in params.get("items") or []:
        if not item:
            continue
        effective = item.get("value", item.get("text"))
        selected = item.get("selected") or bool(
            chosen and _js(effective) == _js(chosen) and item.get("selected") is not False
        )
        items.append({**item, "shown_value": _value(item), "is_selected": selected})
    return _field("select", params, options=items)


def _field(name, params, **extra):
    id_ = params.get("id") or params.get("name")
    hint, error, described_by = _hint_and_error(params, id_, params.get("describedBy") or "")
    spellcheck = params.get("spellcheck")
    return _render(
        name,
        {
            "params": params,
            "id": id_,
            "label": {**(params.get("label") or {}), "for": id_},
            "hint": hint,
            "error": error,
            "described_by": described_by,
            "spellcheck": _js(spellcheck) if isinstance(spellcheck, bool) else None,
            **extra,
        },
    )


@_renders("checkboxes")
def checkboxes(params):
    fieldset = params.get("fieldset") or {}
    described_by = fieldset.get("describedBy") or params.get("describedBy") or ""
    return _choices("checkboxes", params, described_by)


@_renders("radios")
def radios(params):
    described_by = (params.get("fieldset") or {}).get("describedBy") or ""
    return _choices("radios", params, described_by)


def _choices(kind, params, described_by):
    """Checkboxes and radios: the same markup with a different class prefix and input."""
    id_prefix = params.get("idPrefix") or params.get("name")
    hint, error, described_by = _hint_and_error(params, id_prefix, described_by)
    values = params.get("values") or []
    items = []
    # Numbering counts every item, as the macro's loop.index does, even skipped empty ones.
    for index, item in enumerate(params.get("items") or [], start=1):
        if not item:
            continue
        item_id = item.get("id") or (id_prefix if index == 1 else f"{id_prefix}-{index}")
        if kind == "checkboxes":
            derived = bool(values) and item.get("value") in values
            # Checkbox items repeat the group's description only outside a fieldset.
            inherited = "" if params.get("fieldset") else described_by
        else:
            derived = bool(params.get("value")) and item.get("value") == params.get("value")
            inherited = ""
        checked = bool(item.get("checked")) or (derived and item.get("checked") is not False)
        item_hint = item.get("hint") or {}
        has_hint = bool(item_hint.get("text") or item_hint.get("html"))
        hint_id = f"{item_id}-item-hint"
        label_classes = (item.get("label") or {}).get("classes")
        items.append(
            {
                "item": item,
                "id": item_id,
                "name": (item.get("name") if kind == "checkboxes" else None) or params.get("name"),
                "value": _value(item),
                "checked": checked,
                "described_by": _join(inherited, has_hint and hint_id),
                "conditional": content({"html": (item.get("conditional") or {}).get("html")}),
                "label": {
                    "html": item.get("html"),
                    "text": item.get("text"),
                    "classes": _join(f"govuk-{kind}__label", label_classes),
                    "attributes": (item.get("label") or {}).get("attributes"),
                    "for": item_id,
                },
                "hint": has_hint
                and {
                    **item_hint,
                    "id": hint_id,
                    "classes": _join(f"govuk-{kind}__hint", item_hint.get("classes")),
                },
            }
        )
    inner = _render(
        "_choices",
        {
            "params": params,
            "kind": kind,
            "input_type": "checkbox" if kind == "checkboxes" else "radio",
            "hint": hint,
            "error": error,
            "items": items,
            "before": content((params.get("formGroup") or {}).get("beforeInputs")),
            "after": content((params.get("formGroup") or {}).get("afterInputs")),
        },
    )
    return _form_group(params, inner, described_by=described_by)


@_renders("date-input")
def date_input(params):
    values = params.get("values") or {}
    # A part given as false (e.g. "year": false) leaves that input out.
    defaults = [
        params[part]
        if part in params
        else {"name": part, "value": values.get(part), "classes": f"govuk-input--width-{width}"}
        for part, width in (("day", 2), ("month", 2), ("year", 4))
    ]
    items = params.get("items") or defaults

    def has_error(item):
        return bool(item.get("error")) or "govuk-input--error" in (item.get("classes") or "")

    any_error = any(has_error(item) for item in items if item)
    prefix = f"{params['namePrefix']}-" if params.get("namePrefix") else ""
    inputs = []
    for item in filter(None, items):
        name, value, width = item.get("name"), item.get("value"), 2
        for part, default in zip(("day", "month", "year"), defaults, strict=True):
            default = default or {}
            if item is default or (name and name in (part, default.get("name"))):
                name = name or part
                if "value" not in item:
                    value = default.get("value")
                width = 4 if part == "year" else 2
                break
        classes = item.get("classes") or ""
        own = ""
        if "govuk-input--error" not in classes and (
            has_error(item)
            or (item.get("error") is not False and params.get("errorMessage") and not any_error)
        ):
            own = "govuk-input--error"
        if "govuk-input--width-" not in classes:
            own = _join(own, f"govuk-input--width-{width}")
        if value is None:
            value = values.get(prefix + name)
        inputs.append(
            {
                "label": {
                    "text": item.get("label") or (name or "").capitalize(),
                    "classes": "govuk-date-input__label",
                },
                "id": item.get("id") or f"{params.get('id')}-{name}",
                "classes": _join("govuk-date-input__input", own, classes),
                "name": prefix + name,
                "value": value,
                "type": "text",
                "inputmode": item.get("inputmode") or "numeric",
                "autocomplete": item.get("autocomplete"),
                "pattern": item.get("pattern"),
                "attributes": item.get("attributes"),
            }
        )
    described_by = (params.get("fieldset") or {}).get("describedBy") or ""
    hint, error, described_by = _hint_and_error(params, params.get("id"), described_by)
    inner = _render(
        "_date_input",
        {
            "params": params,
            "hint": hint,
            "error": error,
            "inputs": inputs,
            "before": content((params.get("formGroup") or {}).get("beforeInputs")),
            "after": content((params.get("formGroup") or {}).get("afterInputs")),
        },
    )
    return _form_group(params, inner, fieldset_role="group", described_by=described_by)


@_renders("error-summary")
def error_summary(params):
    return _render(
        "error-summary",
        {
            "params": params,
            "errors": [item for item in params.get("errorList") or [] if item],
            "disable_auto_focus": _js(params["disableAutoFocus"])
            if "disableAutoFocus" in params
            else None,
        },
    )


@_renders("summary-list")
def summary_list(params):
    rows = [row for row in params.get("rows") or [] if row]
    card = params.get("card")
    card_title = (card or {}).get("title")

    def actions(group):
        return [
            {**action, "card_title": content(card_title) if card_title else ""}
            for action in (group or {}).get("items") or []
        ]

    rows = [{"row": row, "actions": actions(row.get("actions"))} for row in rows]
    any_actions = any(row["actions"] for row in rows)
    for row in rows:
        row["no_actions"] = any_actions and not row["actions"]
    summary = _render("summary-list", {"params": params, "rows": rows})
    if not card:
        return summary
    return _render(
        "_summary_card",
        {
            "card": card,
            "heading_level": (card_title or {}).get("headingLevel") or 2,
            "actions": actions(card.get("actions")),
            "summary": summary,
        },
    )


@_renders("notification-banner")
def notification_banner(params):
    success = params.get("type") == "success"
    if params.get("titleHtml") or params.get("titleText"):
        title = content(params, "title")
    else:
        title = gettext("Success") if success else gettext("Important")
    return _render(
        "notification-banner",
        {
            "params": params,
            "success": success,
            "role": params.get("role") or ("alert" if success else "region"),
            "title": title,
            "title_id": params.get("titleId") or "govuk-notification-banner-title",
            "heading_level": params.get("titleHeadingLevel") or 2,
            "disable_auto_focus": _js(params["disableAutoFocus"])
            if "disableAutoFocus" in params
            else None,
        },
    )


@_renders("panel")
def panel(params):
    interruption = "govuk-panel--interruption" in (params.get("classes") or "")
    # An empty actions mapping still draws its container, as in the macro.
    actions = params.get("actions") if interruption else None
    if not isinstance(actions, dict):
        actions = None
    buttons = []
    for action in (actions or {}).get("items") or []:
        if not action.get("href") or action.get("type") == "button":
            button = {
                "text": action.get("text"),
                "type": action.get("type") or "button",
                "classes": _join("govuk-button--inverse", action.get("classes")),
                "href": action.get("href"),
                "attributes": action.get("attributes"),
            }
            buttons.append({"button": button})
        else:
            buttons.append({"link": action})
    return _render(
        "panel",
        {
            "params": params,
            "interruption": interruption,
            "heading_level": params.get("headingLevel") or 1,
            "actions": actions,
            "buttons": buttons,
        },
    )
