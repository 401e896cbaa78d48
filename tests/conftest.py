import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The portal caches texts, tiles and settings; tests must not see each other's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_first():
    # A response in Welsh leaves Welsh active in the thread; each test starts in English.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


def _table_rows(cursor, tables):
    """{table: (column names, rows)} for every table, in primary key order."""
    from django.db import connection

    # Table and column names come from the database's own introspection, never from input.
    contents = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608
        contents[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    return contents


@pytest.fixture(scope="session")
def _demo_rows(django_db_setup, django_db_blocker):
    """The rows that loading the demo council adds or changes, table by table.

    The demo is loaded once per session, in a transaction that is then rolled back: tests that
    do not ask for it still start from the migrated database, and each test that does gets it
    back by plain INSERTs (the `demo` fixture), far quicker than loading it again."""
    from django.db import connection, transaction

    from core.demo import load_demo

    with django_db_blocker.unblock(), transaction.atomic(), connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        before = _table_rows(cursor, tables)
        load_demo()
        after = _table_rows(cursor, tables)
        transaction.set_rollback(True)
    return {table: after[table] for table in tables if after[table] != before[table]}


def pytest_collection_modifyitems(items):
    # The demo is restored as a whole, so it must come before any other data a test's
    # fixtures create (e.g. `admin_client`'s superuser): run `demo` before the test's own
    # fixtures, after the session-wide and automatic ones.
    for item in items:
        names = getattr(item, "fixturenames", None)
        if not names or "demo" not in names:
            continue
        own = [names.index(name) for name in item._fixtureinfo.argnames if name in names]
        names.remove("demo")
        names.insert(min(own, default=len(names)), "demo")


@pytest.fixture
def demo(_demo_rows, db):
    """The demo council: home page, footer pages, tiles and announcement in English and Welsh,
    users of every kind, forms and consent, exactly as ``core.demo.load_demo`` leaves them."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, (columns, rows) in _demo_rows.items():
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            names = ", ".join(quote(column) for column in columns)
            values = ", ".join(["%s"] * len(columns))
            insert = f"INSERT INTO {quote(table)} ({names}) VALUES ({values})"  # noqa: S608
            cursor.executemany(insert, rows)
        # PostgreSQL's sequences do not follow explicit ids (SQLite's do): move them past them.
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in _demo_rows
        ]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


@pytest.fixture
def english(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


@pytest.fixture
def welsh(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="cy")


@pytest.fixture
def superuser(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        email="root@example.org",
        password="A-long-Password-123",
        first_name="Root",
        last_name="User",
    )


def sign_in_verified(client, user):
    """Sign ``client`` in as ``user`` with two-step verification passed, as staff must be to use
    the admin."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_email.models import EmailDevice

    device, _created = EmailDevice.objects.get_or_create(
        user=user, defaults={"name": "Email", "confirmed": True}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, superuser):
    return sign_in_verified(client, superuser)


@pytest.fixture
def provide_service(monkeypatch):
    """``provide_service(name, provider)``: for this test ``provider`` answers the service
    ``name`` (portal.services); ``provide_service(name)`` leaves it to the service's fallback,
    as when no installed plugin provides it."""
    from django.utils.module_loading import import_string

    from portal import services

    overrides = {}
    real_get = services.get
    monkeypatch.setattr(services, "get", lambda name: overrides.get(name) or real_get(name))

    def provide(name, provider=None):
        overrides[name] = provider or import_string(services.declarations()[name].fallback)

    return provide
