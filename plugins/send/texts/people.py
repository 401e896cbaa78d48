"""Texts of the SEND plugin: the home tile, choosing a person, adding a person, a young
person's own details, and the page of one person. Form labels and hints follow
``<form prefix>.<field>.label|hint``."""

from portal.plugins import TextDefault

P = "send.people"

TILE = [
    TextDefault(
        "send.tile.title",
        "Special educational needs and disabilities (SEND)",
        "Anghenion addysgol arbennig ac anableddau (AAA)",
    ),
    TextDefault(
        "send.tile.description",
        "Ask for an assessment, fill in forms and follow the support for a child or young person.",
        "Gofyn am asesiad, llenwi ffurflenni a dilyn y cymorth i blentyn neu berson ifanc.",
    ),
]

HOME = [
    TextDefault("send.home.title", "Choose a person", "Dewis person"),
    TextDefault(
        "send.home.intro.citizen",
        "Choose the child or young person you want to fill in a form about. If they are not "
        "listed, add them.",
        "Dewiswch y plentyn neu'r person ifanc rydych am lenwi ffurflen amdanynt. Os nad "
        "ydynt ar y rhestr, ychwanegwch nhw.",
    ),
    TextDefault(
        "send.home.intro.professional",
        "Choose the child or young person you are working with. If they are not listed, add them.",
        "Dewiswch y plentyn neu'r person ifanc rydych yn gweithio gyda nhw. Os nad ydynt ar "
        "y rhestr, ychwanegwch nhw.",
    ),
    TextDefault("send.home.add_child", "Add a child", "Ychwanegu plentyn"),
    TextDefault("send.home.add_person", "Add a person", "Ychwanegu person"),
    TextDefault("send.home.date_of_birth", "Date of birth: {date}", "Dyddiad geni: {date}"),
    TextDefault(
        "send.home.empty.citizen",
        "You have not added any children yet.",
        "Nid ydych wedi ychwanegu unrhyw blant eto.",
    ),
    TextDefault(
        "send.home.empty.professional",
        "There is nobody in this list.",
        "Does neb yn y rhestr hon.",
    ),
    TextDefault(
        "send.home.no_match",
        "Nobody in this list matches the name you entered.",
        "Does neb yn y rhestr hon yn cyfateb i'r enw a roesoch.",
    ),
    TextDefault("send.home.self.title", "Yourself", "Chi eich hun"),
    TextDefault(
        "send.home.self.description",
        "If you are a young person aged 16 to 25, fill in forms about yourself.",
        "Os ydych yn berson ifanc rhwng 16 a 25 oed, llenwch ffurflenni amdanoch chi eich hun.",
    ),
    TextDefault("send.home.self.yours", "Your own details", "Eich manylion eich hun"),
    TextDefault("send.home.people_heading", "Children and young people", "Plant a phobl ifanc"),
    # The professional's list: which people and a name filter.
    TextDefault("send.home.filter.heading", "Find a person", "Dod o hyd i berson"),
    TextDefault("send.home.filter.view.label", "Show", "Dangos"),
    TextDefault("send.home.filter.name.label", "Name", "Enw"),
    TextDefault(
        "send.home.filter.name.hint",
        "All or part of their first, middle or last name",
        "Y cyfan neu ran o'u henw cyntaf, canol neu olaf",
    ),
    TextDefault("send.home.filter.button", "Filter", "Hidlo"),
    TextDefault("send.home.view.active", "Active", "Gweithredol"),
    TextDefault("send.home.view.hidden", "Hidden", "Cudd"),
    TextDefault("send.home.view.recent", "Recent (last 18 months)", "Diweddar (18 mis diwethaf)"),
    # Banners after a change.
    TextDefault("send.home.added", "You have added {name}", "Rydych wedi ychwanegu {name}"),
    TextDefault(
        "send.home.hidden",
        "You have hidden {name}. They are now in your hidden list.",
        "Rydych wedi cuddio {name}. Maen nhw bellach yn eich rhestr gudd.",
    ),
    TextDefault(
        "send.home.shown",
        "{name} is back in your active list",
        "Mae {name} yn ôl yn eich rhestr weithredol",
    ),
    TextDefault("send.home.undo", "Undo", "Dadwneud"),
]

