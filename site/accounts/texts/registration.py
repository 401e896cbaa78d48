"""Texts of the registration journey: page titles and intros, field labels and hints
(``account.registration.<form>.<field>.label|hint``), buttons, and the email sent when someone
registers with an address that already has an account."""

from portal.plugins import TextDefault

P = "account.registration"

TEXTS = [
    # Buttons and links used on several pages.
    TextDefault(f"{P}.continue", "Continue", "Parhau"),
    TextDefault(f"{P}.send_new_code", "Send me a new code", "Anfonwch god newydd ataf"),
    # First page.
    TextDefault(f"{P}.start.title", "Create an account", "Creu cyfrif"),
    TextDefault(
        f"{P}.start.intro",
        "With an account you can ask for a SEND assessment, send information to the SEND team "
        "and follow the progress of a child's case.\n\nIt takes about 5 minutes. You will "
        "need access to your email, because we send you a code to confirm your address.",
        "Gyda chyfrif gallwch ofyn am asesiad AAA, anfon gwybodaeth at y tîm AAA a dilyn "
        "cynnydd achos plentyn.\n\nMae'n cymryd tua 5 munud. Bydd angen i chi allu gweld eich "
        "e-bost, gan ein bod yn anfon cod atoch i gadarnhau eich cyfeiriad.",
        markdown=True,
    ),
    TextDefault(
        f"{P}.start.professional.label",
        "I am using this account in a professional capacity",
        "Rwy'n defnyddio'r cyfrif hwn yn rhinwedd fy swydd",
    ),
    TextDefault(
        f"{P}.start.professional.hint",
        "For example, as school staff, an educational psychologist or a health professional. "
        "The council checks professional accounts before they can see any child's information.",
        "Er enghraifft, fel aelod o staff ysgol, seicolegydd addysg neu weithiwr iechyd "
        "proffesiynol. Mae'r cyngor yn gwirio cyfrifon proffesiynol cyn y gallant weld "
        "gwybodaeth unrhyw blentyn.",
    ),
    TextDefault(
        f"{P}.start.sign_in",
        "Sign in if you already have an account",
        "Mewngofnodwch os oes gennych gyfrif yn barod",
    ),
    # Name.
    TextDefault(f"{P}.name.title", "What is your name?", "Beth yw eich enw?"),
    TextDefault(f"{P}.name.title.label", "Title (optional)", "Teitl (dewisol)"),
    TextDefault(f"{P}.name.first_name.label", "First name", "Enw cyntaf"),
    TextDefault(f"{P}.name.last_name.label", "Last name", "Cyfenw"),
    # Professionals' work.
    TextDefault(f"{P}.work.title", "About your work", "Am eich gwaith"),
    TextDefault(
        f"{P}.work.intro",
        "The council uses these details to check your account before it shares any child's "
        "information with you.",
        "Mae'r cyngor yn defnyddio'r manylion hyn i wirio eich cyfrif cyn iddo rannu "
        "gwybodaeth unrhyw blentyn gyda chi.",
    ),
    TextDefault(f"{P}.work.professional_role.label", "Your role", "Eich rôl"),
    TextDefault(
        f"{P}.work.professional_role.hint",
        "For example, SENCo, educational psychologist or health visitor",
        "Er enghraifft, CydAAA, seicolegydd addysg neu ymwelydd iechyd",
    ),
    TextDefault(f"{P}.work.organisation.label", "Organisation", "Sefydliad"),
    TextDefault(
        f"{P}.work.organisation.hint",
        "For example, the name of your school or service",
        "Er enghraifft, enw eich ysgol neu'ch gwasanaeth",
    ),
    TextDefault(f"{P}.work.work_address.label", "Work address", "Cyfeiriad gwaith"),
    TextDefault(
        f"{P}.work.work_address.hint",
        "The address of your school or service, including the postcode",
        "Cyfeiriad eich ysgol neu'ch gwasanaeth, gan gynnwys y cod post",
    ),
    TextDefault(f"{P}.work.work_phone.label", "Work phone number", "Rhif ffôn gwaith"),
    # Address: postcode, list, manual entry.
    TextDefault(f"{P}.postcode.title", "What is your address?", "Beth yw eich cyfeiriad?"),
    TextDefault(f"{P}.postcode.postcode.label", "Postcode", "Cod post"),
    TextDefault(f"{P}.find_address", "Find address", "Chwilio am gyfeiriad"),
    TextDefault(f"{P}.enter_manually", "Enter the address manually", "Rhoi'r cyfeiriad â llaw"),
    TextDefault(f"{P}.address.title", "Select your address", "Dewiswch eich cyfeiriad"),
    TextDefault(
        f"{P}.address.found",
        "Addresses found for {postcode}",
        "Cyfeiriadau a ganfuwyd ar gyfer {postcode}",
    ),
    TextDefault(
        f"{P}.address.none_found",
        "We could not find an address for {postcode}.",
        "Nid oeddem yn gallu dod o hyd i gyfeiriad ar gyfer {postcode}.",
    ),
    TextDefault(f"{P}.address.change_postcode", "Change postcode", "Newid y cod post"),
    TextDefault(
        f"{P}.choose_address.address.label",
        "Choose your address from the list",
        "Dewiswch eich cyfeiriad o'r rhestr",
    ),
    TextDefault(
        f"{P}.not_in_list",
        "I cannot find the address in the list",
        "Ni allaf ddod o hyd i'r cyfeiriad yn y rhestr",
    ),
    TextDefault(f"{P}.manual.title", "Enter your address", "Rhowch eich cyfeiriad"),
    TextDefault(
        f"{P}.manual_address.address_line_1.label", "Address line 1", "Llinell 1 y cyfeiriad"
    ),
    TextDefault(
        f"{P}.manual_address.address_line_2.label",
        "Address line 2 (optional)",
        "Llinell 2 y cyfeiriad (dewisol)",
    ),
    TextDefault(f"{P}.manual_address.town.label", "Town or city", "Tref neu ddinas"),
    TextDefault(f"{P}.manual_address.postcode.label", "Postcode", "Cod post"),
    # Phone numbers.
    TextDefault(f"{P}.phone.title", "Your phone numbers", "Eich rhifau ffôn"),
    TextDefault(
        f"{P}.phone.intro",
        "Give any numbers the SEND team can call you on. You do not have to give a phone number.",
        "Rhowch unrhyw rifau y gall y tîm AAA eich ffonio arnynt. Does dim rhaid i chi roi "
        "rhif ffôn.",
    ),
    TextDefault(f"{P}.phone.home_phone.label", "Home phone (optional)", "Ffôn cartref (dewisol)"),
    TextDefault(
        f"{P}.phone.mobile_phone.label", "Mobile phone (optional)", "Ffôn symudol (dewisol)"
    ),
    TextDefault(f"{P}.phone.work_phone.label", "Work phone (optional)", "Ffôn gwaith (dewisol)"),
    # Email address and password (citizens, then professionals' work email).
    TextDefault(
        f"{P}.account.title",
        "Your email address and password",
        "Eich cyfeiriad e-bost a'ch cyfrinair",
    ),
    TextDefault(f"{P}.account.email.label", "Email address", "Cyfeiriad e-bost"),
    TextDefault(
        f"{P}.account.email.hint",
        "We will send a code to this address to confirm it. You will use it to sign in.",
        "Byddwn yn anfon cod i'r cyfeiriad hwn i'w gadarnhau. Byddwch yn ei ddefnyddio i "
        "fewngofnodi.",
    ),
    TextDefault(f"{P}.account.password.label", "Create a password", "Creu cyfrinair"),
    TextDefault(
        f"{P}.account.password_confirmation.label",
        "Confirm your password",
        "Cadarnhewch eich cyfrinair",
    ),
    TextDefault(
        f"{P}.professional_account.email.label", "Work email address", "Cyfeiriad e-bost gwaith"
    ),
    TextDefault(
        f"{P}.professional_account.email.hint",
        "Use the email address your organisation gave you. We will send a code to it to "
        "confirm it.",
        "Defnyddiwch y cyfeiriad e-bost a roddodd eich sefydliad i chi. Byddwn yn anfon cod "
        "ato i'w gadarnhau.",
    ),
    TextDefault(f"{P}.professional_account.password.label", "Create a password", "Creu cyfrinair"),
    TextDefault(
        f"{P}.professional_account.password_confirmation.label",
        "Confirm your password",
        "Cadarnhewch eich cyfrinair",
    ),
    # Secret question.
    TextDefault(f"{P}.secret.title", "Your secret question", "Eich cwestiwn cyfrinachol"),
    TextDefault(
        f"{P}.secret.intro",
        "If you forget your password, we will ask you this question before you can choose a "
        "new one.",
        "Os byddwch yn anghofio eich cyfrinair, byddwn yn gofyn y cwestiwn hwn i chi cyn y "
        "gallwch ddewis un newydd.",
    ),
    TextDefault(f"{P}.secret.secret_question.label", "Choose a question", "Dewiswch gwestiwn"),
    TextDefault(f"{P}.secret.secret_answer.label", "Your answer", "Eich ateb"),
    # Check your answers.
    TextDefault(
        f"{P}.check.title",
        "Check your answers before creating your account",
        "Gwiriwch eich atebion cyn creu eich cyfrif",
    ),
    TextDefault(f"{P}.check.name", "Name", "Enw"),
    TextDefault(f"{P}.check.role", "Role", "Rôl"),
    TextDefault(f"{P}.check.organisation", "Organisation", "Sefydliad"),
    TextDefault(f"{P}.check.work_address", "Work address", "Cyfeiriad gwaith"),
    TextDefault(f"{P}.check.work_phone", "Work phone number", "Rhif ffôn gwaith"),
    TextDefault(f"{P}.check.address", "Address", "Cyfeiriad"),
    TextDefault(f"{P}.check.phone", "Phone numbers", "Rhifau ffôn"),
    TextDefault(f"{P}.check.no_phone", "None given", "Dim wedi'u rhoi"),
    TextDefault(f"{P}.check.email", "Email address", "Cyfeiriad e-bost"),
    TextDefault(f"{P}.check.secret", "Secret question", "Cwestiwn cyfrinachol"),
    TextDefault(f"{P}.check.change", "Change", "Newid"),
    TextDefault(f"{P}.create", "Create account", "Creu cyfrif"),
    # Check your email and enter the code.
    TextDefault(f"{P}.confirm.title", "Check your email", "Gwiriwch eich e-bost"),
    TextDefault(
        f"{P}.confirm.intro",
        "We have sent an email to {email} with a 6-digit code and a link. Enter the code or "
        "follow the link to confirm your email address. They work for {hours} hours.",
        "Rydym wedi anfon e-bost at {email} gyda chod 6 digid a dolen. Rhowch y cod neu "
        "dilynwch y ddolen i gadarnhau eich cyfeiriad e-bost. Maen nhw'n gweithio am {hours} "
        "awr.",
    ),
    TextDefault(
        f"{P}.confirm.resent",
        "If an account is waiting for confirmation at this address, we have sent it a new "
        "code. Codes in earlier emails no longer work.",
        "Os oes cyfrif yn aros i gael ei gadarnhau yn y cyfeiriad hwn, rydym wedi anfon cod "
        "newydd ato. Nid yw codau mewn negeseuon e-bost cynharach yn gweithio mwyach.",
    ),
    TextDefault(f"{P}.confirm.code.label", "Confirmation code", "Cod cadarnhau"),
    TextDefault(
        f"{P}.confirm.code.hint",
        "The code is 6 digits, for example 123456",
        "Mae'r cod yn 6 digid, er enghraifft 123456",
    ),
    TextDefault(f"{P}.confirm.button", "Confirm email address", "Cadarnhau'r cyfeiriad e-bost"),
    TextDefault(
        f"{P}.confirm.not_received",
        "Not received the email? Check your spam or junk folder.",
        "Heb gael yr e-bost? Edrychwch yn eich ffolder sbam neu sothach.",
    ),
    # New code.
    TextDefault(f"{P}.resend.title", "Get a new code", "Cael cod newydd"),
    TextDefault(
        f"{P}.resend.intro",
        "Enter the email address you registered with. If its account is waiting for "
        "confirmation, we will send it a new code and link. You can ask for a new code "
        "{per_hour} times an hour.",
        "Rhowch y cyfeiriad e-bost y gwnaethoch gofrestru ag ef. Os yw ei gyfrif yn aros i "
        "gael ei gadarnhau, byddwn yn anfon cod a dolen newydd ato. Gallwch ofyn am god "
        "newydd {per_hour} gwaith yr awr.",
    ),
    TextDefault(f"{P}.resend.email.label", "Email address", "Cyfeiriad e-bost"),
    TextDefault(f"{P}.resend.button", "Send a new code", "Anfon cod newydd"),
    # Link that no longer works, and the end.
    TextDefault(
        f"{P}.link_invalid.title", "This link does not work", "Nid yw'r ddolen hon yn gweithio"
    ),
    TextDefault(f"{P}.ready.title", "Your account is ready", "Mae eich cyfrif yn barod"),
    TextDefault(
        f"{P}.ready.body",
        "You have confirmed your email address and can now sign in.\n\nIf you registered as a "
        "professional, the council will check your account before you can see any child's "
        "information. We will email you when it has been checked.",
        "Rydych wedi cadarnhau eich cyfeiriad e-bost a gallwch fewngofnodi nawr.\n\nOs "
        "gwnaethoch gofrestru fel gweithiwr proffesiynol, bydd y cyngor yn gwirio eich cyfrif "
        "cyn y gallwch weld gwybodaeth unrhyw blentyn. Byddwn yn anfon e-bost atoch pan fydd "
        "wedi'i wirio.",
        markdown=True,
    ),
    TextDefault(f"{P}.ready.sign_in", "Sign in", "Mewngofnodi"),
    # The email to an address that already has an account.
    TextDefault(
        "account.emailsubject.registration_exists",
        "Someone tried to register with your email address",
        "Ceisiodd rhywun gofrestru gyda'ch cyfeiriad e-bost",
    ),
    TextDefault(
        "account.email_registration_exists",
        "Dear {name},\n\nSomeone tried to register a new account on the {council} SEND portal "
        "with this email address. You already have an account, so no new account was made.\n\n"
        "If it was you, sign in here: {link}\n\nIf you have forgotten your password, you can "
        "reset it from the sign-in page. If it was not you, you can ignore this email: your "
        "account has not changed.",
        "Annwyl {name},\n\nCeisiodd rhywun gofrestru cyfrif newydd ar borth AAA {council} "
        "gyda'r cyfeiriad e-bost hwn. Mae gennych gyfrif yn barod, felly ni chafodd cyfrif "
        "newydd ei greu.\n\nOs mai chi oedd hyn, mewngofnodwch yma: {link}\n\nOs ydych wedi "
        "anghofio eich cyfrinair, gallwch ei ailosod o'r dudalen mewngofnodi. Os nad chi oedd "
        "hyn, gallwch anwybyddu'r e-bost hwn: nid yw eich cyfrif wedi newid.",
        markdown=True,
    ),
]
