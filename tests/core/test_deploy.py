"""Production settings pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def _environment(**values):
    # The browser tests allow async-unsafe calls for themselves only.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **values}


def test_check_deploy_is_clean_with_production_settings():
    env = _environment(
        **{
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "portal.example.org",
        }
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.SITE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = _environment(DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=settings.SITE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_with_redis_the_task_queue_stays_in_the_database():
    # django-q2's Redis broker forgets a task once a worker takes it; the database broker
    # hands a killed worker's task out again (docs/deploy.md).
    env = _environment(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        REDIS_URL="redis://127.0.0.1:1/0",
    )
    show = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND']); "
    show += "from django_q.brokers import get_broker; print(type(get_broker()).__name__)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", show],
        cwd=settings.SITE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "core.cache_backends.FallbackRedisCache",
        "OldestFirstORM",
    ]


def test_the_embedded_database_starts_in_a_fresh_checkout(tmp_path):
    """A fresh clone has no var/: SQLite makes its file but not its directory, so the first
    ``make run`` stopped at ``migrate`` with "unable to open database file"."""
    database = tmp_path / "not-made-yet" / "portal.sqlite3"
    env = _environment(
        DJANGO_SETTINGS_MODULE="portal.settings.dev", DATABASE_URL=f"sqlite:///{database}"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--plan"],
        cwd=settings.SITE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert database.exists()
