"""The demo council's register: a few hundred children with valid identifiers in a fictional
town, including the demo families' children (not linked to them: matching does that)."""

import random
from datetime import date, datetime, timedelta

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from . import identifiers, importing, services
from .models import ChildRecord

REGISTER_SIZE = 300
TOWN = "Demo Town"

# The children of the demo families (core.demo.DEMO_USERS): Priya Parent's two children at
# 1 High Street, and Yusuf Young, who uses the portal himself, at 2 High Street. A family that
# declares them on the portal gives these names and dates of birth, so matching can find them.
DEMO_FAMILY_CHILDREN = [
    {
        "council_id": "C0000101",
        "forename": "Alfie",
        "middle_names": "",
        "surname": "Parent",
        "date_of_birth": date(2015, 3, 14),
        "gender": "male",
        "address": ("1 High Street", "", TOWN, "DB1 1AA"),
    },
    {
        "council_id": "C0000102",
        "forename": "Seren",
        "middle_names": "Mai",
        "surname": "Parent",
        "date_of_birth": date(2018, 9, 2),
        "gender": "female",
        "address": ("1 High Street", "", TOWN, "DB1 1AA"),
    },
    {
        "council_id": "C0000103",
        "forename": "Yusuf",
        "middle_names": "",
        "surname": "Young",
        "date_of_birth": date(2008, 6, 21),
        "gender": "male",
        "address": ("2 High Street", "", TOWN, "DB1 1AA"),
    },
]

FORENAMES = {
    "female": [
        "Amelia",
        "Olivia",
        "Isla",
        "Ava",
        "Mia",
        "Freya",
        "Lily",
        "Grace",
        "Sophia",
        "Zara",
        "Seren",
        "Cerys",
        "Ffion",
        "Angharad",
        "Eleri",
        "Megan",
        "Nia",
        "Alys",
        "Gwenllian",
        "Elin",
        "Mali",
        "Lowri",
        "Catrin",
        "Efa",
        "Hana",
        "Aisha",
        "Maja",
    ],
    "male": [
        "Oliver",
        "George",
        "Harry",
        "Noah",
        "Jack",
        "Leo",
        "Arthur",
        "Oscar",
        "Theo",
        "Adam",
        "Dylan",
        "Rhys",
        "Osian",
        "Gruffydd",
        "Iwan",
        "Tomos",
        "Cai",
        "Ioan",
        "Llewelyn",
        "Macsen",
        "Elis",
        "Aled",
        "Ifan",
        "Emrys",
        "Yusuf",
        "Kacper",
        "Tariq",
    ],
}
MIDDLE_NAMES = ["", "", "", "James", "Rose", "Wyn", "Haf", "Glyn", "Mair", "Lee", "Anne", "Dafydd"]
SURNAMES = [
    "Jones",
    "Williams",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Lewis",
    "Morgan",
    "Griffiths",
    "Price",
    "Pritchard",
    "Llewellyn",
    "Powell",
    "Rees",
    "Owen",
    "Smith",
    "Brown",
    "Taylor",
    "Wilson",
    "Khan",
    "Patel",
    "Nowak",
    "Ahmed",
    "Walker",
    "Clarke",
    "ap Siôn",
    "Bevan",
    "Prosser",
    "Vaughan",
]
STREETS = [
    "Station Road",
    "Church Street",
    "Heol y Llan",
    "Ffordd yr Orsaf",
    "Mill Lane",
    "Stryd y Farchnad",
    "Park View",
    "Maes y Coed",
    "Bryn Teg",
    "Chapel Row",
]
# Made-up UPN local authority code and the NHS range kept for tests: never a real child's.
UPN_AUTHORITY = "999"
NHS_PREFIX = "999"


def _upn(rng):
    body = f"{UPN_AUTHORITY}{rng.randint(1000, 9999)}{rng.randint(10, 24)}{rng.randint(0, 999):03d}"
    return identifiers.upn_check_letter(body) + body


def _nhs_number(rng):
    while True:
        first_nine = f"{NHS_PREFIX}{rng.randint(0, 999_999):06d}"
        check = identifiers.nhs_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"


def _address(rng):
    postcode = f"DB{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}A"
    return (f"{rng.randint(1, 120)} {rng.choice(STREETS)}", "", TOWN, postcode)


def register(size=REGISTER_SIZE):
    """The demo register: ``size`` children as ``(values, address)``, the same on every run."""
    rng = random.Random(2026)  # noqa: S311 - made-up people, not secrets
    children = [dict(child) for child in DEMO_FAMILY_CHILDREN]
    seen = {"upn": set(), "nhs_number": set()}
    for number in range(len(children) + 1, size + 1):
        gender = rng.choice(["female", "male"])
        born = date(2004, 9, 1) + timedelta(days=rng.randint(0, 365 * 20))
        children.append(
            {
                "council_id": f"C{100 + number:07d}",
                "forename": rng.choice(FORENAMES[gender]),
                "middle_names": rng.choice(MIDDLE_NAMES),
                "surname": rng.choice(SURNAMES),
                "date_of_birth": min(born, date(2024, 8, 31)),
                "gender": gender,
                "address": _address(rng),
            }
        )
    for child in children:
        for name, make in (("upn", _upn), ("nhs_number", _nhs_number)):
            value = make(rng)
            while value in seen[name]:
                value = make(rng)
            seen[name].add(value)
            child[name] = value
    return children


def _rows(children, address_of):
    return [
        importing.Row(
            number,
            {key: value for key, value in child.items() if key != "address"},
            services.Address.of(*address_of(child)),
        )
        for number, child in enumerate(children, start=2)
    ]


@transaction.atomic
def load_demo_register():
    """Import the demo register's children not on the register yet (every tenth has moved
    house since, so the admin shows an address history), and let the SEND team see and
    import the register."""
    team, _created = Group.objects.get_or_create(name="SEND team")
    team.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="records",
            codename__in=["view_childrecord", "add_childrecord"],
        )
    )
    existing = set(ChildRecord.objects.values_list("council_id", flat=True))
    children = [child for child in register() if child["council_id"] not in existing]
    if not children:
        return
    rng = random.Random(7)  # noqa: S311
    first_import = timezone.make_aware(datetime(2023, 9, 1, 9))
    movers = children[len(DEMO_FAMILY_CHILDREN) :: 10]
    importing.write(
        _rows(children, lambda child: _address(rng) if child in movers else child["address"]),
        first_import,
    )
    importing.write(_rows(movers, lambda child: child["address"]), first_import.replace(year=2025))
