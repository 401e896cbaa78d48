"""The matching keys follow the register, whichever way it changes."""

from django.core.management import call_command

from plugins.matching.models import MatchKey
from records.models import ChildRecord


def test_children_imported_from_csv_get_keys(db, tmp_path, django_capture_on_commit_callbacks):
    upload = tmp_path / "register.csv"
    upload.write_text(
        "council_id,forename,surname,date_of_birth,address_line_1,town,postcode\n"
        "K1,Ffion,Llewelyn-Jones,2017-02-03,3 Heol Las,Caerdydd,CF11 9AB\n",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_child_records", str(upload))
    record = ChildRecord.objects.get(council_id="K1")
    found = MatchKey.objects.filter(record=record)
    assert set(found.values_list("surname_key", flat=True)) == {"LWLN", "JNS", "LWLNJNS"}
    assert set(found.values_list("postcode", flat=True)) == {"CF11 9AB"}
