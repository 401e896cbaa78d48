"""/health/ tells a load balancer whether this process can serve: database, cache, media
storage, clamd and the task queue. Outsiders get one word; council staff get the details."""

import shutil
import socket
import tempfile
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.signing import SignedPackage

from core.cache_backends import FallbackRedisCache
from tests.factories import UserFactory

CHECKS = {"database", "cache", "storage", "clamd", "task_queue"}


@pytest.fixture
def clamd(settings):
    """A stand-in clamd on a Unix socket that answers PING with PONG, as the real one does."""
    directory = Path(tempfile.mkdtemp(dir="/tmp"))
    path = directory / "clamd.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen()

    def answer():
        while True:
            try:
                connection, _address = server.accept()
            except OSError:
                return
            with connection:
                if connection.recv(16) == b"zPING\0":
                    connection.sendall(b"PONG\0")

    threading.Thread(target=answer, daemon=True).start()
    settings.PORTAL_CLAMD_SOCKET = str(path)
    settings.PORTAL_CLAMD_HOST = ""
    yield path
    server.close()
    shutil.rmtree(directory)


@pytest.fixture
def clamd_down(settings, tmp_path):
    settings.PORTAL_CLAMD_SOCKET = str(tmp_path / "nobody-listens.sock")
    settings.PORTAL_CLAMD_HOST = ""


def test_load_balancer_sees_ok_when_everything_answers(client, db, clamd):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


def test_load_balancer_takes_the_portal_out_when_clamd_is_down_and_learns_nothing_more(
    client, db, clamd_down
):
    response = client.get("/health/")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"


def test_a_signed_in_parent_gets_no_details_either(client, db, clamd_down):
    client.force_login(UserFactory())

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"


def test_staff_with_two_step_verification_see_every_check_and_what_failed(admin_client, clamd_down):
    response = admin_client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["healthy"] is False
    assert set(body["checks"]) == CHECKS
    assert body["checks"]["clamd"]["ok"] is False
    assert "FileNotFoundError" in body["checks"]["clamd"]["detail"]
    assert all(body["checks"][name]["ok"] for name in CHECKS - {"clamd"})


def test_staff_not_yet_past_two_step_verification_get_the_terse_answer(client, superuser, clamd):
    client.force_login(superuser)

    response = client.get("/health/")

    assert response.content == b"ok\n"


def test_a_task_waiting_longer_than_allowed_marks_the_task_clusters_as_not_keeping_up(
    admin_client, clamd, settings
):
    settings.PORTAL_HEALTH_QUEUE_MAX_AGE = 300
    broker = get_broker()
    started = timezone.now() - timedelta(minutes=10)
    broker.enqueue(SignedPackage.dumps({"id": "stuck", "func": "print", "started": started}))

    response = admin_client.get("/health/")

    assert response.status_code == 503
    check = response.json()["checks"]["task_queue"]
    assert check == {**check, "ok": False, "detail": "oldest task waiting 600 s"}


def test_a_long_task_a_worker_is_running_is_not_waiting(admin_client, clamd, settings):
    # The ORM broker keeps a task until its result is saved, with its lock moved Q_RETRY
    # seconds ahead while a worker has it.
    settings.PORTAL_HEALTH_QUEUE_MAX_AGE = 300
    broker = get_broker()
    started = timezone.now() - timedelta(minutes=10)
    broker.enqueue(SignedPackage.dumps({"id": "long", "func": "print", "started": started}))
    assert len(broker.dequeue()) == 1

    response = admin_client.get("/health/")

    assert response.status_code == 200
    assert response.json()["checks"]["task_queue"]["detail"] == "oldest task waiting 0 s"


def test_a_task_just_queued_is_fine(admin_client, clamd):
    get_broker().enqueue(
        SignedPackage.dumps({"id": "fresh", "func": "print", "started": timezone.now()})
    )

    response = admin_client.get("/health/")

    assert response.status_code == 200
    assert response.json()["checks"]["task_queue"]["ok"] is True


def test_pages_keep_their_cache_calls_working_while_redis_is_down():
    # Port 1 on loopback refuses connections, as a stopped Redis does.
    cache = FallbackRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"RETRY_SECONDS": 60}})

    cache.set("texts", "value")
    assert cache.get("texts", "rebuilt") == "rebuilt"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("a", 1) is False
    assert cache.delete("a") is False


def test_health_reports_the_cache_down_while_pages_fall_back(admin_client, clamd, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.FallbackRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = admin_client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {
        **response.json()["checks"]["cache"],
        "ok": False,
        "detail": "a value written could not be read back",
    }
