"""The fault checks of the scale-out pass (scripts/scaleout.sh runs them after the smoke journey).

Each check breaks one part of the running stack, watches what parents see, and mends it:

* clamd down: an upload is refused with the portal's message and nothing is stored;
* Redis down: pages keep being served (the cache falls back to none); /health/ says so;
* PostgreSQL restarted under load: every answer is a page or a themed error page, no step
  is half saved, and the portal serves again as soon as the database is back;
* both task clusters killed: work queued meanwhile is done exactly once after the restart;
* both task clusters killed while one is sending a webhook: it is sent again after the
  restart and recorded as delivered once;
* both task clusters killed while one is printing many forms as PDFs: the print is done
  again after the restart, each form printed once.

Run inside the stack's environment: ``python -m tests.scaleout.faults``.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import django

from tests.scaleout.client import JourneyError, Outbox, Portal

ROOT = Path(__file__).resolve().parents[2]
STACK = Path(os.environ.get("SCALEOUT_DIR", "."))
FORM = "Parent, carer or young person request for an EHC needs assessment"
ERROR_PAGE = "Sorry, there is a problem with the service"
BAD_REQUEST_PAGE = "Sorry, there is a problem with what you sent"
UPLOAD_STEP = 9


def step(words):
    print(f"    {words}", flush=True)


# --- the stack's services, through the pid files scripts/scaleout.sh keeps --------------------


def _pid_file(name):
    return STACK / "pids" / f"{name}.pid"


def kill_service(*names):
    """SIGKILL each service's whole process group at once (a crash, not a clean stop)."""
    pids = [int(_pid_file(name).read_text()) for name in names]
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
    for pid in pids:
        _wait_until_gone(pid)


def _wait_until_gone(pid):
    try:
        # A service this process started again is its child: reaped here, not left a zombie
        # that still answers kill(pid, 0).
        os.waitpid(pid, 0)
        return
    except ChildProcessError:
        pass
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)


