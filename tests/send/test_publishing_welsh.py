"""Welsh before publishing: publishing lists every text of a form that has no Welsh yet, and a
council that requires Welsh (SEND settings, on in the demo) cannot publish until there is none."""

import pytest
from django.core.exceptions import ValidationError

from plugins.send.builder import services as builder
from plugins.send.builder.welsh import missing_welsh
from plugins.send.models import FormVersion, SendSettings
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    QuestionFactory,
    place,
)
from tests.send.test_form_definitions_admin import FORMS, send_team  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

MISSING = [
    "The form's title",
    "The form's guidance notes",
    "Group 2: its name",
    "Group 2: its guidance",
    "Question PETS: the question",
    "Question PETS: the hint",
    "Question NEED: the list item “Sensory”",
]


@pytest.fixture
def form():
    """A form whose Welsh is missing in every place a form has words."""
    form = FormDefinitionFactory(title_cy="", guidance_cy="")
    group = GroupFactory(form=form, number=2, name_cy="", guidance_en="About home.")
    need = QuestionFactory(code="NEED", data_type="choice", label_cy="Angen")
    ChoiceFactory(question=need, label_en="Speech", label_cy="Lleferydd")
    ChoiceFactory(question=need, label_en="Sensory", label_cy="")
    pets = QuestionFactory(code="PETS", label_cy="", hint_en="Dogs, cats…", hint_cy="")
    # A question with no hint in English needs none in Welsh.
    place(group, pets, need, QuestionFactory(code="SCHOOL", hint_en=""))
    return form


def require_welsh(required=True):
    settings = SendSettings.load()
    settings.require_welsh = required
    settings.save()


def test_every_text_without_welsh_is_listed_in_form_order(form):
    assert missing_welsh(form) == MISSING


def test_a_council_requiring_welsh_cannot_publish_while_any_is_missing(form):
    require_welsh()
    with pytest.raises(ValidationError) as error:
        builder.publish(form)
    assert error.value.messages == [f"No Welsh yet: {text}." for text in MISSING]
    assert not FormVersion.objects.exists()


def test_without_the_setting_the_form_is_published_with_english_in_place_of_welsh(form):
    require_welsh(False)
    assert builder.publish(form).number == 1


def test_the_publish_page_lists_the_missing_welsh(send_team, form):  # noqa: F811
    require_welsh()
    page = send_team.post(f"{FORMS}build/{form.pk}/publish/")
    assert page.status_code == 200
    assert "The form cannot be published yet" in page.text
    text = page.text.replace("&#x27;", "'")
    for words in MISSING:
        assert f"<li>No Welsh yet: {words}.</li>" in text
    assert not FormVersion.objects.exists()


def test_the_build_page_and_a_publish_without_the_setting_name_the_missing_welsh(
    send_team,  # noqa: F811
    form,
):
    build = send_team.get(f"{FORMS}build/{form.pk}/").text.replace("&#x27;", "'")
    assert "7 texts have no Welsh yet" in build and "Question PETS: the hint" in build
    published = send_team.post(f"{FORMS}build/{form.pk}/publish/", follow=True)
    text = published.content.decode().replace("&#x27;", "'")
    assert "Version 1 of" in text
    assert "These texts have no Welsh, so the portal shows them in English" in text
    assert "Group 2: its name" in text


def test_the_demo_council_requires_welsh_and_its_forms_have_it_all(demo):
    assert SendSettings.load().require_welsh
    for version in FormVersion.objects.select_related("form"):
        assert missing_welsh(version.form) == []
