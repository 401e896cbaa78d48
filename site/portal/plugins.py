"""The plugin contract (DESIGN.md §3).

A plugin is a Django app whose AppConfig subclasses :class:`PluginConfig` and declares, in one
place, the home tiles, portal URLs, default texts, scheduled jobs and services it brings. Core
reads these declarations through the functions below; plugins never import each other.
"""

from dataclasses import dataclass, field

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string

CITIZEN = "citizen"
PROFESSIONAL = "professional"
BOTH = "both"


@dataclass(frozen=True)
class TileSpec:
    """A home-page tile a plugin offers. Editors decide whether and where it shows."""

    key: str
    title_key: str
    description_key: str
    url_name: str
    audience: str = BOTH
    requires_two_factor: bool = False


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
    name: str
    func: str


@dataclass
class _Declarations:
    tiles: tuple = ()
    texts: tuple = ()
    jobs: tuple = ()
    services: dict = field(default_factory=dict)


class PluginConfig(AppConfig):
    """Base AppConfig for portal plugins.

    Plugins import the module (`from portal import plugins`) and subclass
    ``plugins.PluginConfig``: Django picks an app's config automatically only when its apps.py
    holds exactly one AppConfig subclass.

    Subclasses set ``slug`` (the URL prefix inside the language prefix), ``urls`` (a dotted URL
    module or None), ``tiles`` (TileSpec), ``texts`` (dotted path of a sequence of TextDefault),
    ``jobs`` (JobSpec), ``services`` (ServiceSpec), ``account_links`` (AccountLink),
    ``gates`` (dotted paths of ``gate(request) -> response or None``, run on every portal request
    by core's PluginGateMiddleware, e.g. "agree to the new consent statement first"),
    ``exports`` (dotted path of ``export(user) -> dict`` for a subject access export),
    ``demo`` (dotted path of a function loading the plugin's demo data, run by ``load_demo``
    after core's; it must be idempotent) and ``text_areas`` (area key -> label).
    """

    slug: str = ""
    urls: str | None = None
    tiles: tuple = ()
    texts: str | None = None
    jobs: tuple = ()
    services: tuple = ()
    account_links: tuple = ()
    gates: tuple = ()
    exports: str | None = None
    demo: str | None = None
    text_areas: dict = {}


def installed_plugins():
    """The installed plugins' configs, in PORTAL_PLUGINS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, PluginConfig)]


def installed_plugin(label):
    for config in installed_plugins():
        if config.label == label:
            return config
    return None


def plugin_tiles():
    """Every tile the installed plugins offer, keyed by tile key."""
    return {tile.key: tile for config in installed_plugins() for tile in config.tiles}


def plugin_account_links():
    """Links the installed plugins add to My account, in PORTAL_PLUGINS order."""
    return [link for config in installed_plugins() for link in config.account_links]


def plugin_gates():
    """The request gates of the installed plugins, imported."""
    return [import_string(path) for config in installed_plugins() for path in config.gates]


def plugin_jobs():
    return [(config, job) for config in installed_plugins() for job in config.jobs]


def get_service(name, fallback=None):
    """The callable a plugin provides under ``name``, or ``fallback`` when no plugin provides it.

    Callers document what the fallback does (e.g. no messaging plugin: plain email).
    """
    for config in installed_plugins():
        for service in config.services:
            if service.name == name:
                return import_string(service.func)
    return fallback
