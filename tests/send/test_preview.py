"""A SEND team member previews a form on the portal, draft or published, in English and
Welsh: who may, what each page shows, errors exactly as in the real journey, and nothing
ever saved."""

import html5lib
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from plugins.send.builder import services as builder
from plugins.send.models import Answer, FormVersion, Submission, SubmissionStep
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    QuestionFactory,
    place,
)

pytestmark = pytest.mark.django_db


def staff(may_build_forms=True):
    user = UserFactory(kind="staff", is_staff=True, email_confirmed_at=timezone.now())
    if may_build_forms:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="send", codename="build_forms")
        )
    return user


@pytest.fixture
def team_member(client):
    return sign_in_verified(client, staff())


@pytest.fixture
def form():
    """A form published as version 1 whose draft has changed since: step 2 was renamed."""
    form = FormDefinitionFactory(
        title_en="Request for an assessment",
        title_cy="Cais am asesiad",
        guidance_en="Read this **first**.",
        guidance_cy="Darllenwch hwn **yn gyntaf**.",
    )
    about = GroupFactory(form=form, number=2, name_en="About your child", name_cy="Am eich plentyn")
    place(
        about,
        QuestionFactory(
            code="CHILD_VIEWS",
            data_type="memo",
            label_en="What does your child enjoy?",
            label_cy="Beth mae eich plentyn yn ei fwynhau?",
            mandatory=True,
        ),
        QuestionFactory(code="HAS_PLAN", data_type="yes_no", label_en="Has a plan", label_cy=""),
    )
    contacts = GroupFactory(
        form=form, number=3, name_en="Professionals", name_cy="Gweithwyr proffesiynol"
    )
    contacts.repeating = True
    contacts.save()
    place(contacts, QuestionFactory(code="CONTACT_NAME", label_en="Name", label_cy="Enw"))
    builder.publish(form, None)
    about.name_en = "About your child and family"
    about.save()
    builder.mark_changed(form)
    return form


def url(form, version="draft", page=""):
    return f"/send/preview/{form.pk}/{version}/{page}"


def pages(form):
    return [
        url(form),
        url(form, page="subject/"),
        url(form, page="step/2/"),
        url(form, page="end/"),
    ]


def valid_html(response):
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content)
    return response.text


# -- who may preview ---------------------------------------------------------------------------


def test_signed_out_visitors_are_sent_to_sign_in(client, form):
    for page in pages(form):
        response = client.get(page)
        assert response.status_code == 302
        assert response.url.startswith("/account/sign-in/?next=")


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: UserFactory(kind="citizen", email_confirmed_at=timezone.now()),
        lambda: staff(may_build_forms=False),
    ],
    ids=["citizen", "staff without the form builder permission"],
)
def test_anyone_but_the_send_team_finds_nothing(client, form, make_user):
    sign_in_verified(client, make_user())
    for page in pages(form):
        assert client.get(page).status_code == 404


def test_a_citizen_given_the_permission_by_mistake_still_finds_nothing(client, form):
    citizen = UserFactory(kind="citizen", email_confirmed_at=timezone.now())
    citizen.user_permissions.add(Permission.objects.get(codename="build_forms"))
    sign_in_verified(client, citizen)
    assert client.get(url(form)).status_code == 404


def test_the_send_team_must_pass_two_step_verification_first(client, form):
    member = staff()
    EmailDevice.objects.create(user=member, name="Email", confirmed=True)
    client.force_login(member)
    response = client.get(url(form))
    assert response.status_code == 302
    assert response.url.startswith("/account/sign-in/code/?next=")


# -- what the pages show -------------------------------------------------------------------------


def test_the_introduction_shows_the_prefixed_title_guidance_and_every_step(
    client, team_member, form
):
    page = valid_html(client.get(url(form)))
    assert "Special Educational Needs and Disabilities – Request for an assessment</h1>" in page
    assert '<p class="govuk-body">Read this <strong>first</strong>.</p>' in page
    assert "You are previewing the draft of this form. Nothing you enter is saved." in page
    assert f'href="{url(form, page="subject/")}"' in page  # Start
    for number, name in ((2, "About your child and family"), (3, "Professionals")):
        assert (
            f'<a class="govuk-link govuk-task-list__link" href="{url(form, page=f"step/{number}/")}"'
            in page
        )
        assert name in page


def test_step_one_shows_example_subject_details_marked_as_an_example(client, team_member, form):
    page = valid_html(client.get(url(form, page="subject/")))
    assert "Subject details</h1>" in page
    assert "Example" in page and "These are example details." in page
    assert "Alex Morgan" in page and "5 March 2015" in page
    assert f'href="{url(form, page="step/2/")}"' in page


def test_a_published_version_is_previewed_as_it_was_published(client, team_member, form):
    draft = client.get(url(form, page="step/2/")).text
    published = valid_html(client.get(url(form, "1", "step/2/")))
    assert "About your child and family</h1>" in draft
    assert "About your child</h1>" in published
    assert "You are previewing version 1 of this form." in published


