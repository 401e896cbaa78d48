"""System checks of the plugin contract (``manage.py check`` and every start-up).

Every declaration of core, accounts and the plugins (portal.plugins) and every service
declaration (portal.services) is validated here, so a typo in a dotted path, two plugins
providing one service or a tile pointing at a missing page stops the portal at start-up instead
of at a user's request. The ids are documented in docs/plugins.md.
"""

import inspect
from collections import defaultdict
from importlib import import_module

from django.core import checks
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from ninja import Router

from . import services
from .plugins import installed_plugins, portal_apps


def register():
    """Register the checks (core's AppConfig.ready())."""
    checks.register(check_paths)
    checks.register(check_slugs)
    checks.register(check_services)
    checks.register(check_texts)
    checks.register(check_api_routers)
    checks.register(check_url_names, checks.Tags.urls)


def _importable(path, module=False):
    """Whether ``path`` imports: a module when ``module``, else an attribute of one."""
    try:
        import_module(path) if module else import_string(path)
    except ImportError:
        return False
    return True


def _declared_paths(config):
    """(what, dotted path) of everything ``config`` names by path."""
    paths = [
        ("texts", config.texts),
        ("exports", config.exports),
        ("demo", config.demo),
        ("urls", getattr(config, "urls", None)),
        ("api_router", config.api_router),
        *(("gate", gate) for gate in config.gates),
        *((f"job {job.name!r}", job.func) for job in config.jobs),
        *((f"service {service.name!r}", service.func) for service in config.services),
        *((f"tile {tile.key!r} status", tile.status) for tile in config.tiles),
    ]
    return [(what, path) for what, path in paths if path]


def check_paths(app_configs=None, **kwargs):
    """portal.E001: every dotted path an app declares imports; portal.E002: every service
    fallback imports."""
    errors = []
    for config in portal_apps():
        for what, path in _declared_paths(config):
            if not _importable(path, module=what == "urls"):
                errors.append(
                    checks.Error(
                        f"The {what} path {path!r} of {config.label} does not import.",
                        hint="Correct the dotted path in the app's config.",
                        obj=config,
                        id="portal.E001",
                    )
                )
    for declaration in services.declarations().values():
        if not _importable(declaration.fallback):
            errors.append(
                checks.Error(
                    f"The fallback {declaration.fallback!r} of service {declaration.name!r} "
                    "does not import.",
                    obj=declaration.name,
                    id="portal.E002",
                )
            )
    return errors


def check_slugs(app_configs=None, **kwargs):
    """portal.E003: every plugin with URLs has a slug, and no two plugins share one."""
    errors = []
    by_slug = defaultdict(list)
    for config in installed_plugins():
        if config.urls and not config.slug:
            errors.append(
                checks.Error(
                    f"{config.label} has URLs but no slug to mount them under.",
                    obj=config,
                    id="portal.E003",
                )
            )
        if config.slug:
            by_slug[config.slug].append(config.label)
    for slug, labels in by_slug.items():
        if len(labels) > 1:
            errors.append(
                checks.Error(
                    f"Plugins {', '.join(labels)} share the slug {slug!r}.",
                    obj=slug,
                    id="portal.E003",
                )
            )
    return errors


def check_services(app_configs=None, **kwargs):
    """portal.E004: a provided service is declared in portal.services; portal.E005: at most one
    app provides each service; portal.E006: a provider satisfies its service's Protocol."""
    errors = []
    declared = services.declarations()
    providers = defaultdict(list)
    for config in portal_apps():
        for service in config.services:
            providers[service.name].append(config.label)
            if service.name not in declared:
                errors.append(
                    checks.Error(
                        f"{config.label} provides {service.name!r}, which is not a declared "
                        "service.",
                        hint="Declare it in portal.services with its Protocol and fallback.",
                        obj=config,
                        id="portal.E004",
                    )
                )
            elif _importable(service.func):
                problem = protocol_mismatch(
                    import_string(service.func), declared[service.name].protocol
                )
                if problem:
                    errors.append(
                        checks.Error(
                            f"{config.label}'s provider of {service.name!r} ({service.func}) "
                            f"does not satisfy {declared[service.name].protocol.__name__}: "
                            f"{problem}.",
                            obj=config,
                            id="portal.E006",
                        )
                    )
    for name, labels in providers.items():
        if len(labels) > 1:
            errors.append(
                checks.Error(
                    f"Service {name!r} is provided by {', '.join(labels)}; at most one app may "
                    "provide a service.",
                    hint="Remove one of the plugins from PORTAL_PLUGINS.",
                    obj=name,
                    id="portal.E005",
                )
            )
    return errors


