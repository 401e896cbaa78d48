"""Factories for the SEND plugin's tests: bank questions, form definitions, published forms."""

import factory

from plugins.send.builder import services as builder
from plugins.send.models import (
    FormDefinition,
    GroupQuestion,
    PersonLink,
    PortalPerson,
    Question,
    QuestionChoice,
    QuestionGroup,
    Submission,
)
from tests.factories import UserFactory


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    code = factory.Sequence(lambda n: f"Q_{n:04d}")
    label_en = factory.Sequence(lambda n: f"Question {n}")
    label_cy = factory.Sequence(lambda n: f"Cwestiwn {n}")
    data_type = "text"


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionChoice

    question = factory.SubFactory(QuestionFactory, data_type="choice")
    label_en = factory.Sequence(lambda n: f"Item {n}")
    label_cy = factory.Sequence(lambda n: f"Eitem {n}")
    sort_order = factory.Sequence(int)


class FormDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormDefinition

    code = factory.Sequence(lambda n: f"FORM_{n:03d}")
    title_en = factory.Sequence(lambda n: f"Request form {n}")
    title_cy = factory.Sequence(lambda n: f"Ffurflen gais {n}")
    guidance_en = "Tell us about your child."
    guidance_cy = "Dywedwch wrthym am eich plentyn."
    portal_type = "citizen"
    user_type = "parent_carer"
    live = True


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionGroup

    form = factory.SubFactory(FormDefinitionFactory)
    number = factory.Sequence(lambda n: n + 2)
    name_en = factory.Sequence(lambda n: f"Part {n}")
    name_cy = factory.Sequence(lambda n: f"Rhan {n}")


def place(group, *questions):
    """Put ``questions`` in ``group``, in order."""
    for order, question in enumerate(questions, start=1):
        GroupQuestion.objects.create(group=group, question=question, sort_order=order)


def published_form(groups=((2, False, 2),), publisher=None, **form_fields):
    """A live form with one published version. ``groups``: (number, repeating, questions)."""
    form = FormDefinitionFactory(**form_fields)
    for number, repeating, count in groups:
        group = GroupFactory(form=form, number=number, repeating=repeating)
        place(group, *QuestionFactory.create_batch(count))
    builder.publish(form, publisher)
    form.refresh_from_db()
    return form


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalPerson

    forename = "Alex"
    surname = factory.Sequence(lambda n: f"Child{n}")
    date_of_birth = factory.Faker("date_of_birth", minimum_age=3, maximum_age=15)


class PersonLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonLink

    person = factory.SubFactory(PersonFactory)
    user = factory.SubFactory(UserFactory)
    relationship = "parent"
    parental_responsibility = True


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    person = factory.SubFactory(PersonFactory)
    version = factory.LazyFunction(lambda: published_form().live_version)
    created_by = factory.SubFactory(UserFactory)
