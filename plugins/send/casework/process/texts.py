"""The statutory vocabulary of the process definitions: every stage, date, deadline and
exception label and every stage's "Extra information", in English and Welsh. England speaks of
EHC needs assessments and EHC plans; Wales of additional learning needs (ALN) and individual
development plans (IDP). Editors may reword any of them (Portal → Texts)."""

from portal.plugins import TextDefault


def _extra(key, en, cy):
    # Extra information is a short guide an editor may format (lists, links).
    return TextDefault(key, en, cy, markdown=True)


DEADLINE_TEXTS = [
    TextDefault("send.process.due.decision", "Decision due", "Disgwylir penderfyniad"),
    TextDefault("send.process.due.advice", "Advice due", "Disgwylir cyngor"),
    TextDefault("send.process.due.comments", "Comments due", "Disgwylir sylwadau"),
    TextDefault("send.process.due.plan", "Plan due", "Disgwylir y cynllun"),
    TextDefault("send.process.due.review", "Review due", "Disgwylir adolygiad"),
]

ENGLAND_ASSESSMENT_TEXTS = [
    TextDefault(
        "send.process.ehc.title",
        "EHC needs assessment",
        "Asesiad o anghenion addysg, iechyd a gofal (EHC)",
    ),
    TextDefault("send.process.ehc.date.request_received", "Date of request", "Dyddiad y cais"),
    TextDefault(
        "send.process.ehc.date.assessment_decision",
        "Decision whether to assess",
        "Penderfyniad a ddylid asesu",
    ),
    TextDefault(
        "send.process.ehc.date.advice_requested", "Advice requested", "Gofynnwyd am gyngor"
    ),
    TextDefault("send.process.ehc.date.advice_received", "Advice received", "Cafwyd y cyngor"),
    TextDefault(
        "send.process.ehc.date.plan_decision",
        "Decision whether to issue a plan",
        "Penderfyniad a ddylid llunio cynllun",
    ),
    TextDefault(
        "send.process.ehc.date.draft_plan_sent", "Draft plan sent", "Anfonwyd y cynllun drafft"
    ),
    TextDefault(
        "send.process.ehc.date.draft_comments_received",
        "Comments on the draft plan received",
        "Cafwyd sylwadau ar y cynllun drafft",
    ),
    TextDefault(
        "send.process.ehc.date.final_plan_issued",
        "Final EHC plan issued",
        "Cyhoeddwyd y cynllun EHC terfynol",
    ),
    TextDefault("send.process.ehc.stage.request", "Request received", "Cais wedi dod i law"),
    TextDefault(
        "send.process.ehc.stage.assessment_decision",
        "Decision whether to assess",
        "Penderfyniad a ddylid asesu",
    ),
    TextDefault(
        "send.process.ehc.stage.assessment",
        "Assessment: advice requested",
        "Asesiad: gofynnwyd am gyngor",
    ),
    TextDefault(
        "send.process.ehc.stage.plan_decision",
        "Decision whether to issue a plan",
        "Penderfyniad a ddylid llunio cynllun",
    ),
    TextDefault("send.process.ehc.stage.draft_plan", "Draft plan", "Cynllun drafft"),
    TextDefault("send.process.ehc.stage.final_plan", "Final EHC plan", "Cynllun EHC terfynol"),
    _extra(
        "send.process.ehc.extra.request",
        "We have received the request for an EHC needs assessment. A caseworker will look at "
        "it and at what the school or setting already knows about the child.",
        "Rydym wedi cael y cais am asesiad o anghenion EHC. Bydd gweithiwr achos yn edrych "
        "arno ac ar yr hyn y mae’r ysgol neu’r lleoliad eisoes yn ei wybod am y plentyn.",
    ),
    _extra(
        "send.process.ehc.extra.assessment_decision",
        "The council decides whether to carry out an EHC needs assessment and tells you "
        "within 6 weeks of the request.",
        "Mae’r cyngor yn penderfynu a ddylid cynnal asesiad o anghenion EHC ac yn rhoi gwybod "
        "i chi o fewn 6 wythnos i’r cais.",
    ),
    _extra(
        "send.process.ehc.extra.assessment",
        "We have asked professionals (education, health and social care) for advice about "
        "the child’s needs. They have 6 weeks to reply.",
        "Rydym wedi gofyn i weithwyr proffesiynol (addysg, iechyd a gofal cymdeithasol) am "
        "gyngor am anghenion y plentyn. Mae ganddynt 6 wythnos i ateb.",
    ),
    _extra(
        "send.process.ehc.extra.plan_decision",
        "Using the advice, the council decides whether the child needs an EHC plan. If it "
        "decides not to issue one, it tells you within 16 weeks of the request.",
        "Gan ddefnyddio’r cyngor, mae’r cyngor yn penderfynu a oes angen cynllun EHC ar y "
        "plentyn. Os yw’n penderfynu peidio â llunio un, mae’n rhoi gwybod i chi o fewn 16 "
        "wythnos i’r cais.",
    ),
    _extra(
        "send.process.ehc.extra.draft_plan",
        "You have at least 15 days from the day the draft plan is sent to comment on it and "
        "to ask for a particular school or college to be named.",
        "Mae gennych o leiaf 15 diwrnod o’r diwrnod yr anfonir y cynllun drafft i roi sylwadau "
        "arno ac i ofyn am enwi ysgol neu goleg penodol.",
    ),
    _extra(
        "send.process.ehc.extra.final_plan",
        "The final EHC plan must be issued within 20 weeks of the request, unless one of the "
        "exceptions in the law applies.",
        "Rhaid cyhoeddi’r cynllun EHC terfynol o fewn 20 wythnos i’r cais, oni bai bod un o’r "
        "eithriadau yn y gyfraith yn berthnasol.",
    ),
    TextDefault(
        "send.process.ehc.exception.school_closed",
        "The school or college was closed for 4 weeks or more",
        "Roedd yr ysgol neu’r coleg ar gau am 4 wythnos neu ragor",
    ),
    TextDefault(
        "send.process.ehc.exception.early_years_closed",
        "The early years setting was closed for 4 weeks or more",
        "Roedd y lleoliad blynyddoedd cynnar ar gau am 4 wythnos neu ragor",
    ),
    TextDefault(
        "send.process.ehc.exception.personal_circumstances",
        "Exceptional personal circumstances of the child, parent or young person",
        "Amgylchiadau personol eithriadol y plentyn, y rhiant neu’r person ifanc",
    ),
    TextDefault(
        "send.process.ehc.exception.absent_from_area",
        "The child, parent or young person was away from the area for 4 weeks or more",
        "Roedd y plentyn, y rhiant neu’r person ifanc i ffwrdd o’r ardal am 4 wythnos neu ragor",
    ),
    TextDefault(
        "send.process.ehc.exception.missed_appointment",
        "An appointment for an examination or test was not kept",
        "Ni chadwyd apwyntiad ar gyfer archwiliad neu brawf",
    ),
]

