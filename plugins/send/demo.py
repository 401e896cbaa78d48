"""The demo council's SEND set-up: the SEND team's permissions and realistic forms."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Locale

from core.models import Tile

from . import builder
from .demo_forms import FORMS
from .models import FormDefinition, GroupQuestion, Question, QuestionChoice, QuestionGroup
from .models.forms import FIRST_GROUP_NUMBER


@transaction.atomic
def load_demo():
    """The SEND team's group and the demo forms. Idempotent, like core's ``load_demo``."""
    team, _created = Group.objects.get_or_create(name="SEND team")
    # Professionals ask the SEND team for access, so the team verifies their accounts too.
    team.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="send", codename__in=["build_forms", "view_submission"])
            | Q(content_type__app_label="accounts", codename="verify_professionals")
        )
    )
    load_demo_forms()
    _home_tile()


def _home_tile():
    """The SEND tile, first on the demo home page; its words are the plugin's own texts."""
    english = Locale.objects.get(language_code="en")
    if Tile.objects.filter(locale=english, plugin_tile="send").exists():
        return
    tile = Tile.objects.create(locale=english, plugin_tile="send", icon="form", sort_order=0)
    tile.copy_for_translation(Locale.objects.get(language_code="cy")).save()


@transaction.atomic
def load_demo_forms(forms=FORMS):
    """Build and publish, live, each form of ``forms`` (``demo_forms`` records) whose code is
    not taken yet, and return the new definitions. A form whose code exists is left alone,
    so a second run changes nothing.

    Bank questions are matched by code, so a fact several forms ask (the child's school, the
    main area of need) is one question and its answer can pre-fill the later forms. A code
    already in the bank is used as it stands: the SEND team's bank wins over the demo's."""
    taken = set(
        FormDefinition.objects.filter(code__in=[form.code for form in forms]).values_list(
            "code", flat=True
        )
    )
    new_forms = [form for form in forms if form.code not in taken]
    if not new_forms:
        return []
    bank = _bank_questions(new_forms)
    return [_create_form(form, bank) for form in new_forms]


def _bank_questions(forms):
    """The forms' questions by code, bulk-creating those the bank lacks with their list items."""
    wanted = {q.code: q for form in forms for group in form.groups for q in group.questions}
    bank = {q.code: q for q in Question.objects.filter(code__in=wanted)}
    missing = [spec for code, spec in wanted.items() if code not in bank]
    # On SQLite 3.35+ and PostgreSQL, bulk_create sets the new primary keys.
    created = Question.objects.bulk_create(_question(spec) for spec in missing)
    QuestionChoice.objects.bulk_create(
        _choice(question, order, *item)
        for spec, question in zip(missing, created, strict=True)
        for order, item in enumerate(spec.choices)
    )
    bank.update((question.code, question) for question in created)
    return bank


def _question(spec):
    question = Question(
        code=spec.code,
        label_en=spec.label[0],
        label_cy=spec.label[1],
        hint_en=spec.hint[0],
        hint_cy=spec.hint[1],
        data_type=spec.data_type,
        max_length=spec.max_length,
        mandatory=spec.mandatory,
        in_chronology=spec.in_chronology,
    )
    # Checked here because SQLite would store an over-long text or a bad code silently.
    question.full_clean(validate_unique=False, validate_constraints=False)
    return question


def _choice(question, order, value, label_en, label_cy):
    choice = QuestionChoice(
        question=question, sort_order=order, value=value, label_en=label_en, label_cy=label_cy
    )
    # The question was just checked; excluding it spares a query per item.
    choice.full_clean(exclude=["question"], validate_unique=False, validate_constraints=False)
    return choice


def _create_form(spec, bank):
    """One live form definition with its groups and placements, published as version 1."""
    form = FormDefinition(
        code=spec.code,
        title_en=spec.title[0],
        title_cy=spec.title[1],
        guidance_en=spec.guidance[0],
        guidance_cy=spec.guidance[1],
        subtitle=spec.subtitle,
        description=spec.description,
        portal_type=spec.portal_type,
        user_type=spec.user_type,
        live=True,
    )
    form.full_clean(validate_unique=False)
    form.save()
    groups = [
        QuestionGroup(
            form=form,
            number=number,
            name_en=group.name[0],
            name_cy=group.name[1],
            guidance_en=group.guidance[0],
            guidance_cy=group.guidance[1],
            repeating=group.repeating,
        )
        for number, group in enumerate(spec.groups, FIRST_GROUP_NUMBER)
    ]
    for group in groups:
        group.full_clean(exclude=["form"])
    QuestionGroup.objects.bulk_create(groups)
    GroupQuestion.objects.bulk_create(
        GroupQuestion(form=form, group=group, question=bank[question.code], sort_order=order)
        for group, group_spec in zip(groups, spec.groups, strict=True)
        for order, question in enumerate(group_spec.questions, start=1)
    )
    builder.publish(form)
    form.refresh_from_db()
    return form
