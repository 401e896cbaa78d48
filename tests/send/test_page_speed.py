"""Speed of the SEND pages a family uses most: the person's forms page and a step take a fixed
number of queries however many forms the family has, and the forms list does not decode every
published form to show its title."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.db.models import JSONField
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.send.builder.schema import FormSchema
from plugins.send.filling import services
from tests.conftest import sign_in_verified
from tests.send.factories import PersonLinkFactory, SubmissionFactory, published_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(client):
    link = PersonLinkFactory(user__email_confirmed_at=timezone.now())
    sign_in_verified(client, link.user)
    return link


@pytest.fixture
def forms_of_a_busy_family(parent):
    form = published_form(groups=((2, False, 5), (3, False, 5)))
    for number in range(10):
        SubmissionFactory(
            person=parent.person,
            created_by=parent.user,
            version=form.live_version,
            status="submitted" if number % 2 else "draft",
            reference=f"SND-{number:06d}" if number % 2 else None,
        )
    return form


def decoded_schemas(client, url):
    """How many whole published schemas the page decodes from the database."""
    decoded = []

    original = JSONField.from_db_value

    def from_db_value(field, value, expression, connection):
        result = original(field, value, expression, connection)
        if isinstance(result, dict) and "groups" in result:
            decoded.append(result)
        return result

    with mock.patch.object(JSONField, "from_db_value", from_db_value):
        response = client.get(url)
    assert response.status_code == 200
    return len(decoded)


def test_the_forms_page_decodes_no_published_schema(client, parent, forms_of_a_busy_family):
    url = f"/send/people/{parent.person.pk}/"
    page = client.get(url).content.decode()
    assert page.count(forms_of_a_busy_family.title_en) >= 10
    assert decoded_schemas(client, url) == 0  # titles only: of the forms offered and in history


def test_the_forms_page_shows_the_titles_in_welsh(client, parent, forms_of_a_busy_family):
    page = client.get(f"/cy/send/people/{parent.person.pk}/").content.decode()
    assert page.count(forms_of_a_busy_family.title_cy) >= 10


def test_the_forms_page_takes_a_fixed_number_of_queries(
    client, parent, forms_of_a_busy_family, django_assert_max_num_queries
):
    url = f"/send/people/{parent.person.pk}/"
    client.get(url)
    # 11: opening the person again within the hour does not write its "last opened" time
    # again; the forms shared with the user on the child's case are one query of their own.
    with django_assert_max_num_queries(11):
        client.get(url)


def test_a_step_takes_a_fixed_number_of_queries(
    client, parent, forms_of_a_busy_family, django_assert_max_num_queries
):
    draft = services.start(parent.user, parent.person, forms_of_a_busy_family)
    url = f"/send/submissions/{draft.pk}/step/2/"
    client.get(url)
    # The task list's statuses come with the answers' repeat counts, in one query.
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_check_answers_takes_a_fixed_number_of_queries(
    client, parent, forms_of_a_busy_family, django_assert_max_num_queries
):
    draft = services.start(parent.user, parent.person, forms_of_a_busy_family)
    url = f"/send/submissions/{draft.pk}/check/"
    client.get(url)
    with django_assert_max_num_queries(10):
        page = client.get(url)
    assert page.status_code == 200
    assert f"/send/submissions/{draft.pk}/step/2/?return=check" in page.text


def test_check_answers_rows_keep_their_markup_escaping_and_change_links():
    """The answers are written by one tag rather than template loops; the markup is the
    GOV.UK summary list's, typed answers are escaped and keep their line breaks."""
    from types import SimpleNamespace

    from django.template import Context, Template

    sections = [
        {
            "group": SimpleNamespace(name="About <you>"),
            "items": [
                {
                    "title": "",
                    "rows": [
                        {"key": "Story", "value": "Line one\nLine <b>two</b>", "file": ""},
                        {"key": "Report", "value": "report.pdf (1 KB)", "file": "/f/1/"},
                    ],
                }
            ],
            "change_url": "/step/2/?return=check",
        },
        {
            "group": SimpleNamespace(name="Siblings"),
            "items": [{"title": "Sibling 1", "rows": [{"key": "Name", "value": "Al", "file": ""}]}],
            "change_url": "",
        },
    ]
    html = Template("{% load send_forms %}{% answer_summary sections %}").render(
        Context({"sections": sections})
    )
    assert '<h2 class="govuk-heading-m">About &lt;you&gt;</h2>' in html
    assert "Line one<br>Line &lt;b&gt;two&lt;/b&gt;" in html
    assert '<a class="govuk-link" href="/f/1/">report.pdf (1 KB)</a>' in html
    assert html.count('href="/step/2/?return=check">Change') == 2
    assert '<span class="govuk-visually-hidden"> Story</span>' in html
    assert '<h3 class="govuk-heading-s">Sibling 1</h3>' in html
    assert "govuk-summary-list__row govuk-summary-list__row--no-actions" in html
    assert html.count("govuk-summary-list__row--no-actions") == 1


