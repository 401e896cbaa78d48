"""The access registry (portal.access): one rule per kind of object, asked by every view, and
never a silent "yes" for a kind nobody registered."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404

from portal import access
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class OwnAccount(access.Rule):
    """A user sees and changes only their own account."""

    model = "accounts.User"

    def scope(self, user, queryset):
        return queryset.filter(pk=user.pk)

    def may(self, user, action, obj=None):
        return action == "change" and obj is not None and obj.pk == user.pk


@pytest.fixture
def registry(monkeypatch):
    """The real registry with room for this test's own kinds, restored afterwards."""
    monkeypatch.setattr(access, "_rules", dict(access._rules))
    for kind in [kind for kind, rule in access._rules.items() if rule.model == "accounts.User"]:
        del access._rules[kind]  # so that a User's kind is found from its model
    access.register("test.own_account", OwnAccount())
    return access


def test_an_unregistered_kind_raises_rather_than_allowing(registry):
    user = UserFactory()
    with pytest.raises(access.UnknownKind):
        access.scoped(user, "nowhere.thing")
    with pytest.raises(access.UnknownKind):
        access.may(user, "view", "nowhere.thing")
    with pytest.raises(access.UnknownKind):
        access.get_or_404(user, "nowhere.thing", pk=1)


def test_an_object_whose_model_has_no_rule_raises(registry):
    from wagtail.models import Locale

    with pytest.raises(access.UnknownKind):
        access.may(UserFactory(), "view", Locale.objects.first())


def test_scoped_keeps_only_what_the_rule_lets_the_user_see(registry):
    me, other = UserFactory(), UserFactory()

    assert list(access.scoped(me, "test.own_account")) == [me]
    narrowed = access.scoped(me, "test.own_account", type(me).objects.filter(pk=other.pk))
    assert not narrowed.exists()


def test_a_signed_out_visitor_sees_nothing_and_may_do_nothing(registry):
    visitor = AnonymousUser()
    UserFactory()

    assert not access.scoped(visitor, "test.own_account").exists()
    assert access.may(visitor, "change", "test.own_account") is False


def test_may_finds_the_kind_from_the_object_or_is_told_it(registry):
    me, other = UserFactory(), UserFactory()

    assert access.may(me, "change", me) is True
    assert access.may(me, "change", other) is False
    assert access.may(me, "delete", me) is False
    assert access.may(me, "change", me, kind="test.own_account") is True
    assert access.may(me, "change", "test.own_account") is False  # no object: the rule says no


def test_a_model_with_two_kinds_needs_the_kind_named(registry):
    access.register("test.also_accounts", OwnAccount())
    me = UserFactory()

    with pytest.raises(access.UnknownKind):
        access.may(me, "change", me)
    assert access.may(me, "change", me, kind="test.also_accounts") is True


class ReadOnlyAccounts(OwnAccount):
    """A second view of accounts: never the kind found from an account."""

    names_model = False

    def may(self, user, action, obj=None):
        return action == "view"


def test_a_second_view_of_a_model_leaves_the_models_own_kind_found_from_an_object(registry):
    access.register("test.read_only_accounts", ReadOnlyAccounts())
    me = UserFactory()

    assert access.kind_of(me) == "test.own_account"
    assert access.may(me, "change", me) is True
    assert access.may(me, "view", me) is False
    assert access.may(me, "view", me, kind="test.read_only_accounts") is True


def test_get_or_404_answers_a_foreign_id_and_a_missing_id_alike(registry):
    me, other = UserFactory(), UserFactory()

    assert access.get_or_404(me, "test.own_account", pk=me.pk) == me
    with pytest.raises(Http404):
        access.get_or_404(me, "test.own_account", pk=other.pk)
    with pytest.raises(Http404):
        access.get_or_404(me, "test.own_account", pk=999_999)


def test_a_kind_is_registered_once(registry):
    with pytest.raises(ImproperlyConfigured):
        access.register("test.own_account", OwnAccount())


def test_register_also_decorates_a_rule_class(registry):
    @access.register("test.decorated")
    class Decorated(OwnAccount):
        pass

    assert isinstance(access.rule_for("test.decorated"), Decorated)


def test_a_rule_denies_everything_it_does_not_allow(registry):
    class Silent(access.Rule):
        model = "accounts.User"

    access.register("test.silent", Silent())
    me = UserFactory()

    assert not access.scoped(me, "test.silent").exists()
    assert access.may(me, "view", me, kind="test.silent") is False


def test_a_permission_rule_opens_the_whole_area_to_holders_only(registry):
    class Area(access.PermissionRule):
        model = "accounts.User"
        permission = "accounts.manage_portal_users"

    access.register("test.area", Area())
    holder, other = UserFactory(), UserFactory()
    holder.user_permissions.add(
        Permission.objects.get(content_type__app_label="accounts", codename="manage_portal_users")
    )
    inactive = UserFactory(is_active=False)
    inactive.user_permissions.add(*holder.user_permissions.all())

    assert access.scoped(holder, "test.area").count() == 3
    assert not access.scoped(other, "test.area").exists()
    assert access.may(holder, "delete", "test.area") is True
    assert access.may(other, "view", "test.area") is False
    assert access.may(inactive, "view", "test.area") is False
    assert list(access.rule_for("test.area").holders()) == [holder]


def test_every_installed_app_registers_its_kinds_in_ready():
    expected = {
        "accounts": {"accounts.account", "accounts.invitation"},
        "send": {
            "send.person",
            "send.person_link",
            "send.submission",
            "send.submission_file",
            "send.form_definition",
            "send.print_job",
        },
        "gdpr": {"gdpr.statement", "gdpr.question", "gdpr.person", "gdpr.consent_record"},
    }
    registered = set(access.kinds())
    for label, kinds in expected.items():
        if label in apps.app_configs:  # a reduced plugin list leaves some out
            assert kinds <= registered, label
