"""The matching keys follow the register, whichever way it changes."""

from django.core.management import call_command

from plugins.matching import keys
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


def test_a_refresh_rewrites_only_the_records_whose_keys_changed(register):
    before = dict(MatchKey.objects.values_list("pk", "record_id"))
    william = register["william"]
    william.surname = "Pritchard"
    william.save()

    keys.refresh(ChildRecord.objects.values_list("pk", flat=True))

    after = dict(MatchKey.objects.values_list("pk", "record_id"))
    # Everyone else's rows are the very same rows; William's were replaced.
    unchanged = {pk for pk, record in before.items() if record != william.pk}
    assert unchanged <= set(after)
    assert not {pk for pk, record in before.items() if record == william.pk} & set(after)
    assert set(MatchKey.objects.filter(record=william).values_list("surname_key", flat=True)) == {
        "PRXRT"
    }


def test_a_record_missing_a_name_still_has_a_key_and_is_found_by_its_date_of_birth(db):
    import datetime

    from plugins.matching import candidates
    from plugins.matching.normalise import Person

    born = datetime.date(2013, 6, 2)
    record = ChildRecord.objects.create(
        council_id="N1", forename="", surname="Ebert", date_of_birth=born
    )
    keys.refresh([record.pk])
    [key] = MatchKey.objects.filter(record=record)
    assert (key.forename_key, key.surname_key) == ("", "EBRT")
    declared = Person(forename="Nico", surname="", date_of_birth=born)
    assert record.pk in candidates.candidate_ids(declared)
