"""The plugin contract (DESIGN.md §3, docs/plugins.md).

Core, accounts and every plugin declare what they bring (home tiles, portal URLs, default texts,
account links, gates, exports, demo data, scheduled jobs, services) on one config base,
:class:`PortalAppConfig`; a plugin's config is a :class:`PluginConfig`. Core reads these
declarations through the functions below, ``portal.checks`` validates them at start-up, and
plugins never import each other.
"""

from dataclasses import dataclass

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string

CITIZEN = "citizen"
PROFESSIONAL = "professional"
BOTH = "both"


@dataclass(frozen=True)
class TileSpec:
    """A home-page tile a plugin offers. Editors decide whether and where it shows.

    ``status`` is the dotted path of ``status(user) -> str``: a line about the signed-in user
    shown on the tile ("3 unread messages"), "" for none."""

    key: str
    title_key: str
    description_key: str
    url_name: str
    audience: str = BOTH
    requires_two_factor: bool = False
    status: str | None = None


@dataclass(frozen=True)
class TextDefault:
    """A piece of portal text with its English and Welsh defaults; editors may reword it."""

    key: str
    en: str
    cy: str
    markdown: bool = False

    @property
    def area(self):
        return self.key.split(".", 1)[0]


@dataclass(frozen=True)
class AccountLink:
    """A link a plugin adds to My account (e.g. the GDPR plugin's consent history)."""

    key: str
    title_key: str
    url_name: str


@dataclass(frozen=True)
class JobSpec:
    """A scheduled django-q2 job. ``schedule_type`` is a django_q Schedule type (I, H, D, W, C)."""

    name: str
    func: str
    schedule_type: str = "I"
    minutes: int | None = None
    cron: str | None = None


@dataclass(frozen=True)
class ServiceSpec:
    """A service an app provides: ``name`` is declared in ``portal.services`` with its Protocol,
    ``func`` the dotted path of the provider (a function or an object, as the Protocol says)."""

    name: str
    func: str


class PortalAppConfig(AppConfig):
    """Base AppConfig of every app that declares into the portal: core, accounts and the plugins.

    Every extension point is a class attribute, read by core through the functions of this
    module and validated at start-up by ``portal.checks``:

    - ``tiles``: TileSpec, home tiles editors may place.
    - ``texts``: dotted path of a sequence of TextDefault; ``text_areas``: area key -> label,
      one for every area (first part of a key) the app's texts use.
    - ``account_links``: AccountLink, links on My account.
    - ``gates``: dotted paths of ``gate(request) -> response or None``, run on every portal
      request of a signed-in user by core's PluginGateMiddleware (e.g. "agree to the new consent
      statement first").
    - ``exports``: dotted path of ``export(user) -> dict``, the app's section of a subject access
      export.
    - ``demo``: dotted path of a function loading the app's demo data, run by ``load_demo`` after
      core's; it must be idempotent.
    - ``jobs``: JobSpec, scheduled django-q2 jobs.
    - ``services``: ServiceSpec, providers of services declared in ``portal.services``.
    - ``api_router``: dotted path of a django-ninja ``Router``, mounted in the integration API
      under ``/api/v1/<slug>/`` (a plugin's slug; core apps' under their label).

    Access rules and event receivers are wired in ``ready()``. Subclass through the module
    (``from portal import plugins``, then ``plugins.PluginConfig``): Django picks an app's config
    automatically only when its apps.py holds exactly one AppConfig subclass.
    """

    tiles: tuple = ()
    texts: str | None = None
    text_areas: dict = {}
    account_links: tuple = ()
    gates: tuple = ()
    exports: str | None = None
    demo: str | None = None
    jobs: tuple = ()
    services: tuple = ()
    api_router: str | None = None


class PluginConfig(PortalAppConfig):
    """Base AppConfig of a service plugin: a portal app listed in PORTAL_PLUGINS that may be
    removed, with its portal pages mounted under ``slug`` inside the language prefix.

    ``urls`` is a dotted URL module (or None), included with the app label as namespace.
    """

    slug: str = ""
    urls: str | None = None


def portal_apps():
    """Every installed app that declares into the portal (core, accounts, the plugins), in
    INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, PortalAppConfig)]


def installed_plugins():
    """The installed plugins' configs, in PORTAL_PLUGINS order."""
    return [config for config in portal_apps() if isinstance(config, PluginConfig)]


def installed_plugin(label):
    for config in installed_plugins():
        if config.label == label:
            return config
    return None


def plugin_tiles():
    """Every tile the installed apps offer, keyed by tile key."""
    return {tile.key: tile for config in portal_apps() for tile in config.tiles}


def plugin_account_links():
    """Links the installed apps add to My account, in INSTALLED_APPS order."""
    return [link for config in portal_apps() for link in config.account_links]


def plugin_gates():
    """The request gates of the installed apps, imported."""
    return [import_string(path) for config in portal_apps() for path in config.gates]


def plugin_jobs():
    return [(config, job) for config in portal_apps() for job in config.jobs]


def plugin_texts():
    """(config, TextDefault) for every text default the installed apps declare."""
    return [
        (config, text)
        for config in portal_apps()
        if config.texts
        for text in import_string(config.texts)
    ]


def plugin_text_areas():
    """Area key -> label of every text area the installed apps declare."""
    return {key: label for config in portal_apps() for key, label in config.text_areas.items()}


def plugin_exports():
    """(app label, export function) for every installed app that declares ``exports``."""
    return [
        (config.label, import_string(config.exports)) for config in portal_apps() if config.exports
    ]


def plugin_demos():
    """The demo loaders of the installed apps, imported, in INSTALLED_APPS order."""
    return [import_string(config.demo) for config in portal_apps() if config.demo]


def api_routers():
    """(path prefix, Router) of every installed app declaring ``api_router``: a plugin's
    under its slug, a core app's under its label."""
    return [
        (getattr(config, "slug", "") or config.label, import_string(config.api_router))
        for config in portal_apps()
        if config.api_router
    ]


def service_providers(name):
    """(config, ServiceSpec) of every installed app providing the service ``name``."""
    return [
        (config, service)
        for config in portal_apps()
        for service in config.services
        if service.name == name
    ]
