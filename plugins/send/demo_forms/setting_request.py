"""A school's, college's or early years setting's request for an EHC needs assessment, in the
parts councils' own forms use: personal details, all about me, strengths, needs and support
with the evidence behind them, other agencies, additional considerations, consent and the
supporting documentation."""

from plugins.send.models import DataType

from . import shared
from .spec import Form, Group, Question

EXAMPLE_DATE = ("For example, 14 3 2025.", "Er enghraifft, 14 3 2025.")
ONE_FILE = ("One file: PDF, Word document or image.", "Un ffeil: PDF, dogfen Word neu ddelwedd.")

FORM = Form(
    code="EHC_REQ_SETTING",
    title=(
        "School or setting request for an EHC needs assessment",
        "Cais gan ysgol neu leoliad am asesiad o anghenion EHC",
    ),
    subtitle="School, college or early years setting",
    description="Demo form: a school, college or early years setting asks for an assessment.",
    portal_type="professional",
    user_type="not_applicable",
    guidance=(
        "Use this form when a school, college or early years setting asks the council for an "
        "education, health and care (EHC) needs assessment under section 36 of the Children "
        "and Families Act 2014.\n\n"
        "Before you start, talk to the child's parents or carers (or to the young person, if "
        "over compulsory school age) and get their signed consent. The request should show "
        "the child's long-term, complex needs and the support the setting has already put in "
        "place, with its impact over time (the assess, plan, do, review cycle).\n\n"
        "Have the documents ready: you will list and upload them as you go.",
        "Defnyddiwch y ffurflen hon pan fydd ysgol, coleg neu leoliad blynyddoedd cynnar yn "
        "gofyn i'r cyngor am asesiad o anghenion addysg, iechyd a gofal (EHC) o dan adran 36 "
        "o Ddeddf Plant a Theuluoedd 2014.\n\n"
        "Cyn dechrau, siaradwch â rhieni neu ofalwyr y plentyn (neu â'r person ifanc, os yw "
        "dros oedran addysg orfodol) a chael eu caniatâd wedi'i lofnodi. Dylai'r cais ddangos "
        "anghenion tymor hir, cymhleth y plentyn a'r cymorth mae'r lleoliad eisoes wedi'i roi "
        "ar waith, a'i effaith dros amser (y cylch asesu, cynllunio, gweithredu ac adolygu).\n\n"
        "Cadwch y dogfennau wrth law: byddwch yn eu rhestru a'u lanlwytho wrth fynd ymlaen.",
    ),
    groups=(
        Group(
            name=("Personal details", "Manylion personol"),
            guidance=(
                "The child's name and date of birth are in the first step. Here, tell us about "
                "their setting, their family and who is making the request.",
                "Mae enw a dyddiad geni'r plentyn wedi'u nodi yn y cam cyntaf. Yma, dywedwch "
                "wrthym am y lleoliad, y teulu a phwy sy'n gwneud y cais.",
            ),
            questions=(
                shared.SETTING_NAME,
                shared.SETTING_TYPE,
                shared.SETTING_START_DATE,
                Question(
                    code="YEAR_GROUP",
                    data_type=DataType.TEXT,
                    label=("Year group", "Grŵp blwyddyn"),
                    hint=(
                        "For example, Reception or Year 4.",
                        "Er enghraifft, Derbyn neu Flwyddyn 4.",
                    ),
                    max_length=30,
                ),
                shared.HOME_LANGUAGE,
                shared.WELSH_MEDIUM,
                shared.LOOKED_AFTER,
                Question(
                    code="PARENT_CARER_NAMES",
                    data_type=DataType.TEXT,
                    label=("Names of the parents or carers", "Enwau'r rhieni neu'r gofalwyr"),
                    hint=(
                        "Everyone with parental responsibility, if you know.",
                        "Pawb sydd â chyfrifoldeb rhiant, os ydych chi'n gwybod.",
                    ),
                    max_length=200,
                ),
                Question(
                    code="PARENT_CARER_PHONE",
                    data_type=DataType.TEXT,
                    label=(
                        "Parent or carer telephone number",
                        "Rhif ffôn y rhiant neu'r gofalwr",
                    ),
                    hint=("Include the area code.", "Dylech gynnwys y cod ardal."),
                    max_length=20,
                ),
                Question(
                    code="REQUESTER_NAME",
                    data_type=DataType.TEXT,
                    label=(
                        "Name of the SENCO or person making the request",
                        "Enw'r SENCO neu'r person sy'n gwneud y cais",
                    ),
                    hint=(
                        "SENCO: special educational needs co-ordinator.",
                        "SENCO: cydlynydd anghenion addysgol arbennig.",
                    ),
                    max_length=100,
                    mandatory=True,
                ),
                Question(
                    code="REQUESTER_EMAIL",
                    data_type=DataType.TEXT,
                    label=(
                        "Email address for this request",
                        "Cyfeiriad e-bost ar gyfer y cais hwn",
                    ),
                    hint=(
                        "We send updates about the request to this address.",
                        "Byddwn yn anfon diweddariadau am y cais i'r cyfeiriad hwn.",
                    ),
                    max_length=254,
                    mandatory=True,
                ),
                Question(
                    code="REQUESTER_PHONE",
                    data_type=DataType.TEXT,
                    label=("Telephone number", "Rhif ffôn"),
                    hint=(
                        "A direct line or extension, if there is one.",
                        "Llinell uniongyrchol neu estyniad, os oes un.",
                    ),
                    max_length=20,
                ),
            ),
        ),
        Group(
            name=("All about me", "Popeth amdanaf i"),
            guidance=(
                "Record the views, interests and ambitions of the child or young person and "
                "their family, in their own words where you can.",
                "Cofnodwch farn, diddordebau a dyheadau'r plentyn neu'r person ifanc a'r "
                "teulu, yn eu geiriau eu hunain lle bo modd.",
            ),
            questions=(
                Question(
                    code="SETTING_CHILD_VIEWS",
                    data_type=DataType.MEMO,
                    label=(
                        "The child or young person's views, interests and ambitions",
                        "Barn, diddordebau a dyheadau'r plentyn neu'r person ifanc",
                    ),
                    hint=(
                        "What they like, what they are good at, what they find hard and what "
                        "they hope for.",
                        "Beth maen nhw'n ei hoffi, beth maen nhw'n dda am ei wneud, beth maen "
                        "nhw'n ei gael yn anodd a beth maen nhw'n gobeithio amdano.",
                    ),
                    max_length=4000,
                    mandatory=True,
                ),
                Question(
                    code="SETTING_FAMILY_VIEWS",
                    data_type=DataType.MEMO,
                    label=("The parents' or carers' views", "Barn y rhieni neu'r gofalwyr"),
                    hint=(
                        "Include anything they asked you to pass on.",
                        "Dylech gynnwys unrhyw beth maen nhw wedi gofyn i chi ei rannu.",
                    ),
                    max_length=4000,
                ),
                Question(
                    code="VIEWS_GATHERED",
                    data_type=DataType.CHOICE,
                    label=(
                        "How were the child's views gathered?",
                        "Sut y casglwyd barn y plentyn?",
                    ),
                    hint=("Choose the main way.", "Dewiswch y brif ffordd."),
                    choices=(
                        ("conversation", "Talking with them", "Sgwrs gyda nhw"),
                        ("one_page_profile", "One-page profile", "Proffil un dudalen"),
                        (
                            "person_centred_review",
                            "Person-centred review meeting",
                            "Cyfarfod adolygu sy'n canolbwyntio ar yr unigolyn",
                        ),
                        (
                            "activity",
                            "Drawing, photos or another activity",
                            "Lluniau, ffotograffau neu weithgaredd arall",
                        ),
                        ("observation", "Observation", "Arsylwi"),
                        ("other", "Other", "Arall"),
                    ),
                ),
            ),
        ),
        Group(
            name=("Strengths, needs and support", "Cryfderau, anghenion a chymorth"),
            guidance=(
                "Give a summary here, and the evidence in the documents you list in the next "
                "step. Describe needs that are long-term and complex and need co-ordinated "
                "support.",
                "Rhowch grynodeb yma, a'r dystiolaeth yn y dogfennau y byddwch yn eu rhestru "
                "yn y cam nesaf. Disgrifiwch anghenion tymor hir a chymhleth sydd angen "
                "cymorth cydlynol.",
            ),
            questions=(
                Question(
                    code="SETTING_STRENGTHS",
                    data_type=DataType.MEMO,
                    label=("Strengths", "Cryfderau"),
                    hint=(
                        "What the child or young person does well, in learning and beyond.",
                        "Beth mae'r plentyn neu'r person ifanc yn ei wneud yn dda, mewn dysgu a "
                        "thu hwnt.",
                    ),
                    max_length=3000,
                    mandatory=True,
                ),
                shared.PRIMARY_NEED,
                Question(
                    code="SETTING_NEEDS",
                    data_type=DataType.MEMO,
                    label=("Special educational needs", "Anghenion addysgol arbennig"),
                    hint=(
                        "Describe each area of need and how it affects learning and daily life.",
                        "Disgrifiwch bob maes angen a sut mae'n effeithio ar ddysgu a bywyd bob "
                        "dydd.",
                    ),
                    max_length=4000,
                    mandatory=True,
                    in_chronology=True,
                ),
                shared.DIAGNOSES,
                Question(
                    code="SETTING_SUPPORT",
                    data_type=DataType.MEMO,
                    label=(
                        "Support in place and its impact",
                        "Y cymorth sydd ar waith a'i effaith",
                    ),
                    hint=(
                        "Include interventions, who delivers them, how often, and the progress "
                        "made.",
                        "Dylech gynnwys ymyriadau, pwy sy'n eu darparu, pa mor aml, a'r cynnydd "
                        "a wnaed.",
                    ),
                    max_length=4000,
                    mandatory=True,
                ),
                Question(
                    code="SUPPORT_HOURS",
                    data_type=DataType.DECIMAL,
                    label=(
                        "Hours of additional adult support each week",
                        "Oriau o gymorth ychwanegol gan oedolyn bob wythnos",
                    ),
                    hint=("For example, 12.5.", "Er enghraifft, 12.5."),
                ),
                Question(
                    code="SEN_BUDGET_SPENT",
                    data_type=DataType.DECIMAL,
                    label=(
                        "Spent on this child's additional support this year, in pounds",
                        "Y swm a wariwyd ar gymorth ychwanegol i'r plentyn hwn eleni, mewn "
                        "punnoedd",
                    ),
                    hint=(
                        "From the setting's own SEN budget, for example 6000.00.",
                        "O gyllideb AAA y lleoliad ei hun, er enghraifft 6000.00.",
                    ),
                ),
                Question(
                    code="ATTENDANCE_PERCENT",
                    data_type=DataType.DECIMAL,
                    label=(
                        "Attendance this school year, as a percentage",
                        "Presenoldeb y flwyddyn ysgol hon, fel canran",
                    ),
                    hint=("For example, 92.5.", "Er enghraifft, 92.5."),
                ),
                Question(
                    code="SUSPENSIONS",
                    data_type=DataType.INTEGER,
                    label=(
                        "Number of suspensions (fixed-term exclusions) this school year",
                        "Nifer y gwaharddiadau cyfnod penodol y flwyddyn ysgol hon",
                    ),
                    hint=("Enter 0 if there have been none.", "Rhowch 0 os na fu unrhyw rai."),
                ),
            ),
        ),
        Group(
            name=("Evidence of needs and support", "Tystiolaeth o anghenion a chymorth"),
            guidance=(
                "List each document that shows the child's needs and the support given, and "
                "upload it. Essential documents are the latest school report, the provision "
                "map or individual provision tracker, a pupil profile with dated reviews over "
                "12 months, and a timetable of current support. Add a risk assessment, team "
                "around the family minutes or a personal education plan where relevant.",
                "Rhestrwch bob dogfen sy'n dangos anghenion y plentyn a'r cymorth a roddwyd, a'i "
                "lanlwytho. Y dogfennau hanfodol yw'r adroddiad ysgol diweddaraf, y map "
                "darpariaeth neu'r traciwr darpariaeth unigol, proffil disgybl gydag "
                "adolygiadau wedi'u dyddio dros 12 mis, ac amserlen o'r cymorth presennol. "
                "Ychwanegwch asesiad risg, cofnodion tîm o amgylch y teulu neu gynllun addysg "
                "personol lle bo'n berthnasol.",
            ),
            questions=(
                Question(
                    code="EVIDENCE_TITLE",
                    data_type=DataType.TEXT,
                    label=("Document title", "Teitl y ddogfen"),
                    hint=(
                        "For example, “Pupil profile with 3 reviews, 2024 to 2025”.",
                        "Er enghraifft, “Proffil disgybl gyda 3 adolygiad, 2024 i 2025”.",
                    ),
                    max_length=150,
                    mandatory=True,
                ),
                Question(
                    code="EVIDENCE_AUTHOR",
                    data_type=DataType.TEXT,
                    label=("Author", "Awdur"),
                    hint=(
                        "Name and role of the person who wrote it.",
                        "Enw a rôl y person a'i hysgrifennodd.",
                    ),
                    max_length=100,
                ),
                Question(
                    code="EVIDENCE_DATE",
                    data_type=DataType.DATE,
                    label=("Date of the document", "Dyddiad y ddogfen"),
                    hint=EXAMPLE_DATE,
                    mandatory=True,
                ),
                Question(
                    code="EVIDENCE_FILE",
                    data_type=DataType.FILE,
                    label=("Upload the document", "Lanlwytho'r ddogfen"),
                    hint=ONE_FILE,
                    mandatory=True,
                ),
            ),
            repeating=True,
        ),
        Group(
            name=("Other agencies' involvement", "Cyfraniad asiantaethau eraill"),
            guidance=(
                "Add each health, social care or other service involved with the child, one at "
                "a time. List any report of theirs in the evidence step.",
                "Ychwanegwch bob gwasanaeth iechyd, gofal cymdeithasol neu wasanaeth arall sy'n "
                "ymwneud â'r plentyn, un ar y tro. Rhestrwch unrhyw adroddiad ganddyn nhw yn y "
                "cam tystiolaeth.",
            ),
            questions=shared.PROFESSIONALS,
            repeating=True,
        ),
        Group(
            name=("Additional considerations", "Ystyriaethau ychwanegol"),
            guidance=(
                "Anything else the council should consider when deciding whether to assess.",
                "Unrhyw beth arall y dylai'r cyngor ei ystyried wrth benderfynu a ddylid cynnal "
                "asesiad.",
            ),
            questions=(
                Question(
                    code="ADDITIONAL_CONSIDERATIONS",
                    data_type=DataType.MEMO,
                    label=("Additional information", "Gwybodaeth ychwanegol"),
                    hint=(
                        "For example, safeguarding, family circumstances, transport or a planned "
                        "move to another setting.",
                        "Er enghraifft, diogelu, amgylchiadau teuluol, trafnidiaeth neu "
                        "symudiad arfaethedig i leoliad arall.",
                    ),
                    max_length=3000,
                ),
                Question(
                    code="RISK_ASSESSMENT",
                    data_type=DataType.YES_NO,
                    label=("Is there a current risk assessment?", "Oes asesiad risg cyfredol?"),
                    hint=(
                        "If yes, list and upload it in the evidence step.",
                        "Os oes, rhestrwch a lanlwythwch ef yn y cam tystiolaeth.",
                    ),
                ),
                Question(
                    code="EARLY_HELP",
                    data_type=DataType.YES_NO,
                    label=(
                        "Is there an early help assessment or a team around the family?",
                        "Oes asesiad cymorth cynnar neu dîm o amgylch y teulu?",
                    ),
                    hint=(
                        "These show support already co-ordinated around the family.",
                        "Mae'r rhain yn dangos cymorth sydd eisoes yn cael ei gydlynu o amgylch "
                        "y teulu.",
                    ),
                ),
            ),
        ),
        Group(
            name=("Consent", "Caniatâd"),
            guidance=(
                "A setting should ask for an assessment with the knowledge and agreement of "
                "the parents or of the young person. Attach the signed consent form and the "
                "medical questionnaire in the last step.",
                "Dylai lleoliad ofyn am asesiad gyda gwybodaeth a chytundeb y rhieni neu'r "
                "person ifanc. Atodwch y ffurflen ganiatâd wedi'i llofnodi a'r holiadur "
                "meddygol yn y cam olaf.",
            ),
            questions=(
                Question(
                    code="SETTING_CONSENT_GIVEN",
                    data_type=DataType.YES_NO,
                    label=(
                        "Have the parents or the young person agreed to this request?",
                        "Ydy'r rhieni neu'r person ifanc wedi cytuno i'r cais hwn?",
                    ),
                    hint=(
                        "Choose no if you are still waiting for their agreement.",
                        "Dewiswch na os ydych chi'n dal i aros am eu cytundeb.",
                    ),
                    mandatory=True,
                    in_chronology=True,
                ),
                shared.CONSENT_DATE,
                Question(
                    code="CONSENT_FORM_ATTACHED",
                    data_type=DataType.YES_NO,
                    label=(
                        "Will you attach the signed consent form?",
                        "Fyddwch chi'n atodi'r ffurflen ganiatâd wedi'i llofnodi?",
                    ),
                    hint=(
                        "Attach it in the supporting documentation step.",
                        "Atodwch hi yn y cam dogfennau ategol.",
                    ),
                ),
                Question(
                    code="MEDICAL_FORM_ATTACHED",
                    data_type=DataType.YES_NO,
                    label=(
                        "Will you attach the medical questionnaire?",
                        "Fyddwch chi'n atodi'r holiadur meddygol?",
                    ),
                    hint=(
                        "The family's GP or health visitor can help to complete it.",
                        "Gall meddyg teulu neu ymwelydd iechyd y teulu helpu i'w lenwi.",
                    ),
                ),
            ),
        ),
        Group(
            name=("Supporting documentation", "Dogfennau ategol"),
            guidance=(
                "Upload the signed consent form, the medical questionnaire and any other "
                "document not already added, one file at a time. Name each file clearly.",
                "Lanlwythwch y ffurflen ganiatâd wedi'i llofnodi, yr holiadur meddygol ac "
                "unrhyw ddogfen arall sydd heb ei hychwanegu eisoes, un ffeil ar y tro. Rhowch "
                "enw clir i bob ffeil.",
            ),
            questions=(
                Question(
                    code="SETTING_DOCUMENT",
                    data_type=DataType.FILE,
                    label=("Supporting document", "Dogfen ategol"),
                    hint=ONE_FILE,
                ),
            ),
            repeating=True,
        ),
    ),
)