def start_service(name, command):
    log = (STACK / "logs" / f"{name}.log").open("ab")
    process = subprocess.Popen(  # noqa: S603
        command,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    _pid_file(name).write_text(f"{process.pid}\n")


def redis_command():
    return [
        "redis-server", "--port", os.environ["REDIS_PORT"], "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", str(STACK),
    ]  # fmt: skip


def clamd(action):
    subprocess.run([str(ROOT / "scripts/clamav.sh"), action], check=True, capture_output=True)  # noqa: S603


def restart_postgresql():
    data = Path(os.environ["PORTAL_PG_DATA"])
    # -l: the restarted server logs where scripts/with-postgres.sh started it logging (without
    # it, the server would hold this call's output open and it would never return).
    command = [f"{os.environ['PORTAL_PG_BIN']}/pg_ctl", "-D", str(data), "-l"]
    command += [str(data.parent / "server.log"), "-m", "fast", "-w", "restart"]
    if os.geteuid() == 0:
        # The cluster belongs to the postgres user (scripts/with-postgres.sh).
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603


def health(portal):
    return portal.get("/health/", expect=None).status


def wait_until_healthy(portal, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if health(portal) == 200:
            return
        time.sleep(0.5)
    raise JourneyError(f"/health/ did not answer 200 within {seconds} s of the repair")


# --- a parent with a form open --------------------------------------------------------------


def signed_in_parent(outbox):
    from core.demo import demo_password

    portal = Portal()
    portal.sign_in("parent@example.org", demo_password(), outbox)
    return portal


def start_form(portal):
    """A new EHC request for the demo parent's first child; returns its task list's path."""
    page = portal.get("/send/")
    person = next(
        a["href"]
        for a in page.soup.select("main a[href^='/send/people/']")
        if "add" not in a["href"]
    )
    page = portal.submit(portal.get(person), f"Start {FORM}")
    portal.submit(portal.get(f"{page.path}subject/"))
    return page.path


def fill_steps_before(portal, form_path, last):
    page = portal.get(f"{form_path}step/2/")
    while not page.path.endswith(f"/step/{last}/"):
        page = portal.submit(page, fill=True)
    return page


# --- the checks -------------------------------------------------------------------------------


def clamd_down(outbox):
    from django.core.files.storage import default_storage

    from plugins.send.models import SubmissionFile

    step("clamd down: an upload is refused with the message and nothing is stored")
    portal = signed_in_parent(outbox)
    form_path = start_form(portal)
    page = fill_steps_before(portal, form_path, UPLOAD_STEP)
    stored_before = SubmissionFile.objects.count()
    objects_before = len(default_storage.listdir("send/submissions")[1])
    clamd("stop")
    try:
        if health(portal) != 503:
            raise JourneyError("/health/ still answers 200 with clamd down")
        page = portal.submit(page, fill=True)
        if "We could not check your file for viruses" not in page.text():
            raise JourneyError(f"No refusal message after the upload ({page.path}, {page.h1!r})")
        if SubmissionFile.objects.count() != stored_before:
            raise JourneyError("A file was kept although it could not be scanned")
        if len(default_storage.listdir("send/submissions")[1]) != objects_before:
            raise JourneyError("An unscanned file reached the S3 bucket")
    finally:
        clamd("start")
    wait_until_healthy(portal)


def redis_down(outbox):
    step("Redis down: pages are still served from the database; /health/ reports it")
    portal = signed_in_parent(outbox)
    form_path = start_form(portal)
    kill_service("redis")
    try:
        for path in ("/", "/send/", form_path, f"{form_path}step/2/", "/cy/"):
            portal.get(path)
        if health(portal) != 503:
            raise JourneyError("/health/ still answers 200 with Redis down")
        # The task queue is in the database, so signing in still emails its code.
        from core.demo import demo_password

        visitor = Portal()
        page = visitor.get("/account/sign-in/")
        since = time.time()
        credentials = {"email": "parent@example.org", "password": demo_password()}
        page = visitor.submit(page, answers=credentials)
        page = visitor.submit(page, answers={"code": outbox.code_for(credentials["email"], since)})
        if "/account/sign-in" in page.path:
            raise JourneyError(f"Signing in with Redis down ended on {page.path} {page.h1!r}")
    finally:
        start_service("redis", redis_command())
    wait_until_healthy(portal)


def postgresql_restarted_under_load(outbox):
    from django.db import connection

    from plugins.send.models import Answer, Submission, SubmissionStep

    step("PostgreSQL restarted under load: clean pages only, no half-saved step, back at once")
    if not os.environ.get("PORTAL_PG_DATA"):
        step("  SKIPPED: the database is the caller's DATABASE_URL, not one this pass may restart")
        return
    # One parent saves the steps of her form over and over; two more read pages meanwhile
    # (three savers of one draft would meet the portal's stale-page check instead).
    parents = [signed_in_parent(outbox) for _ in range(3)]
    draft = start_form(parents[0])
    answers, problems, stop = [], [], threading.Event()

    def record(path, page):
        answers.append(page.status)
        if page.status >= 500 and ERROR_PAGE not in page.text():
            problems.append(f"{path}: {page.status} without the themed error page")
        elif page.status == 400 and BAD_REQUEST_PAGE not in page.text():
            # The themed 400 page is a clean answer too: Django answers 400, for example,
            # when a session could not be saved (SessionInterrupted).
            problems.append(f"{path}: 400 without the themed page")
        elif page.status not in {200, 400, 500, 503}:
            problems.append(f"{path}: unexpected {page.status}")

    def keep_going(portal, saving):
        number = 2
        while not stop.is_set():
            path = f"{draft}step/{number}/" if saving else ("/", "/send/")[number % 2]
            try:
                page = portal.get(path, expect=None)
                record(path, page)
                if saving and page.status == 200:
                    record(path, portal.submit(page, fill=True, expect=None))
            except Exception as error:  # noqa: BLE001 - any failure is the finding
                problems.append(f"{path}: {error.__class__.__name__}: {error}")
            number = 2 if number >= 8 else number + 1

    threads = [
        threading.Thread(target=keep_going, args=(parent, index == 0))
        for index, parent in enumerate(parents)
    ]
    for thread in threads:
        thread.start()
    time.sleep(3)
    restart_postgresql()
    time.sleep(5)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    if problems:
        raise JourneyError("; ".join(problems[:5]))
    served = answers.count(200)
    step(f"  {len(answers)} pages during the restart: {served} served, the rest themed errors")
    for portal in parents:
        portal.get("/send/")
    # This process's own connection was ended by the restart too.
    connection.close()
    # Each save is one transaction: no answer is kept for a step whose save did not finish.
    submission = Submission.objects.get(pk=int(draft.split("/")[3]))
    saved = SubmissionStep.objects.filter(submission=submission).values_list("group_number")
    typed = Answer.objects.filter(submission=submission, prefilled=False)
    unsaved = set(typed.exclude(group_number__in=saved).values_list("group_number", flat=True))
    if unsaved:
        raise JourneyError(f"{submission.reference or submission.pk}: answers of unsaved {unsaved}")


def task_clusters_killed(outbox):
    step("both task clusters killed: emails queued meanwhile go out once after the restart")
    kill_service("qcluster1", "qcluster2")
    from core.demo import demo_password

    portal = Portal()
    page = portal.get("/account/sign-in/")
    since = time.time()
    # The sign-in code's email waits in the database's queue while no cluster runs.
    page = portal.submit(page, answers={"email": "parent@example.org", "password": demo_password()})
    time.sleep(2)
    outbox.messages()
    if outbox.to("parent@example.org", since):
        raise JourneyError("An email went out with no task cluster running")
    for name in ("qcluster1", "qcluster2"):
        start_service(name, os.environ["SCALEOUT_QCLUSTER"].split())
    code = outbox.code_for("parent@example.org", since, timeout=60)
    portal.submit(page, answers={"code": code})
    time.sleep(5)
    outbox.messages()
    sent = outbox.to("parent@example.org", since)
    if len(sent) != 1:
        raise JourneyError(f"The queued email went out {len(sent)} times")


class StallingReceiver:
    """A case system's webhook endpoint that leaves its first request unanswered until
    released (the task cluster sending it is killed meanwhile) and takes the rest at once."""

    def __init__(self):
        self.webhook_ids = []
        self.first_arrived, self.release = threading.Event(), threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["content-length"]))
                receiver.webhook_ids.append(self.headers["webhook-id"])
                if len(receiver.webhook_ids) == 1:
                    receiver.first_arrived.set()
                    receiver.release.wait(60)
                    return  # closed unanswered: its sender is gone
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/webhooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def task_clusters_killed_mid_webhook(outbox):
    from django.db import transaction

    from api import accounts
    from api.models import WebhookDelivery, WebhookSubscription
    from api.webhooks import events, signing

    step("a task cluster killed while sending a webhook: sent again after the restart, once")
    account = accounts.create_account(f"Fault case system {os.getpid()}", ["submissions:read"])
    receiver = StallingReceiver()
    subscription = WebhookSubscription.objects.create(
        account=account, url=receiver.url, events=["document.viewed"], secret=signing.new_secret()
    )
    try:
        with transaction.atomic():
            announced = events.announce("document.viewed", {"document_id": 0, "fault": "check"})
        # The demo's case system subscribes to every event too; this check follows its own.
        delivery = next(d for d in announced if d.subscription_id == subscription.pk)
        if not receiver.first_arrived.wait(60):
            raise JourneyError("No task cluster sent the webhook")
        kill_service("qcluster1", "qcluster2")
        receiver.release.set()
        delivery.refresh_from_db()
        if delivery.status != WebhookDelivery.Status.PENDING or delivery.attempts:
            raise JourneyError(f"The killed attempt was recorded: {delivery.status}")
        killed_at = time.monotonic()
        for name in ("qcluster1", "qcluster2"):
            start_service(name, os.environ["SCALEOUT_QCLUSTER"].split())
        deadline = killed_at + 150
        while delivery.status == WebhookDelivery.Status.PENDING and time.monotonic() < deadline:
            time.sleep(1)
            delivery.refresh_from_db()
        if delivery.status != WebhookDelivery.Status.DELIVERED:
            raise JourneyError(f"The webhook is {delivery.status} 150 s after the kill")
        step(f"  delivered {time.monotonic() - killed_at:.0f} s after the kill")
        time.sleep(5)  # a second copy would arrive now
        delivery.refresh_from_db()
        if delivery.attempts != 1 or delivery.log.count() != 1:
            raise JourneyError(f"{delivery.log.count()} attempts recorded, not 1")
        if receiver.webhook_ids != [delivery.message_id] * 2:
            raise JourneyError(f"The receiver was sent {receiver.webhook_ids}")
    finally:
        receiver.release.set()
        WebhookSubscription.objects.filter(pk=subscription.pk).update(is_active=False)
        receiver.server.shutdown()


