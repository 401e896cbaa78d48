"""A young person's own request for an EHC needs assessment, written to "you"."""

from plugins.send.models import DataType

from . import shared
from .spec import Form, Group, Question

FORM = Form(
    code="EHC_REQ_YOUNG_PERSON",
    title=(
        "Young person's request for an EHC needs assessment",
        "Cais person ifanc am asesiad o anghenion EHC",
    ),
    subtitle="E1 – young person",
    description="Demo form: a young person aged 16 to 25 asks for an EHC needs assessment.",
    portal_type="citizen",
    user_type="young_person",
    guidance=(
        "Use this form to ask the council for an education, health and care (EHC) needs "
        "assessment for yourself. From the end of the school year in which you turn 16 until "
        "you are 25, you can ask for one yourself under section 36 of the Children and "
        "Families Act 2014.\n\n"
        "You can ask someone you trust to help you fill it in. Each step is saved, so you can "
        "stop and come back later.\n\n"
        "We will tell you within 6 weeks whether we will carry out the assessment.",
        "Defnyddiwch y ffurflen hon i ofyn i'r cyngor am asesiad o anghenion addysg, iechyd a "
        "gofal (EHC) i chi eich hun. O ddiwedd y flwyddyn ysgol pan fyddwch chi'n troi'n 16 "
        "hyd nes y byddwch chi'n 25 oed, gallwch ofyn am un eich hun o dan adran 36 o Ddeddf "
        "Plant a Theuluoedd 2014.\n\n"
        "Gallwch ofyn i rywun rydych chi'n ymddiried ynddo eich helpu i'w llenwi. Caiff pob "
        "cam ei gadw, felly gallwch stopio a dod yn ôl yn nes ymlaen.\n\n"
        "Byddwn yn rhoi gwybod i chi o fewn 6 wythnos a fyddwn yn cynnal yr asesiad.",
    ),
    groups=(
        Group(
            name=("Where you study", "Ble rydych chi'n astudio"),
            guidance=(
                "Tell us about your school, college or other setting now. If you are not "
                "studying at the moment, tell us that.",
                "Dywedwch wrthym am eich ysgol, coleg neu leoliad arall ar hyn o bryd. Os nad "
                "ydych chi'n astudio ar hyn o bryd, dywedwch hynny wrthym.",
            ),
            questions=(
                shared.SETTING_NAME,
                shared.SETTING_TYPE,
                shared.SETTING_START_DATE,
                Question(
                    code="YP_COURSE",
                    data_type=DataType.TEXT,
                    label=(
                        "What course or training are you doing?",
                        "Pa gwrs neu hyfforddiant rydych chi'n ei wneud?",
                    ),
                    hint=(
                        "For example, Level 2 Catering or a supported internship.",
                        "Er enghraifft, Arlwyo Lefel 2 neu interniaeth â chymorth.",
                    ),
                    max_length=200,
                ),
                shared.WELSH_MEDIUM,
                shared.HOME_LANGUAGE,
            ),
        ),
        Group(
            name=("What is going well for you", "Beth sy'n mynd yn dda i chi"),
            guidance=(
                "Start with the good things: what you enjoy, what you are good at and what you "
                "are proud of.",
                "Dechreuwch gyda'r pethau da: beth rydych chi'n ei fwynhau, beth rydych chi'n "
                "dda am ei wneud a beth rydych chi'n falch ohono.",
            ),
            questions=(
                Question(
                    code="YP_STRENGTHS",
                    data_type=DataType.MEMO,
                    label=(
                        "What do you enjoy, and what are you good at?",
                        "Beth ydych chi'n ei fwynhau, a beth ydych chi'n dda am ei wneud?",
                    ),
                    hint=(
                        "Think about study, work, hobbies and time with friends and family.",
                        "Meddyliwch am astudio, gwaith, diddordebau ac amser gyda ffrindiau a "
                        "theulu.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="YP_PROGRESS",
                    data_type=DataType.MEMO,
                    label=(
                        "What have you achieved recently that you are pleased with?",
                        "Beth rydych chi wedi'i gyflawni'n ddiweddar ac yn falch ohono?",
                    ),
                    hint=(
                        "It can be anything, big or small.",
                        "Gall fod yn unrhyw beth, mawr neu fach.",
                    ),
                    max_length=1000,
                ),
            ),
        ),
        Group(
            name=("Your needs", "Eich anghenion"),
            guidance=(
                "Tell us what you find difficult and how it affects your everyday life.",
                "Dywedwch wrthym beth rydych chi'n ei gael yn anodd a sut mae'n effeithio ar "
                "eich bywyd bob dydd.",
            ),
            questions=(
                shared.PRIMARY_NEED,
                Question(
                    code="YP_NEEDS",
                    data_type=DataType.MEMO,
                    label=("What do you find difficult?", "Beth rydych chi'n ei gael yn anodd?"),
                    hint=(
                        "For example, learning, communicating, making friends, managing your "
                        "feelings, getting around, or looking after yourself.",
                        "Er enghraifft, dysgu, cyfathrebu, gwneud ffrindiau, rheoli eich "
                        "teimladau, teithio o le i le, neu ofalu amdanoch eich hun.",
                    ),
                    max_length=4000,
                    mandatory=True,
                ),
                shared.DIAGNOSES,
            ),
        ),
        Group(
            name=("Support you have had", "Y cymorth rydych chi wedi'i gael"),
            guidance=(
                "Tell us about the help you have had so far and what difference it made.",
                "Dywedwch wrthym am y cymorth rydych chi wedi'i gael hyd yma a pha wahaniaeth a "
                "wnaeth.",
            ),
            questions=(
                Question(
                    code="YP_SUPPORT",
                    data_type=DataType.MEMO,
                    label=(
                        "What support have you had so far?",
                        "Pa gymorth rydych chi wedi'i gael hyd yma?",
                    ),
                    hint=(
                        "Include help in lessons, therapy, equipment, and support with travel "
                        "or at home.",
                        "Dylech gynnwys help mewn gwersi, therapi, offer, a chymorth i deithio "
                        "neu gartref.",
                    ),
                    max_length=3000,
                    mandatory=True,
                ),
                Question(
                    code="YP_SUPPORT_IMPACT",
                    data_type=DataType.MEMO,
                    label=(
                        "What has helped you most, and what has not helped?",
                        "Beth sydd wedi eich helpu fwyaf, a beth sydd heb helpu?",
                    ),
                    hint=(
                        "Knowing this helps us plan support that works for you.",
                        "Mae gwybod hyn yn ein helpu i gynllunio cymorth sy'n gweithio i chi.",
                    ),
                    max_length=2000,
                ),
            ),
        ),
        Group(
            name=("Professionals who help you", "Gweithwyr proffesiynol sy'n eich helpu"),
            guidance=(
                "Add each professional who supports you, such as a therapist, doctor, social "
                "worker or careers adviser. You can add as many as you need. Leave the answers "
                "blank if there is no one.",
                "Ychwanegwch bob gweithiwr proffesiynol sy'n eich cefnogi, fel therapydd, "
                "meddyg, gweithiwr cymdeithasol neu gynghorydd gyrfaoedd. Gallwch ychwanegu "
                "cynifer ag sydd eu hangen arnoch. Gadewch yr atebion yn wag os nad oes neb.",
            ),
            questions=shared.PROFESSIONALS,
            repeating=True,
        ),
        Group(
            name=("Your views", "Eich barn chi"),
            guidance=(
                "Tell us what matters to you. It is your request, so your views come first.",
                "Dywedwch wrthym beth sy'n bwysig i chi. Eich cais chi yw hwn, felly eich barn "
                "chi sy'n dod yn gyntaf.",
            ),
            questions=(
                shared.REQUEST_REASON,
                Question(
                    code="YP_INVOLVE_PARENTS",
                    data_type=DataType.YES_NO,
                    label=(
                        "Are you happy for us to talk to your parents or carers about your "
                        "request?",
                        "Ydych chi'n fodlon i ni siarad â'ch rhieni neu'ch gofalwyr am eich cais?",
                    ),
                    hint=(
                        "You decide who we involve. You can change your mind later.",
                        "Chi sy'n penderfynu pwy rydyn ni'n eu cynnwys. Gallwch newid eich "
                        "meddwl yn nes ymlaen.",
                    ),
                    mandatory=True,
                ),
                shared.INTERPRETER_NEEDED,
                shared.INTERPRETER_DETAILS,
                Question(
                    code="YP_HELPED_BY",
                    data_type=DataType.CHOICE,
                    label=(
                        "Who helped you fill in this form?",
                        "Pwy wnaeth eich helpu i lenwi'r ffurflen hon?",
                    ),
                    hint=("Choose the closest answer.", "Dewiswch yr ateb agosaf."),
                    choices=(
                        (
                            "nobody",
                            "No one, I filled it in myself",
                            "Neb, fe wnes i ei llenwi fy hun",
                        ),
                        (
                            "family",
                            "A parent, carer or family member",
                            "Rhiant, gofalwr neu aelod o'r teulu",
                        ),
                        (
                            "school_college",
                            "Someone at my school or college",
                            "Rhywun yn fy ysgol neu fy ngholeg",
                        ),
                        (
                            "advocate",
                            "An advocate or support worker",
                            "Eiriolwr neu weithiwr cymorth",
                        ),
                        ("other", "Someone else", "Rhywun arall"),
                    ),
                ),
            ),
        ),
        Group(
            name=("What you hope for", "Eich gobeithion"),
            guidance=(
                "Tell us what you want to achieve. Your hopes help shape the outcomes in an "
                "EHC plan if one is made.",
                "Dywedwch wrthym beth rydych chi eisiau ei gyflawni. Mae eich gobeithion yn "
                "helpu i lunio'r canlyniadau mewn cynllun EHC os caiff un ei wneud.",
            ),
            questions=(
                Question(
                    code="YP_HOPES_YEAR",
                    data_type=DataType.MEMO,
                    label=(
                        "What would you like to achieve in the next year?",
                        "Beth hoffech chi ei gyflawni yn ystod y flwyddyn nesaf?",
                    ),
                    hint=(
                        "For example, a qualification, travelling on your own or making new "
                        "friends.",
                        "Er enghraifft, cymhwyster, teithio ar eich pen eich hun neu wneud "
                        "ffrindiau newydd.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="YP_HOPES_FUTURE",
                    data_type=DataType.MEMO,
                    label=(
                        "What are your hopes for adult life?",
                        "Beth yw eich gobeithion ar gyfer bywyd fel oedolyn?",
                    ),
                    hint=(
                        "Think about work, where you would like to live, your friends and your "
                        "health.",
                        "Meddyliwch am waith, ble hoffech chi fyw, eich ffrindiau a'ch iechyd.",
                    ),
                    max_length=2000,
                ),
            ),
        ),
        Group(
            name=("Supporting documents", "Dogfennau ategol"),
            guidance=(
                "Add any reports or letters that help explain your needs, one file at a time. "
                "You can add as many as you need. This step is optional.",
                "Ychwanegwch unrhyw adroddiadau neu lythyrau sy'n helpu i esbonio eich "
                "anghenion, un ffeil ar y tro. Gallwch ychwanegu cynifer ag sydd eu hangen "
                "arnoch. Mae'r cam hwn yn ddewisol.",
            ),
            questions=(shared.REQUEST_DOCUMENT, shared.REQUEST_DOCUMENT_ABOUT),
            repeating=True,
        ),
    ),
)