ENGLAND_REVIEW_TEXTS = [
    TextDefault(
        "send.process.review.title",
        "Annual review of the EHC plan",
        "Adolygiad blynyddol o’r cynllun EHC",
    ),
    TextDefault(
        "send.process.review.date.plan_issued", "EHC plan issued", "Cyhoeddwyd y cynllun EHC"
    ),
    TextDefault(
        "send.process.review.date.previous_review",
        "Last review meeting",
        "Cyfarfod adolygu diwethaf",
    ),
    TextDefault("send.process.review.date.review_meeting", "Review meeting", "Cyfarfod adolygu"),
    TextDefault(
        "send.process.review.date.review_decision",
        "Decision after the review",
        "Penderfyniad ar ôl yr adolygiad",
    ),
    TextDefault(
        "send.process.review.date.school_transfer",
        "Move to the next school phase",
        "Symud i’r cyfnod ysgol nesaf",
    ),
    TextDefault(
        "send.process.review.date.post16_transfer",
        "Move from school to a post-16 college or course",
        "Symud o’r ysgol i goleg neu gwrs ôl-16",
    ),
    TextDefault(
        "send.process.review.date.amended_plan_issued",
        "Amended plan issued",
        "Cyhoeddwyd y cynllun diwygiedig",
    ),
    TextDefault("send.process.review.stage.plan", "EHC plan in place", "Cynllun EHC ar waith"),
    TextDefault(
        "send.process.review.stage.review_meeting",
        "Annual review meeting",
        "Cyfarfod adolygu blynyddol",
    ),
    TextDefault(
        "send.process.review.stage.review_decision",
        "Decision after the review",
        "Penderfyniad ar ôl yr adolygiad",
    ),
    TextDefault("send.process.review.stage.amended_plan", "Amended plan", "Cynllun diwygiedig"),
    _extra(
        "send.process.review.extra.plan",
        "The EHC plan is in place. The council reviews it at least once every 12 months.",
        "Mae’r cynllun EHC ar waith. Mae’r cyngor yn ei adolygu o leiaf unwaith bob 12 mis.",
    ),
    _extra(
        "send.process.review.extra.review_meeting",
        "The review meeting must take place within 12 months of the plan or of the last "
        "review. You will be invited and asked for your views.",
        "Rhaid cynnal y cyfarfod adolygu o fewn 12 mis i’r cynllun neu i’r adolygiad diwethaf. "
        "Cewch eich gwahodd a gofynnir am eich barn.",
    ),
    _extra(
        "send.process.review.extra.review_decision",
        "Within 4 weeks of the meeting the council decides whether to keep the plan as it is, "
        "change it or stop it, and tells you.",
        "O fewn 4 wythnos i’r cyfarfod mae’r cyngor yn penderfynu a ddylid cadw’r cynllun fel y "
        "mae, ei newid neu ddod ag ef i ben, ac yn rhoi gwybod i chi.",
    ),
    _extra(
        "send.process.review.extra.amended_plan",
        "When the child moves to a new phase of education, the amended plan must be issued by "
        "15 February of the year of the move, or by 31 March for a move from school to a "
        "post-16 college or course.",
        "Pan fydd y plentyn yn symud i gyfnod addysg newydd, rhaid cyhoeddi’r cynllun "
        "diwygiedig erbyn 15 Chwefror yn y flwyddyn y mae’n symud, neu erbyn 31 Mawrth wrth "
        "symud o’r ysgol i goleg neu gwrs ôl-16.",
    ),
]