def task_clusters_killed_mid_print(outbox):
    import zipfile

    from django.contrib.auth import get_user_model

    from plugins.send.models import PrintJob, Submission, SubmissionEvent
    from plugins.send.printing import batch
    from portal import access

    step("both task clusters killed while printing many forms: done again after the restart")
    caseworker = get_user_model().objects.get(email="caseworker@example.org")
    sent = Submission.objects.filter(status="submitted").order_by("pk")
    forms = list(access.scoped(caseworker, "send.submission", sent)[:12])
    job = batch.request_print(caseworker, forms, "pdf", "en")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state == PrintJob.State.RUNNING and job.done >= 1:
            break
        time.sleep(0.05)
    else:
        raise JourneyError(f"The print job is {job.state} ({job.done} done) after 60 s")
    if job.done >= job.total:
        raise JourneyError("The job printed every form before the clusters could be killed")
    kill_service("qcluster1", "qcluster2")
    killed_at, done_at_kill = time.monotonic(), job.done
    for name in ("qcluster1", "qcluster2"):
        start_service(name, os.environ["SCALEOUT_QCLUSTER"].split())
    while job.state == PrintJob.State.RUNNING and time.monotonic() < killed_at + 150:
        time.sleep(1)
        job.refresh_from_db()
    if job.state != PrintJob.State.READY:
        raise JourneyError(f"The print job is {job.state} 150 s after the kill")
    step(
        f"  {done_at_kill} of {job.total} printed at the kill; "
        f"ready {time.monotonic() - killed_at:.0f} s after it"
    )
    with job.file.open("rb") as stored, zipfile.ZipFile(stored) as archive:
        names = archive.namelist()
    if len(names) != job.total or job.failures:
        raise JourneyError(f"The ZIP holds {len(names)} files of {job.total}: {job.failures}")
    printed = SubmissionEvent.objects.filter(
        action=SubmissionEvent.Action.PRINTED, submission__in=forms, at__gte=job.created_at
    )
    if printed.count() != len(forms):
        raise JourneyError(f"{printed.count()} 'printed' events for {len(forms)} forms")


def main():
    django.setup()
    outbox = Outbox()
    print("==> Fault checks")
    failed = []
    checks = (
        clamd_down,
        postgresql_restarted_under_load,
        task_clusters_killed,
        task_clusters_killed_mid_webhook,
        task_clusters_killed_mid_print,
        redis_down,
    )
    for check in checks:
        try:
            check(outbox)
            step("  ok")
        except (JourneyError, subprocess.CalledProcessError) as error:
            failed.append(check.__name__)
            print(f"    FAILED: {error}", file=sys.stderr, flush=True)
    if failed:
        print(f"==> Fault checks FAILED: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)
    print("==> Fault checks: ok")


if __name__ == "__main__":
    main()
