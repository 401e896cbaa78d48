"""Texts of My account: the hub, the personal and contact details forms and the change of
circumstances page. Form labels and hints follow ``<form prefix>.<field>.label|hint``."""

from portal.plugins import TextDefault

HUB = [
    TextDefault("account.my_account.title", "My account", "Fy nghyfrif"),
    TextDefault(
        "account.my_account.intro",
        "Check and change the details we hold about you and how you sign in.",
        "Gwiriwch a newidiwch y manylion sydd gennym amdanoch a sut rydych chi'n mewngofnodi.",
    ),
    TextDefault("account.my_account.personal_heading", "Personal details", "Manylion personol"),
    TextDefault("account.my_account.name", "Name", "Enw"),
    TextDefault("account.my_account.role", "Role", "Rôl"),
    TextDefault("account.my_account.organisation", "Organisation", "Sefydliad"),
    TextDefault("account.my_account.verification", "Account verification", "Dilysu'r cyfrif"),
    TextDefault("account.my_account.contact_heading", "Contact details", "Manylion cyswllt"),
    TextDefault("account.my_account.address", "Address", "Cyfeiriad"),
    TextDefault("account.my_account.home_phone", "Home phone", "Ffôn cartref"),
    TextDefault("account.my_account.mobile_phone", "Mobile phone", "Ffôn symudol"),
    TextDefault("account.my_account.work_phone", "Work phone", "Ffôn gwaith"),
    TextDefault(
        "account.my_account.security_heading",
        "Signing in and security",
        "Mewngofnodi a diogelwch",
    ),
    TextDefault("account.my_account.email", "Email address", "Cyfeiriad e-bost"),
    TextDefault("account.my_account.password", "Password", "Cyfrinair"),
    TextDefault("account.my_account.secret_question", "Secret question", "Cwestiwn cyfrinachol"),
    TextDefault(
        "account.my_account.two_factor",
        "Two-step verification",
        "Dilysu dau gam",
    ),
    TextDefault(
        "account.my_account.language_heading",
        "Language for emails",
        "Iaith ar gyfer e-byst",
    ),
    TextDefault(
        "account.my_account.language.preferred_language.label",
        "Which language should we use when we email you?",
        "Pa iaith ddylen ni ei defnyddio pan fyddwn ni'n anfon e-bost atoch chi?",
    ),
    TextDefault(
        "account.my_account.language_save",
        "Save language",
        "Cadw'r iaith",
    ),
    TextDefault(
        "account.my_account.circumstances_intro",
        "Tell us if something changes that could affect your application or your child's support.",
        "Rhowch wybod i ni os bydd rhywbeth yn newid a allai effeithio ar eich cais neu ar "
        "gymorth eich plentyn.",
    ),
    TextDefault(
        "account.my_account.more_heading",
        "More about your account",
        "Rhagor am eich cyfrif",
    ),
    TextDefault(
        "account.my_account.details_updated",
        "Your details have been updated",
        "Mae eich manylion wedi cael eu diweddaru",
    ),
    TextDefault(
        "account.my_account.reverification_started",
        "Because your organisation has changed, the council will verify your account again. "
        "Until then you cannot see children's SEND information.",
        "Gan fod eich sefydliad wedi newid, bydd y cyngor yn dilysu eich cyfrif eto. Tan "
        "hynny ni allwch weld gwybodaeth AAA plant.",
    ),
    TextDefault(
        "account.my_account.language_updated",
        "We will email you in the language you chose",
        "Byddwn ni'n anfon e-byst atoch chi yn yr iaith a ddewisoch chi",
    ),
]