ADD = [
    TextDefault("send.people.add.title.citizen", "Add a child", "Ychwanegu plentyn"),
    TextDefault("send.people.add.title.professional", "Add a person", "Ychwanegu person"),
    TextDefault(
        "send.people.add.intro",
        "Give the child's or young person's full legal name, as it is on their birth certificate.",
        "Rhowch enw cyfreithiol llawn y plentyn neu'r person ifanc, fel y mae ar y "
        "dystysgrif geni.",
    ),
    TextDefault(f"{P}.add.forename.label", "First name", "Enw cyntaf"),
    TextDefault(f"{P}.add.middle_names.label", "Middle names (optional)", "Enwau canol (dewisol)"),
    TextDefault(f"{P}.add.surname.label", "Last name", "Cyfenw"),
    TextDefault(f"{P}.add.date_of_birth.label", "Date of birth", "Dyddiad geni"),
    TextDefault(
        f"{P}.add.date_of_birth.hint", "For example, 27 3 2015", "Er enghraifft, 27 3 2015"
    ),
    TextDefault(
        f"{P}.add.relationship.label",
        "What is your relationship to the child?",
        "Beth yw eich perthynas â'r plentyn?",
    ),
    TextDefault(
        f"{P}.add.lives_with_user.label",
        "Do they live at your address?",
        "Ydyn nhw'n byw yn eich cyfeiriad chi?",
    ),
    TextDefault(f"{P}.answer.yes_they_do", "Yes", "Ydyn"),
    TextDefault(f"{P}.answer.no_they_do_not", "No", "Nac ydyn"),
    TextDefault(f"{P}.add.button.citizen", "Add child", "Ychwanegu'r plentyn"),
    TextDefault(f"{P}.add.button.professional", "Add person", "Ychwanegu'r person"),
]

ERRORS = [
    TextDefault(f"{P}.error.forename_required", "Enter their first name", "Rhowch eu henw cyntaf"),
    TextDefault(f"{P}.error.surname_required", "Enter their last name", "Rhowch eu cyfenw"),
    TextDefault(
        f"{P}.error.name_required",
        "Enter a first name and a last name",
        "Rhowch enw cyntaf a chyfenw",
    ),
    TextDefault(
        f"{P}.error.forename_too_long",
        "First name must be 15 characters or fewer. If the name is longer, contact the SEND "
        "team so that we can record it in full.",
        "Rhaid i'r enw cyntaf fod yn 15 nod neu lai. Os yw'r enw'n hirach, cysylltwch â'r "
        "tîm AAA er mwyn i ni allu ei gofnodi'n llawn.",
    ),
    TextDefault(
        f"{P}.error.middle_names_too_long",
        "Middle names must be 25 characters or fewer. If the names are longer, contact the "
        "SEND team so that we can record them in full.",
        "Rhaid i'r enwau canol fod yn 25 nod neu lai. Os yw'r enwau'n hirach, cysylltwch â'r "
        "tîm AAA er mwyn i ni allu eu cofnodi'n llawn.",
    ),
    TextDefault(
        f"{P}.error.surname_too_long",
        "Last name must be 30 characters or fewer. If the name is longer, contact the SEND "
        "team so that we can record it in full.",
        "Rhaid i'r cyfenw fod yn 30 nod neu lai. Os yw'r enw'n hirach, cysylltwch â'r tîm "
        "AAA er mwyn i ni allu ei gofnodi'n llawn.",
    ),
    TextDefault(
        f"{P}.error.name_characters",
        "Names must only include letters, spaces, hyphens and apostrophes",
        "Rhaid i enwau gynnwys llythrennau, bylchau, cysylltnodau a chollnodau yn unig",
    ),
    TextDefault(
        f"{P}.error.date_of_birth_required",
        "Enter their date of birth",
        "Rhowch eu dyddiad geni",
    ),
    TextDefault(
        f"{P}.error.date_of_birth_invalid",
        "Date of birth must be a real date",
        "Rhaid i'r dyddiad geni fod yn ddyddiad go iawn",
    ),
    TextDefault(
        f"{P}.error.date_of_birth_future",
        "Date of birth must be in the past",
        "Rhaid i'r dyddiad geni fod yn y gorffennol",
    ),
    TextDefault(
        f"{P}.error.date_of_birth_too_old",
        "The child or young person must be 25 or younger. Check the date of birth.",
        "Rhaid i'r plentyn neu'r person ifanc fod yn 25 oed neu'n iau. Gwiriwch y dyddiad geni.",
    ),
    TextDefault(
        f"{P}.error.relationship_required",
        "Select your relationship to the child",
        "Dewiswch eich perthynas â'r plentyn",
    ),
    TextDefault(
        f"{P}.error.lives_with_user_required",
        "Select yes if they live at your address",
        "Dewiswch 'Ydyn' os ydyn nhw'n byw yn eich cyfeiriad chi",
    ),
    TextDefault(
        f"{P}.error.duplicate",
        "You have already added someone with this name and date of birth",
        "Rydych eisoes wedi ychwanegu rhywun gyda'r enw a'r dyddiad geni hwn",
    ),
]

