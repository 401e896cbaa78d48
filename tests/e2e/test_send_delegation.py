"""Delegation, in the browser, in English and in Welsh; every portal page is checked by axe
(Wagtail's own admin pages are not ours to check).

The caseworker sends an advice task for Yusuf to Demo Primary School's SEN work group; the
SENCO picks it up from the group's tray, starts the form, saves half of it and asks the head
teacher to counter-sign; the head teacher amends the answer, counter-signs and submits the
contribution; the caseworker finds it on Yusuf's chronology. A task the caseworker retracts
leaves the SENCO's current list for "Recently retracted"."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from plugins.send.casework.delegation import services
from plugins.send.models import DelegatedTask, Involvement, WorkGroup
from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place

LANGUAGES = {
    "en": {
        "code": "en",
        "prefix": "",
        "title": "Delegated tasks",
        "pick_up": "Pick up",
        "start": "Start the form",
        "continue": "Continue the form",
        "carry_on": "Continue",
        "confirm_details": "Confirm and continue",
        "confirm": "These details are correct – continue",
        "question": "Your advice",
        "save_later": "Save and come back later",
        "save": "Save and continue",
        "reassign": "Re-assign",
        "ask": "Ask to counter-sign",
        "countersign": "Counter-sign",
        "submit": "Submit contribution",
        "retracted": "Recently retracted tasks (last 30 days)",
    },
    "cy": {
        "code": "cy",
        "prefix": "/cy",
        "title": "Tasgau dirprwyedig",
        "pick_up": "Cymryd",
        "start": "Dechrau’r ffurflen",
        "continue": "Parhau â’r ffurflen",
        "carry_on": "Parhau",
        "confirm_details": "Cadarnhau a pharhau",
        "confirm": "Mae'r manylion hyn yn gywir – parhau",
        "question": "Eich cyngor",
        "save_later": "Cadw a dod yn ôl yn nes ymlaen",
        "save": "Cadw a pharhau",
        "reassign": "Ailneilltuo",
        "ask": "Gofyn am gydlofnod",
        "countersign": "Cydlofnodi",
        "submit": "Cyflwyno cyfraniad",
        "retracted": "Tasgau a dynnwyd yn ôl yn ddiweddar (30 diwrnod diwethaf)",
    },
}
RETRACTED_BECAUSE = "The school sent its advice by post."


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request, e2e_demo):
    for email in ("professional@example.org", "head.teacher@example.org"):
        user = get_user_model().objects.get(email=email)
        user.preferred_language = request.param
        user.save()
    return LANGUAGES[request.param]


@pytest.fixture
def form(e2e_demo):
    """A short live form of one step with one question: the journey is about the task."""
    from plugins.send.builder import services as builder

    form = FormDefinitionFactory(
        code="SCHOOL_ADVICE",
        title_en="School advice",
        title_cy="Cyngor yr ysgol",
        portal_type="professional",
    )
    group = GroupFactory(form=form, number=2, name_en="Advice", name_cy="Cyngor")
    place(
        group, QuestionFactory(code="SCHOOL_ADVICE", label_en="Your advice", label_cy="Eich cyngor")
    )
    builder.publish(form)
    form.refresh_from_db()
    return form


def button(portal, name, scope=None):
    portal.click((scope or portal.page).get_by_role("button", name=name, exact=True))


def test_the_school_picks_up_counter_signs_and_submits_the_advice(
    portal, sign_in_as, language, form
):
    words, page, users = language, portal.page, get_user_model().objects
    caseworker = users.get(email="caseworker@example.org")
    senco = users.get(email="professional@example.org")
    head = users.get(email="head.teacher@example.org")
    involvement = Involvement.objects.open().get(child_record__council_id="C0000103")
    due = timezone.localdate() + timedelta(days=28)

    # The caseworker sends the task to the school's work group from Yusuf's involvement.
    sign_in_as(caseworker, verified=True)
    portal.goto(f"/admin/send/involvements/{involvement.pk}/")
    portal.click(page.get_by_role("link", name="Delegate a task"))
    page.locator('select[name="form"]').select_option(label=str(form))
    page.locator('select[name="work_group"]').select_option(label=str(WorkGroup.objects.get()))
    page.locator('input[name="due_on"]').fill(due.isoformat())
    page.locator('textarea[name="comments"]').fill("Please give the school's advice.")
    button(portal, "Send the task")
    expect(page.get_by_text("The task has been sent.")).to_be_visible()
    task = DelegatedTask.objects.get(form=form)

    # The SENCO picks it up from the tray, starts the form and saves half of it.
    sign_in_as(senco, verified=True)
    portal.goto(f"{words['prefix']}/send/tasks/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    tray = page.locator("[data-tray]").locator(f'[data-task="{task.pk}"]')
    button(portal, f"{words['pick_up']} {task.number}", tray)
    expect(page.locator("[data-task-child]")).to_have_text("Yusuf Young")
    button(portal, words["start"])
    button(portal, words["confirm_details"])
    expect(page.locator("[data-task-header]")).to_contain_text("Cai Caseworker")
    button(portal, words["carry_on"])
    button(portal, words["confirm"])
    page.get_by_label(words["question"]).fill("Yusuf reads with support.")
    button(portal, words["save_later"])

    # …and asks the head teacher, a manager of the group, to counter-sign.
    portal.goto(f"{words['prefix']}/send/tasks/{task.pk}/reassign/")
    button(portal, f"{words['ask']} Helen Head")
    task.refresh_from_db()
    assert (task.state, task.holder, task.author) == ("countersign", head, senco)

    # The head teacher amends the answer, counter-signs and submits the contribution.
    sign_in_as(head, verified=True)
    portal.goto(f"{words['prefix']}/send/tasks/{task.pk}/")
    button(portal, words["continue"])
    portal.goto(f"{words['prefix']}/send/submissions/{task.contribution_id}/step/2/")
    page.get_by_label(words["question"]).fill("Yusuf reads with support; a quiet space helps.")
    button(portal, words["save"])
    button(portal, words["countersign"])
    button(portal, words["submit"])
    task.refresh_from_db()
    assert task.state == "submitted" and task.counter_signatory == head

    # The caseworker sees the contribution on Yusuf's chronology.
    sign_in_as(caseworker, verified=True)
    portal.goto(f"/admin/send/chronology/{involvement.child_record_id}/")
    expect(page.get_by_text("School advice").first).to_be_visible()


def test_a_retracted_task_moves_to_recently_retracted(portal, sign_in_as, language, form):
    words, page, users = language, portal.page, get_user_model().objects
    caseworker = users.get(email="caseworker@example.org")
    senco = users.get(email="professional@example.org")
    involvement = Involvement.objects.open().get(child_record__council_id="C0000101")
    task = services.delegate(
        involvement, form, timezone.localdate() + timedelta(days=10), caseworker, user=senco
    )

    sign_in_as(senco, verified=True)
    portal.goto(f"{words['prefix']}/send/tasks/")
    expect(page.locator("[data-assigned]").locator(f'[data-task="{task.pk}"]')).to_have_count(1)

    sign_in_as(caseworker, verified=True)
    portal.goto(f"/admin/send/tasks/{task.pk}/retract/")
    page.locator('textarea[name="reason"]').fill(RETRACTED_BECAUSE)
    button(portal, "Retract the task")
    expect(page.get_by_text("The task has been retracted.")).to_be_visible()

    sign_in_as(senco, verified=True)
    portal.goto(f"{words['prefix']}/send/tasks/")
    expect(page.locator("[data-assigned]").locator(f'[data-task="{task.pk}"]')).to_have_count(0)
    retracted = page.locator("[data-retracted]").locator(f'[data-task="{task.pk}"]')
    expect(retracted).to_contain_text(RETRACTED_BECAUSE)
    expect(page.get_by_role("heading", name=words["retracted"])).to_be_visible()
