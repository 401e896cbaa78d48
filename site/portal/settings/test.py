from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
PORTAL_DEMO = False
# django-axes needs the request on every authenticate(); tests that exercise the lockout turn it
# on with the `settings` fixture.
AXES_ENABLED = False
DEMO_PASSWORD = "Demo-Password-For-Tests-1"  # noqa: S105
DEMO_API_TOKEN = "sp_demo-token-for-tests"  # noqa: S105

# A plugin that exists only in tests exercises the whole plugin contract.
INSTALLED_APPS = [*INSTALLED_APPS[:2], "tests.example_plugin", *INSTALLED_APPS[2:]]  # noqa: F405
