import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEntry
from records import importing
from records.models import ChildRecord, ImportRun
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record

from .test_import import GOOD

INDEX = "child_records:index"


def staff_with(client, *codenames):
    user = UserFactory(kind="staff", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="records", codename__in=codenames),
    )
    return sign_in_verified(client, user)


@pytest.fixture
def register(db):
    child_record(
        "C100", "Alys", "Jones", upn="K999123412001", address=("1 High St", "", "Town", "DB1 1AA")
    )
    child_record(
        "C200",
        "Osian",
        "Pritchard",
        nhs_number="9434765919",
        date_of_birth="2010-02-03",
        address=("4 Mill Lane", "", "Town", "DB2 3XA"),
    )


def names(response):
    return {record.council_id for record in response.context["object_list"]}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("jones", {"C100"}),
        ("Alys Jones", {"C100"}),
        ("c200", {"C200"}),
        ("k999 1234 12001", {"C100"}),
        ("943 476 5919", {"C200"}),
        ("db2 3xa", {"C200"}),
        ("DB", {"C100", "C200"}),
    ],
)
def test_staff_find_a_child_by_name_id_identifier_or_postcode(client, register, query, found):
    response = staff_with(client, "view_childrecord").get(reverse(INDEX), {"q": query})
    assert response.status_code == 200
    assert names(response) == found


def test_staff_filter_the_register_by_date_or_year_of_birth(client, register):
    staff_with(client, "view_childrecord")
    assert names(client.get(reverse(INDEX), {"year_of_birth": "2010"})) == {"C200"}
    between = {"date_of_birth_from": "2015-01-01", "date_of_birth_to": "2015-12-31"}
    assert names(client.get(reverse(INDEX), between)) == {"C100"}


def test_the_list_costs_the_same_queries_however_many_children_it_shows(
    client, register, django_assert_num_queries
):
    staff_with(client, "view_childrecord")
    client.get(reverse(INDEX))  # warm the session, menus and permissions
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(INDEX))
    for number in range(20):
        child_record(f"C9{number:02d}", address=("1 High St", "", "Town", "DB1 1AA"))
    with django_assert_num_queries(len(few)):
        response = client.get(reverse(INDEX))
    assert "DB1 1AA" in response.content.decode()


def test_the_detail_page_shows_identifiers_addresses_and_where_values_came_from(client, register):
    from records import services
    from records.models import Source

    record = ChildRecord.objects.get(council_id="C100")
    services.update_record(
        record, {}, Source.STAFF, services.Address.of("9 New Road", "", "Town", "DB3 1AB")
    )
    response = staff_with(client, "view_childrecord").get(
        reverse("child_records:inspect", args=[record.pk])
    )
    page = response.content.decode()
    assert response.status_code == 200
    for shown in ("K999123412001", "9 New Road", "1 High St", "Council staff", "Import from"):
        assert shown in page


@pytest.mark.skipif(
    not django_apps.is_installed("plugins.send"), reason="the SEND plugin links portal people"
)
def test_the_detail_page_counts_the_portal_people_linked_to_the_record(client, register):
    record = ChildRecord.objects.get(council_id="C100")
    django_apps.get_model("send", "PortalPerson").objects.create(
        forename="Alys", surname="Jones", date_of_birth="2015-05-01", child_record=record
    )
    response = staff_with(client, "view_childrecord").get(
        reverse("child_records:inspect", args=[record.pk])
    )
    assert "People: 1" in response.content.decode()


def test_staff_without_the_register_permission_cannot_see_it(client, register):
    staff_with(client)
    record = ChildRecord.objects.get(council_id="C100")
    for url in (
        reverse(INDEX),
        reverse("child_records:inspect", args=[record.pk]),
        reverse("child_records:import"),
    ):
        # The detail page looks the record up through the access registry: not found.
        assert client.get(url).status_code in (302, 403, 404)
        assert b"Jones" not in client.get(url).content
    assert not AuditEntry.objects.exists()


