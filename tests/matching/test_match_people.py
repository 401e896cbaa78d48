"""manage.py match_people: incoming CSV in, ranked candidates out, in the issue's format."""

import csv

import pytest
from django.core.management import CommandError, call_command


def run(tmp_path, text, *options):
    incoming, out = tmp_path / "incoming.csv", tmp_path / "results.csv"
    incoming.write_text(text, encoding="utf-8")
    call_command("match_people", str(incoming), "--out", str(out), *options)
    return out.read_text(encoding="utf-8")


def test_each_child_gets_ranked_candidates_or_a_single_new_row(register, tmp_path):
    text = (
        "ref,forename,surname,date_of_birth,postcode,nhs_number\n"
        "A1,Gwenllian,Ap Rhys,2016-03-04,CF10 1AA,\n"
        "A2,Zed,Quark,2001-01-01,,\n"
        "A3,,,,,9434765919\n"
    )
    result = run(tmp_path, text)
    rows = list(csv.reader(result.splitlines()))
    assert rows[0] == ["ref", "rank", "council_id", "score", "band"]
    first = [row for row in rows[1:] if row[0] == "A1"]
    assert first[0][1:3] == ["1", "C1"] and first[0][4] == "match"
    assert [row[1] for row in first] == [str(rank) for rank in range(1, len(first) + 1)]
    assert all(0 <= float(row[3]) <= 1 for row in first)
    assert all(row[4] in ("match", "likely", "possible", "new") for row in first)
    assert ["A2", "", "", "", "new"] in rows
    assert [row[2] for row in rows if row[0] == "A3"][0] == "C3"


def test_top_limits_the_candidates_per_child(register, tmp_path):
    result = run(tmp_path, "ref,surname,date_of_birth\nT,Ap Rhys,2016-03-04\n", "--top", "1")
    assert len(result.splitlines()) == 2


def test_a_file_without_ref_or_with_a_wrong_date_is_refused_before_anything_is_written(
    register, tmp_path
):
    with pytest.raises(CommandError, match="ref"):
        run(tmp_path, "forename,surname\nA,B\n")
    with pytest.raises(CommandError, match="Row 2"):
        run(tmp_path, "ref,date_of_birth\nX,04/03/2016\n")
    assert not (tmp_path / "results.csv").exists()


def test_the_address_lines_and_middle_names_of_the_input_are_scored(register, tmp_path):
    # Siân with a wrong date of birth and postcode: her first address line and town still say
    # it is her home.
    text = (
        "ref,forename,middle_names,surname,date_of_birth,address_line_1,town,postcode\n"
        "S,Sian,,Jones,2014-02-02,4 Heol y Bont,Abertawe,SA1 9ZZ\n"
        "N,Sian,,Jones,2014-02-02,,,SA1 9ZZ\n"
    )
    rows = list(csv.reader(run(tmp_path, text, "--top", "1").splitlines()))
    assert rows[1][2] == rows[2][2] == "C3"
    assert rows[1][4] == "likely" and rows[2][4] in ("possible", "new")