@pytest.mark.parametrize("version", ["2", "latest", "0", "²", "9" * 30])
def test_a_version_that_does_not_exist_is_404(client, team_member, form, version):
    assert client.get(url(form, version)).status_code == 404


def test_another_forms_version_number_is_404(client, team_member, form):
    other = FormDefinitionFactory()
    assert not FormVersion.objects.filter(form=other).exists()
    assert client.get(url(other, "1")).status_code == 404
    assert client.get(url(form, page="step/9/")).status_code == 404


def test_the_preview_is_in_welsh_under_cy(client, team_member, form):
    page = valid_html(client.get("/cy" + url(form, page="step/2/")))
    assert '<html lang="cy"' in page
    assert "Anghenion Addysgol Arbennig ac Anableddau – Cais am asesiad" in page
    assert (
        "Rhagolwg" in page and "Nid oes dim byd rydych chi&#x27;n ei roi yn cael ei gadw." in page
    )
    assert "Beth mae eich plentyn yn ei fwynhau?" in page
    assert "Has a plan" in page  # no Welsh written: English
    assert "Cadw a pharhau" in page
    assert 'href="/cy/send/preview/' in page
    assert "Gwiriwch" not in page

    response = client.post("/cy" + url(form, page="step/2/"), {"CHILD_VIEWS": ""})
    assert "Rhowch ateb i “Beth mae eich plentyn yn ei fwynhau?”" in valid_html(response)


# -- answering, with nothing saved ---------------------------------------------------------------


def test_errors_show_as_in_the_real_journey(client, team_member, form):
    response = client.post(url(form, page="step/2/"), {"CHILD_VIEWS": " ", "HAS_PLAN": "maybe"})
    assert response.status_code == 200
    page = valid_html(response)
    assert "<title>Error: About your child and family" in page
    assert '<h2 class="govuk-error-summary__title">' in page
    assert 'href="#id_CHILD_VIEWS">Enter an answer to “What does your child enjoy?”</a>' in page
    assert "Select an answer to “Has a plan” from the list" in page


def test_save_and_continue_moves_on_then_ends_without_saving_anything(client, team_member, form):
    client.get(url(form))  # the portal settings row is made on the first page of all
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url(form, page="step/2/"), {"CHILD_VIEWS": "Drawing"})
        assert response.url == url(form, page="step/3/")
        response = client.post(
            url(form, page="step/3/"), {"repeat_count": "1", "CONTACT_NAME-0": "Dr Patel"}
        )
        assert response.url == url(form, page="end/")
    # The session's activity time is the only thing the portal writes on any page.
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")
        and "django_session" not in q["sql"]
    ]
    assert writes == []
    assert not Submission.objects.exists()
    assert not Answer.objects.exists() and not SubmissionStep.objects.exists()

    page = valid_html(client.get(response.url))
    assert (
        "The preview has ended" in page and "Nothing you entered in the preview was saved." in page
    )
    assert f'href="/admin/send/forms/build/{form.pk}/"' in page


def test_add_more_and_remove_show_the_step_again_with_one_item_more_or_less(
    client, team_member, form
):
    step = url(form, page="step/3/")
    response = client.post(
        step, {"repeat_count": "1", "CONTACT_NAME-0": "Dr Patel", "action": "add"}
    )
    page = valid_html(response)
    assert "Professionals 2" in page and 'name="CONTACT_NAME-1"' in page
    assert 'value="Dr Patel"' in page and "govuk-error-summary" not in page
    assert 'name="repeat_count" value="2"' in page

    data = {"repeat_count": "2", "CONTACT_NAME-0": "Dr Patel", "CONTACT_NAME-1": "Ms Evans"}
    page = client.post(step, {**data, "action": "remove-0"}).text
    assert 'name="repeat_count" value="1"' in page
    assert 'name="CONTACT_NAME-0" type="text" spellcheck="false" value="Ms Evans"' in page
    assert "Dr Patel" not in page
    assert not Answer.objects.exists()


# -- cost ------------------------------------------------------------------------------------------


def form_with(questions):
    form = FormDefinitionFactory()
    group = GroupFactory(form=form, number=2)
    lists = [QuestionFactory(data_type="choice") for _ in range(questions // 10)]
    for question in lists:
        ChoiceFactory.create_batch(3, question=question)
    place(group, *lists, *QuestionFactory.create_batch(questions - len(lists)))
    builder.publish(form, None)
    return form


@pytest.mark.parametrize("version", ["draft", "1"])
def test_queries_do_not_grow_with_the_number_of_questions(client, team_member, version):
    counts = []
    for size in (5, 200):
        form = form_with(size)
        for page in (url(form, version), url(form, version, "step/2/")):
            client.get(page)  # the texts are cached by the first page
            with CaptureQueriesContext(connection) as queries:
                assert client.get(page).status_code == 200
            counts.append(len(queries))
    small_intro, small_step, big_intro, big_step = counts
    assert big_intro <= small_intro and big_step <= small_step