def test_a_step_draws_each_status_tag_of_its_task_list_once(client, parent, forms_of_a_busy_family):
    """The task list of a 20-step form drew a tag component per step; now once per status."""
    from core import components

    draft = services.start(parent.user, parent.person, forms_of_a_busy_family)
    url = f"/send/submissions/{draft.pk}/step/2/"
    with mock.patch.object(
        components, "render_component", wraps=components.render_component
    ) as drawn:
        page = client.get(url).text
    tags = [call.args for call in drawn.call_args_list if call.args[0] == "tag"]
    assert len(tags) == 1  # every step of this new draft is "Not started"
    assert page.count('<strong class="govuk-tag govuk-tag--blue">') == 3


def templates_rendered(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [template.name for template in response.templates]


def test_a_step_renders_a_fixed_handful_of_templates(client, parent, forms_of_a_busy_family):
    """Each template rendered costs a context and a render pass; a field, a step of the task
    list or a row of answers must not add one."""
    draft = services.start(parent.user, parent.person, forms_of_a_busy_family)
    names = templates_rendered(client, f"/send/submissions/{draft.pk}/step/2/")
    assert "govuk/form_field.html" not in names  # a field is its component, nothing around it
    assert names.count("govuk/components/tag.html") == 1
    assert len(names) <= 22


def test_saving_a_step_takes_a_fixed_number_of_queries(
    client, parent, forms_of_a_busy_family, django_assert_max_num_queries
):
    """The locked submission keeps the version already loaded, and the step's row read for the
    stale check is the one saved: no second look-up of either."""
    draft = services.start(parent.user, parent.person, forms_of_a_busy_family)
    url = f"/send/submissions/{draft.pk}/step/2/"
    client.get(url)
    codes = [q.code for q in FormSchema(draft.version.schema).group(2).questions]
    data = {code: "An answer" for code in codes} | {"revision": draft.revision}
    with django_assert_max_num_queries(19):
        response = client.post(url, data)
    assert response.status_code == 302
    assert draft.answers.filter(group_number=2, value="An answer").count() == len(codes)
    assert draft.steps.get(group_number=2).complete


def test_opening_a_person_again_within_the_hour_writes_nothing(client, parent):
    from plugins.send.models import PersonLink

    url = f"/send/people/{parent.person.pk}/"
    client.get(url)
    opened = PersonLink.objects.get(pk=parent.pk).last_active_at
    client.get(url)
    assert PersonLink.objects.get(pk=parent.pk).last_active_at == opened
    PersonLink.objects.filter(pk=parent.pk).update(
        last_active_at=opened - datetime.timedelta(hours=2)
    )
    client.get(url)
    assert PersonLink.objects.get(pk=parent.pk).last_active_at > opened


def test_a_familys_form_lookup_is_one_plain_query(client, parent, forms_of_a_busy_family):
    """Tasks are given to professionals only: a family's form is looked up without searching
    the tasks its user might hold, or joining a task's child and author."""
    draft = services.start(parent.user, parent.person, forms_of_a_busy_family)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/send/submissions/{draft.pk}/step/2/").status_code == 200
    lookup = [q["sql"] for q in queries if q["sql"].startswith('SELECT "send_submission"."id"')]
    assert len(lookup) == 1
    assert lookup[0].count("SELECT") == 1
    assert "send_involvement" not in lookup[0]


def test_the_forms_page_lists_forms_by_title_with_plain_queries(
    client, parent, forms_of_a_busy_family
):
    """The lists select each form's title, not its version; the forms shared with the user are
    found through one subquery of the cases they are authenticated on, not two nested."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/send/people/{parent.person.pk}/").status_code == 200
    [shared] = [q["sql"] for q in queries if "send_portalsharing" in q["sql"]]
    assert shared.count("SELECT") == 2
    lists = [q["sql"] for q in queries if "form_title" in q["sql"]]
    assert len(lists) == 3  # the forms on offer, the history, the shared forms
    assert not [sql for sql in lists if '"send_formversion"."number"' in sql]
