"""Template filters and tags for SEND forms."""

import html as html_lib

from django import template
from django.utils.safestring import mark_safe

from core import components
from core.texts import raw_text, render

from ..builder.schema import text
from ..filling.steps import COMPLETED, IN_PROGRESS

register = template.Library()


@register.filter
def guidance(value):
    """The SEND team's guidance notes (Markdown) as safe GOV.UK-styled HTML."""
    return render(value, True) if value else ""


@register.filter
def bilingual(values):
    """A schema's {"en": …, "cy": …} words in the active language (English fallback)."""
    return text(values)


def _esc(value):
    """``conditional_escape`` without its lazy-string wrapper, which cost more than the
    escaping itself over the hundreds of values these tags write."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html_lib.escape(str(value))


@register.simple_tag
def answer_summary(sections):
    """Answers grouped by step (``sections`` from filling.summary.summary_sections) as GOV.UK
    summary lists. Built here rather than by template loops: a 20-step form has a hundred rows,
    and the loops were most of the check-your-answers page's time."""
    change = _esc(raw_text("send.check.change"))
    html = []
    for section in sections:
        html.append(f'<h2 class="govuk-heading-m">{_esc(section["group"].name)}</h2>')
        change_url = section["change_url"]
        row_class = "" if change_url else " govuk-summary-list__row--no-actions"
        link = f'<a class="govuk-link" href="{_esc(change_url)}">{change}' if change_url else ""
        for item in section["items"]:
            if item["title"]:
                html.append(f'<h3 class="govuk-heading-s">{_esc(item["title"])}</h3>')
            html.append('<dl class="govuk-summary-list govuk-!-margin-bottom-6">')
            for row in item["rows"]:
                key = _esc(row["key"])
                html.append(
                    f'<div class="govuk-summary-list__row{row_class}">'
                    f'<dt class="govuk-summary-list__key">{key}</dt>'
                    f'<dd class="govuk-summary-list__value">{_answer(row)}</dd>'
                )
                if link:
                    html.append(
                        f'<dd class="govuk-summary-list__actions">{link}'
                        f'<span class="govuk-visually-hidden"> {key}</span></a></dd>'
                    )
                html.append("</div>")
            html.append("</dl>")
    return mark_safe("".join(html))  # noqa: S308 - every value escaped by _esc above


def _answer(row):
    if row["file"]:
        return f'<a class="govuk-link" href="{_esc(row["file"])}">{_esc(row["value"])}</a>'
    # As the linebreaksbr filter: escaped, each line break as <br>.
    value = _esc(row["value"]).replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "<br>")


@register.simple_tag
def task_list(tasks):
    """The GOV.UK task list of a form's steps (``tasks``: filling.steps.Task rows). Each status
    is worded (and its tag drawn) once, not once per step of a 20-step form."""
    shown = {}
    html = ['<ul class="govuk-task-list">']
    for task in tasks:
        if task.status not in shown:
            shown[task.status] = _status(task.status)
        bold, current = (
            (" govuk-!-font-weight-bold", ' aria-current="step"') if task.current else ("", "")
        )
        html.append(
            '<li class="govuk-task-list__item govuk-task-list__item--with-link">'
            '<div class="govuk-task-list__name-and-hint">'
            f'<a class="govuk-link govuk-task-list__link{bold}" href="{_esc(task.url)}"'
            f' aria-describedby="step-{task.number}-status"{current}>{_esc(task.name)}</a></div>'
            f'<div class="govuk-task-list__status" id="step-{task.number}-status">'
            f"{shown[task.status]}</div></li>"
        )
    html.append("</ul>")
    return mark_safe("".join(html))  # noqa: S308 - every value escaped by _esc above


def _status(name):
    """A completed step says so in plain text, the others with a tag, as the GOV.UK pattern
    does."""
    if name == COMPLETED:
        return _esc(raw_text("send.form.status.completed"))
    if name == IN_PROGRESS:
        wording, colour = raw_text("send.form.status.in_progress"), "govuk-tag--light-blue"
    else:
        wording, colour = raw_text("send.form.status.not_started"), "govuk-tag--blue"
    return components.render_component("tag", {"text": wording, "classes": colour})
