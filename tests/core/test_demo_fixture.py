"""The suite's `demo` fixture restores, in each test that asks for it, the state that loading
the demo council leaves, without loading it again; other tests never see it."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Model

from core.models import HomePage
from tests.conftest import _table_rows

pytestmark = pytest.mark.django_db

FTS_SHADOW_PREFIX = "wagtailsearch_indexentry_fts_"


def test_a_test_without_the_demo_starts_from_the_migrated_database():
    assert not get_user_model().objects.exists()
    assert not HomePage.objects.exists()


def test_the_demo_is_exactly_what_loading_it_leaves(demo):
    from core.demo import load_demo

    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        restored = _table_rows(cursor, tables)
        load_demo()  # idempotent: on the demo's own state it changes nothing
        loaded = _table_rows(cursor, tables)
    changed = {table for table in tables if loaded[table] != restored[table]}
    # SQLite's full-text index keeps its words in shadow tables whose internal blocks change
    # whenever a page is indexed again; the index's own rows (the virtual table) are compared.
    assert {table for table in changed if not table.startswith(FTS_SHADOW_PREFIX)} == set()


def test_data_a_tests_fixtures_create_is_kept_beside_the_demo(admin_client, demo):
    emails = set(get_user_model().objects.values_list("email", flat=True))
    assert {"root@example.org", "admin@example.org", "parent@example.org"} <= emails
    assert admin_client.get("/admin/").status_code == 200


def test_new_rows_get_ids_after_the_demos_own(demo):
    from tests.factories import UserFactory

    highest = max(get_user_model().objects.values_list("pk", flat=True))
    assert UserFactory().pk > highest


def _holds_a_model(value):
    if isinstance(value, Model):
        return True
    if isinstance(value, list | tuple | set):
        return any(_holds_a_model(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_a_model(item) for item in value.values())
    return False


def test_no_task_the_demo_runs_keeps_a_model_as_its_result(db, django_capture_on_commit_callbacks):
    # django-q2 stores each task's result; a model instance there cannot be written back
    # (the e2e tests' copy of the demo failed on one), so tasks return ids and counts.
    from django_q.models import Task

    from core.demo import load_demo

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    results = {task.func: task.result for task in Task.objects.all()}
    assert not [func for func, result in results.items() if _holds_a_model(result)]