PERSON = [
    # The details of one person, on "Check these details" and on their page.
    TextDefault(f"{P}.name", "Name", "Enw"),
    TextDefault(f"{P}.date_of_birth", "Date of birth", "Dyddiad geni"),
    TextDefault(f"{P}.relationship", "Your relationship", "Eich perthynas"),
    TextDefault(f"{P}.lives_with_user", "Lives at your address", "Yn byw yn eich cyfeiriad"),
    TextDefault(f"{P}.yes", "Yes", "Ydy"),
    TextDefault(f"{P}.no", "No", "Nac ydy"),
    TextDefault(f"{P}.relationship.parent", "Parent", "Rhiant"),
    TextDefault(f"{P}.relationship.carer", "Carer", "Gofalwr"),
    TextDefault(f"{P}.relationship.self", "Yourself", "Chi eich hun"),
    TextDefault(f"{P}.relationship.professional", "Professional", "Gweithiwr proffesiynol"),
    TextDefault(f"{P}.details_heading", "Details", "Manylion"),
    TextDefault(f"{P}.forms_heading", "Forms", "Ffurflenni"),
    # A professional checks who they chose before going on to the forms.
    TextDefault(f"{P}.check.title", "Check these details", "Gwiriwch y manylion hyn"),
    TextDefault(
        f"{P}.check.intro",
        "Make sure this is the child or young person you want before you continue.",
        "Gwnewch yn siŵr mai dyma'r plentyn neu'r person ifanc rydych ei eisiau cyn parhau.",
    ),
    TextDefault(f"{P}.check.continue", "Continue", "Parhau"),
    TextDefault(
        f"{P}.check.hidden",
        "This person is hidden from your active list.",
        "Mae'r person hwn wedi'i guddio o'ch rhestr weithredol.",
    ),
    TextDefault(
        f"{P}.hide.heading", "Not working with them now?", "Ddim yn gweithio gyda nhw nawr?"
    ),
    TextDefault(
        f"{P}.hide.intro",
        "Hide them from your active list. You can show them again from your hidden list.",
        "Cuddiwch nhw o'ch rhestr weithredol. Gallwch eu dangos eto o'ch rhestr gudd.",
    ),
    TextDefault(f"{P}.hide.button", "Hide person", "Cuddio person"),
    TextDefault(f"{P}.show.button", "Show person", "Dangos person"),
]

MY_DETAILS = [
    TextDefault("send.my_details.title", "My details", "Fy manylion"),
    TextDefault(
        "send.my_details.intro",
        "Check your details are correct. We use them on the forms you fill in about yourself.",
        "Gwiriwch fod eich manylion yn gywir. Rydym yn eu defnyddio ar y ffurflenni rydych yn "
        "eu llenwi amdanoch chi eich hun.",
    ),
    TextDefault("send.my_details.form.forename.label", "First name", "Enw cyntaf"),
    TextDefault(
        "send.my_details.form.middle_names.label",
        "Middle names (optional)",
        "Enwau canol (dewisol)",
    ),
    TextDefault("send.my_details.form.surname.label", "Last name", "Cyfenw"),
    TextDefault("send.my_details.form.date_of_birth.label", "Date of birth", "Dyddiad geni"),
    TextDefault(
        "send.my_details.form.date_of_birth.hint",
        "For example, 27 3 2007",
        "Er enghraifft, 27 3 2007",
    ),
    TextDefault("send.my_details.button", "Save and continue", "Cadw a pharhau"),
    TextDefault(
        "send.my_details.error.forename_required", "Enter your first name", "Rhowch eich enw cyntaf"
    ),
    TextDefault(
        "send.my_details.error.surname_required", "Enter your last name", "Rhowch eich cyfenw"
    ),
    TextDefault(
        "send.my_details.error.date_of_birth_required",
        "Enter your date of birth",
        "Rhowch eich dyddiad geni",
    ),
    TextDefault(
        "send.my_details.error.age",
        "You can only fill in forms about yourself if you are aged 16 to 25. A parent or "
        "carer can fill in forms for a younger child.",
        "Dim ond os ydych rhwng 16 a 25 oed y gallwch lenwi ffurflenni amdanoch chi eich hun. "
        "Gall rhiant neu ofalwr lenwi ffurflenni ar gyfer plentyn iau.",
    ),
]

VERIFICATION = [
    TextDefault(
        "send.not_verified.awaiting.title",
        "Your account is awaiting verification",
        "Mae eich cyfrif yn aros i gael ei ddilysu",
    ),
    TextDefault(
        "send.not_verified.awaiting.body",
        "The SEND team checks every professional account before it can see any child's "
        "information. We will email you when your account has been verified.",
        "Mae'r tîm AAA yn gwirio pob cyfrif proffesiynol cyn y gall weld gwybodaeth unrhyw "
        "blentyn. Byddwn yn anfon e-bost atoch pan fydd eich cyfrif wedi'i ddilysu.",
    ),
    TextDefault(
        "send.not_verified.rejected.title",
        "Your account has not been verified",
        "Nid yw eich cyfrif wedi cael ei ddilysu",
    ),
    TextDefault(
        "send.not_verified.rejected.body",
        "The SEND team could not verify your professional account, so you cannot see "
        "children's information. Contact the SEND team if you think this is wrong.",
        "Nid oedd y tîm AAA yn gallu dilysu eich cyfrif proffesiynol, felly ni allwch weld "
        "gwybodaeth plant. Cysylltwch â'r tîm AAA os ydych yn credu bod hyn yn anghywir.",
    ),
]

TEXTS = [*TILE, *HOME, *ADD, *ERRORS, *PERSON, *MY_DETAILS, *VERIFICATION]