def test_every_opening_of_a_record_is_written_to_the_audit_log(client, register):
    record = ChildRecord.objects.get(council_id="C100")
    staff_with(client, "view_childrecord")
    url = reverse("child_records:inspect", args=[record.pk])
    client.get(url)
    client.get(url)
    entries = AuditEntry.objects.filter(action="child_record.viewed")
    assert entries.count() == 2
    assert {entry.child_record_id for entry in entries} == {record.pk}
    assert {entry.actor.is_council_staff for entry in entries} == {True}


def test_staff_who_may_only_view_cannot_import(client, register):
    staff_with(client, "view_childrecord")
    assert client.get(reverse("child_records:import")).status_code in (302, 403)
    assert b"Import from CSV" not in client.get(reverse(INDEX)).content


def test_an_upload_is_imported_and_its_page_shows_the_outcome(
    client, db, django_capture_on_commit_callbacks
):
    staff_with(client, "view_childrecord", "add_childrecord")
    upload = SimpleUploadedFile("register.csv", GOOD.encode("utf-8-sig"), "text/csv")
    # The task is queued once the upload is committed (and runs at once: Q_CLUSTER is sync).
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(reverse("child_records:import"), {"file": upload}, follow=True)
        # Until a worker takes it, the run's page says it is waiting and refreshes itself.
        assert b'http-equiv="refresh"' in queued.content

    run = ImportRun.objects.get()
    assert queued.redirect_chain[-1][0] == reverse("child_records:import_run", args=[run.pk])
    assert run.status == ImportRun.Status.SUCCEEDED
    assert ChildRecord.objects.count() == 2
    assert not run.file, "the uploaded file is deleted once imported"
    done = client.get(reverse("child_records:import_run", args=[run.pk]))
    assert "2 records created" in done.content.decode()
    assert b'http-equiv="refresh"' not in done.content


def test_a_bad_upload_shows_every_problem_with_its_row(
    client, db, django_capture_on_commit_callbacks
):
    staff_with(client, "view_childrecord", "add_childrecord")
    bad = GOOD.replace("2015-03-27", "yesterday").replace("DB2 3XA", "XX")
    upload = SimpleUploadedFile("register.csv", bad.encode(), "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("child_records:import"), {"file": upload})
    run = ImportRun.objects.get()
    text = client.get(reverse("child_records:import_run", args=[run.pk])).content.decode()
    assert "2 problems" in text
    assert "date_of_birth" in text and "postcode" in text
    assert not ChildRecord.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("register.xlsx", b"PK\x03\x04"),
        ("register.csv", "Siân".encode("cp1252")),
        ("register.csv", b"name,email\nAlys,a@example.org\n"),
    ],
)
def test_a_file_that_is_not_a_register_export_is_refused_at_upload(client, db, name, content):
    staff_with(client, "view_childrecord", "add_childrecord")
    upload = SimpleUploadedFile(name, content, "text/csv")
    response = client.post(reverse("child_records:import"), {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ImportRun.objects.exists()


def test_a_running_import_shows_its_progress_and_refreshes_itself(client, db):
    staff_with(client, "view_childrecord", "add_childrecord")
    run = ImportRun.objects.create(
        file_name="big.csv", status=ImportRun.Status.IMPORTING, rows_total=100000
    )
    from django.core.cache import cache

    cache.set(importing.progress_key(run), 4000)
    page = client.get(reverse("child_records:import_run", args=[run.pk])).content.decode()
    assert "4000 of 100000 rows done" in page
    assert 'http-equiv="refresh"' in page


def test_an_import_whose_worker_was_lost_can_be_started_again(
    client, db, django_capture_on_commit_callbacks
):
    import datetime

    from django.core.files.base import ContentFile
    from django.utils import timezone

    staff_with(client, "view_childrecord", "add_childrecord")
    run = ImportRun.objects.create(file_name="register.csv", status=ImportRun.Status.IMPORTING)
    run.file.save("register.csv", ContentFile(GOOD.encode()))
    lost = timezone.now() - importing.STALE_AFTER - datetime.timedelta(minutes=1)
    ImportRun.objects.filter(pk=run.pk).update(updated_at=lost)
    url = reverse("child_records:import_run", args=[run.pk])

    page = client.get(url).content.decode()
    assert "stopped without finishing" in page
    assert 'http-equiv="refresh"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCEEDED
    assert ChildRecord.objects.count() == 2
