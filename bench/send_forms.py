"""SEND forms on the portal at scale: 10,000 people and 100,000 submissions.

Seeds a throwaway SQLite database, then times, interleaved in one process against the same
Django stack, the person's forms page, a step GET, a step save, the check-answers page, My
account (the base template with little else) and a trivial view (the floor: same middleware,
no work), printing each as a ratio to the floor; then PDF generation for a 20-step form as a
ratio to WeasyPrint alone on the same HTML.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
import django  # noqa: E402

if __name__ == "__main__":
    # A throwaway database; imported by a test instead, the test's own settings stand.
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal import urls as portal_urls  # noqa: E402

PEOPLE, SUBMISSIONS, USERS = 10_000, 100_000, 2_000
STEPS, QUESTIONS_PER_STEP = 20, 5
ROUNDS, REQUESTS = 7, 10
PDF_RUNS = 15


def floor(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/floor/", floor), *portal_urls.urlpatterns]


def seed():
    """The measured parent has 5 children and 50 forms; everyone else fills the tables."""
    from accounts.models import User
    from plugins.send.builder import services as builder
    from plugins.send.models import (
        Answer,
        FormDefinition,
        GroupQuestion,
        PersonLink,
        PortalPerson,
        Question,
        QuestionGroup,
        Submission,
        SubmissionStep,
    )

    questions = Question.objects.bulk_create(
        Question(
            code=f"BENCH_{n:03d}",
            label_en=f"Question {n}",
            label_cy=f"Cwestiwn {n}",
            data_type="text",
        )
        for n in range(STEPS * QUESTIONS_PER_STEP)
    )
    form = FormDefinition.objects.create(
        code="BENCH",
        title_en="Request",
        title_cy="Cais",
        portal_type="citizen",
        user_type="parent_carer",
        live=True,
    )
    for step in range(STEPS):
        group = QuestionGroup.objects.create(
            form=form, number=step + 2, name_en=f"Part {step}", name_cy=f"Rhan {step}"
        )
        GroupQuestion.objects.bulk_create(
            GroupQuestion(form=form, group=group, question=q, sort_order=i)
            for i, q in enumerate(
                questions[step * QUESTIONS_PER_STEP : (step + 1) * QUESTIONS_PER_STEP]
            )
        )
    version = builder.publish(form)
    now = timezone.now()
    users = User.objects.bulk_create(
        User(
            email=f"parent{n}@example.org", first_name="P", last_name=str(n), email_confirmed_at=now
        )
        for n in range(USERS)
    )
    people = PortalPerson.objects.bulk_create(
        PortalPerson(forename="Child", surname=str(n), date_of_birth="2015-01-01")
        for n in range(PEOPLE)
    )
    PersonLink.objects.bulk_create(
        PersonLink(person=person, user=users[n % USERS], relationship="parent")
        for n, person in enumerate(people)
    )
    Submission.objects.bulk_create(
        (
            Submission(
                person=people[n % PEOPLE],
                created_by=users[n % PEOPLE % USERS],
                version=version,
                status="submitted" if n % 2 else "draft",
                reference=f"SND-B{n:09d}" if n % 2 else None,
            )
            for n in range(SUBMISSIONS)
        ),
        batch_size=5000,
    )
    parent = users[0]
    parent.set_password("Bench-Password-123")
    parent.save()
    child = people[0]
    draft = Submission.objects.filter(person=child, created_by=parent, status="draft").first()
    Answer.objects.bulk_create(
        Answer(
            submission=draft, group_number=step + 2, question_code=q.code, value=f"Answer {q.code}"
        )
        for step in range(STEPS)
        for q in questions[step * QUESTIONS_PER_STEP : (step + 1) * QUESTIONS_PER_STEP]
    )
    SubmissionStep.objects.bulk_create(
        SubmissionStep(submission=draft, group_number=number) for number in range(1, STEPS + 2)
    )
    return parent, child, draft, questions


def signed_in(parent):
    from tests.conftest import sign_in_verified

    return sign_in_verified(Client(), parent)


def timed(client, url):
    start = time.perf_counter()
    for _ in range(REQUESTS):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - start) / REQUESTS


def timed_saves(client, url, data):
    """Each save from a page loaded at the step's current revision, as a person saving the
    step again does: a save from an older page is refused as stale, a different page."""
    from plugins.send.models import Submission

    spent = 0.0
    for _ in range(REQUESTS):
        revision = Submission.objects.filter(pk=data["submission"]).values_list("revision")[0][0]
        start = time.perf_counter()
        response = client.post(url, data["answers"] | {"revision": revision})
        spent += time.perf_counter() - start
        assert response.status_code == 302, (url, response.status_code)
    return spent / REQUESTS


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with transaction.atomic():
        parent, child, draft, questions = seed()
    seeded = time.perf_counter() - started
    client = signed_in(parent)
    step_url = f"/send/submissions/{draft.pk}/step/2/"
    codes = [q.code for q in questions[:QUESTIONS_PER_STEP]]

    saved = {"submission": draft.pk, "answers": {code: f"Saved {code}" for code in codes}}
    pages = {
        "forms page": lambda: timed(client, f"/send/people/{child.pk}/"),
        "step GET": lambda: timed(client, step_url),
        "step save": lambda: timed_saves(client, step_url, saved),
        "check answers": lambda: timed(client, f"/send/submissions/{draft.pk}/check/"),
        "My account": lambda: timed(client, "/account/"),
        "floor": lambda: timed(client, "/bench/floor/"),
    }
    with override_settings(ROOT_URLCONF=__name__):
        for measure in pages.values():
            measure()  # warm up
        results = {name: [] for name in pages}
        for _ in range(ROUNDS):
            for name, measure in pages.items():
                results[name].append(measure())
    medians = {name: statistics.median(times) for name, times in results.items()}
    print(f"seeded {PEOPLE:,} people and {SUBMISSIONS:,} submissions in {seeded:.1f}s")
    for name, value in medians.items():
        if name != "floor":
            print(f"{name}: {value / medians['floor']:.1f}x the trivial view")
    print_ratio(draft)


def print_ratio(draft, runs=PDF_RUNS):
    """The portal's PDF of a form against WeasyPrint alone laying out the same HTML with the
    same stylesheet, parsed once as the portal parses it once: what the portal adds
    (building the printout, its HTML and stylesheet text, its URL fetcher)."""
    from weasyprint import CSS, HTML

    from plugins.send.builder.schema import FormSchema
    from plugins.send.filling.answers import load_answers
    from plugins.send.printing.documents import PrintOptions
    from plugins.send.printing.pdf import PDF_OPTIONS, print_css, print_html, print_pdf

    schema = FormSchema(draft.version.schema)
    answers = load_answers(draft)
    options = PrintOptions()
    page = print_html(schema, answers, options, "en", submission=draft)
    stylesheet = CSS(string=print_css("en"))

    def alone():
        HTML(string=page).write_pdf(stylesheets=[stylesheet], **PDF_OPTIONS)

    def portal():
        print_pdf(schema, answers, options, "en", submission=draft)

    alone(), portal()  # warm up: fonts, templates and texts are loaded once per process
    alone_times, pdf_times = [], []
    for run in range(runs):
        # Each goes first every other run, so neither always runs in the other's wake.
        pair = [(alone, alone_times), (portal, pdf_times)]
        for work, times in pair if run % 2 else reversed(pair):
            times.append(cpu_time(work))
    # The fastest run of each, in this process's CPU time: other work on the machine only
    # ever adds time, and one PDF takes long enough for a single interruption to swing a
    # median; CPU time leaves out the waits while other processes run.
    ratio = min(pdf_times) / min(alone_times)
    print(f"PDF of a {len(schema.groups)}-step form: {ratio:.1f}x WeasyPrint alone")


def cpu_time(work):
    start = time.process_time()
    work()
    return time.process_time() - start


if __name__ == "__main__":
    main()
