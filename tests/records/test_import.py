import datetime

import pytest
from django.core.management import CommandError, call_command

from records import importing
from records.models import ChildAddress, ChildRecord, ImportRun
from tests.factories import child_record

HEADER = (
    "council_id,upn,nhs_number,forename,middle_names,surname,preferred_name,date_of_birth,"
    "gender,address_line_1,address_line_2,town,postcode\n"
)
GOOD = HEADER + (
    "C1,K999123412001,9434765919,Alys,Mai,Jones,,2015-03-27,female,1 High Street,,Demo Town,db1 1aa\n"
    "C2,,,Osian,,Pritchard,Ozzy,2012-11-02,male,4 Mill Lane,Flat 2,Demo Town,DB2 3XA\n"
)


def run(text, encoding="utf-8"):
    record = ImportRun.objects.create(file_name="register.csv")
    return importing.run_import(record, text.encode(encoding))


def test_a_good_file_creates_every_record_with_its_address(db):
    result = run(GOOD)

    assert result.status == ImportRun.Status.SUCCEEDED
    assert (result.rows_total, result.created_count, result.updated_count) == (2, 2, 0)
    alys = ChildRecord.objects.get(council_id="C1")
    assert (alys.upn, alys.nhs_number, alys.middle_names) == ("K999123412001", "9434765919", "Mai")
    assert alys.date_of_birth == datetime.date(2015, 3, 27)
    assert alys.addresses.current().get().postcode == "DB1 1AA"
    assert alys.source_of("upn")["source"] == "import"
    assert ChildRecord.objects.get(council_id="C2").preferred_name == "Ozzy"


def test_a_file_saved_by_excel_with_a_byte_order_mark_is_read(db):
    assert run(GOOD, encoding="utf-8-sig").status == ImportRun.Status.SUCCEEDED


def test_a_bad_file_lists_every_problem_by_row_and_column_and_writes_nothing(db):
    text = HEADER + (
        "C1,K999123412001,9434765919,Alys,,Jones,,2015-03-27,female,1 High Street,,Demo Town,DB1 1AA\n"
        "C2,A999123412001,,Osian,,Pritchard,,2012-13-02,,,,,\n"
        ",,9434765918,Averyveryverylongname,,,,27/03/2015,boy,2 High Street,,,NOPE\n"
    )
    result = run(text)

    assert result.status == ImportRun.Status.FAILED
    found = {(problem["row"], problem["column"]) for problem in result.errors}
    assert found == {
        (3, "upn"),
        (3, "date_of_birth"),
        (4, "council_id"),
        (4, "nhs_number"),
        (4, "forename"),
        (4, "surname"),
        (4, "date_of_birth"),
        (4, "gender"),
        (4, "town"),
        (4, "postcode"),
    }
    assert [problem["row"] for problem in result.errors] == sorted(
        problem["row"] for problem in result.errors
    )
    assert not ChildRecord.objects.exists()
    assert not ChildAddress.objects.exists()


def test_rows_are_numbered_as_in_the_spreadsheet_and_empty_rows_are_skipped(db):
    lines = GOOD.splitlines()
    text = "\n".join([lines[0], lines[1], "", ",,,,,,,,,,,,", lines[2].replace("Osian", "")])
    result = run(text + "\n,,,,,,,,,,,,\n")
    assert [(p["row"], p["column"]) for p in result.errors] == [(5, "forename")]


def test_a_file_without_the_required_columns_is_refused_at_its_header(db):
    result = run("council_id,forename,surnme\nC1,Alys,Jones\n")
    assert {(p["row"], p["column"]) for p in result.errors} == {
        (1, "surname"),
        (1, "date_of_birth"),
        (1, "surnme"),
    }


def test_a_file_that_is_not_utf8_is_refused(db):
    result = run(GOOD.replace("Alys", "Siân"), encoding="cp1252")
    assert result.status == ImportRun.Status.FAILED
    assert result.errors[0]["row"] is None


