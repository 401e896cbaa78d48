"""Demo content for "Demo Borough Council", in English and Welsh (loaded by `make run`)."""

HOME = {
    "en": {
        "title": "Special educational needs and disabilities (SEND)",
        "intro": "<p>Use this portal to ask for an education, health and care (EHC) needs "
        "assessment, follow your child's assessment and plan, send us messages and read "
        "documents we share with you.</p>",
    },
    "cy": {
        "title": "Anghenion addysgol arbennig ac anableddau (AAA)",
        "intro": "<p>Defnyddiwch y porth hwn i ofyn am asesiad o anghenion addysg, iechyd a "
        "gofal (EHC), dilyn asesiad a chynllun eich plentyn, anfon negeseuon atom a darllen "
        "dogfennau rydym yn eu rhannu gyda chi.</p>",
    },
}

# slug, show in footer, English (title, intro, paragraphs), Welsh (title, intro, paragraphs)
PAGES = [
    (
        "send-support",
        False,
        (
            "Support for children and young people with SEND",
            "What the council can do when a child or young person needs extra help.",
            [
                "Most children get the help they need from their nursery, school or college. "
                "When a child needs more support than the setting can give, you, the setting "
                "or another professional can ask us to carry out an EHC needs assessment.",
                "We decide within 6 weeks whether to assess, and if we issue a plan we aim to "
                "do so within 20 weeks of the request.",
            ],
        ),
        (
            "Cymorth i blant a phobl ifanc ag AAA",
            "Beth all y cyngor ei wneud pan fydd angen help ychwanegol ar blentyn neu berson ifanc.",
            [
                "Mae'r rhan fwyaf o blant yn cael yr help sydd ei angen arnynt gan eu meithrinfa, "
                "eu hysgol neu eu coleg. Pan fydd angen mwy o gymorth ar blentyn nag y gall y "
                "lleoliad ei roi, gallwch chi, y lleoliad neu weithiwr proffesiynol arall ofyn i "
                "ni gynnal asesiad o anghenion EHC.",
                "Rydym yn penderfynu o fewn 6 wythnos a fyddwn yn asesu, ac os byddwn yn cyhoeddi "
                "cynllun rydym yn anelu at wneud hynny o fewn 20 wythnos i'r cais.",
            ],
        ),
    ),
    (
        "about",
        True,
        (
            "About this portal",
            "Who runs this portal and what it is for.",
            [
                "Demo Borough Council's SEND team runs this portal for parents, carers, young "
                "people and the professionals who work with them."
            ],
        ),
        (
            "Am y porth hwn",
            "Pwy sy'n rhedeg y porth hwn a beth yw ei ddiben.",
            [
                "Tîm AAA Cyngor Bwrdeistref Demo sy'n rhedeg y porth hwn ar gyfer rhieni, "
                "gofalwyr, pobl ifanc a'r gweithwyr proffesiynol sy'n gweithio gyda nhw."
            ],
        ),
    ),
    (
        "contact-us",
        True,
        (
            "Contact us",
            "How to get in touch with the SEND team.",
            [
                "Email send@demo-borough.example or phone 01234 567890, Monday to Friday, "
                "9am to 5pm. You can write to us in English or Welsh."
            ],
        ),
        (
            "Cysylltu â ni",
            "Sut i gysylltu â'r tîm AAA.",
            [
                "E-bostiwch send@demo-borough.example neu ffoniwch 01234 567890, dydd Llun i "
                "ddydd Gwener, 9am i 5pm. Gallwch ysgrifennu atom yn Gymraeg neu yn Saesneg."
            ],
        ),
    ),
    (
        "terms",
        True,
        (
            "Terms and conditions",
            "The rules for using this portal.",
            [
                "Only use this portal for yourself, for children you are responsible for, or in "
                "your professional role. Keep your sign-in details to yourself."
            ],
        ),
        (
            "Telerau ac amodau",
            "Y rheolau ar gyfer defnyddio'r porth hwn.",
            [
                "Defnyddiwch y porth hwn ar eich cyfer chi eich hun yn unig, ar gyfer plant rydych "
                "yn gyfrifol amdanynt, neu yn eich rôl broffesiynol. Cadwch eich manylion mewngofnodi "
                "i chi eich hun."
            ],
        ),
    ),
    (
        "privacy",
        True,
        (
            "Privacy notice",
            "How we use the information you give us.",
            [
                "We use your information to provide special educational needs services. We share "
                "it only with the people who need it to decide on and deliver support, and we "
                "keep it only as long as the law requires."
            ],
        ),
        (
            "Hysbysiad preifatrwydd",
            "Sut rydym yn defnyddio'r wybodaeth a roddwch i ni.",
            [
                "Rydym yn defnyddio eich gwybodaeth i ddarparu gwasanaethau anghenion addysgol "
                "arbennig. Rydym yn ei rhannu dim ond gyda'r bobl sydd ei hangen i benderfynu ar "
                "gymorth a'i ddarparu, ac rydym yn ei chadw dim ond cyhyd ag y mae'r gyfraith yn "
                "ei gwneud yn ofynnol."
            ],
        ),
    ),
    (
        "cookies",
        True,
        (
            "Cookies",
            "The small files this portal puts on your device.",
            [
                "We only use cookies that the portal needs to work: one keeps you signed in and "
                "one protects forms from misuse. We do not use analytics or advertising cookies."
            ],
        ),
        (
            "Cwcis",
            "Y ffeiliau bach y mae'r porth hwn yn eu rhoi ar eich dyfais.",
            [
                "Dim ond cwcis sydd eu hangen ar y porth i weithio rydym yn eu defnyddio: mae un "
                "yn eich cadw wedi mewngofnodi ac mae un yn diogelu ffurflenni rhag camddefnydd. "
                "Nid ydym yn defnyddio cwcis dadansoddi na hysbysebu."
            ],
        ),
    ),
]

# English title, English description, Welsh title, Welsh description, icon, target
TILES = [
    (
        "Support for SEND",
        "Find out how we help children and young people who need extra support.",
        "Cymorth AAA",
        "Dysgwch sut rydym yn helpu plant a phobl ifanc sydd angen cymorth ychwanegol.",
        "information",
        {"page": "send-support"},
    ),
    (
        "Local offer",
        "Services for families of children with SEND in the borough.",
        "Cynnig lleol",
        "Gwasanaethau i deuluoedd plant ag AAA yn y fwrdeistref.",
        "link",
        {"external_url": "https://www.example.org/local-offer"},
    ),
    (
        "Contact the SEND team",
        "Ask us a question or tell us about a change.",
        "Cysylltu â'r tîm AAA",
        "Gofynnwch gwestiwn i ni neu dywedwch wrthym am newid.",
        "message",
        {"page": "contact-us"},
    ),
]

ANNOUNCEMENT = {
    "en": (
        "Half-term opening hours",
        "<p>The SEND team's phone line is open 10am to 3pm during half term. You can still send "
        "forms through the portal at any time.</p>",
    ),
    "cy": (
        "Oriau agor hanner tymor",
        "<p>Mae llinell ffôn y tîm AAA ar agor 10am i 3pm yn ystod hanner tymor. Gallwch barhau "
        "i anfon ffurflenni drwy'r porth ar unrhyw adeg.</p>",
    ),
}

COUNCIL_NAME = ("Demo Borough Council", "Cyngor Bwrdeistref Demo")
