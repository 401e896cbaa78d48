"""A parent's or carer's request for an EHC needs assessment, written about their child."""

from plugins.send.models import DataType

from . import shared
from .spec import Form, Group, Question

FORM = Form(
    code="EHC_REQ_PARENT",
    title=(
        "Parent, carer or young person request for an EHC needs assessment",
        "Cais gan riant, gofalwr neu berson ifanc am asesiad o anghenion EHC",
    ),
    subtitle="E1 – parent or carer",
    description="Demo form: a parent or carer asks for an EHC needs assessment for their child.",
    portal_type="citizen",
    user_type="parent_carer",
    guidance=(
        "Use this form to ask the council to carry out an education, health and care (EHC) "
        "needs assessment for your child. You have the right to ask for one under section 36 "
        "of the Children and Families Act 2014.\n\n"
        "Tell us about your child in your own words. You do not need to answer everything at "
        "once: each step is saved, so you can come back later.\n\n"
        "We will tell you within 6 weeks whether we will carry out the assessment.",
        "Defnyddiwch y ffurflen hon i ofyn i'r cyngor gynnal asesiad o anghenion addysg, "
        "iechyd a gofal (EHC) ar gyfer eich plentyn. Mae gennych hawl i ofyn am un o dan adran "
        "36 o Ddeddf Plant a Theuluoedd 2014.\n\n"
        "Dywedwch wrthym am eich plentyn yn eich geiriau eich hun. Does dim rhaid i chi ateb "
        "popeth ar unwaith: caiff pob cam ei gadw, felly gallwch ddod yn ôl yn nes ymlaen.\n\n"
        "Byddwn yn rhoi gwybod i chi o fewn 6 wythnos a fyddwn yn cynnal yr asesiad.",
    ),
    groups=(
        Group(
            name=("Your child's education", "Addysg eich plentyn"),
            guidance=(
                "Tell us about your child's school, college or setting now.",
                "Dywedwch wrthym am ysgol, coleg neu leoliad presennol eich plentyn.",
            ),
            questions=(
                shared.SETTING_NAME,
                shared.SETTING_TYPE,
                shared.SETTING_START_DATE,
                shared.WELSH_MEDIUM,
                shared.HOME_LANGUAGE,
                shared.LOOKED_AFTER,
                Question(
                    code="DAYS_MISSED_TERM",
                    data_type=DataType.INTEGER,
                    label=(
                        "About how many school days has your child missed this term?",
                        "Tua faint o ddiwrnodau ysgol mae eich plentyn wedi'u colli y tymor hwn?",
                    ),
                    hint=(
                        "Include days missed through illness, appointments or because your "
                        "child could not go in. Enter 0 if none.",
                        "Dylech gynnwys diwrnodau a gollwyd oherwydd salwch, apwyntiadau neu am "
                        "nad oedd eich plentyn yn gallu mynd i'r ysgol. Rhowch 0 os na "
                        "chollwyd yr un diwrnod.",
                    ),
                ),
            ),
        ),
        Group(
            name=("What is going well", "Beth sy'n mynd yn dda"),
            guidance=(
                "Start with your child's strengths: what they enjoy, what they are good at and "
                "what they are proud of.",
                "Dechreuwch gyda chryfderau eich plentyn: beth mae'n ei fwynhau, beth mae'n dda "
                "am ei wneud a beth mae'n falch ohono.",
            ),
            questions=(
                Question(
                    code="PARENT_STRENGTHS",
                    data_type=DataType.MEMO,
                    label=(
                        "What does your child enjoy and do well?",
                        "Beth mae eich plentyn yn ei fwynhau ac yn ei wneud yn dda?",
                    ),
                    hint=(
                        "Think about home, school and time with friends and family.",
                        "Meddyliwch am y cartref, yr ysgol ac amser gyda ffrindiau a theulu.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="PARENT_PROGRESS",
                    data_type=DataType.MEMO,
                    label=(
                        "What progress has your child made recently?",
                        "Pa gynnydd mae eich plentyn wedi'i wneud yn ddiweddar?",
                    ),
                    hint=(
                        "Small steps count, for example a new word, a new friend or a calmer "
                        "morning routine.",
                        "Mae camau bach yn cyfrif, er enghraifft gair newydd, ffrind newydd "
                        "neu drefn foreol dawelach.",
                    ),
                    max_length=1000,
                ),
            ),
        ),
        Group(
            name=("Your child's needs", "Anghenion eich plentyn"),
            guidance=(
                "Describe what your child finds difficult and how this affects everyday life, "
                "at home and at school or their setting.",
                "Disgrifiwch beth mae eich plentyn yn ei gael yn anodd a sut mae hyn yn "
                "effeithio ar fywyd bob dydd, gartref ac yn yr ysgol neu'r lleoliad.",
            ),
            questions=(
                shared.PRIMARY_NEED,
                Question(
                    code="PARENT_NEEDS",
                    data_type=DataType.MEMO,
                    label=(
                        "Tell us about your child's needs",
                        "Dywedwch wrthym am anghenion eich plentyn",
                    ),
                    hint=(
                        "For example, communicating, learning, making friends, managing "
                        "feelings, moving around, seeing or hearing, or personal care.",
                        "Er enghraifft, cyfathrebu, dysgu, gwneud ffrindiau, rheoli teimladau, "
                        "symud o gwmpas, gweld neu glywed, neu ofal personol.",
                    ),
                    max_length=4000,
                    mandatory=True,
                ),
                shared.DIAGNOSES,
            ),
        ),
        Group(
            name=("Support so far", "Y cymorth hyd yma"),
            guidance=(
                "Tell us what help your child has had, at school or their setting and from "
                "anyone else, and what difference it made.",
                "Dywedwch wrthym pa gymorth mae eich plentyn wedi'i gael, yn yr ysgol neu'r "
                "lleoliad a chan unrhyw un arall, a pha wahaniaeth a wnaeth.",
            ),
            questions=(
                Question(
                    code="PARENT_SUPPORT",
                    data_type=DataType.MEMO,
                    label=(
                        "What support has your child had so far?",
                        "Pa gymorth mae eich plentyn wedi'i gael hyd yma?",
                    ),
                    hint=(
                        "Include extra help at school, therapy, equipment and support at home.",
                        "Dylech gynnwys help ychwanegol yn yr ysgol, therapi, offer a chymorth "
                        "gartref.",
                    ),
                    max_length=3000,
                    mandatory=True,
                ),
                Question(
                    code="PARENT_SUPPORT_IMPACT",
                    data_type=DataType.MEMO,
                    label=(
                        "What has worked well, and what has not?",
                        "Beth sydd wedi gweithio'n dda, a beth sydd heb weithio?",
                    ),
                    hint=(
                        "Your view helps us plan support that works for your child.",
                        "Mae eich barn yn ein helpu i gynllunio cymorth sy'n gweithio i'ch "
                        "plentyn.",
                    ),
                    max_length=2000,
                ),
                Question(
                    code="SUPPORT_PLAN_IN_PLACE",
                    data_type=DataType.YES_NO,
                    label=(
                        "Does your child have a support plan at their school or setting?",
                        "Oes gan eich plentyn gynllun cymorth yn yr ysgol neu'r lleoliad?",
                    ),
                    hint=(
                        "For example, an individual support plan or a pupil profile.",
                        "Er enghraifft, cynllun cymorth unigol neu broffil disgybl.",
                    ),
                ),
            ),
        ),
        Group(
            name=(
                "Professionals involved with your child",
                "Gweithwyr proffesiynol sy'n ymwneud â'ch plentyn",
            ),
            guidance=(
                "Add each professional who knows your child, such as a therapist, doctor or "
                "social worker. You can add as many as you need. Leave the answers blank if no "
                "one is involved.",
                "Ychwanegwch bob gweithiwr proffesiynol sy'n adnabod eich plentyn, fel "
                "therapydd, meddyg neu weithiwr cymdeithasol. Gallwch ychwanegu cynifer ag sydd "
                "eu hangen arnoch. Gadewch yr atebion yn wag os nad oes neb yn ymwneud â'ch "
                "plentyn.",
            ),
            questions=shared.PROFESSIONALS,
            repeating=True,
        ),
        Group(
            name=("Your views", "Eich barn chi"),
            guidance=(
                "This is your chance to tell us what matters to you and your family.",
                "Dyma eich cyfle i ddweud wrthym beth sy'n bwysig i chi a'ch teulu.",
            ),
            questions=(
                shared.REQUEST_REASON,
                Question(
                    code="PARENT_VIEWS",
                    data_type=DataType.MEMO,
                    label=(
                        "What else would you like us to know about your child and your family?",
                        "Beth arall hoffech chi i ni ei wybod am eich plentyn a'ch teulu?",
                    ),
                    hint=(
                        "For example, what a good day looks like, and what makes a day difficult.",
                        "Er enghraifft, sut beth yw diwrnod da, a beth sy'n gwneud diwrnod yn "
                        "anodd.",
                    ),
                    max_length=3000,
                ),
                shared.INTERPRETER_NEEDED,
                shared.INTERPRETER_DETAILS,
            ),
        ),
        Group(
            name=("What you hope for", "Eich gobeithion"),
            guidance=(
                "Tell us what you would like your child to achieve. These hopes help shape the "
                "outcomes in an EHC plan if one is made.",
                "Dywedwch wrthym beth hoffech chi i'ch plentyn ei gyflawni. Mae'r gobeithion "
                "hyn yn helpu i lunio'r canlyniadau mewn cynllun EHC os caiff un ei wneud.",
            ),
            questions=(
                Question(
                    code="PARENT_HOPES_YEAR",
                    data_type=DataType.MEMO,
                    label=(
                        "What do you hope your child will achieve in the next year?",
                        "Beth ydych chi'n gobeithio y bydd eich plentyn yn ei gyflawni yn ystod "
                        "y flwyddyn nesaf?",
                    ),
                    hint=(
                        "Think about learning, health, friendships and independence.",
                        "Meddyliwch am ddysgu, iechyd, cyfeillgarwch ac annibyniaeth.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="PARENT_HOPES_FUTURE",
                    data_type=DataType.MEMO,
                    label=(
                        "What are your hopes for your child's future as an adult?",
                        "Beth yw eich gobeithion ar gyfer dyfodol eich plentyn fel oedolyn?",
                    ),
                    hint=(
                        "For example, work, further study, a home and friendships.",
                        "Er enghraifft, gwaith, astudio pellach, cartref a chyfeillgarwch.",
                    ),
                    max_length=2000,
                ),
            ),
        ),
        Group(
            name=("Supporting documents", "Dogfennau ategol"),
            guidance=(
                "Add any reports or letters that help explain your child's needs, one file at "
                "a time, for example from a doctor, a therapist or the school. You can add as "
                "many as you need. This step is optional.",
                "Ychwanegwch unrhyw adroddiadau neu lythyrau sy'n helpu i esbonio anghenion "
                "eich plentyn, un ffeil ar y tro, er enghraifft gan feddyg, therapydd neu'r "
                "ysgol. Gallwch ychwanegu cynifer ag sydd eu hangen arnoch. Mae'r cam hwn yn "
                "ddewisol.",
            ),
            questions=(shared.REQUEST_DOCUMENT, shared.REQUEST_DOCUMENT_ABOUT),
            repeating=True,
        ),
    ),
)
