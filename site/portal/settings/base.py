"""Settings shared by every environment. Anything environment-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SITE_DIR.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A form refused by the CSRF check gets a themed page in the visitor's language.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

# The service plugins this council runs (DESIGN.md §3). Removing one leaves a working portal.
DEFAULT_PORTAL_PLUGINS = "plugins.send,plugins.gdpr,plugins.messaging,plugins.matching"
PORTAL_PLUGINS = env_list("PORTAL_PLUGINS", DEFAULT_PORTAL_PLUGINS)

INSTALLED_APPS = [
    "core",
    "accounts",
    "records",
    "api",
    *PORTAL_PLUGINS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_q",
    # django-ninja's API docs page then loads Swagger UI from our static files, not a CDN.
    "ninja",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_email",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Django's own form widget templates, for the theme's form renderer.
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.middleware.NoStoreMiddleware",
    "accounts.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.session.IdleTimeoutMiddleware",
    "core.middleware.PluginGateMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns locked-out sign-in attempts into a lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

# Themes (DESIGN.md §2): the chosen theme's templates and static files win over the default theme's.
THEMES_DIR = BASE_DIR / "themes"
PORTAL_THEME = os.environ.get("PORTAL_THEME", "govuk")
THEME_CHAIN = [PORTAL_THEME] if PORTAL_THEME == "govuk" else [PORTAL_THEME, "govuk"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [THEMES_DIR / name / "templates" for name in THEME_CHAIN],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.portal",
            ],
            "builtins": ["core.templatetags.portal_text"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=60,
        # A kept connection is checked before each request reuses it, so a restarted
        # PostgreSQL costs no failed requests once it is back.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker use the file at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # SQLite creates its file but not the directory: a fresh checkout has no var/ yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # The matching keys' covering indexes (INCLUDE columns) are for PostgreSQL; SQLite keeps
    # the key columns and ignores the rest, which is all the embedded default needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Pages keep being served while Redis is down, only slower (core.cache_backends).
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2, "RETRY_SECONDS": 5},
        }
    }
else:
    # A file cache is shared by the web server and the task worker on one machine.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

Q_CLUSTER = {
    "name": "portal",
    "workers": int(os.environ.get("Q_WORKERS", "2")),
    # A task running longer than Q_TIMEOUT seconds is stopped. The queue is a database table
    # (the ORM broker) even when Redis is configured: a task stays in it until its result is
    # saved, so one whose worker was killed or failed is handed out again after Q_RETRY seconds
    # (which must exceed Q_TIMEOUT). django-q2's Redis broker forgets a task once it is taken.
    "timeout": int(os.environ.get("Q_TIMEOUT", "120")),
    "retry": int(os.environ.get("Q_RETRY", "300")),
    "max_attempts": 5,
    "catch_up": False,
    "orm": "default",
    # Oldest task first: django-q2's own database broker takes them in no set order.
    "broker_class": "core.task_broker.OldestFirstORM",
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Wrong passwords lock one account from one IP address (so nobody can lock a parent out from
# elsewhere); past the same number from all addresses together a sign-in needs an emailed code
# (accounts.sign_in). Staff can unlock in the admin.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "email"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.sign_in.locked_out"
# Staff need two-step verification in the Wagtail admin (accounts.middleware).
PORTAL_ADMIN_REQUIRES_TWO_FACTOR = env_bool("PORTAL_ADMIN_REQUIRES_TWO_FACTOR", True)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.PortalPasswordValidator"},
]
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idPasswordHasher",
    # Passwords stored before Argon2id was the first hasher still verify (then are rehashed).
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "accounts:sign_in"
# Password reset links work once and for a day.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60
# Where postcodes are looked up at registration (a callable taking a postcode).
PORTAL_ADDRESS_LOOKUP = "accounts.addresses.local_lookup"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [path for name in THEME_CHAIN if (path := THEMES_DIR / name / "static").is_dir()]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media (AWS S3, MinIO, Ceph...). django-storages reads Django settings, not
    # the environment, so the bucket and where it lives are passed here; the credentials
    # (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or an instance role) are found by boto3 itself.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "core.mail.OutboxEmailBackend")
EMAIL_OUTBOX_DIR = VAR_DIR / "outbox"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@example.org")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# GOV.UK Notify, when EMAIL_BACKEND=core.mail.NotifyEmailBackend.
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")
# Portal messages' notices (plugins/messaging/delivery): with NOTIFY_API_KEY and the email
# template set, each notice goes through Notify and records its id; the text message template
# ((body)) allows SMS to users who asked for them. Notify's delivery receipts are posted to
# /messages/delivery-receipts/ with NOTIFY_CALLBACK_TOKEN as their bearer token.
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")
NOTIFY_CALLBACK_TOKEN = os.environ.get("NOTIFY_CALLBACK_TOKEN", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")

# Virus scanning of uploads (plugins/send/filling/scanning.py): the scanner class, and where clamd
# listens, on a Unix socket or else on host and port. Uploads are refused while it cannot answer.
PORTAL_VIRUS_SCANNER = os.environ.get(
    "PORTAL_VIRUS_SCANNER", "plugins.send.filling.scanning.ClamdScanner"
)
PORTAL_CLAMD_SOCKET = os.environ.get("PORTAL_CLAMD_SOCKET", "")
PORTAL_CLAMD_HOST = os.environ.get("PORTAL_CLAMD_HOST", "")
PORTAL_CLAMD_PORT = int(os.environ.get("PORTAL_CLAMD_PORT", "3310"))
# Seconds to wait for each step of a scan (connecting, sending, the verdict).
PORTAL_CLAMD_TIMEOUT = float(os.environ.get("PORTAL_CLAMD_TIMEOUT", "30"))

# /health/ (core.health): seconds each probe of a dependency may take, and how long the oldest
# queued task may wait before the task clusters count as not keeping up.
PORTAL_HEALTH_TIMEOUT = float(os.environ.get("PORTAL_HEALTH_TIMEOUT", "2"))
PORTAL_HEALTH_QUEUE_MAX_AGE = int(os.environ.get("PORTAL_HEALTH_QUEUE_MAX_AGE", "300"))

# How long the audit log (core.audit) keeps who read or changed a child's information: seven
# years by default. A daily job deletes older rows.
PORTAL_AUDIT_RETENTION_DAYS = int(os.environ.get("PORTAL_AUDIT_RETENTION_DAYS", "2557"))

# Printing many submitted forms at once (plugins/send/printing/batch.py): at most this many
# forms in one ZIP, kept this many days for the staff member who asked, then deleted.
PORTAL_PRINT_JOB_MAX_FORMS = int(os.environ.get("PORTAL_PRINT_JOB_MAX_FORMS", "500"))
PORTAL_PRINT_JOB_KEEP_DAYS = int(os.environ.get("PORTAL_PRINT_JOB_KEEP_DAYS", "7"))

# Days a person has to accept an invitation to a child's case (plugins/send/casework/invitations)
# before it expires.
PORTAL_CASE_INVITATION_DAYS = int(os.environ.get("PORTAL_CASE_INVITATION_DAYS", "30"))

# Delegated tasks (plugins/send/casework/delegation): a reminder this many days before a task
# is due; the annual review form (by its code) sent to the child's school this many weeks
# before the review meeting (the guides' councils send it eight weeks before); submitted and
# retracted tasks listed for this many days.
PORTAL_DELEGATION_REMINDER_DAYS = int(os.environ.get("PORTAL_DELEGATION_REMINDER_DAYS", "5"))
PORTAL_DELEGATION_REVIEW_WEEKS = int(os.environ.get("PORTAL_DELEGATION_REVIEW_WEEKS", "8"))
PORTAL_DELEGATION_REVIEW_FORM = os.environ.get("PORTAL_DELEGATION_REVIEW_FORM", "ADVICE_RESPONSE")
PORTAL_DELEGATION_RECENT_DAYS = int(os.environ.get("PORTAL_DELEGATION_RECENT_DAYS", "30"))
# The integration API (site/api, docs/api.md): requests a minute per token unless the service
# account says otherwise, and after how many consecutive failed deliveries (each retried with
# back-off for PORTAL_WEBHOOK_RETRY_HOURS) a webhook subscription is disabled.
PORTAL_API_RATE_LIMIT = int(os.environ.get("PORTAL_API_RATE_LIMIT", "600"))
PORTAL_WEBHOOK_RETRY_HOURS = int(os.environ.get("PORTAL_WEBHOOK_RETRY_HOURS", "24"))
PORTAL_WEBHOOK_FAILURE_LIMIT = int(os.environ.get("PORTAL_WEBHOOK_FAILURE_LIMIT", "3"))
PORTAL_WEBHOOK_TIMEOUT = float(os.environ.get("PORTAL_WEBHOOK_TIMEOUT", "10"))

# Password of the demo users (`make run`); generated and kept in var/ when unset.
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "")
# Token of the demo case system's service account (api.demo); generated and kept in var/ when unset.
DEMO_API_TOKEN = os.environ.get("DEMO_API_TOKEN", "")

WAGTAIL_SITE_NAME = "SEND portal"
# No external avatar service: staff email addresses are not sent to Gravatar, and the admin
# shows Wagtail's own default avatar (or one the user uploads) instead of a broken image.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Sessions end after `session_idle_minutes` (Portal configuration) without activity, enforced
# by accounts.session.IdleTimeoutMiddleware, and at the latest this long after signing in.
SESSION_COOKIE_AGE = 12 * 60 * 60
# Shared computers: closing the browser ends the session too.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The timeout warning and forms take the token from the page, so scripts never need the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Portal pages load only their own scripts, styles, fonts and images: no inline code at all.
# The Wagtail admin is excluded rather than given a relaxed policy: it relies on inline scripts
# and styles, blob: previews and third-party embeds, so a policy there would need
# 'unsafe-inline' (which defeats its purpose) and would break with Wagtail upgrades. The
# admin is only for staff with two-step verification and is still covered by X-Frame-Options.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Media kept in S3-compatible storage is served from the bucket's own address.
        "img-src": ["'self'", "data:", *env_list("CSP_MEDIA_ORIGINS")],
        "font-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
