"""Which words of a form's working copy have no Welsh yet. The portal falls back to English for
them; a council that requires Welsh before publishing (SEND settings) cannot publish until the
list is empty."""

from django.utils.translation import gettext as _

from .schema import form_groups


def missing_welsh(form):
    """Every text of ``form`` written in English but not in Welsh, in the admin's words, in the
    order the form shows them. Empty English (an optional hint) needs no Welsh."""
    missing = []

    def check(english, welsh, description):
        if english.strip() and not welsh.strip():
            missing.append(description)

    check(form.title_en, form.title_cy, _("The form's title"))
    check(form.guidance_en, form.guidance_cy, _("The form's guidance notes"))
    for group in form_groups(form):
        where = {"number": group.number}
        check(group.name_en, group.name_cy, _("Group %(number)s: its name") % where)
        check(group.guidance_en, group.guidance_cy, _("Group %(number)s: its guidance") % where)
        for item in group.items.all():
            question = item.question
            where = {"code": question.code}
            check(
                question.label_en, question.label_cy, _("Question %(code)s: the question") % where
            )
            check(question.hint_en, question.hint_cy, _("Question %(code)s: the hint") % where)
            for choice in question.choices.all():
                check(
                    choice.label_en,
                    choice.label_cy,
                    _("Question %(code)s: the list item “%(item)s”")
                    % {**where, "item": choice.label_en},
                )
    return missing
