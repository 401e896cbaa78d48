"""Questions asked on more than one demo form. Each is worded so it reads well on every form
that uses it (to a parent, to a young person, to a professional)."""

from plugins.send.models import DataType

from .spec import Question

SETTING_NAME = Question(
    code="SETTING_NAME",
    data_type=DataType.TEXT,
    label=(
        "Name of the current school, college or early years setting",
        "Enw'r ysgol, y coleg neu'r lleoliad blynyddoedd cynnar presennol",
    ),
    hint=(
        "If there is none at the moment, write “None”.",
        "Os nad oes un ar hyn o bryd, ysgrifennwch “Dim”.",
    ),
    max_length=150,
    mandatory=True,
    in_chronology=True,
)

SETTING_TYPE = Question(
    code="SETTING_TYPE",
    data_type=DataType.CHOICE,
    label=("Type of school, college or setting", "Math o ysgol, coleg neu leoliad"),
    hint=("Choose the closest match.", "Dewiswch y disgrifiad agosaf."),
    mandatory=True,
    choices=(
        (
            "early_years",
            "Early years setting or nursery",
            "Lleoliad blynyddoedd cynnar neu feithrinfa",
        ),
        ("primary", "Primary school", "Ysgol gynradd"),
        ("secondary", "Secondary school", "Ysgol uwchradd"),
        ("special", "Special school", "Ysgol arbennig"),
        (
            "college",
            "Further education or sixth form college",
            "Coleg addysg bellach neu goleg chweched dosbarth",
        ),
        (
            "independent_specialist",
            "Independent specialist provider",
            "Darparwr arbenigol annibynnol",
        ),
        (
            "alternative",
            "Alternative provision or pupil referral unit",
            "Darpariaeth amgen neu uned cyfeirio disgyblion",
        ),
        ("home", "Educated at home", "Addysg yn y cartref"),
        (
            "none",
            "Not in education, employment or training",
            "Ddim mewn addysg, cyflogaeth na hyfforddiant",
        ),
    ),
)

SETTING_START_DATE = Question(
    code="SETTING_START_DATE",
    data_type=DataType.DATE,
    label=(
        "Date started at the current school, college or setting",
        "Y dyddiad y dechreuwyd yn yr ysgol, y coleg neu'r lleoliad presennol",
    ),
    hint=(
        "An approximate date is fine, for example 1 9 2023.",
        "Mae dyddiad bras yn iawn, er enghraifft 1 9 2023.",
    ),
)

WELSH_MEDIUM = Question(
    code="WELSH_MEDIUM",
    data_type=DataType.YES_NO,
    label=(
        "Is education provided mainly through the medium of Welsh?",
        "A yw'r addysg yn cael ei darparu'n bennaf drwy gyfrwng y Gymraeg?",
    ),
    hint=(
        "This helps us find advice and support in the right language.",
        "Mae hyn yn ein helpu i ddod o hyd i gyngor a chymorth yn yr iaith gywir.",
    ),
)

HOME_LANGUAGE = Question(
    code="HOME_LANGUAGE",
    data_type=DataType.TEXT,
    label=("Main language spoken at home", "Prif iaith y cartref"),
    hint=(
        "For example, English, Welsh, Polish or British Sign Language.",
        "Er enghraifft, Cymraeg, Saesneg, Pwyleg neu Iaith Arwyddion Prydain.",
    ),
    max_length=60,
)

LOOKED_AFTER = Question(
    code="LOOKED_AFTER",
    data_type=DataType.YES_NO,
    label=(
        "Is the child or young person looked after by a local authority?",
        "A yw'r plentyn neu'r person ifanc yn derbyn gofal gan awdurdod lleol?",
    ),
    hint=(
        "This means in the care of a council, for example living with foster carers.",
        "Mae hyn yn golygu bod yng ngofal cyngor, er enghraifft yn byw gyda gofalwyr maeth.",
    ),
    in_chronology=True,
)

PRIMARY_NEED = Question(
    code="PRIMARY_NEED",
    data_type=DataType.CHOICE,
    label=("Main area of need", "Prif faes angen"),
    hint=(
        "Choose the one that fits best. You can describe every need below.",
        "Dewiswch yr un sy'n gweddu orau. Gallwch ddisgrifio pob angen isod.",
    ),
    mandatory=True,
    in_chronology=True,
    choices=(
        (
            "communication_interaction",
            "Communication and interaction",
            "Cyfathrebu a rhyngweithio",
        ),
        ("cognition_learning", "Cognition and learning", "Gwybyddiaeth a dysgu"),
        (
            "social_emotional_mental_health",
            "Social, emotional and mental health",
            "Iechyd cymdeithasol, emosiynol a meddyliol",
        ),
        ("sensory_physical", "Sensory or physical", "Synhwyraidd neu gorfforol"),
        ("not_sure", "Not sure", "Ddim yn siŵr"),
    ),
)

DIAGNOSES = Question(
    code="DIAGNOSES",
    data_type=DataType.MEMO,
    label=(
        "Any diagnoses, and who made them and when",
        "Unrhyw ddiagnosis, a phwy a'i roddodd a phryd",
    ),
    hint=(
        "For example, autism, diagnosed by the community paediatrician in March 2023. "
        "Leave blank if there are none.",
        "Er enghraifft, awtistiaeth, diagnosis gan y pediatregydd cymunedol ym mis Mawrth "
        "2023. Gadewch yn wag os nad oes un.",
    ),
    max_length=1000,
)

