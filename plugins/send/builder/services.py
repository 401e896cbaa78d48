"""The SEND form builder's rules: locked questions, groups and their questions, publishing
immutable versions, cloning. Admin views, the importer and the demo data all call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils.translation import gettext as _

from ..models import (
    FormDefinition,
    FormVersion,
    GroupQuestion,
    QuestionGroup,
    SendSettings,
    VersionQuestion,
)
from ..models.forms import FIRST_GROUP_NUMBER
from .conditions import condition_problems, form_places, set_condition
from .schema import build_schema
from .welsh import missing_welsh

# The only field of a locked question that may still change (the seeds' rule: future
# versions of the question may then record several answers).
CHANGEABLE_WHEN_LOCKED = {"inherit_multiple"}


# -- questions ------------------------------------------------------------------------------


def question_is_locked(question):
    """True once any published form version uses the question."""
    return VersionQuestion.objects.filter(question=question).exists()


def with_locked(questions):
    """Annotate ``locked`` on a queryset of questions, in the same query."""
    return questions.annotate(
        locked=Exists(VersionQuestion.objects.filter(question=OuterRef("pk")))
    )


def ensure_question_editable(question, changed_fields):
    """Refuse changes to a locked question other than "inherited multiple times"."""
    if set(changed_fields) - CHANGEABLE_WHEN_LOCKED and question_is_locked(question):
        raise ValidationError(
            _(
                "Question %(code)s is used by a published form, so only “answer can be "
                "inherited multiple times” can change. Create a new question instead."
            )
            % {"code": question.code},
            code="locked",
        )


def ensure_question_deletable(question):
    if question_is_locked(question):
        raise ValidationError(
            _("Question %(code)s is used by a published form, so it cannot be deleted.")
            % {"code": question.code},
            code="locked",
        )
    placements = list(
        question.placements.select_related("form").values_list("form__code", flat=True)
    )
    if placements:
        raise ValidationError(
            _("Question %(code)s is on form %(forms)s. Take it off the form first.")
            % {"code": question.code, "forms": ", ".join(placements)},
            code="in_use",
        )


# -- groups and their questions ---------------------------------------------------------------


def mark_changed(form):
    FormDefinition.objects.filter(pk=form.pk).update(has_draft_changes=True)
    form.has_draft_changes = True


def next_group_number(form):
    highest = form.groups.aggregate(highest=Max("number"))["highest"]
    return max(FIRST_GROUP_NUMBER, (highest or 0) + 1)


def add_question(group, question):
    """Place ``question`` last in ``group``; each question may appear once per form."""
    existing = (
        GroupQuestion.objects.filter(form_id=group.form_id, question=question)
        .select_related("group")
        .first()
    )
    if existing:
        raise ValidationError(
            _("Question %(code)s is already on this form, in group %(number)s.")
            % {"code": question.code, "number": existing.group.number},
            code="duplicate",
        )
    last = group.items.aggregate(last=Max("sort_order"))["last"]
    item = GroupQuestion.objects.create(group=group, question=question, sort_order=(last or 0) + 1)
    mark_changed(group.form)
    return item


def inherited_once(placements):
    """Of ``placements`` (``GroupQuestion`` rows, with their group and question), those of a
    question "inherited multiple times" in a repeating group. A new form from the chronology
    offers earlier answers to bring in only outside repeating groups (an item has no one
    earlier answer to match), so there it is inherited once, like any other answer, and
    the builder warns."""
    return [item for item in placements if item.group.repeating and item.question.inherit_multiple]


def inherited_once_warning(item):
    """The builder's warning about one placement that :func:`inherited_once` returned."""
    return _(
        "Question %(code)s can be inherited multiple times, but group %(number)s of form "
        "%(form)s repeats: a new form from the chronology inherits its answer once, like "
        "any other answer."
    ) % {"code": item.question.code, "number": item.group.number, "form": item.group.form.code}


def remove_question(item):
    """Take a question off the form; refused while a later question depends on it."""
    form = item.group.form
    dependent = GroupQuestion.objects.filter(form=form, shown_when=item.question_id)
    if dependent.exists():
        raise ValidationError(
            _("Question %(code)s decides whether %(others)s are asked. Change that first.")
            % {
                "code": item.question.code,
                "others": ", ".join(dependent.values_list("question__code", flat=True)),
            },
            code="controls",
        )
    item.delete()
    mark_changed(form)


def change_condition(item, controller=None, values=()):
    """Ask ``item`` only when question ``controller`` has one of ``values`` (the rules are in
    ``conditions``), or always without a controller."""
    set_condition(item, controller, values)
    mark_changed(item.group.form)


