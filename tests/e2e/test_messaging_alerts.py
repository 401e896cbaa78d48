"""The SEND team sets up alerts in the Wagtail admin (English): a trigger alert on a portal
user being authenticated, which fires when the caseworker authenticates someone on a child's
case (the alert log shows it), and a scheduled alert on overdue information requests, which
they run now. Each of these admin pages is checked with axe here, since the ``portal``
fixture leaves the admin to Wagtail."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import AXE_OPTIONS

REASON_TRIGGER = "Tell the person authenticated (e2e)"
REASON_SCHEDULED = "Chase overdue information (e2e)"


@pytest.fixture
def alerts_staff(e2e_demo, sign_in_as):
    from django.contrib.auth.models import Group, Permission
    from django_otp.plugins.otp_email.models import EmailDevice

    from tests.factories import UserFactory

    user = UserFactory(
        email="alerts.team@example.org",
        first_name="Alun",
        last_name="Rhybudd",
        kind="staff",
        is_staff=True,
        email_confirmed_at=timezone.now(),
    )
    group = Group.objects.create(name="Alert writers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="messaging", codename="manage_alert"),
    )
    user.groups.add(group)
    EmailDevice.objects.create(user=user, name="Email", confirmed=True)
    sign_in_as(user, verified=True)
    return user


def checked(portal):
    """axe on the admin page now shown (our own admin screens and forms). Wagtail's flash
    messages are left out: they fade in, so their contrast is measured mid-animation."""
    result = Axe().run(portal.page, context={"exclude": [[".messages"]]}, options=AXE_OPTIONS)
    violations = result.response["violations"]
    assert violations == [], [
        (v["id"], v["help"], [node["html"] for node in v["nodes"]]) for v in violations
    ]


def test_staff_create_a_trigger_alert_on_authenticated_and_see_it_fire(portal, alerts_staff):
    from plugins.messaging.alerts.models import AlertLog, TriggerAlert
    from plugins.send.casework.involvements import portal_sharing
    from plugins.send.models import Involvement
    from tests.factories import UserFactory

    page = portal.page
    portal.goto("/admin/messages/trigger-alerts/new/")
    checked(portal)
    expect(page.locator("#id_active")).to_have_count(0)  # activated only once saved
    page.locator("#id_reason").fill(REASON_TRIGGER)
    page.locator("#id_context").select_option("send.portal_sharing")
    page.get_by_label("Involvements – portal sharing – Status").check()
    page.locator("#id_template").select_option(
        label="SEND – You are authenticated on a child's case"
    )
    page.locator("#id_to_person").check()
    portal.click(page.get_by_role("button", name="Create"))
    expect(page.locator(".messages")).to_contain_text(REASON_TRIGGER)
    checked(portal)

    alert = TriggerAlert.objects.get(reason=REASON_TRIGGER)
    portal.goto(f"/admin/messages/trigger-alerts/edit/{alert.pk}/")
    checked(portal)
    page.locator("#id_active").check()
    portal.click(page.get_by_role("button", name="Save"))
    alert.refresh_from_db()
    assert alert.active

    # The caseworker authenticates a new parent on a demo child's case.
    involvement = Involvement.objects.open().filter(caseworker__isnull=False).first()
    newcomer = UserFactory(email="newcomer@example.org", first_name="Gwen", last_name="Newydd")
    sharing = portal_sharing.add(involvement, newcomer, involvement.caseworker)
    portal_sharing.authenticate(sharing, involvement.caseworker, "Identity checked in person.")
    assert AlertLog.objects.filter(trigger_alert=alert).exists()

    portal.goto("/admin/messages/alert-log/")
    checked(portal)
    # Adding her (not yet authenticated) reached nobody; authenticating her sent her one.
    row = page.locator("tr").filter(has_text=REASON_TRIGGER).filter(has_text="(Authenticated)")
    expect(row).to_contain_text(f"{involvement.child_record.full_name}: Gwen Newydd")
    expect(row.locator("td").nth(4)).to_have_text("1")


def test_staff_create_a_scheduled_alert_for_overdue_information_and_run_it(portal, alerts_staff):
    from plugins.messaging.alerts.models import AlertLog

    page = portal.page
    portal.goto("/admin/messages/scheduled-alerts/new/")
    checked(portal)
    page.locator("#id_reason").fill(REASON_SCHEDULED)
    page.locator("#id_condition").select_option("send.information_overdue")
    page.locator("#id_include_rows").check()
    page.locator("#id_next_run_at").fill(
        (timezone.localtime() + timezone.timedelta(days=1)).strftime("%Y-%m-%d 07:00")
    )
    page.locator("#id_repeat_every").fill("1")
    page.locator("#id_repeat_unit").select_option("weeks")
    page.locator("#id_template").select_option(label="SEND – Reminder to send information")
    page.locator("#id_to_person").check()
    page.locator("#id_all_professionals").check()
    portal.click(page.get_by_role("button", name="Create"))
    expect(page.locator(".messages")).to_contain_text(REASON_SCHEDULED)
    checked(portal)

    row = page.locator("tr").filter(has_text=REASON_SCHEDULED)
    portal.click(row.get_by_role("link", name="Run now"))
    checked(portal)
    portal.click(page.get_by_role("button", name="Run now"))

    entry = AlertLog.objects.get(scheduled_alert__reason=REASON_SCHEDULED)
    assert entry.by_hand and entry.rows >= 1
    expect(page.locator(".messages")).to_contain_text(f"{entry.rows} rows found")
    expect(page.locator("tr").filter(has_text=REASON_SCHEDULED)).to_have_count(1)
    checked(portal)