PERSONAL_DETAILS = [
    TextDefault(
        "account.my_account.personal_details.intro",
        "We use your name when we write to you.",
        "Rydyn ni'n defnyddio eich enw pan fyddwn ni'n ysgrifennu atoch chi.",
    ),
    TextDefault(
        "account.my_account.personal_details.title.label", "Title (optional)", "Teitl (dewisol)"
    ),
    TextDefault("account.my_account.personal_details.first_name.label", "First name", "Enw cyntaf"),
    TextDefault("account.my_account.personal_details.last_name.label", "Last name", "Cyfenw"),
    TextDefault(
        "account.my_account.personal_details.professional_role.label", "Your role", "Eich rôl"
    ),
    TextDefault(
        "account.my_account.personal_details.professional_role.hint",
        "For example, SENCo, educational psychologist or social worker",
        "Er enghraifft, CydAAA, seicolegydd addysg neu weithiwr cymdeithasol",
    ),
    TextDefault(
        "account.my_account.personal_details.organisation.label",
        "Organisation",
        "Sefydliad",
    ),
    TextDefault(
        "account.my_account.personal_details.organisation.hint",
        "The school, service or organisation you work for",
        "Yr ysgol, y gwasanaeth neu'r sefydliad rydych chi'n gweithio iddo",
    ),
    TextDefault(
        "account.my_account.personal_details.reverification_warning",
        "If you change your organisation, the council must verify your account again. Until "
        "it does, you cannot see children's SEND information.",
        "Os byddwch chi'n newid eich sefydliad, rhaid i'r cyngor ddilysu eich cyfrif eto. Hyd "
        "nes y bydd yn gwneud hynny, ni allwch weld gwybodaeth AAA plant.",
    ),
]

CONTACT_DETAILS = [
    TextDefault(
        "account.my_account.contact_details.intro",
        "Changing your details here does not tell the SEND team about a change of circumstances.",
        "Nid yw newid eich manylion yma yn rhoi gwybod i'r tîm AAA am newid mewn amgylchiadau.",
    ),
    TextDefault(
        "account.my_account.contact_details.address_line_1.label",
        "Address line 1",
        "Llinell 1 y cyfeiriad",
    ),
    TextDefault(
        "account.my_account.contact_details.address_line_2.label",
        "Address line 2 (optional)",
        "Llinell 2 y cyfeiriad (dewisol)",
    ),
    TextDefault("account.my_account.contact_details.town.label", "Town or city", "Tref neu ddinas"),
    TextDefault("account.my_account.contact_details.postcode.label", "Postcode", "Cod post"),
    TextDefault(
        "account.my_account.contact_details.home_phone.label",
        "Home phone (optional)",
        "Ffôn cartref (dewisol)",
    ),
    TextDefault(
        "account.my_account.contact_details.mobile_phone.label",
        "Mobile phone (optional)",
        "Ffôn symudol (dewisol)",
    ),
    TextDefault(
        "account.my_account.contact_details.work_phone.label",
        "Work phone (optional)",
        "Ffôn gwaith (dewisol)",
    ),
    TextDefault(
        "account.my_account.contact_details.mobile_phone.hint",
        "For international numbers include the country code",
        "Ar gyfer rhifau rhyngwladol, cynhwyswch god y wlad",
    ),
]

CIRCUMSTANCES = [
    TextDefault(
        "account.change_of_circumstances.title",
        "Change of circumstances",
        "Newid mewn amgylchiadau",
    ),
    TextDefault(
        "account.change_of_circumstances.body",
        "If something changes that could affect your application or the support your child "
        "gets, tell us as soon as you can. For example, tell us if:\n\n"
        "- you move to a new address\n"
        "- your child starts at a new school or setting\n"
        "- there is a change in who has parental responsibility for your child\n\n"
        "[Contact us](/contact-us/) to tell us about a change.",
        "Os bydd rhywbeth yn newid a allai effeithio ar eich cais neu ar y cymorth y mae eich "
        "plentyn yn ei gael, rhowch wybod i ni cyn gynted ag y gallwch. Er enghraifft, rhowch "
        "wybod i ni:\n\n"
        "- os ydych chi'n symud i gyfeiriad newydd\n"
        "- os yw eich plentyn yn dechrau mewn ysgol neu leoliad newydd\n"
        "- os oes newid o ran pwy sydd â chyfrifoldeb rhiant dros eich plentyn\n\n"
        "[Cysylltwch â ni](/cy/contact-us/) i roi gwybod i ni am newid.",
        markdown=True,
    ),
]

SHARED = [
    TextDefault("account.my_account.save", "Save changes", "Cadw'r newidiadau"),
    TextDefault("account.my_account.back", "Back to My account", "Yn ôl i Fy nghyfrif"),
]

TEXTS = [*HUB, *PERSONAL_DETAILS, *CONTACT_DETAILS, *CIRCUMSTANCES, *SHARED]
