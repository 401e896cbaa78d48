"""The family's journey through a child's case, in English and in Welsh: the SEND home links
to the child's dashboard; the dashboard's tiles lead to "Items to complete" and "Documents to
view", and its shared forms to the read-only form; every page has one h1, a title that says
the same, and a Back link to where the family came from (the lists and a shared form back to
the dashboard, the dashboard back to the SEND home; a shared form opened from the child's own page
back to that page)."""

import hashlib

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from plugins.send.casework.actions import services as actions
from plugins.send.casework.documents import services as documents
from plugins.send.filling.uploads import CheckedUpload
from tests.conftest import sign_in_verified
from tests.send.factories import (
    PersonFactory,
    PersonLinkFactory,
    SubmissionFactory,
    published_form,
)

pytestmark = pytest.mark.django_db

LANGUAGES = {
    "en": {
        "dashboard": "SEND dashboard",
        "actions": "Items to complete for Mali Evans",
        "documents": "Documents to view for Mali Evans",
        "back": "Back",
        "form_title": "Request for help",
    },
    "cy": {
        "dashboard": "Dangosfwrdd AAA",
        "actions": "Eitemau i’w cwblhau ar gyfer Mali Evans",
        "documents": "Dogfennau i’w gweld ar gyfer Mali Evans",
        "back": "Yn ôl",
        "form_title": "Cais am help",
    },
}


@pytest.fixture
def case(involvement, authenticated, parent, child, caseworker):
    """Mali's case with an action asked of her mother, a document published to her and a
    form the council shared on the case."""
    actions.ask(involvement, parent, published_form(), timezone.localdate(), caseworker)
    content = b"%PDF-1.4"
    checked = CheckedUpload("application/pdf", hashlib.sha256(content).hexdigest(), len(content))
    documents.publish(
        involvement,
        caseworker,
        ContentFile(content, name="letter.pdf"),
        checked,
        description="Decision letter",
        document_date=timezone.localdate(),
    )
    form = published_form(title_en="Request for help", title_cy="Cais am help")
    shared = SubmissionFactory(
        version=form.live_version,
        person=PersonFactory(forename="Mali", surname="Evans", child_record=child),
        status="submitted",
        reference="SND-JOURNEY001",
        review_state="approved",
        share_with_case=True,
        decided_at=timezone.now(),
    )
    return shared


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


class Page:
    """What the family reads first on a page: its title, its h1 and its Back link."""

    def __init__(self, response):
        assert response.status_code == 200, response
        self.soup = BeautifulSoup(response.content.decode(), "html.parser")
        headings = self.soup.find_all("h1")
        assert len(headings) == 1, [h.get_text() for h in headings]
        self.h1 = " ".join(headings[0].get_text().split())
        self.title = " ".join(self.soup.title.get_text().split())
        back = self.soup.select_one("a.govuk-back-link")
        self.back = (back["href"], back.get_text(strip=True)) if back else None

    def links(self):
        return {a["href"] for a in self.soup.find_all("a", href=True)}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_family_goes_from_the_send_home_to_the_dashboard_its_lists_and_back(
    client, case, parent, child, language
):
    words = LANGUAGES[language]
    sign_in_verified(client, parent)
    home_url = url("send:home", language)
    dashboard_url = url("send:case", language, child.pk)
    actions_url = url("send:actions", language, child.pk)
    documents_url = url("send:documents", language, child.pk)
    shared_url = url("send:shared_submission", language, case.pk) + "?from=case"

    home = Page(client.get(home_url))
    assert dashboard_url in home.links()

    dashboard = Page(client.get(dashboard_url))
    assert dashboard.h1 == "Mali Evans"
    assert dashboard.title.startswith(f"{words['dashboard']}: Mali Evans – ")
    assert dashboard.back == (home_url, words["back"])
    assert {actions_url, documents_url, shared_url} <= dashboard.links()

    for list_url, heading in ((actions_url, words["actions"]), (documents_url, words["documents"])):
        page = Page(client.get(list_url))
        assert page.h1 == heading
        assert page.title.startswith(f"{heading} – ")
        assert page.back == (dashboard_url, words["back"])

    shared = Page(client.get(shared_url))
    assert shared.h1.endswith(words["form_title"])
    assert shared.title.startswith(f"{shared.h1} – ")
    assert shared.back == (dashboard_url, words["back"])
    print_url = url("send:print_shared", language, case.pk) + "?from=case"
    assert print_url in shared.links()
    assert Page(client.get(print_url)).back == (shared_url, words["back"])


def test_from_the_childs_page_a_shared_form_goes_back_to_it_and_from_the_dashboard_to_that(
    client, case, parent, child
):
    link = PersonLinkFactory(user=parent, relationship="parent", person__child_record=child)
    sign_in_verified(client, parent)
    shared_url = url("send:shared_submission", "en", case.pk)
    person_url = url("send:person", "en", link.person.pk)
    assert shared_url in Page(client.get(person_url)).links()
    assert Page(client.get(shared_url)).back == (person_url, "Back to the person's forms")
    from_case = Page(client.get(f"{shared_url}?from=case"))
    assert from_case.back == (url("send:case", "en", child.pk), "Back")


def test_without_the_child_on_their_list_back_from_a_shared_form_is_the_dashboard(
    client, case, parent, child
):
    sign_in_verified(client, parent)
    page = Page(client.get(url("send:shared_submission", "en", case.pk)))
    assert page.back[0] == url("send:case", "en", child.pk)
