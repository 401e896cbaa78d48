"""Template filters and tags for SEND forms."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
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


_ROW = (
    '<div class="govuk-summary-list__row{}">'
    '<dt class="govuk-summary-list__key">{}</dt>'
    '<dd class="govuk-summary-list__value">{}</dd>{}</div>'
)


@register.simple_tag
def answer_summary(sections):
    """Answers grouped by step (``sections`` from filling.summary.summary_sections) as GOV.UK
    summary lists. Built here rather than by template loops: a 20-step form has a hundred rows,
    and the loops were most of the check-your-answers page's time."""
    change = raw_text("send.check.change")
    html = []
    for section in sections:
        html.append(format_html('<h2 class="govuk-heading-m">{}</h2>', section["group"].name))
        change_url = section["change_url"]
        for item in section["items"]:
            if item["title"]:
                html.append(format_html('<h3 class="govuk-heading-s">{}</h3>', item["title"]))
            rows = format_html_join(
                "",
                _ROW,
                (
                    (
                        "" if change_url else " govuk-summary-list__row--no-actions",
                        row["key"],
                        _answer(row),
                        _change_link(change_url, change, row["key"]),
                    )
                    for row in item["rows"]
                ),
            )
            html.append(
                format_html('<dl class="govuk-summary-list govuk-!-margin-bottom-6">{}</dl>', rows)
            )
    return mark_safe("".join(html))  # noqa: S308 - every part built by format_html above


def _answer(row):
    if row["file"]:
        return format_html('<a class="govuk-link" href="{}">{}</a>', row["file"], row["value"])
    return linebreaksbr(row["value"], autoescape=True)


def _change_link(url, change, key):
    if not url:
        return ""
    return format_html(
        '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{}">{}'
        '<span class="govuk-visually-hidden"> {}</span></a></dd>',
        url,
        change,
        key,
    )


_TASK = (
    '<li class="govuk-task-list__item govuk-task-list__item--with-link">'
    '<div class="govuk-task-list__name-and-hint">'
    '<a class="govuk-link govuk-task-list__link{}" href="{}"'
    ' aria-describedby="step-{}-status"{}>{}</a></div>'
    '<div class="govuk-task-list__status" id="step-{}-status">{}</div></li>'
)


@register.simple_tag
def task_list(tasks):
    """The GOV.UK task list of a form's steps (``tasks``: filling.steps.Task rows). Each status
    is worded (and its tag drawn) once, not once per step of a 20-step form."""
    shown = {}

    def status(name):
        if name not in shown:
            shown[name] = _status(name)
        return shown[name]

    items = format_html_join(
        "",
        _TASK,
        (
            (
                " govuk-!-font-weight-bold" if task.current else "",
                task.url,
                task.number,
                mark_safe(' aria-current="step"') if task.current else "",
                task.name,
                task.number,
                status(task.status),
            )
            for task in tasks
        ),
    )
    return format_html('<ul class="govuk-task-list">{}</ul>', items)


def _status(name):
    """A completed step says so in plain text, the others with a tag, as the GOV.UK pattern
    does."""
    if name == COMPLETED:
        return raw_text("send.form.status.completed")
    if name == IN_PROGRESS:
        wording, colour = raw_text("send.form.status.in_progress"), "govuk-tag--light-blue"
    else:
        wording, colour = raw_text("send.form.status.not_started"), "govuk-tag--blue"
    return components.render_component("tag", {"text": wording, "classes": colour})
