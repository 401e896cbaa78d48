"""A parent's or carer's consent to sharing information and asking for advice during an EHC
needs assessment: yes or no for each, with who has parental responsibility."""

from plugins.send.models import DataType

from . import shared
from .spec import Form, Group, Question


def _consent(code, label, hint, in_chronology=True):
    """A yes or no that must be answered, either way. Consents go in the chronology, where
    caseworkers look for when each was given or refused."""
    return Question(
        code=code,
        data_type=DataType.YES_NO,
        label=label,
        hint=hint,
        mandatory=True,
        in_chronology=in_chronology,
    )


FORM = Form(
    code="PARENTAL_CONSENT",
    title=("Parental consent", "Caniatâd rhiant"),
    subtitle="E2",
    description="Demo form: consent to share information and ask for advice.",
    portal_type="citizen",
    user_type="parent_carer",
    guidance=(
        "To carry out an EHC needs assessment we ask professionals for advice about your "
        "child and share information with them. This form records what you agree to.\n\n"
        "You can change your mind at any time by contacting the council's special educational "
        "needs and disabilities (SEND) team. Withdrawing consent does not affect information "
        "already shared.",
        "I gynnal asesiad o anghenion EHC, rydyn ni'n gofyn i weithwyr proffesiynol am gyngor "
        "am eich plentyn ac yn rhannu gwybodaeth gyda nhw. Mae'r ffurflen hon yn cofnodi beth "
        "rydych chi'n cytuno iddo.\n\n"
        "Gallwch newid eich meddwl unrhyw bryd drwy gysylltu â thîm anghenion addysgol "
        "arbennig ac anableddau (SEND) y cyngor. Nid yw tynnu caniatâd yn ôl yn effeithio ar "
        "wybodaeth sydd eisoes wedi'i rhannu.",
    ),
    groups=(
        Group(
            name=("About you", "Amdanoch chi"),
            guidance=(
                "We need to know who is giving consent and whether they have parental "
                "responsibility.",
                "Mae angen i ni wybod pwy sy'n rhoi caniatâd ac a oes ganddyn nhw gyfrifoldeb "
                "rhiant.",
            ),
            questions=(
                Question(
                    code="CONSENT_NAME",
                    data_type=DataType.TEXT,
                    label=("Your full name", "Eich enw llawn"),
                    hint=("As you would sign it.", "Fel y byddech chi'n ei lofnodi."),
                    max_length=100,
                    mandatory=True,
                ),
                Question(
                    code="CONSENT_RELATIONSHIP",
                    data_type=DataType.CHOICE,
                    label=("Your relationship to the child", "Eich perthynas â'r plentyn"),
                    hint=("Choose the closest.", "Dewiswch yr un agosaf."),
                    mandatory=True,
                    choices=(
                        ("mother", "Mother", "Mam"),
                        ("father", "Father", "Tad"),
                        ("step_parent", "Step-parent", "Llys-riant"),
                        ("foster_carer", "Foster carer", "Gofalwr maeth"),
                        ("special_guardian", "Special guardian", "Gwarcheidwad arbennig"),
                        ("grandparent", "Grandparent", "Taid, nain, tad-cu neu fam-gu"),
                        ("other_family", "Other family member", "Aelod arall o'r teulu"),
                        ("other", "Other", "Arall"),
                    ),
                ),
                _consent(
                    "PARENTAL_RESPONSIBILITY",
                    (
                        "Do you have parental responsibility for the child?",
                        "Oes gennych chi gyfrifoldeb rhiant dros y plentyn?",
                    ),
                    (
                        "A birth mother always has it. A father usually has it if he was "
                        "married to the mother or is named on the birth certificate. Others "
                        "can get it through a court order.",
                        "Mae gan fam enedigol gyfrifoldeb rhiant bob amser. Fel arfer, mae gan "
                        "dad gyfrifoldeb rhiant os oedd yn briod â'r fam neu os yw ei enw ar y "
                        "dystysgrif geni. Gall eraill ei gael drwy orchymyn llys.",
                    ),
                ),
                Question(
                    code="OTHER_PARENTAL_RESPONSIBILITY",
                    data_type=DataType.YES_NO,
                    label=(
                        "Does anyone else have parental responsibility?",
                        "Oes gan unrhyw un arall gyfrifoldeb rhiant?",
                    ),
                    hint=(
                        "For example, the child's other parent or a council.",
                        "Er enghraifft, rhiant arall y plentyn neu gyngor.",
                    ),
                ),
                Question(
                    code="OTHER_PR_NAMES",
                    data_type=DataType.TEXT,
                    label=(
                        "Names of the other people with parental responsibility",
                        "Enwau'r bobl eraill sydd â chyfrifoldeb rhiant",
                    ),
                    hint=(
                        "Leave blank if there is no one else.",
                        "Gadewch yn wag os nad oes neb arall.",
                    ),
                    max_length=200,
                ),
            ),
        ),
        Group(
            name=("Sharing information", "Rhannu gwybodaeth"),
            guidance=(
                "Tell us who we may ask for advice and share information with. Choose yes or "
                "no for each.",
                "Dywedwch wrthym gan bwy y cawn ofyn am gyngor a gyda phwy y cawn rannu "
                "gwybodaeth. Dewiswch ie neu na ar gyfer pob un.",
            ),
            questions=(
                _consent(
                    "CONSENT_SHARE_SETTING",
                    (
                        "May we share information about your child with their school, college "
                        "or setting?",
                        "Gawn ni rannu gwybodaeth am eich plentyn gyda'r ysgol, y coleg neu'r "
                        "lleoliad addysg?",
                    ),
                    (
                        "This includes asking them for educational advice.",
                        "Mae hyn yn cynnwys gofyn iddyn nhw am gyngor addysgol.",
                    ),
                ),
                _consent(
                    "CONSENT_HEALTH",
                    (
                        "May we ask health services for advice and information about your child?",
                        "Gawn ni ofyn i wasanaethau iechyd am gyngor a gwybodaeth am eich plentyn?",
                    ),
                    (
                        "For example, your GP, the community paediatrician and therapists.",
                        "Er enghraifft, eich meddyg teulu, y pediatregydd cymunedol a "
                        "therapyddion.",
                    ),
                ),
                _consent(
                    "CONSENT_SOCIAL_CARE",
                    (
                        "May we ask children's social care for advice and information about "
                        "your child?",
                        "Gawn ni ofyn i'r gwasanaethau gofal cymdeithasol i blant am gyngor a "
                        "gwybodaeth am eich plentyn?",
                    ),
                    (
                        "We ask social care even if they do not know your child, to see whether "
                        "any support is needed.",
                        "Rydyn ni'n gofyn i ofal cymdeithasol hyd yn oed os nad ydyn nhw'n "
                        "adnabod eich plentyn, i weld a oes angen unrhyw gymorth.",
                    ),
                ),
                _consent(
                    "CONSENT_PSYCHOLOGIST",
                    (
                        "May an educational psychologist meet your child and give advice?",
                        "Gaiff seicolegydd addysg gwrdd â'ch plentyn a rhoi cyngor?",
                    ),
                    (
                        "Psychological advice is part of every EHC needs assessment.",
                        "Mae cyngor seicolegol yn rhan o bob asesiad o anghenion EHC.",
                    ),
                ),
                _consent(
                    "CONSENT_SHARE_ADVICE",
                    (
                        "May we share the advice we receive with the other professionals involved?",
                        "Gawn ni rannu'r cyngor a gawn gyda'r gweithwyr proffesiynol eraill sy'n "
                        "ymwneud â'ch plentyn?",
                    ),
                    (
                        "This helps everyone work together, and saves you being asked the same "
                        "questions twice.",
                        "Mae hyn yn helpu pawb i gydweithio, ac yn golygu na fydd neb yn gofyn "
                        "yr un cwestiynau i chi ddwywaith.",
                    ),
                ),
                Question(
                    code="CONSENT_EXCEPTIONS",
                    data_type=DataType.MEMO,
                    label=(
                        "Is there anyone we should not contact, or anything we should not share?",
                        "Oes unrhyw un na ddylen ni gysylltu â nhw, neu unrhyw beth na ddylen ni "
                        "ei rannu?",
                    ),
                    hint=(
                        "Tell us why, so we can plan the assessment around it.",
                        "Dywedwch wrthym pam, er mwyn i ni allu cynllunio'r asesiad yn unol â "
                        "hynny.",
                    ),
                    max_length=1000,
                ),
            ),
        ),
        Group(
            name=("Declaration", "Datganiad"),
            guidance=(
                "Please read and confirm the statements below.",
                "Darllenwch y datganiadau isod a'u cadarnhau.",
            ),
            questions=(
                _consent(
                    "CONSENT_CAN_WITHDRAW",
                    (
                        "I understand that I can withdraw my consent at any time",
                        "Rwy'n deall y gallaf dynnu fy nghaniatâd yn ôl unrhyw bryd",
                    ),
                    (
                        "Contact the SEND team to withdraw it.",
                        "Cysylltwch â'r tîm SEND i'w dynnu'n ôl.",
                    ),
                    in_chronology=False,
                ),
                _consent(
                    "CONSENT_CONFIRM",
                    (
                        "I confirm that the information I have given is correct",
                        "Rwy'n cadarnhau bod yr wybodaeth rydw i wedi'i rhoi yn gywir",
                    ),
                    ("Choose yes to confirm.", "Dewiswch ie i gadarnhau."),
                ),
                shared.CONSENT_DATE,
            ),
        ),
    ),
)
