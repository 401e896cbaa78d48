"""The embedded default that `make run` uses: SQLite, local files, emails to var/outbox/.

It serves like production (DEBUG off, static files by WhiteNoise, the themed error pages);
`DEBUG=1 make run` turns on Django's debug pages and runserver's own static files."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-" + "x" * 40  # noqa: F405
PORTAL_DEMO = True
if not DEBUG:
    # WhiteNoise serves what scripts/run.sh collected into STATIC_ROOT, as a production
    # deployment would; directly after SecurityMiddleware, as its documentation asks.
    MIDDLEWARE.insert(  # noqa: F405
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )
