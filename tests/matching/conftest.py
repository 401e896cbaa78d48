import datetime

import pytest

from plugins.matching import keys
from tests.factories import child_record
from tests.send.factories import published_form
from tests.send.test_council_submissions import staff

HOME = ("1 Stryd Fawr", "", "Caerdydd", "CF10 1AA")


@pytest.fixture
def register(db):
    """A small register: the Ap Rhys twins at one address, a Jones, a Morgan-Hughes, a
    Williams, and the keys the candidate search reads."""
    records = {
        "gwen": child_record(
            "C1",
            forename="Gwenllian",
            surname="Ap Rhys",
            date_of_birth=datetime.date(2016, 3, 4),
            gender="female",
            address=HOME,
        ),
        "gruff": child_record(
            "C2",
            forename="Gruffydd",
            surname="Ap Rhys",
            date_of_birth=datetime.date(2016, 3, 4),
            gender="male",
            address=HOME,
        ),
        "sian": child_record(
            "C3",
            forename="Siân",
            surname="Jones",
            date_of_birth=datetime.date(2014, 11, 20),
            nhs_number="9434765919",
            upn="H801200001001",
            address=("4 Heol y Bont", "", "Abertawe", "SA1 1AA"),
        ),
        "david": child_record(
            "C4",
            forename="David",
            surname="Morgan-Hughes",
            date_of_birth=datetime.date(2012, 7, 9),
            address=("9 Lôn Goed", "", "Bangor", "LL57 2AB"),
        ),
        "william": child_record(
            "C5",
            forename="William",
            surname="Williams",
            date_of_birth=datetime.date(2010, 1, 30),
        ),
    }
    keys.rebuild()
    return records


@pytest.fixture
def form():
    return published_form(groups=((2, False, 2),))


@pytest.fixture
def decider():
    return staff("access_admin", "view_submission", "decide_submission")


@pytest.fixture
def matcher():
    return staff("access_admin", "match_people", first_name="Mali", last_name="Match")