@transaction.atomic
def move_question(item, direction):
    """Swap ``item`` with its neighbour above (direction -1) or below (+1)."""
    items = list(item.group.items.order_by("sort_order", "pk"))
    position = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = position + direction
    if not 0 <= target < len(items):
        return
    items[position], items[target] = items[target], items[position]
    for order, other in enumerate(items, start=1):
        GroupQuestion.objects.filter(pk=other.pk).update(sort_order=order)
    mark_changed(item.group.form)


def delete_group(group):
    form = group.form
    group.delete()
    mark_changed(form)


def number_problems(form):
    """Group numbers used more than once, and the numbers missing between 2 and the highest,
    as (duplicates, gaps)."""
    numbers = list(form.groups.order_by("number").values_list("number", flat=True))
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    highest = max(numbers, default=FIRST_GROUP_NUMBER - 1)
    gaps = sorted(set(range(FIRST_GROUP_NUMBER, highest + 1)) - set(numbers))
    return duplicates, gaps


@transaction.atomic
def renumber_groups(form):
    """Number the groups 2, 3, 4… in their current order, removing gaps and conflicts."""
    for number, group in enumerate(form.groups.order_by("number", "pk"), FIRST_GROUP_NUMBER):
        if group.number != number:
            QuestionGroup.objects.filter(pk=group.pk).update(number=number)
    mark_changed(form)


# -- publishing and cloning ---------------------------------------------------------------


def publish_problems(form):
    """Why the working copy cannot be published yet (an empty list when it can): an empty
    group, a list without items, a broken condition, and, where the council requires Welsh
    before publishing (SEND settings), every text with no Welsh."""
    problems = []
    groups = list(form.groups.prefetch_related("items__question__choices"))
    if not groups:
        problems.append(_("Add at least one question group."))
    duplicates, _gaps = number_problems(form)
    if duplicates:
        problems.append(
            _("More than one group has the number %(numbers)s. Renumber the groups.")
            % {"numbers": ", ".join(map(str, duplicates))}
        )
    for group in groups:
        items = group.items.all()
        if not items:
            problems.append(_("Group %(number)s has no questions.") % {"number": group.number})
        for item in items:
            if item.question.data_type == "choice" and not item.question.choices.all():
                problems.append(
                    _("Question %(code)s is a choice from a list but has no list items.")
                    % {"code": item.question.code}
                )
    problems += condition_problems(form_places(form))
    if SendSettings.load().require_welsh:
        problems += [_("No Welsh yet: %(text)s.") % {"text": text} for text in missing_welsh(form)]
    return problems


@transaction.atomic
def publish(form, user=None):
    """Freeze the working copy into a new immutable version and make it the live one."""
    form = FormDefinition.objects.select_for_update().get(pk=form.pk)
    problems = publish_problems(form)
    if problems:
        raise ValidationError(problems, code="not_ready")
    last = form.versions.aggregate(last=Max("number"))["last"] or 0
    version = FormVersion.objects.create(
        form=form, number=last + 1, schema=build_schema(form), published_by=user
    )
    question_ids = set(
        GroupQuestion.objects.filter(form=form).values_list("question_id", flat=True)
    )
    VersionQuestion.objects.bulk_create(
        VersionQuestion(version=version, question_id=pk) for pk in question_ids
    )
    FormDefinition.objects.filter(pk=form.pk).update(live_version=version, has_draft_changes=False)
    return version


@transaction.atomic
def clone(form, code, title_en=None):
    """A new, not-live draft copying ``form``'s details, groups and question placements, and
    who may see it on a chronology."""
    copy = FormDefinition(
        code=code,
        title_en=title_en or form.title_en,
        title_cy=form.title_cy,
        guidance_en=form.guidance_en,
        guidance_cy=form.guidance_cy,
        subtitle=form.subtitle,
        description=form.description,
        portal_type=form.portal_type,
        user_type=form.user_type,
        live=False,
    )
    copy.full_clean()
    copy.save()
    for group in form.groups.prefetch_related("items"):
        items = list(group.items.all())
        group.pk = None
        group.form = copy
        group.save()
        GroupQuestion.objects.bulk_create(
            GroupQuestion(
                form=copy,
                group=group,
                question_id=item.question_id,
                sort_order=item.sort_order,
                shown_when_id=item.shown_when_id,
                shown_when_values=item.shown_when_values,
            )
            for item in items
        )
    copy.chronology_groups.set(form.chronology_groups.all())
    return copy


def ensure_form_deletable(form):
    """A published form keeps its versions (submissions point at them): take it off the
    portal by switching "live" off instead."""
    if form.versions.exists():
        raise ValidationError(
            _(
                "Form %(code)s has published versions, so it cannot be deleted. Untick "
                "“Live” to take it off the portal."
            )
            % {"code": form.code},
            code="published",
        )


def version_history(form):
    """The form's published versions, newest first, with who published them."""
    return form.versions.select_related("published_by").order_by("-number")
