"""The embedded default that `make run` uses: SQLite, local files, emails to var/outbox/."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-" + "x" * 40  # noqa: F405
ALLOWED_HOSTS = ["*"]
PORTAL_DEMO = True
