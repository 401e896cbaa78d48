"""With DEBUG off, as `make run` and production serve, every error is a themed page in the
visitor's language, never Django's debug page or a bare one."""

import pytest
from django.test import Client, override_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.core.error_urls"),
]

THREE_MB = 3 * 1024 * 1024

EN, CY = "", "/cy"
PAGE_NOT_FOUND = {EN: "Page not found", CY: "Heb ddod o hyd i'r dudalen"}
ACCESS_DENIED = {EN: "Access denied", CY: "Mynediad wedi'i wrthod"}
SERVICE_PROBLEM = {
    EN: "Sorry, there is a problem with the service",
    CY: "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
}
FORM_REFUSED = {
    EN: "Sorry, we could not accept that form",
    CY: "Mae'n ddrwg gennym, ni allem dderbyn y ffurflen honno",
}
BAD_REQUEST = {
    EN: "Sorry, there is a problem with what you sent",
    CY: "Mae'n ddrwg gennym, mae problem gyda'r hyn a anfonwyd gennych",
}


def assert_themed(response, status, heading, prefix):
    page = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{"cy" if prefix else "en"}"' in page
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert "govuk-template__body" in page
    assert "Traceback" not in page and "technical" not in page.lower()


@pytest.mark.parametrize("prefix", [EN, CY])
@override_settings(DEBUG=False)
def test_an_unknown_address_shows_the_themed_page_not_found(client, demo, prefix):
    response = client.get(f"{prefix}/nonexistent/")
    assert_themed(response, 404, PAGE_NOT_FOUND[prefix], prefix)
    assert "Demo Borough Council" in response.text or "Cyngor Bwrdeistref Demo" in response.text


@pytest.mark.parametrize("prefix", [EN, CY])
@override_settings(DEBUG=False)
def test_a_page_the_visitor_may_not_see_shows_access_denied(client, demo, prefix):
    assert_themed(client.get(f"{prefix}/denied/"), 403, ACCESS_DENIED[prefix], prefix)


@pytest.mark.parametrize("prefix", [EN, CY])
@override_settings(DEBUG=False)
def test_a_fault_shows_sorry_there_is_a_problem_with_the_service(demo, prefix):
    client = Client(raise_request_exception=False)
    assert_themed(client.get(f"{prefix}/broken/"), 500, SERVICE_PROBLEM[prefix], prefix)


@pytest.mark.parametrize("prefix", [EN, CY])
@override_settings(DEBUG=False)
def test_the_service_problem_page_needs_neither_the_database_nor_the_context_processors(
    prefix, settings
):
    from django.template import loader
    from django.utils import translation

    with translation.override("cy" if prefix else "en"):
        page = loader.get_template("500.html").render()
    assert SERVICE_PROBLEM[prefix] in page


@pytest.mark.parametrize("prefix", [EN, CY])
@override_settings(DEBUG=False)
def test_a_signed_out_post_of_3_mb_to_sign_in_gets_the_themed_bad_request_page(
    client, demo, prefix
):
    response = client.post(
        f"{prefix}/account/sign-in/",
        data="email=" + "a" * THREE_MB,
        content_type="application/x-www-form-urlencoded",
    )
    assert_themed(response, 400, BAD_REQUEST[prefix], prefix)


@pytest.mark.parametrize("prefix", [EN, CY])
@override_settings(DEBUG=False)
def test_a_form_sent_without_the_security_cookie_gets_a_themed_page(demo, prefix):
    # As a browser with no CSRF cookie (a 3 MB post from a script, cookies blocked): the CSRF
    # check refuses it before reading the body.
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"{prefix}/account/sign-in/",
        data="email=" + "a" * THREE_MB,
        content_type="application/x-www-form-urlencoded",
    )
    assert_themed(response, 403, FORM_REFUSED[prefix], prefix)
