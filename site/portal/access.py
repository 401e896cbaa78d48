"""Who may see or change what (DESIGN.md §5): one registry of access rules, one per kind of
object, modelled on Wagtail's settings registry.

Each app registers a :class:`Rule` for every kind of object it owns in ``AppConfig.ready()``::

    access.register("send.submission", SubmissionRule())

Views, admin views, tasks and the API then ask the registry, never the models directly::

    access.scoped(user, "send.submission", queryset)   # what this user may see
    access.may(user, "view", submission)               # may they do this to that?
    access.get_or_404(user, "send.person", pk=pk)      # a foreign id gives 404, never 403

A kind nobody registered raises :class:`UnknownKind`: an unregistered kind never allows.
URL patterns say which kind of object each of their arguments names (:func:`route`), so
a test can walk the URLconf and check every route (tests/core/test_access_sweep.py).
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.base import BasePermissionPolicy

_rules = {}


class UnknownKind(LookupError):
    """No rule is registered for this kind of object: the question has no answer, so the
    caller is refused rather than allowed."""


class Rule:
    """What users may see of one kind of object and do to it. Deny everything by default;
    a rule overrides what it allows.

    ``model`` ("app_label.ModelName") gives :func:`scoped` and :func:`get_or_404` their
    default queryset and lets :func:`may` find the kind of an object.
    """

    model = ""
    # False for a second view of a model another kind already names (the forms shared on a
    # child's case are submissions too): :func:`kind_of` then finds the other kind, and
    # asking this one about an object needs ``kind=``.
    names_model = True

    def scope(self, user, queryset):
        """The part of ``queryset`` this user may see."""
        return queryset.none()

    def may(self, user, action, obj=None):
        """Whether the user may do ``action`` to ``obj`` (to any object of the kind if None)."""
        return False

    def model_class(self):
        return apps.get_model(self.model) if self.model else None


def has_permission(user, permission):
    """Whether an active user holds the Django permission "app_label.codename"."""
    return user.is_active and user.has_perm(permission)


class PermissionRule(Rule):
    """A staff area a council grants whole rather than in parts: every action on the kind
    needs the one Django ``permission``, and a holder sees every object of the kind."""

    permission = ""

    def scope(self, user, queryset):
        return queryset if has_permission(user, self.permission) else queryset.none()

    def may(self, user, action, obj=None):
        return has_permission(user, self.permission)

    def holders(self):
        """The active users holding the permission: Wagtail's permission policies ask this."""
        app_label, codename = self.permission.split(".")
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=permission)
                | Q(groups__permissions__in=permission)
            )
            .distinct()
        )


def register(kind, rule=None):
    """Register ``rule`` for ``kind`` ("app_label.name"). Without ``rule``, a class decorator
    that registers an instance of the class. A kind is registered once."""
    if rule is None:

        def decorator(rule_class):
            register(kind, rule_class())
            return rule_class

        return decorator
    if kind in _rules and _rules[kind] is not rule:
        raise ImproperlyConfigured(f"The access kind {kind!r} is already registered.")
    _rules[kind] = rule
    return rule


def rule_for(kind):
    try:
        return _rules[kind]
    except KeyError:
        raise UnknownKind(f"No access rule is registered for {kind!r}.") from None


def kinds():
    """Every registered kind with its rule, sorted by kind."""
    return dict(sorted(_rules.items()))


def kind_of(obj):
    """The one kind registered for the model of ``obj``."""
    found = [
        kind
        for kind, rule in _rules.items()
        if rule.names_model and rule.model_class() is type(obj)
    ]
    if len(found) != 1:
        raise UnknownKind(
            f"{len(found)} access kinds are registered for {type(obj).__name__}; name the kind."
        )
    return found[0]


def scoped(user, kind, queryset=None):
    """The part of ``queryset`` (every object of the kind by default) ``user`` may see."""
    rule = rule_for(kind)
    if queryset is None:
        queryset = rule.model_class()._default_manager.all()
    if not user.is_authenticated:  # rules are written for signed-in users only
        return queryset.none()
    return rule.scope(user, queryset)


def may(user, action, target, kind=None):
    """Whether ``user`` may do ``action`` to ``target``: an object (its kind found from its
    model unless ``kind`` is given) or a kind, meaning "to any object of that kind"."""
    if isinstance(target, Model):
        rule = rule_for(kind or kind_of(target))
    else:
        rule, target = rule_for(target), None
    return user.is_authenticated and rule.may(user, action, target)


def get_or_404(user, kind, queryset=None, **lookup):
    """The one object matching ``lookup`` among those ``user`` may see, or 404: another
    user's id and an id that does not exist answer the same."""
    return get_object_or_404(scoped(user, kind, queryset), **lookup)


# -- asking the registry from views --------------------------------------------------------


class AccessRequiredMixin:
    """Admin view mixin: refuse anyone who may not do ``access_action`` to ``access_kind``
    (Wagtail's "permission denied" page), before the view looks anything up."""

    access_kind = ""
    access_action = "view"

    def dispatch(self, request, *args, **kwargs):
        if not may(request.user, self.access_action, self.access_kind):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class AccessMenuItem(MenuItem):
    """An admin menu item shown only to those the rule of ``kind`` lets do ``action``: the
    menu offers exactly the screens their views let in."""

    def __init__(self, label, url, *, kind, action="view", **kwargs):
        super().__init__(label, url, **kwargs)
        self.access_kind = kind
        self.access_action = action

    def is_shown(self, request):
        return may(request.user, self.access_action, self.access_kind)


class RulePermissionPolicy(BasePermissionPolicy):
    """A Wagtail permission policy (viewsets, snippets) that asks the rule of ``kind``, which
    must be a :class:`PermissionRule`: every action needs the area's one permission."""

    def __init__(self, model, kind, **kwargs):
        super().__init__(model, **kwargs)
        self.kind = kind

    def user_has_permission(self, user, action):
        return may(user, action, self.kind)

    def user_has_any_permission(self, user, actions):
        return any(may(user, action, self.kind) for action in actions)

    def users_with_any_permission(self, actions):
        return rule_for(self.kind).holders()


# -- which kind of object each URL argument names -------------------------------------------


class NotAnId:
    """Marks a URL argument that names no object (a step number, a version label)."""

    def __repr__(self):
        return "NOT_AN_ID"


NOT_AN_ID = NotAnId()


def route(pattern, **kinds):
    """Declare, next to a URL pattern, the kind of object each of its arguments names:
    ``pk="send.person"`` for an id, ``code=("send.form_definition", "code")`` for another
    unique field, ``number=NOT_AN_ID`` for a value that names no object. The URLconf sweep
    test fails for a route with an argument left undeclared or a kind nobody registered."""
    pattern.access_kinds = kinds
    return pattern


def public(pattern):
    """Declare, next to a URL pattern, that signed-out visitors may open it (signing in,
    registering, resetting a password). Every other route of the portal's apps sends them
    to settings.LOGIN_URL, which the URLconf sweep test checks."""
    pattern.access_public = True
    return pattern