WALES_TEXTS = [
    TextDefault(
        "send.process.aln.title",
        "Additional learning needs: deciding and preparing an individual development plan",
        "Anghenion dysgu ychwanegol: penderfynu a pharatoi cynllun datblygu unigol",
    ),
    TextDefault(
        "send.process.aln.date.referral_received",
        "Date the council was asked to decide",
        "Y dyddiad y gofynnwyd i’r cyngor benderfynu",
    ),
    TextDefault(
        "send.process.aln.date.aln_decision",
        "Decision whether there are additional learning needs",
        "Penderfyniad a oes anghenion dysgu ychwanegol",
    ),
    TextDefault(
        "send.process.aln.date.idp_given",
        "Individual development plan given",
        "Rhoddwyd y cynllun datblygu unigol",
    ),
    TextDefault("send.process.aln.stage.referral", "Request received", "Cais wedi dod i law"),
    TextDefault(
        "send.process.aln.stage.aln_decision",
        "Decision whether there are additional learning needs (ALN)",
        "Penderfyniad a oes anghenion dysgu ychwanegol (ADY)",
    ),
    TextDefault(
        "send.process.aln.stage.idp", "Individual development plan", "Cynllun datblygu unigol"
    ),
    _extra(
        "send.process.aln.extra.referral",
        "The council has been asked to decide whether the child or young person has "
        "additional learning needs.",
        "Gofynnwyd i’r cyngor benderfynu a oes gan y plentyn neu’r person ifanc anghenion "
        "dysgu ychwanegol.",
    ),
    _extra(
        "send.process.aln.extra.aln_decision",
        "The council gathers information, listens to your views and decides whether there "
        "are additional learning needs. It tells you within 12 weeks.",
        "Mae’r cyngor yn casglu gwybodaeth, yn gwrando ar eich barn ac yn penderfynu a oes "
        "anghenion dysgu ychwanegol. Mae’n rhoi gwybod i chi o fewn 12 wythnos.",
    ),
    _extra(
        "send.process.aln.extra.idp",
        "If there are additional learning needs, the council prepares an individual "
        "development plan (IDP) and gives you a copy within the same 12 weeks.",
        "Os oes anghenion dysgu ychwanegol, mae’r cyngor yn paratoi cynllun datblygu unigol "
        "(CDU) ac yn rhoi copi i chi o fewn yr un 12 wythnos.",
    ),
    TextDefault(
        "send.process.idpreview.title",
        "Review of the individual development plan",
        "Adolygiad o’r cynllun datblygu unigol",
    ),
    TextDefault(
        "send.process.idpreview.date.idp_given",
        "Individual development plan given",
        "Rhoddwyd y cynllun datblygu unigol",
    ),
    TextDefault("send.process.idpreview.date.previous_review", "Last review", "Adolygiad diwethaf"),
    TextDefault(
        "send.process.idpreview.date.review_completed", "Review completed", "Cwblhawyd yr adolygiad"
    ),
    TextDefault(
        "send.process.idpreview.stage.idp",
        "Individual development plan in place",
        "Cynllun datblygu unigol ar waith",
    ),
    TextDefault(
        "send.process.idpreview.stage.review", "Review of the plan", "Adolygiad o’r cynllun"
    ),
    _extra(
        "send.process.idpreview.extra.idp",
        "The individual development plan is in place. It is reviewed at least once every "
        "12 months.",
        "Mae’r cynllun datblygu unigol ar waith. Caiff ei adolygu o leiaf unwaith bob 12 mis.",
    ),
    _extra(
        "send.process.idpreview.extra.review",
        "The plan must be reviewed within 12 months of the day it was given or last reviewed. "
        "You can also ask for a review sooner.",
        "Rhaid adolygu’r cynllun o fewn 12 mis i’r diwrnod y’i rhoddwyd neu y’i hadolygwyd "
        "ddiwethaf. Gallwch hefyd ofyn am adolygiad yn gynt.",
    ),
]

TEXTS = [*DEADLINE_TEXTS, *ENGLAND_ASSESSMENT_TEXTS, *ENGLAND_REVIEW_TEXTS, *WALES_TEXTS]

TEXT_KEYS = frozenset(text.key for text in TEXTS)