# The professionals around a child: asked in a repeating group on the requests.
AGENCY = Question(
    code="AGENCY",
    data_type=DataType.CHOICE,
    label=("Service or agency", "Gwasanaeth neu asiantaeth"),
    hint=("Choose the closest match.", "Dewiswch y disgrifiad agosaf."),
    choices=(
        ("educational_psychology", "Educational psychology", "Seicoleg addysg"),
        ("speech_language_therapy", "Speech and language therapy", "Therapi lleferydd ac iaith"),
        ("occupational_therapy", "Occupational therapy", "Therapi galwedigaethol"),
        ("physiotherapy", "Physiotherapy", "Ffisiotherapi"),
        ("paediatrics", "Paediatrics (children's doctor)", "Pediatreg (meddyg plant)"),
        (
            "camhs",
            "Child and adolescent mental health services (CAMHS)",
            "Gwasanaethau iechyd meddwl plant a'r glasoed (CAMHS)",
        ),
        ("health_visiting", "Health visitor or school nurse", "Ymwelydd iechyd neu nyrs ysgol"),
        (
            "sensory_support",
            "Hearing or vision support service",
            "Gwasanaeth cymorth clyw neu olwg",
        ),
        ("specialist_teaching", "Specialist teaching service", "Gwasanaeth addysgu arbenigol"),
        ("social_care", "Children's social care", "Gofal cymdeithasol i blant"),
        (
            "early_help",
            "Early help or family support",
            "Cymorth cynnar neu gymorth i deuluoedd",
        ),
        ("careers", "Careers advice", "Cyngor gyrfaoedd"),
        ("other", "Other", "Arall"),
    ),
)

CONTACT_NAME = Question(
    code="CONTACT_NAME",
    data_type=DataType.TEXT,
    label=("Contact name", "Enw'r person cyswllt"),
    hint=(
        "The person at the service who knows the child or young person best.",
        "Y person yn y gwasanaeth sy'n adnabod y plentyn neu'r person ifanc orau.",
    ),
    max_length=100,
)

CONTACT_ROLE = Question(
    code="CONTACT_ROLE",
    data_type=DataType.TEXT,
    label=("Their role", "Eu rôl"),
    hint=(
        "For example, speech and language therapist.",
        "Er enghraifft, therapydd lleferydd ac iaith.",
    ),
    max_length=100,
)

AGENCY_INVOLVEMENT = Question(
    code="AGENCY_INVOLVEMENT",
    data_type=DataType.MEMO,
    label=(
        "Their involvement and the support they give",
        "Eu rhan a'r cymorth maen nhw'n ei roi",
    ),
    hint=(
        "Include how often they see the child or young person, and any report they have written.",
        "Nodwch pa mor aml maen nhw'n gweld y plentyn neu'r person ifanc, ac unrhyw adroddiad "
        "maen nhw wedi'i ysgrifennu.",
    ),
    max_length=1000,
)

PROFESSIONALS = (AGENCY, CONTACT_NAME, CONTACT_ROLE, AGENCY_INVOLVEMENT)

# Asked of whoever makes a request (a parent or a young person).
REQUEST_REASON = Question(
    code="REQUEST_REASON",
    data_type=DataType.MEMO,
    label=(
        "Why are you asking for an EHC needs assessment now?",
        "Pam rydych chi'n gofyn am asesiad o anghenion EHC nawr?",
    ),
    hint=(
        "Tell us what has changed, or why the support so far is not enough.",
        "Dywedwch wrthym beth sydd wedi newid, neu pam nad yw'r cymorth hyd yma yn ddigon.",
    ),
    max_length=3000,
    mandatory=True,
    in_chronology=True,
)

INTERPRETER_NEEDED = Question(
    code="INTERPRETER_NEEDED",
    data_type=DataType.YES_NO,
    label=(
        "Is an interpreter or other communication support needed at meetings?",
        "A oes angen cyfieithydd neu gymorth cyfathrebu arall mewn cyfarfodydd?",
    ),
    hint=(
        "For example, a British Sign Language interpreter.",
        "Er enghraifft, dehonglydd Iaith Arwyddion Prydain.",
    ),
)

INTERPRETER_DETAILS = Question(
    code="INTERPRETER_DETAILS",
    data_type=DataType.TEXT,
    label=("What support is needed?", "Pa gymorth sydd ei angen?"),
    hint=("Leave blank if none is needed.", "Gadewch yn wag os nad oes angen dim."),
    max_length=200,
)

REQUEST_DOCUMENT = Question(
    code="REQUEST_DOCUMENT",
    data_type=DataType.FILE,
    label=("Document", "Dogfen"),
    hint=(
        "One file, for example a PDF, a Word document or a photo of a letter.",
        "Un ffeil, er enghraifft PDF, dogfen Word neu lun o lythyr.",
    ),
)

REQUEST_DOCUMENT_ABOUT = Question(
    code="REQUEST_DOCUMENT_ABOUT",
    data_type=DataType.TEXT,
    label=("What is this document?", "Beth yw'r ddogfen hon?"),
    hint=(
        "For example, “Speech and language therapy report, May 2024”.",
        "Er enghraifft, “Adroddiad therapi lleferydd ac iaith, Mai 2024”.",
    ),
    max_length=150,
)

CONSENT_DATE = Question(
    code="CONSENT_DATE",
    data_type=DataType.DATE,
    label=("Date of consent", "Dyddiad y caniatâd"),
    hint=("For example, 14 3 2025.", "Er enghraifft, 14 3 2025."),
    mandatory=True,
    in_chronology=True,
)
