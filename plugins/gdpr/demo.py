"""The demo council's consent statement: a full privacy notice in English and Welsh, published,
with the demo users' agreement on record, so that registration shows the consent step and
My account shows a history. Idempotent, like core's ``load_demo``."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import STAFF
from core.demo import DEMO_USERS
from core.demo_content import COUNCIL_NAME

from . import services
from .models import REGISTRATION, ConsentQuestion

TITLE = "Demo privacy notice"

NOTICE_EN = f"""## Who we are

{COUNCIL_NAME[0]} is the data controller for the information you give us through this portal.
Our data protection officer can be reached at dpo@example.org or by post at the Civic Centre,
Demo Town DB1 1AA.

## Why we use your information

- to decide whether a child or young person needs an assessment of their special educational
  needs, and whether they need an education, health and care plan
- to write, review and deliver that plan with you, the child's school and other professionals
- to keep you informed about the child's case and to answer your questions

## Our lawful basis

We use your information because we must carry out our public tasks and legal duties under the
Children and Families Act 2014 and the SEND Regulations 2014 (UK GDPR Article 6(1)(c) and (e)).
Information about health or disability is used for reasons of substantial public interest
(Article 9(2)(g)) and for health and social care (Article 9(2)(h)).

## Who we share it with

Only with the people who need it to decide on and deliver support: schools and colleges, health
and social care services, and other councils when a child moves. We never sell it.

## How long we keep it

Forms you have started but not sent are deleted after 30 days without changes. Records of a
child's special educational needs are kept until the young person is 25, and then deleted.

## Your rights

You have the right to see the information we hold about you, to have it corrected, to ask us to
delete it or to limit how we use it, and to object to our using it. You can withdraw your
agreement at any time in My account. To use any of these rights, contact our data protection
officer.

## How to complain

If you are unhappy with how we have used your information, tell our data protection officer
first. You can also complain to the Information Commissioner's Office (ICO): www.ico.org.uk,
0303 123 1113, or Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.
"""

NOTICE_CY = f"""## Pwy ydym ni

{COUNCIL_NAME[1]} yw'r rheolydd data ar gyfer y wybodaeth a roddwch i ni drwy'r porth hwn.
Gallwch gysylltu â'n swyddog diogelu data yn dpo@example.org neu drwy'r post yn y Ganolfan
Ddinesig, Tref Demo DB1 1AA.

## Pam rydym yn defnyddio eich gwybodaeth

- i benderfynu a oes angen asesiad o anghenion addysgol arbennig plentyn neu berson ifanc, ac a
  oes angen cynllun addysg, iechyd a gofal arnynt
- i ysgrifennu, adolygu a darparu'r cynllun hwnnw gyda chi, ysgol y plentyn a gweithwyr
  proffesiynol eraill
- i roi gwybod i chi am achos y plentyn ac i ateb eich cwestiynau

## Ein sail gyfreithlon

Rydym yn defnyddio eich gwybodaeth oherwydd bod rhaid i ni gyflawni ein tasgau cyhoeddus a'n
dyletswyddau cyfreithiol o dan Ddeddf Plant a Theuluoedd 2014 a Rheoliadau AAA 2014 (Erthygl
6(1)(c) ac (e) GDPR y DU). Defnyddir gwybodaeth am iechyd neu anabledd am resymau o fudd
sylweddol i'r cyhoedd (Erthygl 9(2)(g)) ac ar gyfer iechyd a gofal cymdeithasol (Erthygl 9(2)(h)).

## Gyda phwy rydym yn ei rhannu

Dim ond gyda'r bobl sydd ei hangen i benderfynu ar gymorth a'i ddarparu: ysgolion a cholegau,
gwasanaethau iechyd a gofal cymdeithasol, a chynghorau eraill pan fydd plentyn yn symud. Nid ydym
byth yn ei gwerthu.

## Am ba hyd rydym yn ei chadw

Caiff ffurflenni rydych wedi'u dechrau ond heb eu hanfon eu dileu ar ôl 30 diwrnod heb newid.
Cedwir cofnodion o anghenion addysgol arbennig plentyn nes bod y person ifanc yn 25 oed, ac yna
cânt eu dileu.

## Eich hawliau

Mae gennych hawl i weld y wybodaeth sydd gennym amdanoch, i'w chywiro, i ofyn i ni ei dileu neu
gyfyngu ar sut rydym yn ei defnyddio, ac i wrthwynebu ein bod yn ei defnyddio. Gallwch dynnu eich
cytundeb yn ôl ar unrhyw adeg yn Fy nghyfrif. I ddefnyddio unrhyw un o'r hawliau hyn, cysylltwch
â'n swyddog diogelu data.

## Sut i gwyno

Os ydych yn anhapus â sut rydym wedi defnyddio eich gwybodaeth, dywedwch wrth ein swyddog diogelu
data yn gyntaf. Gallwch hefyd gwyno i Swyddfa'r Comisiynydd Gwybodaeth (ICO): www.ico.org.uk,
0303 123 1113, neu Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.
"""

AGREEMENT = (
    "I have read the privacy notice and agree to the council using my information as it describes",
    "Rwyf wedi darllen yr hysbysiad preifatrwydd ac rwy'n cytuno i'r cyngor ddefnyddio fy "
    "ngwybodaeth fel y mae'n ei ddisgrifio",
)


@transaction.atomic
def load_demo():
    """Publish the demo privacy notice once and record each demo portal user's agreement."""
    statement = services.current_statement()
    if statement is None:
        statement = services.schedule_statement(_question(), timezone.now())
    _record_demo_agreements(statement)


def _question():
    english = ConsentQuestion.objects.filter(
        title=TITLE, locale__language_code="en"
    ).first() or ConsentQuestion.objects.create(
        locale=Locale.objects.get(language_code="en"),
        title=TITLE,
        statement=NOTICE_EN,
        agreement=AGREEMENT[0],
    )
    welsh_locale = Locale.objects.get(language_code="cy")
    if english.get_translation_or_none(welsh_locale) is None:
        welsh = english.copy_for_translation(welsh_locale)
        welsh.statement, welsh.agreement = NOTICE_CY, AGREEMENT[1]
        welsh.save()
    return english


def _record_demo_agreements(statement):
    """The demo's citizens and professionals agreed when they registered."""
    emails = [email for email, *_rest in DEMO_USERS]
    users = (
        get_user_model()
        .objects.filter(email__in=emails, is_staff=False)
        .exclude(kind=STAFF)
        .exclude(consent_records__statement=statement)
    )
    for user in users:
        services.record_agreement(user, statement, user.preferred_language, REGISTRATION)