def _protocol_members(protocol):
    """The methods a Protocol requires (``__call__`` for a callable service)."""
    return {
        name: member
        for name, member in vars(protocol).items()
        if callable(member) and (name == "__call__" or not name.startswith("_"))
    }


def protocol_mismatch(provider, protocol):
    """Why ``provider`` does not satisfy ``protocol``, or None when it does: every method the
    Protocol requires exists and accepts the Protocol's arguments."""
    for name, wanted in _protocol_members(protocol).items():
        if name == "__call__" and (inspect.isfunction(provider) or inspect.ismethod(provider)):
            member = provider
        else:
            member = getattr(provider, name, None)
        if not callable(member):
            return f"it has no method {name}()"
        parameters = list(inspect.signature(wanted).parameters.values())[1:]  # without self
        args = [
            p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        kwargs = {p.name: p.name for p in parameters if p.kind == p.KEYWORD_ONLY}
        try:
            inspect.signature(member).bind(*args, **kwargs)
        except TypeError as error:
            return f"{name}() does not accept ({', '.join([*args, *kwargs])}): {error}"
    return None


def check_texts(app_configs=None, **kwargs):
    """portal.E007: no text key is declared twice; portal.E008: every text's area (the key's
    first part) is a declared text area."""
    errors = []
    owners = defaultdict(list)
    areas = {area for config in portal_apps() for area in config.text_areas}
    for config in portal_apps():
        if not config.texts or not _importable(config.texts):
            continue  # portal.E001 reports it
        for text in import_string(config.texts):
            owners[text.key].append(config.label)
            if text.area not in areas:
                errors.append(
                    checks.Error(
                        f"The text {text.key!r} of {config.label} is in the area "
                        f"{text.area!r}, which no app declares.",
                        hint="Add the area to the app's text_areas.",
                        obj=config,
                        id="portal.E008",
                    )
                )
    for key, labels in owners.items():
        if len(labels) > 1:
            errors.append(
                checks.Error(
                    f"The text {key!r} is declared more than once ({', '.join(labels)}).",
                    obj=key,
                    id="portal.E007",
                )
            )
    return errors


def _resolves(url_name):
    try:
        reverse(url_name)
    except (NoReverseMatch, ImportError):  # a URL module that does not import: portal.E001
        return False
    return True


def check_url_names(app_configs=None, **kwargs):
    """portal.E009: every tile's URL name resolves; portal.E010: every account link's does."""
    errors = []
    for config in portal_apps():
        for tile in config.tiles:
            if not _resolves(tile.url_name):
                errors.append(
                    checks.Error(
                        f"The tile {tile.key!r} of {config.label} links to {tile.url_name!r}, "
                        "which does not resolve.",
                        obj=config,
                        id="portal.E009",
                    )
                )
        for link in config.account_links:
            if not _resolves(link.url_name):
                errors.append(
                    checks.Error(
                        f"The account link {link.key!r} of {config.label} links to "
                        f"{link.url_name!r}, which does not resolve.",
                        obj=config,
                        id="portal.E010",
                    )
                )
    return errors


def check_api_routers(app_configs=None, **kwargs):
    """portal.E011: every ``api_router`` is a django-ninja Router (portal.E001 reports a path
    that does not import)."""
    errors = []
    for config in portal_apps():
        if not config.api_router or not _importable(config.api_router):
            continue
        if not isinstance(import_string(config.api_router), Router):
            errors.append(
                checks.Error(
                    f"The api_router {config.api_router!r} of {config.label} is not a "
                    "django-ninja Router.",
                    hint="Point it at a ninja.Router instance.",
                    obj=config,
                    id="portal.E011",
                )
            )
    return errors
