"""The SEND team builds a form in the Wagtail admin, from two new bank questions to a
published version with a repeating group, then steps through its Welsh preview on the portal
(every portal page checked by axe; Wagtail's own admin pages are not)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect


@pytest.fixture
def send_team_member(e2e_demo, sign_in_as):
    """Council staff in the SEND team, signed in with two-step verification passed."""
    from django.contrib.auth.models import Group, Permission
    from django_otp.plugins.otp_email.models import EmailDevice

    from tests.factories import UserFactory

    user = UserFactory(
        email="send.team@example.org",
        first_name="Sian",
        last_name="Builder",
        kind="staff",
        is_staff=True,
        email_confirmed_at=timezone.now(),
    )
    team = Group.objects.create(name="SEND form builders")
    team.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="send", codename="build_forms"),
    )
    user.groups.add(team)
    EmailDevice.objects.create(user=user, name="Email", confirmed=True)
    sign_in_as(user, verified=True)
    return user


def add_bank_question(portal, code, english, welsh):
    # Wagtail's panels label their sections too, so fields are found by their ids.
    page = portal.page
    portal.goto("/admin/send/questions/new/")
    page.locator("#id_code").fill(code)
    page.locator("#id_label_en").fill(english)
    page.locator("#id_label_cy").fill(welsh)
    page.locator("#id_data_type").select_option("text")
    portal.click(page.get_by_role("button", name="Create"))
    expect(page.locator(".messages")).to_contain_text(code)


def add_group(portal, english, welsh, number, repeating=False):
    page = portal.page
    portal.click(page.get_by_role("link", name="Add a group"))
    expect(page.get_by_label("Number on form")).to_have_value(str(number))
    page.get_by_label("Group name (English)").fill(english)
    page.get_by_label("Group name (Welsh)").fill(welsh)
    if repeating:
        page.get_by_label("The group repeats").check()
    portal.click(page.get_by_role("button", name="Save"))
    expect(page.locator(".messages")).to_contain_text(f"Group {number} has been added.")


def add_question(portal, group_title, code):
    page = portal.page
    group = page.locator("section").filter(has=page.get_by_role("heading", name=group_title))
    portal.click(group.get_by_role("link", name="Add a question"))
    search = page.get_by_label("Code or question")
    search.fill(code.lower())
    portal.click(page.get_by_role("button", name="Search"))
    portal.click(page.get_by_role("button", name=f"Add {code}", exact=True))
    expect(page.locator(".messages")).to_contain_text(f"Question {code} has been added")


def test_the_send_team_builds_publishes_and_previews_a_form_in_welsh(portal, send_team_member):
    from plugins.send.models import FormDefinition

    page = portal.page

    # Two new questions in the bank.
    add_bank_question(
        portal, "CHILD_LIKES", "What does your child enjoy?", "Beth mae eich plentyn yn ei fwynhau?"
    )
    add_bank_question(portal, "HELPER_NAME", "Name of someone who helps", "Enw rhywun sy'n helpu")

    # A new citizen form, through Portal → SEND → Form definitions.
    portal.goto("/admin/")
    page.get_by_role("button", name="Portal").click()
    page.get_by_role("button", name="SEND", exact=True).click()
    portal.click(page.get_by_role("link", name="Form definitions"))
    assert portal.path() == "/admin/send/forms/"
    portal.click(page.get_by_role("link", name="Add form definition"))
    page.locator("#id_title_en").fill("Tell us about your child")
    page.locator("#id_title_cy").fill("Dywedwch wrthym am eich plentyn")
    page.locator("#id_code").fill("about_child")
    page.get_by_role("radio", name="Citizen portal").check()
    page.get_by_role("radio", name="Parent or carer").check()
    page.locator("#id_live").check()
    page.locator("#id_guidance_en").fill("It takes about ten minutes.")
    page.locator("#id_guidance_cy").fill("Mae'n cymryd tua deg munud.")
    portal.click(page.get_by_role("button", name="Create"))
    form = FormDefinition.objects.get(code="ABOUT_CHILD")
    assert form.code == "ABOUT_CHILD"
    assert portal.path() == f"/admin/send/forms/build/{form.pk}/"
    expect(
        page.get_by_text("Group 1 is always the automatic “Subject details” step")
    ).to_be_visible()

    # Two groups, the second repeating, each with one of the new questions.
    add_group(portal, "About your child", "Am eich plentyn", 2)
    add_question(portal, "2. About your child", "CHILD_LIKES")
    add_group(portal, "People who help", "Pobl sy'n helpu", 3, repeating=True)
    add_question(portal, "3. People who help", "HELPER_NAME")
    expect(page.locator("[data-question]")).to_have_count(2)
    expect(page.get_by_text("Not published yet")).to_be_visible()

    portal.click(page.get_by_role("button", name="Publish"))
    expect(page.locator(".messages")).to_contain_text(
        "Version 1 of ABOUT_CHILD has been published."
    )
    expect(page.get_by_text("the same as the published version 1")).to_be_visible()

    # The version history links to the Welsh preview of version 1.
    portal.click(page.get_by_role("link", name="Version history"))
    expect(page.locator("[data-version]")).to_have_count(1)
    expect(page.locator("[data-version='1']")).to_contain_text("Sian Builder")
    expect(page.locator("[data-version='1']")).to_contain_text("Live version")
    portal.click(page.get_by_role("link", name="Preview version 1 in Welsh"))
    assert portal.path() == f"/cy/send/preview/{form.pk}/1/"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dywedwch wrthym am eich plentyn")
    expect(page.get_by_text("Mae'n cymryd tua deg munud.")).to_be_visible()

    # Step 1, the subject's details (an example person), then the two groups.
    portal.click(page.get_by_role("button", name="Dechrau"))
    assert portal.path() == f"/cy/send/preview/{form.pk}/1/subject/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Manylion y person")
    portal.click(page.get_by_role("button", name="Parhau"))

    assert portal.path() == f"/cy/send/preview/{form.pk}/1/step/2/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Am eich plentyn")
    page.get_by_label("Beth mae eich plentyn yn ei fwynhau?").fill("Nofio a darllen")
    portal.click(page.get_by_role("button", name="Cadw a pharhau"))

    assert portal.path() == f"/cy/send/preview/{form.pk}/1/step/3/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Pobl sy'n helpu")
    page.locator("[name='HELPER_NAME-0']").fill("Mair")
    portal.click(page.get_by_role("button", name="Ychwanegu mwy"))
    expect(page.locator("[name='HELPER_NAME-1']")).to_be_visible()
    page.locator("[name='HELPER_NAME-1']").fill("Gareth")
    portal.click(page.get_by_role("button", name="Cadw a pharhau"))

    assert portal.path() == f"/cy/send/preview/{form.pk}/1/end/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Mae'r rhagolwg wedi dod i ben")
    portal.click(page.locator(f"a[href='/admin/send/forms/build/{form.pk}/']"))
    assert portal.path() == f"/admin/send/forms/build/{form.pk}/"
    assert form.versions.count() == 1
