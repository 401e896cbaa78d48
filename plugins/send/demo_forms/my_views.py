"""The child's or young person's own views, in the first person. A parent or carer fills it
in with them; its guidance speaks to the child (in Welsh with "ti", as children's forms do)."""

from plugins.send.models import DataType

from .spec import Form, Group, Question

FORM = Form(
    code="MY_VIEWS",
    title=("My views (child or young person)", "Fy marn i (plentyn neu berson ifanc)"),
    subtitle="Child or young person's views",
    description="Demo form: the child's own views, filled in with a parent or carer.",
    portal_type="citizen",
    user_type="parent_carer",
    guidance=(
        "This form lets children and young people tell us about themselves in their own "
        "words. You can help your child by reading the questions aloud and writing down what "
        "they say, or your child can draw, use photos or type the answers.\n\n"
        "There are no right or wrong answers, and it is fine to leave out any question your "
        "child would rather not answer.",
        "Mae'r ffurflen hon yn gadael i blant a phobl ifanc ddweud wrthym amdanyn nhw eu "
        "hunain yn eu geiriau eu hunain. Gallwch helpu eich plentyn drwy ddarllen y "
        "cwestiynau'n uchel ac ysgrifennu'r hyn mae'n ei ddweud, neu gall eich plentyn dynnu "
        "llun, defnyddio ffotograffau neu deipio'r atebion.\n\n"
        "Does dim atebion cywir nac anghywir, ac mae'n iawn hepgor unrhyw gwestiwn nad yw "
        "eich plentyn eisiau ei ateb.",
    ),
    groups=(
        Group(
            name=("About me", "Amdanaf i"),
            guidance=(
                "Tell us a bit about yourself. You can write, draw or add a photo.",
                "Dyweda ychydig wrthon ni amdanat ti dy hun. Gelli di ysgrifennu, tynnu llun "
                "neu ychwanegu ffotograff.",
            ),
            questions=(
                Question(
                    code="MV_NAME_CALLED",
                    data_type=DataType.TEXT,
                    label=("What I like to be called", "Beth rydw i'n hoffi i bobl fy ngalw"),
                    hint=("This can be a nickname.", "Gall hwn fod yn llysenw."),
                    max_length=50,
                ),
                Question(
                    code="MV_PICTURE",
                    data_type=DataType.IMAGE,
                    label=(
                        "A picture of me, or something I have drawn",
                        "Llun ohonof i, neu rywbeth rydw i wedi'i dynnu",
                    ),
                    hint=(
                        "A photo or a drawing, as a JPG or PNG image. You do not have to add one.",
                        "Ffotograff neu lun, fel delwedd JPG neu PNG. Does dim rhaid i ti "
                        "ychwanegu un.",
                    ),
                ),
                Question(
                    code="MV_IMPORTANT_PEOPLE",
                    data_type=DataType.MEMO,
                    label=("People who are important to me", "Pobl sy'n bwysig i mi"),
                    hint=(
                        "Family, friends, pets, or people at school.",
                        "Teulu, ffrindiau, anifeiliaid anwes, neu bobl yn yr ysgol.",
                    ),
                    max_length=1000,
                ),
            ),
        ),
        Group(
            name=(
                "What I like and what I'm good at",
                "Beth rydw i'n ei hoffi a beth rydw i'n dda am ei wneud",
            ),
            guidance=(
                "Think about home, school, and things you do in your free time.",
                "Meddylia am dy gartref, yr ysgol, a phethau rwyt ti'n eu gwneud yn dy amser "
                "rhydd.",
            ),
            questions=(
                Question(
                    code="MV_LIKES",
                    data_type=DataType.MEMO,
                    label=("What I like", "Beth rydw i'n ei hoffi"),
                    hint=(
                        "For example, games, places, food, music or people.",
                        "Er enghraifft, gemau, llefydd, bwyd, cerddoriaeth neu bobl.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="MV_GOOD_AT",
                    data_type=DataType.MEMO,
                    label=("What I'm good at", "Beth rydw i'n dda am ei wneud"),
                    hint=(
                        "What do other people say you are good at?",
                        "Beth mae pobl eraill yn dweud dy fod di'n dda am ei wneud?",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="MV_DISLIKES",
                    data_type=DataType.MEMO,
                    label=("What I don't like", "Beth dydw i ddim yn ei hoffi"),
                    hint=(
                        "Things that upset me or make me worried.",
                        "Pethau sy'n fy nghynhyrfu neu'n gwneud i mi boeni.",
                    ),
                    max_length=1000,
                ),
            ),
        ),
        Group(
            name=("What I find hard", "Beth rydw i'n ei gael yn anodd"),
            guidance=(
                "It is OK to find things hard. Telling us helps the grown-ups around you to "
                "help you.",
                "Mae'n iawn cael pethau'n anodd. Mae dweud wrthon ni'n helpu'r oedolion o dy "
                "gwmpas i dy helpu di.",
            ),
            questions=(
                Question(
                    code="MV_FIND_HARD",
                    data_type=DataType.MEMO,
                    label=("What I find hard", "Beth rydw i'n ei gael yn anodd"),
                    hint=(
                        "At school, at home, or with friends.",
                        "Yn yr ysgol, gartref, neu gyda ffrindiau.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="MV_WORRIES",
                    data_type=DataType.MEMO,
                    label=("Things I worry about", "Pethau rydw i'n poeni amdanyn nhw"),
                    hint=(
                        "You don't have to answer this if you'd rather not.",
                        "Does dim rhaid i ti ateb hwn os nad wyt ti eisiau.",
                    ),
                    max_length=1000,
                ),
            ),
        ),
        Group(
            name=("What helps me", "Beth sy'n fy helpu"),
            guidance=(
                "Tell us what people do that helps you most.",
                "Dyweda wrthon ni beth mae pobl yn ei wneud sy'n dy helpu di fwyaf.",
            ),
            questions=(
                Question(
                    code="MV_HELPS",
                    data_type=DataType.MEMO,
                    label=(
                        "What helps me to learn and feel happy",
                        "Beth sy'n fy helpu i ddysgu a theimlo'n hapus",
                    ),
                    hint=(
                        "For example, a quiet space, pictures, movement breaks, or someone to "
                        "talk to.",
                        "Er enghraifft, lle tawel, lluniau, seibiannau i symud, neu rywun i "
                        "siarad gyda nhw.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="MV_DOES_NOT_HELP",
                    data_type=DataType.MEMO,
                    label=("What does not help me", "Beth sydd ddim yn fy helpu"),
                    hint=(
                        "For example, noisy rooms or being rushed.",
                        "Er enghraifft, ystafelloedd swnllyd neu gael fy mrysio.",
                    ),
                    max_length=1000,
                ),
                Question(
                    code="MV_HOW_TO_TALK",
                    data_type=DataType.MEMO,
                    label=("The best way to talk with me", "Y ffordd orau o siarad gyda fi"),
                    hint=(
                        "For example, short sentences, signs, or giving me time to answer.",
                        "Er enghraifft, brawddegau byr, arwyddion, neu roi amser i mi ateb.",
                    ),
                    max_length=500,
                ),
            ),
        ),
        Group(
            name=("My hopes", "Fy ngobeithion"),
            guidance=(
                "Think about what you would like to happen next, and when you are older.",
                "Meddylia am beth hoffet ti ei weld yn digwydd nesaf, a phan fyddi di'n hŷn.",
            ),
            questions=(
                Question(
                    code="MV_HOPES",
                    data_type=DataType.MEMO,
                    label=(
                        "What I would like to do or learn next",
                        "Beth hoffwn i ei wneud neu ei ddysgu nesaf",
                    ),
                    hint=(
                        "This could be at school or at home.",
                        "Gallai hyn fod yn yr ysgol neu gartref.",
                    ),
                    max_length=2000,
                    mandatory=True,
                ),
                Question(
                    code="MV_WHEN_OLDER",
                    data_type=DataType.MEMO,
                    label=("When I'm older, I would like to…", "Pan fydda i'n hŷn, hoffwn i…"),
                    hint=("Any dream is welcome.", "Mae croeso i unrhyw freuddwyd."),
                    max_length=1000,
                ),
                Question(
                    code="MV_HELPED_BY",
                    data_type=DataType.CHOICE,
                    label=(
                        "Who helped me with this form",
                        "Pwy wnaeth fy helpu gyda'r ffurflen hon",
                    ),
                    hint=("Choose one.", "Dewisa un."),
                    choices=(
                        ("myself", "I did it on my own", "Fe wnes i hi ar fy mhen fy hun"),
                        ("parent_carer", "My parent or carer", "Fy rhiant neu fy ngofalwr"),
                        ("school", "Someone at school", "Rhywun yn yr ysgol"),
                        ("other", "Someone else", "Rhywun arall"),
                    ),
                ),
            ),
        ),
    ),
)
