"""A professional's advice for an EHC needs assessment, answering the council's request.

In Welsh "cyngor" means both "council" and "advice", so this form calls the council "yr
awdurdod lleol" throughout."""

from plugins.send.models import DataType

from . import shared
from .spec import Form, Group, Question

FORM = Form(
    code="ADVICE_RESPONSE",
    title=("Advice request response", "Ymateb i gais am gyngor"),
    subtitle="Advice for an EHC needs assessment",
    description="Demo form: a professional's advice and report for an EHC needs assessment.",
    portal_type="professional",
    user_type="not_applicable",
    guidance=(
        "The council is carrying out an education, health and care (EHC) needs assessment "
        "under section 36 of the Children and Families Act 2014 and has asked for your advice. "
        "Regulation 6 of the Special Educational Needs and Disability Regulations 2014 sets "
        "out the advice it must seek.\n\n"
        "Please give your advice within 6 weeks of the request. Describe the child or young "
        "person's needs, the outcomes you recommend and the provision needed to achieve them, "
        "and upload your full report.\n\n"
        "Your advice is shared with the family and may be attached to an EHC plan, so please "
        "write clearly and avoid jargon.",
        "Mae'r awdurdod lleol yn cynnal asesiad o anghenion addysg, iechyd a gofal (EHC) o "
        "dan adran 36 o Ddeddf Plant a Theuluoedd 2014 ac wedi gofyn am eich cyngor. Mae "
        "rheoliad 6 o Reoliadau Anghenion Addysgol Arbennig ac Anabledd 2014 yn nodi'r "
        "cyngor y mae'n rhaid iddo ei geisio.\n\n"
        "Rhowch eich cyngor o fewn 6 wythnos i'r cais. Disgrifiwch anghenion y plentyn neu'r "
        "person ifanc, y canlyniadau rydych chi'n eu hargymell a'r ddarpariaeth sydd ei "
        "hangen i'w cyflawni, a lanlwythwch eich adroddiad llawn.\n\n"
        "Caiff eich cyngor ei rannu gyda'r teulu a gall gael ei atodi i gynllun EHC, felly "
        "ysgrifennwch yn glir ac osgowch jargon.",
    ),
    groups=(
        Group(
            name=("Your details", "Eich manylion"),
            guidance=(
                "Tell us who is giving this advice.",
                "Dywedwch wrthym pwy sy'n rhoi'r cyngor hwn.",
            ),
            questions=(
                Question(
                    code="ADVISER_NAME",
                    data_type=DataType.TEXT,
                    label=("Your name", "Eich enw"),
                    hint=(
                        "As it should appear on the advice.",
                        "Fel y dylai ymddangos ar y cyngor.",
                    ),
                    max_length=100,
                    mandatory=True,
                ),
                Question(
                    code="ADVISER_ROLE",
                    data_type=DataType.TEXT,
                    label=("Your job title", "Teitl eich swydd"),
                    hint=(
                        "For example, Specialist speech and language therapist.",
                        "Er enghraifft, Therapydd lleferydd ac iaith arbenigol.",
                    ),
                    max_length=100,
                    mandatory=True,
                ),
                Question(
                    code="ADVISER_ORGANISATION",
                    data_type=DataType.TEXT,
                    label=("Organisation or service", "Sefydliad neu wasanaeth"),
                    hint=(
                        "For example, the NHS trust, the school or the council service.",
                        "Er enghraifft, yr ymddiriedolaeth GIG, yr ysgol neu wasanaeth yr "
                        "awdurdod lleol.",
                    ),
                    max_length=150,
                    mandatory=True,
                ),
                Question(
                    code="ADVICE_TYPE",
                    data_type=DataType.CHOICE,
                    label=("Type of advice", "Math o gyngor"),
                    hint=(
                        "Choose the type of advice you were asked for.",
                        "Dewiswch y math o gyngor y gofynnwyd i chi amdano.",
                    ),
                    mandatory=True,
                    in_chronology=True,
                    choices=(
                        ("educational", "Educational advice", "Cyngor addysgol"),
                        ("medical", "Medical or health advice", "Cyngor meddygol neu iechyd"),
                        ("psychological", "Psychological advice", "Cyngor seicolegol"),
                        ("social_care", "Social care advice", "Cyngor gofal cymdeithasol"),
                        (
                            "hearing_vision",
                            "Advice on hearing or vision impairment",
                            "Cyngor ar nam ar y clyw neu'r golwg",
                        ),
                        (
                            "preparing_for_adulthood",
                            "Advice on preparing for adulthood",
                            "Cyngor ar baratoi ar gyfer bod yn oedolyn",
                        ),
                        ("other", "Other advice", "Cyngor arall"),
                    ),
                ),
                Question(
                    code="ADVISER_EMAIL",
                    data_type=DataType.TEXT,
                    label=("Email address", "Cyfeiriad e-bost"),
                    hint=(
                        "We will contact you here if we have questions.",
                        "Byddwn yn cysylltu â chi yma os bydd gennym gwestiynau.",
                    ),
                    max_length=254,
                    mandatory=True,
                ),
                Question(
                    code="ADVISER_PHONE",
                    data_type=DataType.TEXT,
                    label=("Telephone number", "Rhif ffôn"),
                    hint=(
                        "A number we can reach you on during working hours.",
                        "Rhif y gallwn gysylltu â chi arno yn ystod oriau gwaith.",
                    ),
                    max_length=20,
                ),
            ),
        ),
        Group(
            name=(
                "Your involvement with the child or young person",
                "Eich cysylltiad â'r plentyn neu'r person ifanc",
            ),
            guidance=(
                "Tell us how you know the child or young person and what your advice is based on.",
                "Dywedwch wrthym sut rydych chi'n adnabod y plentyn neu'r person ifanc ac ar "
                "beth mae eich cyngor yn seiliedig.",
            ),
            questions=(
                Question(
                    code="FIRST_INVOLVED_DATE",
                    data_type=DataType.DATE,
                    label=(
                        "When did you first become involved?",
                        "Pryd wnaethoch chi ddechrau ymwneud â'r plentyn neu'r person ifanc?",
                    ),
                    hint=(
                        "For example, 3 9 2024. An approximate date is fine.",
                        "Er enghraifft, 3 9 2024. Mae dyddiad bras yn iawn.",
                    ),
                ),
                Question(
                    code="TIMES_SEEN",
                    data_type=DataType.INTEGER,
                    label=(
                        "How many times have you seen the child or young person for this advice?",
                        "Sawl gwaith rydych chi wedi gweld y plentyn neu'r person ifanc ar "
                        "gyfer y cyngor hwn?",
                    ),
                    hint=(
                        "Enter 0 if your advice is based on records only.",
                        "Rhowch 0 os yw eich cyngor yn seiliedig ar gofnodion yn unig.",
                    ),
                    mandatory=True,
                ),
                Question(
                    code="SPOKE_WITH_FAMILY",
                    data_type=DataType.YES_NO,
                    label=(
                        "Did you speak with the parents, carers or young person?",
                        "Wnaethoch chi siarad â'r rhieni, y gofalwyr neu'r person ifanc?",
                    ),
                    hint=(
                        "Their views should inform your advice.",
                        "Dylai eu barn lywio eich cyngor.",
                    ),
                ),
                Question(
                    code="ADVICE_BASIS",
                    data_type=DataType.MEMO,
                    label=("How your advice was gathered", "Sut y casglwyd eich cyngor"),
                    hint=(
                        "For example, observations in class, assessments used, meetings and "
                        "records read.",
                        "Er enghraifft, arsylwadau yn y dosbarth, asesiadau a ddefnyddiwyd, "
                        "cyfarfodydd a chofnodion a ddarllenwyd.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
            ),
        ),
        Group(
            name=(
                "The child or young person's needs",
                "Anghenion y plentyn neu'r person ifanc",
            ),
            guidance=(
                "Describe the needs you have identified, with the evidence for each.",
                "Disgrifiwch yr anghenion rydych chi wedi'u nodi, gyda'r dystiolaeth ar gyfer "
                "pob un.",
            ),
            questions=(
                shared.PRIMARY_NEED,
                Question(
                    code="ADVICE_NEEDS",
                    data_type=DataType.MEMO,
                    label=("Needs identified", "Yr anghenion a nodwyd"),
                    hint=(
                        "Include strengths too, and how the needs affect learning, health, "
                        "relationships and independence.",
                        "Dylech gynnwys cryfderau hefyd, a sut mae'r anghenion yn effeithio ar "
                        "ddysgu, iechyd, perthnasoedd ac annibyniaeth.",
                    ),
                    max_length=6000,
                    mandatory=True,
                ),
            ),
        ),
        Group(
            name=("Outcomes", "Canlyniadau"),
            guidance=(
                "Outcomes describe the difference support should make. Make them specific and "
                "measurable, and look ahead to the end of the next key stage or phase.",
                "Mae canlyniadau'n disgrifio'r gwahaniaeth y dylai cymorth ei wneud. Dylen nhw "
                "fod yn benodol ac yn fesuradwy, ac edrych ymlaen at ddiwedd y cyfnod allweddol "
                "neu'r cam nesaf.",
            ),
            questions=(
                Question(
                    code="ADVICE_OUTCOMES",
                    data_type=DataType.MEMO,
                    label=("Outcomes you recommend", "Y canlyniadau rydych chi'n eu hargymell"),
                    hint=(
                        "For example, “By the end of Year 6, Sam will use a visual timetable "
                        "to move between activities without an adult prompting.”",
                        "Er enghraifft, “Erbyn diwedd Blwyddyn 6, bydd Sam yn defnyddio "
                        "amserlen weledol i symud rhwng gweithgareddau heb i oedolyn ei "
                        "annog.”",
                    ),
                    max_length=4000,
                    mandatory=True,
                ),
            ),
        ),
        Group(
            name=("Provision recommended", "Y ddarpariaeth a argymhellir"),
            guidance=(
                "Provision must be specific: say what support is needed, who gives it, how "
                "often and for how long.",
                "Rhaid i'r ddarpariaeth fod yn benodol: nodwch pa gymorth sydd ei angen, pwy "
                "sy'n ei roi, pa mor aml ac am ba hyd.",
            ),
            questions=(
                Question(
                    code="ADVICE_PROVISION",
                    data_type=DataType.MEMO,
                    label=(
                        "Provision needed to meet the needs and achieve the outcomes",
                        "Y ddarpariaeth sydd ei hangen i ddiwallu'r anghenion a chyflawni'r "
                        "canlyniadau",
                    ),
                    hint=(
                        "For example, “A 30-minute session with a speech and language "
                        "therapist each week for 12 weeks, then a review.”",
                        "Er enghraifft, “Sesiwn 30 munud gyda therapydd lleferydd ac iaith bob "
                        "wythnos am 12 wythnos, yna adolygiad.”",
                    ),
                    max_length=6000,
                    mandatory=True,
                ),
                Question(
                    code="PROVISION_HOURS",
                    data_type=DataType.DECIMAL,
                    label=(
                        "Hours of direct support recommended each week",
                        "Oriau o gymorth uniongyrchol a argymhellir bob wythnos",
                    ),
                    hint=(
                        "For example, 2.5. Leave blank if your advice does not recommend hours.",
                        "Er enghraifft, 2.5. Gadewch yn wag os nad yw eich cyngor yn argymell "
                        "oriau.",
                    ),
                ),
                Question(
                    code="HEALTH_CARE_PROVISION",
                    data_type=DataType.YES_NO,
                    label=(
                        "Does your advice recommend health or social care provision?",
                        "Ydy eich cyngor yn argymell darpariaeth iechyd neu ofal cymdeithasol?",
                    ),
                    hint=(
                        "EHC plans record health and social care provision separately from "
                        "special educational provision.",
                        "Mae cynlluniau EHC yn cofnodi darpariaeth iechyd a gofal cymdeithasol "
                        "ar wahân i ddarpariaeth addysgol arbennig.",
                    ),
                ),
            ),
        ),
        Group(
            name=("Your report", "Eich adroddiad"),
            guidance=(
                "Upload your full, signed report. It should match what you have written in "
                "this form.",
                "Lanlwythwch eich adroddiad llawn wedi'i lofnodi. Dylai gyfateb i'r hyn rydych "
                "chi wedi'i ysgrifennu yn y ffurflen hon.",
            ),
            questions=(
                Question(
                    code="ADVICE_REPORT_DATE",
                    data_type=DataType.DATE,
                    label=("Date of your report", "Dyddiad eich adroddiad"),
                    hint=("For example, 14 3 2025.", "Er enghraifft, 14 3 2025."),
                    mandatory=True,
                    in_chronology=True,
                ),
                Question(
                    code="ADVICE_REPORT_FILE",
                    data_type=DataType.FILE,
                    label=("Upload your report", "Lanlwytho eich adroddiad"),
                    hint=(
                        "One file: PDF or Word document.",
                        "Un ffeil: PDF neu ddogfen Word.",
                    ),
                    mandatory=True,
                ),
            ),
        ),
    ),
)
