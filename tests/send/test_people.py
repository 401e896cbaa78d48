"""The SEND home and the people a user acts for: choosing a person, adding a child or person
(every rule and limit), a professional's lists, hiding and "Check these details", a young
person's own details, who may open what, and the children_of_user service."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from plugins.send.models import PersonLink, PortalPerson
from plugins.send.people import services as people
from portal import access, events, plugins, services
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import PersonFactory, PersonLinkFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

HOME = "/send/"
ADD = "/send/people/add/"
MY_DETAILS = "/send/my-details/"


def person_url(person, suffix=""):
    return f"/send/people/{person.pk}/{suffix}"


def years_ago(years, days=0):
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return day + datetime.timedelta(days=days)


def date_fields(day):
    return {
        "date_of_birth-day": str(day.day),
        "date_of_birth-month": str(day.month),
        "date_of_birth-year": str(day.year),
    }


def child_data(**changes):
    data = {
        "forename": "Alys",
        "middle_names": "Mair",
        "surname": "Jones",
        **date_fields(datetime.date(2015, 5, 3)),
        "relationship": "parent",
        "lives_with_user": "yes",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def parent(client):
    user = UserFactory(first_name="Priya", last_name="Parent")
    sign_in_verified(client, user)
    return user


@pytest.fixture
def professional(client):
    user = UserFactory(kind="professional", verification_state="verified", first_name="Pat")
    sign_in_verified(client, user)
    return user


def link(user, relationship="parent", **person):
    return PersonLinkFactory(user=user, relationship=relationship, person=PersonFactory(**person))


def text_of(response):
    return response.content.decode()


# -- who may use the SEND pages ----------------------------------------------------------------


def every_page(person):
    return [
        ("get", HOME),
        ("get", ADD),
        ("get", MY_DETAILS),
        ("get", person_url(person)),
        ("get", person_url(person, "check/")),
        ("post", person_url(person, "hide/")),
        ("post", person_url(person, "show/")),
    ]


def test_user_without_two_step_verification_is_asked_to_turn_it_on_or_use_it(client):
    without = UserFactory()
    client.force_login(without)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two_factor_needed"))

    with_device = UserFactory()
    EmailDevice.objects.create(user=with_device, name="Email", confirmed=True)
    client.force_login(with_device)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in_code"))


def test_council_staff_are_sent_to_the_admin(admin_client):
    response = admin_client.get(HOME)
    assert response.status_code == 302
    assert response.url == "/admin/"


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("pending", "Your account is awaiting verification"),
        ("not_needed", "Your account is awaiting verification"),
        ("rejected", "Your account has not been verified"),
    ],
)
def test_unverified_professional_sees_why_on_every_page(client, state, words):
    user = UserFactory(kind="professional", verification_state=state)
    sign_in_verified(client, user)
    person = link(user, "professional").person
    for method, url in every_page(person):
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
        assert words in text_of(response), url
    assert PersonLink.objects.get(person=person).hidden is False


def test_access_lookups_are_scoped_by_the_user():
    user, other = UserFactory(), UserFactory()
    mine = link(user)
    theirs = link(other)
    hidden = link(user, "professional", forename="Hidden")
    hidden.hidden = True
    hidden.save()

    assert set(access.scoped(user, "send.person_link")) == {mine, hidden}
    assert access.get_or_404(user, "send.person", pk=mine.person_id) == mine.person
    assert access.get_or_404(user, "send.person", pk=hidden.person_id) == hidden.person
    assert access.get_or_404(user, "send.person_link", person_id=mine.person_id) == mine
    for kind, lookup in (("send.person", "pk"), ("send.person_link", "person_id")):
        with pytest.raises(Http404):
            access.get_or_404(user, kind, **{lookup: theirs.person_id})
        with pytest.raises(Http404):
            access.get_or_404(user, kind, **{lookup: 999_999})

    started = SubmissionFactory(person=mine.person, created_by=user)
    by_someone_else = SubmissionFactory(person=mine.person, created_by=other)
    assert access.get_or_404(user, "send.submission", pk=started.pk) == started
    with pytest.raises(Http404):
        access.get_or_404(user, "send.submission", pk=by_someone_else.pk)
    with pytest.raises(Http404):
        access.get_or_404(user, "send.submission", pk=999_999)


def test_a_users_links_bring_each_person_in_the_same_query(django_assert_num_queries):
    user = UserFactory()
    for _ in range(3):
        link(user)
    with django_assert_num_queries(1):
        names = [each.person.full_name for each in access.scoped(user, "send.person_link")]
    assert len(names) == 3


# -- the SEND home ---------------------------------------------------------------------------


def test_parent_chooses_from_a_tile_per_child_with_name_and_date_of_birth(client, parent):
    alys = link(parent, forename="Alys", surname="Jones", date_of_birth=datetime.date(2015, 5, 3))
    link(UserFactory(), forename="Someone", surname="Else")

    page = text_of(client.get(HOME))

    assert "Choose a person" in page
    assert "Alys Jones" in page
    assert "Date of birth: 3 May 2015" in page
    assert f'href="{person_url(alys.person)}"' in page
    assert "Someone Else" not in page
    assert 'href="/send/people/add/"' in page
    assert "Add a child" in page


def test_parent_without_children_is_told_so_and_offered_their_own_tile(client, parent):
    page = text_of(client.get(HOME))
    assert "You have not added any children yet." in page
    assert "Yourself" in page
    assert f'href="{MY_DETAILS}"' in page


def test_professional_is_offered_add_a_person_and_no_tile_for_themselves(client, professional):
    page = text_of(client.get(HOME))
    assert "Add a person" in page
    assert "Add a child" not in page
    assert MY_DETAILS not in page
    assert "There is nobody in this list." in page


def test_professional_tiles_lead_to_check_these_details(client, professional):
    person = link(professional, "professional").person
    assert f'href="{person_url(person, "check/")}"' in text_of(client.get(HOME))


def test_the_home_page_is_in_welsh_under_cy(client, parent):
    link(parent, forename="Alys", surname="Jones", date_of_birth=datetime.date(2015, 3, 27))
    page = text_of(client.get("/cy/send/"))
    assert '<html lang="cy"' in page
    assert "Dewis person" in page
    assert "Dyddiad geni: 27 Mawrth 2015" in page
    assert "Ychwanegu plentyn" in page


@pytest.mark.parametrize("kind", ["citizen", "professional"])
def test_the_home_page_takes_as_many_queries_for_60_people_as_for_3(client, kind):
    user = UserFactory(kind=kind, verification_state="verified")
    sign_in_verified(client, user)
    relationship = "professional" if kind == "professional" else "parent"

    def queries_for_home():
        client.get(HOME)  # texts and tiles are cached after the first page
        with CaptureQueriesContext(connection) as queries:
            response = client.get(HOME)
        return len(queries), response

    for _ in range(3):
        link(user, relationship)
    with_3, response = queries_for_home()
    assert len(response.context["tiles"]) == 3
    for _ in range(57):
        link(user, relationship)
    with_60, response = queries_for_home()
    assert len(response.context["tiles"]) == 60
    assert with_60 == with_3


# -- adding a child or a person ----------------------------------------------------------------


def test_parent_adds_a_child_and_sees_their_tile(client, parent):
    response = client.post(ADD, child_data(forename="  Alys ", surname="Jones  "))

    assert response.status_code == 302
    assert response.url == HOME
    added = PersonLink.objects.select_related("person").get(user=parent)
    assert (added.person.forename, added.person.middle_names, added.person.surname) == (
        "Alys",
        "Mair",
        "Jones",
    )
    assert added.person.date_of_birth == datetime.date(2015, 5, 3)
    assert added.person.created_by == parent
    assert (added.relationship, added.lives_with_user, added.hidden) == ("parent", True, False)
    page = text_of(client.get(HOME))
    assert "You have added Alys Mair Jones" in page
    assert "Date of birth: 3 May 2015" in page


def test_carer_adds_a_child_who_lives_elsewhere(client, parent):
    client.post(ADD, child_data(relationship="carer", lives_with_user="no"))
    added = PersonLink.objects.get(user=parent)
    assert (added.relationship, added.lives_with_user) == ("carer", False)


def test_the_add_form_asks_parents_about_relationship_and_address(client, parent):
    page = text_of(client.get(ADD))
    for words in (
        "Add a child",
        "First name",
        "Middle names (optional)",
        "Last name",
        "Date of birth",
        "What is your relationship to the child?",
        "Do they live at your address?",
        'name="date_of_birth-day"',
    ):
        assert words in page
    assert "maxlength" not in page  # a longer name must reach the message about it


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"forename": ""}, "Enter their first name"),
        ({"surname": "   "}, "Enter their last name"),
        (
            {"forename": "A" * 16},
            "First name must be 15 characters or fewer. If the name is longer, contact the "
            "SEND team",
        ),
        ({"middle_names": "B" * 26}, "Middle names must be 25 characters or fewer."),
        ({"surname": "C" * 31}, "Last name must be 30 characters or fewer."),
        ({"forename": "Alys2"}, "Names must only include letters, spaces, hyphens and"),
        ({"surname": "<Jones>"}, "Names must only include letters, spaces, hyphens and"),
        ({"surname": "-Jones"}, "Names must only include letters, spaces, hyphens and"),
        (date_fields(datetime.date(2015, 5, 3)) | {"date_of_birth-day": ""}, "must be a real"),
        ({"date_of_birth-day": "31", "date_of_birth-month": "2"}, "must be a real date"),
        ({"date_of_birth-month": "13"}, "must be a real date"),
        ({"date_of_birth-year": "twenty"}, "must be a real date"),
        (
            {"date_of_birth-day": "", "date_of_birth-month": "", "date_of_birth-year": ""},
            "Enter their date of birth",
        ),
        ({"relationship": None}, "Select your relationship to the child"),
        ({"lives_with_user": None}, "Select yes if they live at your address"),
    ],
)
def test_parent_is_told_what_to_correct(client, parent, changes, message):
    response = client.post(ADD, child_data(**changes))

    assert response.status_code == 200
    page = text_of(response)
    assert message in page
    assert "govuk-error-summary" in page
    assert "<title>Error: Add a child" in page
    assert not PortalPerson.objects.exists()


@pytest.mark.parametrize(
    ("date_of_birth", "message"),
    [
        (timezone.localdate() + datetime.timedelta(days=1), "Date of birth must be in the past"),
        (years_ago(26), "The child or young person must be 25 or younger"),
        (years_ago(80), "The child or young person must be 25 or younger"),
    ],
)
def test_date_of_birth_must_be_past_and_of_someone_25_or_younger(
    client, parent, date_of_birth, message
):
    response = client.post(ADD, child_data(**date_fields(date_of_birth)))
    assert message in text_of(response)
    assert not PortalPerson.objects.exists()


@pytest.mark.parametrize(
    "date_of_birth", [timezone.localdate(), years_ago(26, days=1), datetime.date(2015, 5, 3)]
)
def test_a_newborn_and_a_25_year_old_can_be_added(client, parent, date_of_birth):
    assert client.post(ADD, child_data(**date_fields(date_of_birth))).status_code == 302
    assert PortalPerson.objects.get().date_of_birth == date_of_birth


def test_names_at_their_limits_and_welsh_and_irish_names_are_accepted(client, parent):
    client.post(ADD, child_data(forename="A" * 15, middle_names="B" * 25, surname="C" * 30))
    client.post(ADD, child_data(forename="Gwenllïan", middle_names="Siân Ŵyn", surname="O'Brien"))
    client.post(ADD, child_data(forename="Dafydd", middle_names="", surname="Lloyd-Jones"))
    assert sorted(PortalPerson.objects.values_list("surname", flat=True)) == [
        "C" * 30,
        "Lloyd-Jones",
        "O'Brien",
    ]


def test_the_same_child_cannot_be_added_twice(client, parent):
    client.post(ADD, child_data())
    response = client.post(ADD, child_data(forename="alys", middle_names="", surname="JONES"))
    assert "You have already added someone with this name and date of birth" in text_of(response)
    assert PortalPerson.objects.count() == 1


def test_another_family_may_add_a_child_with_the_same_details(client, parent):
    PersonLinkFactory(
        person=PersonFactory(forename="Alys", surname="Jones", date_of_birth="2015-05-03")
    )
    assert client.post(ADD, child_data()).status_code == 302
    assert PortalPerson.objects.count() == 2


def test_over_long_name_message_is_in_welsh_under_cy(client, parent):
    response = client.post("/cy/send/people/add/", child_data(forename="A" * 16))
    page = text_of(response)
    assert "Rhaid i&#x27;r enw cyntaf fod yn 15 nod neu lai" in page
    assert "cysylltwch â&#x27;r tîm AAA" in page


def test_professional_adds_a_person_linked_as_a_professional(client, professional):
    page = text_of(client.get(ADD))
    assert "Add a person" in page
    assert "relationship" not in page
    assert "live at your address" not in page

    response = client.post(ADD, child_data(relationship="parent", lives_with_user="yes"))

    assert response.status_code == 302
    added = PersonLink.objects.get(user=professional)
    assert (added.relationship, added.lives_with_user) == ("professional", False)


def test_adding_a_person_sends_person_added_once_after_commit(
    parent, django_capture_on_commit_callbacks
):
    heard = []

    def listener(sender, person, user, **kwargs):
        heard.append((person.full_name, user))

    events.person_added.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            people.add_person(
                parent, "Alys", "", "Jones", datetime.date(2015, 5, 3), True, "parent"
            )
            assert heard == []  # not before the commit
        assert len(callbacks) == 1
    finally:
        events.person_added.disconnect(listener)
    assert heard == [("Alys Jones", parent)]


def test_a_refused_person_sends_no_event(parent, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(ValidationError, match="15 characters or fewer"),
    ):
        people.add_person(parent, "A" * 16, "", "Jones", datetime.date(2015, 5, 3), True, "parent")
    assert callbacks == []
    assert not PortalPerson.objects.exists()


@pytest.mark.parametrize(
    ("kind", "relationship"),
    [
        ("citizen", "professional"),
        ("citizen", "self"),
        ("professional", "parent"),
    ],
)
def test_add_person_refuses_a_relationship_the_user_cannot_have(kind, relationship):
    user = UserFactory(kind=kind)
    with pytest.raises(ValueError):
        people.add_person(user, "Alys", "", "Jones", datetime.date(2015, 5, 3), False, relationship)
    assert not PortalPerson.objects.exists()


# -- a professional's lists, hiding and showing -------------------------------------------------


def listed(client, **params):
    response = client.get(HOME, params)
    assert response.status_code == 200
    return [tile["person"].forename for tile in response.context["tiles"]]


def test_professional_filters_people_by_any_part_of_their_names(client, professional):
    link(professional, "professional", forename="Alys", middle_names="Mair", surname="Jones")
    link(professional, "professional", forename="Bryn", surname="Evans")
    link(professional, "professional", forename="Carys", surname="Jones-Evans")

    assert listed(client) == ["Bryn", "Alys", "Carys"]  # by surname
    assert listed(client, name="jones") == ["Alys", "Carys"]
    assert listed(client, name="mair JONES") == ["Alys"]
    assert listed(client, name="Evans Carys") == ["Carys"]
    nobody = client.get(HOME, {"name": "Zebedee"})
    assert "Nobody in this list matches the name you entered." in text_of(nobody)


def test_professional_views_active_hidden_and_recent(client, professional):
    link(professional, "professional", forename="Recent")
    old = link(professional, "professional", forename="Old")
    PersonLink.objects.filter(pk=old.pk).update(
        last_active_at=timezone.now() - datetime.timedelta(days=19 * 31)
    )
    hidden = link(professional, "professional", forename="Hidden")
    people.hide_person(hidden)

    assert sorted(listed(client)) == ["Old", "Recent"]
    assert sorted(listed(client, view="active")) == ["Old", "Recent"]
    assert listed(client, view="hidden") == ["Hidden"]
    assert listed(client, view="recent") == ["Recent"]
    assert sorted(listed(client, view="nonsense")) == ["Old", "Recent"]
    page = text_of(client.get(HOME))
    for words in ("Active", "Hidden", "Recent (last 18 months)", "Filter"):
        assert words in page


def test_eighteen_months_are_counted_in_calendar_months():
    tz = datetime.UTC
    cases = [
        (
            datetime.datetime(2025, 8, 31, 9, tzinfo=tz),
            datetime.datetime(2024, 2, 29, 9, tzinfo=tz),
        ),
        (datetime.datetime(2025, 6, 15, tzinfo=tz), datetime.datetime(2023, 12, 15, tzinfo=tz)),
        (datetime.datetime(2025, 1, 1, tzinfo=tz), datetime.datetime(2023, 7, 1, tzinfo=tz)),
    ]
    for moment, expected in cases:
        assert people.months_before(moment, 18) == expected


def test_professional_checks_the_details_before_continuing(client, professional):
    chosen = link(
        professional,
        "professional",
        forename="Alys",
        surname="Jones",
        date_of_birth=datetime.date(2015, 5, 3),
    )

    page = text_of(client.get(person_url(chosen.person, "check/")))

    assert "Check these details" in page
    assert "Alys Jones" in page
    assert "3 May 2015" in page
    assert "Professional" in page
    assert f'href="{person_url(chosen.person)}"' in page  # Continue
    assert "Hide person" in page


def test_professional_hides_a_person_and_can_undo_it(client, professional):
    chosen = link(professional, "professional", forename="Alys", surname="Jones")

    response = client.post(person_url(chosen.person, "hide/"))

    assert response.status_code == 302
    assert response.url == f"{HOME}?hidden={chosen.person_id}"
    chosen.refresh_from_db()
    assert chosen.hidden
    page = client.get(response.url)
    assert "You have hidden Alys Jones" in text_of(page)
    assert f'action="{person_url(chosen.person, "show/")}"' in text_of(page)  # Undo
    assert page.context["tiles"] == []

    response = client.post(person_url(chosen.person, "show/"), follow=True)

    chosen.refresh_from_db()
    assert not chosen.hidden
    assert "Alys Jones is back in your active list" in text_of(response)
    assert [tile["person"] for tile in response.context["tiles"]] == [chosen.person]


def test_a_hidden_person_is_shown_again_from_their_check_page(client, professional):
    chosen = link(professional, "professional")
    people.hide_person(chosen)
    page = text_of(client.get(person_url(chosen.person, "check/")))
    assert "This person is hidden from your active list." in page
    assert "Show person" in page
    assert "Hide person" not in page


def test_hiding_and_showing_need_a_post(client, professional):
    chosen = link(professional, "professional")
    assert client.get(person_url(chosen.person, "hide/")).status_code == 405
    assert client.get(person_url(chosen.person, "show/")).status_code == 405
    chosen.refresh_from_db()
    assert not chosen.hidden


def test_the_undo_banner_is_only_for_the_users_own_hidden_person(client, professional):
    theirs = link(UserFactory(kind="professional"), "professional", forename="Theirs")
    people.hide_person(theirs)
    shown = link(professional, "professional", forename="Shown")
    for value in (theirs.person_id, shown.person_id, "x"):
        assert "You have hidden" not in text_of(client.get(HOME, {"hidden": value}))


def test_families_do_not_hide_or_check_their_children(client, parent):
    child = link(parent)
    assert client.get(person_url(child.person, "check/")).status_code == 404
    assert client.post(person_url(child.person, "hide/")).status_code == 404
    with pytest.raises(ValueError):
        people.hide_person(child)
    child.refresh_from_db()
    assert not child.hidden


# -- a person's page ----------------------------------------------------------------------------


def test_the_person_page_shows_their_details_and_a_heading_for_their_forms(client, parent):
    child = link(parent, forename="Alys", surname="Jones", date_of_birth=datetime.date(2015, 5, 3))
    child.lives_with_user = True
    child.save()

    response = client.get(person_url(child.person))

    page = text_of(response)
    assert "<h1" in page and "Alys Jones" in page
    for words in ("3 May 2015", "Parent", "Lives at your address", "Yes", "Forms"):
        assert words in page


def test_the_forms_part_fills_the_person_forms_block_under_the_forms_heading(client, parent):
    from django.template import engines

    child = link(parent, forename="Alys", surname="Jones")
    response = client.get(person_url(child.person))
    context = {key: response.context[key] for key in ("person", "link", "rows")}

    page = (
        engines["django"]
        .from_string(
            '{% extends "send/people/person.html" %}'
            "{% block person_forms %}<p>Form list</p>{% endblock %}"
        )
        .render(context, request=response.wsgi_request)
    )

    assert page.index(">Forms</h2>") < page.index("<p>Form list</p>") < page.index("</main>")


def test_opening_a_person_counts_as_recent_activity(client, professional):
    chosen = link(professional, "professional")
    long_ago = timezone.now() - datetime.timedelta(days=800)
    PersonLink.objects.filter(pk=chosen.pk).update(last_active_at=long_ago)
    assert listed(client, view="recent") == []

    client.get(person_url(chosen.person))

    chosen.refresh_from_db()
    assert chosen.last_active_at > long_ago
    assert listed(client, view="recent") == [chosen.person.forename]


# -- a young person's own details -----------------------------------------------------------------


def test_young_person_checks_their_details_and_goes_to_their_forms(
    client, parent, django_capture_on_commit_callbacks
):
    page = text_of(client.get(MY_DETAILS))
    assert "My details" in page
    assert 'value="Priya"' in page and 'value="Parent"' in page  # from their account

    data = {
        "forename": "Priya",
        "middle_names": "",
        "surname": "Parent",
        **date_fields(years_ago(17)),
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(MY_DETAILS, data)

    own = PersonLink.objects.select_related("person").get(user=parent)
    assert response.status_code == 302
    assert response.url == person_url(own.person)
    assert (own.relationship, own.lives_with_user) == ("self", True)
    assert own.person.date_of_birth == years_ago(17)
    assert len(callbacks) == 1
    assert own == people.young_person_self(parent)

    home = text_of(client.get(HOME))
    assert "Priya Parent" in home
    assert "Your own details" in home
    assert "You have not added any children yet." in home  # their own record is not a child


def test_young_person_corrects_their_details_without_a_second_record(client, parent):
    people.save_young_person_self(parent, "Priya", "", "Parent", years_ago(18))

    page = text_of(client.get(MY_DETAILS))
    assert f'value="{years_ago(18).year}"' in page  # from their record now

    data = {
        "forename": "Priya",
        "middle_names": "Rose",
        "surname": "Patel",
        **date_fields(years_ago(18)),
    }
    client.post(MY_DETAILS, data)

    own = PersonLink.objects.select_related("person").get(user=parent)
    assert own.person.full_name == "Priya Rose Patel"
    assert PortalPerson.objects.count() == 1


@pytest.mark.parametrize("age", [15, 26])
def test_only_16_to_25_year_olds_fill_in_forms_about_themselves(client, parent, age):
    data = {"forename": "Priya", "surname": "Parent", **date_fields(years_ago(age))}
    response = client.post(MY_DETAILS, data)
    assert "You can only fill in forms about yourself if you are aged 16 to 25" in text_of(response)
    assert not PortalPerson.objects.exists()


@pytest.mark.parametrize("age", [16, 25])
def test_16_and_25_year_olds_may(client, parent, age):
    data = {"forename": "Priya", "surname": "Parent", **date_fields(years_ago(age))}
    assert client.post(MY_DETAILS, data).status_code == 302


def test_my_details_asks_for_what_is_missing_in_the_young_persons_words(client, parent):
    response = client.post(MY_DETAILS, {"forename": "", "surname": "", "middle_names": "x" * 26})
    page = text_of(response)
    for message in (
        "Enter your first name",
        "Enter your last name",
        "Enter your date of birth",
        "Middle names must be 25 characters or fewer.",
    ):
        assert message in page
    assert "<title>Error: My details" in page


def test_professionals_have_no_details_of_their_own_here(client, professional):
    assert client.get(MY_DETAILS).status_code == 404
    with pytest.raises(ValueError):
        people.save_young_person_self(professional, "Pat", "", "Pro", years_ago(20))


# -- the SEND tile and the children_of_user service -------------------------------------------------


def test_the_send_tile_is_offered_to_everyone_and_needs_two_step_verification():
    tile = plugins.plugin_tiles()["send"]
    assert (tile.title_key, tile.description_key, tile.url_name) == (
        "send.tile.title",
        "send.tile.description",
        "send:home",
    )
    assert tile.audience == plugins.BOTH
    assert tile.requires_two_factor


def test_the_demo_home_page_shows_the_send_tile_in_both_languages(client, demo):
    english = text_of(client.get("/"))
    assert "Special educational needs and disabilities (SEND)" in english
    assert 'href="/send/"' in english
    welsh = text_of(client.get("/cy/"))
    assert "Anghenion addysgol arbennig ac anableddau (AAA)" in welsh
    assert 'href="/cy/send/"' in welsh


def test_children_of_user_lists_the_visible_people_linked_to_a_user():
    user = UserFactory()
    PersonLinkFactory(
        user=user,
        relationship="parent",
        person=PersonFactory(forename="Alys", surname="Jones", date_of_birth="2015-05-03"),
    )
    PersonLinkFactory(
        user=user,
        relationship="carer",
        person=PersonFactory(
            forename="Bryn", middle_names="Huw", surname="Evans", date_of_birth="2012-11-20"
        ),
    )
    hidden = link(user, "professional", forename="Hidden")
    people.hide_person(hidden)
    link(UserFactory(), forename="Someone")

    children_of_user = services.get("children_of_user")

    assert children_of_user is people.children_of_user
    assert children_of_user(user) == [
        {"name": "Bryn Huw Evans", "date_of_birth": "20 November 2012", "relationship": "Carer"},
        {"name": "Alys Jones", "date_of_birth": "3 May 2015", "relationship": "Parent"},
    ]
    assert children_of_user(UserFactory()) == []


# -- every page is valid HTML ---------------------------------------------------------------------


def assert_valid_html(response):
    import html5lib

    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content)


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_every_page_is_valid_html_in_both_languages(client, prefix):
    user = UserFactory()
    sign_in_verified(client, user)
    child = link(user)
    people.save_young_person_self(user, "Priya", "", "Parent", years_ago(17))
    for url in (HOME, ADD, MY_DETAILS, person_url(child.person)):
        assert_valid_html(client.get(prefix + url))
    assert_valid_html(client.post(prefix + ADD, child_data(forename="A" * 16)))
    assert_valid_html(client.post(prefix + MY_DETAILS, {"forename": ""}))

    pro = UserFactory(kind="professional", verification_state="verified")
    sign_in_verified(client, pro)
    chosen = link(pro, "professional")
    for url in (HOME, ADD, person_url(chosen.person, "check/"), person_url(chosen.person)):
        assert_valid_html(client.get(prefix + url))
    people.hide_person(chosen)
    assert_valid_html(client.get(prefix + HOME, {"hidden": chosen.person_id}))
    assert_valid_html(client.get(prefix + person_url(chosen.person, "check/")))

    pending = UserFactory(kind="professional", verification_state="pending")
    sign_in_verified(client, pending)
    assert_valid_html(client.get(prefix + HOME))