def test_a_row_for_a_known_council_id_updates_that_record_and_moves_its_address(db):
    child_record("C1", forename="Alice", address=("9 Old Road", "", "Demo Town", "DB9 9ZZ"))
    result = run(GOOD)

    assert (result.created_count, result.updated_count) == (1, 1)
    alice = ChildRecord.objects.get(council_id="C1")
    assert alice.forename == "Alys"
    assert alice.addresses.current().get().line_1 == "1 High Street"
    assert alice.addresses.get(valid_to__isnull=False).line_1 == "9 Old Road"


def test_importing_the_same_file_twice_changes_nothing_the_second_time(db):
    run(GOOD)
    again = run(GOOD)
    assert (again.created_count, again.updated_count) == (0, 0)
    assert ChildAddress.objects.count() == 2


def test_a_column_left_out_of_the_file_leaves_that_value_alone(db):
    child_record("C1", upn="K999123412001", address=("9 Old Road", "", "Demo Town", "DB9 9ZZ"))
    result = run("council_id,forename,surname,date_of_birth\nC1,Alys,Jones,2015-03-27\n")
    assert result.status == ImportRun.Status.SUCCEEDED
    record = ChildRecord.objects.get(council_id="C1")
    assert record.upn == "K999123412001"
    assert record.addresses.current().get().line_1 == "9 Old Road"


def test_the_same_child_or_identifier_twice_in_one_file_is_refused(db):
    text = HEADER + (
        "C1,K999123412001,9434765919,Alys,,Jones,,2015-03-27,,,,,\n"
        "C1,,,Alys,,Jones,,2015-03-27,,,,,\n"
        "C2,K999123412001,9434765919,Osian,,Pritchard,,2012-11-02,,,,,\n"
    )
    result = run(text)
    assert {(p["row"], p["column"]) for p in result.errors} == {
        (3, "council_id"),
        (4, "upn"),
        (4, "nhs_number"),
    }
    assert "row 2" in result.errors[0]["message"]


def test_an_identifier_held_by_another_record_is_refused(db):
    child_record("C9", upn="K999123412001")
    result = run(GOOD)
    assert [(p["row"], p["column"]) for p in result.errors] == [(2, "upn")]
    assert "C9" in result.errors[0]["message"]
    assert ChildRecord.objects.count() == 1


def test_a_new_record_cannot_take_an_id_of_the_portals_own_form(db):
    result = run(GOOD.replace("C2,", "P00000042,"))
    assert [(p["row"], p["column"]) for p in result.errors] == [(3, "council_id")]


def test_many_rows_import_without_a_query_per_row(db, django_assert_max_num_queries):
    count = importing.BATCH_SIZE * 2 + 10
    rows = "".join(
        f"C{n},,,Child,,Number{n},,2014-01-01,,{n} High Street,,Demo Town,DB1 1AA\n"
        for n in range(count)
    )
    # Bulk statements only (SQLite splits a bulk insert into statements of ~70 rows).
    with django_assert_max_num_queries(count // 20):
        result = run(HEADER + rows)
    assert result.created_count == count
    assert ChildAddress.objects.count() == result.created_count


def test_the_command_imports_a_file_and_prints_the_counts(db, tmp_path, capsys):
    path = tmp_path / "register.csv"
    path.write_text(GOOD)
    call_command("import_child_records", str(path))
    assert "2 records created, 0 updated" in capsys.readouterr().out
    assert ChildRecord.objects.count() == 2


def test_the_command_prints_every_problem_and_fails(db, tmp_path, capsys):
    path = tmp_path / "register.csv"
    path.write_text(GOOD.replace("2015-03-27", "2015-02-30").replace("DB2 3XA", "XX"))
    with pytest.raises(CommandError, match="2 problems"):
        call_command("import_child_records", str(path))
    printed = capsys.readouterr().err
    assert "row 2 [date_of_birth]" in printed
    assert "row 3 [postcode]" in printed
    assert not ChildRecord.objects.exists()
