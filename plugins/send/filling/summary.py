"""A submission's answers grouped by step, as rows for summary lists: the family's check
your answers and submitted form pages, and the council's view of a submitted form, read the
same rows. Each caller says where a file downloads and a step is changed, as the portal and
the admin have their own addresses."""

from core.texts import raw_text

from ..builder.schema import current_language
from ..models.questions import UPLOAD_TYPES


def summary_sections(schema, answers, file_url, change_url=None):
    """Every answer of ``answers`` (an AnswerSet) grouped by the groups of ``schema``, leaving
    out the conditional questions the answers did not ask.

    ``file_url(file_pk)`` is where a file answer downloads; ``change_url(group_number)``,
    when given, is where the step's answers are changed."""
    language = current_language()
    not_answered = raw_text("send.check.not_answered", language)
    sections = []
    for group in schema.groups:
        items = []
        for index in range(answers.repeat_count(group.number)):
            rows = [
                {
                    "key": question.label,
                    "value": answers.display(question, index) or not_answered,
                    "file": _file_link(answers, question, index, file_url),
                }
                for question in group.questions
                # A question its earlier answers did not ask is not an answer to check.
                if schema.is_shown(question, answers.value, index)
            ]
            title = (
                raw_text("send.form.repeat_item", language, number=index + 1, group=group.name)
                if group.repeating
                else ""
            )
            items.append({"title": title, "rows": rows})
        sections.append(
            {
                "group": group,
                "items": items,
                "change_url": change_url(group.number) if change_url else "",
            }
        )
    return sections


def _file_link(answers, question, index, file_url):
    if question.data_type not in UPLOAD_TYPES:
        return ""
    file_pk = answers.value(question.code, index)
    return file_url(file_pk) if file_pk else ""
