"""GDPR texts a citizen or professional sees, and the withdrawal email to the council."""

from portal.plugins import TextDefault

TEXTS = [
    # My account links
    TextDefault("gdpr.account.history_link", "Consent history", "Hanes eich cydsyniad"),
    TextDefault("gdpr.account.withdraw_link", "Withdraw consent", "Tynnu cydsyniad yn ôl"),
    # The statement and its tick box (registration and new statements)
    TextDefault("gdpr.consent.continue", "Continue", "Parhau"),
    TextDefault(
        "gdpr.consent.changed",
        "The statement changed while you were reading it. Read the new statement below and "
        "tick the box if you agree.",
        "Newidiodd y datganiad tra oeddech yn ei ddarllen. Darllenwch y datganiad newydd isod "
        "a thiciwch y blwch os ydych yn cytuno.",
    ),
    TextDefault("gdpr.registration.title", "Data protection", "Diogelu data"),
    TextDefault(
        "gdpr.registration.intro",
        "Before you create an account, read how we use your information and tick the box to "
        "show you agree.",
        "Cyn i chi greu cyfrif, darllenwch sut rydym yn defnyddio eich gwybodaeth a thiciwch y "
        "blwch i ddangos eich bod yn cytuno.",
    ),
    TextDefault(
        "gdpr.agree.title",
        "We have updated our data protection statement",
        "Rydym wedi diweddaru ein datganiad diogelu data",
    ),
    TextDefault(
        "gdpr.agree.intro",
        "Read the new statement and tick the box to agree before you carry on using your account.",
        "Darllenwch y datganiad newydd a thiciwch y blwch i gytuno cyn i chi barhau i "
        "ddefnyddio eich cyfrif.",
    ),
    TextDefault("gdpr.agree.withdraw_heading", "If you do not agree", "Os nad ydych yn cytuno"),
    TextDefault(
        "gdpr.agree.withdraw_intro",
        "You can withdraw your consent instead. You will then no longer be able to use this "
        "account.",
        "Gallwch dynnu eich cydsyniad yn ôl yn lle hynny. Ni fyddwch yn gallu defnyddio'r "
        "cyfrif hwn wedyn.",
    ),
    # Consent history
    TextDefault("gdpr.history.title", "Consent history", "Hanes eich cydsyniad"),
    TextDefault(
        "gdpr.history.intro",
        "Each time you agreed to our data protection statement or withdrew your consent, "
        "newest first. You cannot change this page.",
        "Pob tro y gwnaethoch gytuno i'n datganiad diogelu data neu dynnu eich cydsyniad yn "
        "ôl, y diweddaraf yn gyntaf. Ni allwch newid y dudalen hon.",
    ),
    TextDefault(
        "gdpr.history.empty",
        "There is nothing in your consent history yet.",
        "Does dim byd yn hanes eich cydsyniad eto.",
    ),
    TextDefault("gdpr.history.when", "Date", "Dyddiad"),
    TextDefault("gdpr.history.what", "What you did", "Beth wnaethoch chi"),
    TextDefault("gdpr.history.language", "Language", "Iaith"),
    TextDefault("gdpr.history.statement", "Statement", "Datganiad"),
    TextDefault("gdpr.history.agreed", "Agreed", "Wedi cytuno"),
    TextDefault("gdpr.history.withdrawn", "Withdrew consent", "Wedi tynnu cydsyniad yn ôl"),
    TextDefault(
        "gdpr.history.withheld",
        "Did not agree in time (consent withheld)",
        "Heb gytuno mewn pryd (cydsyniad wedi'i atal)",
    ),
    TextDefault(
        "gdpr.history.read_statement",
        "Read version {version} of the statement",
        "Darllen fersiwn {version} o'r datganiad",
    ),
    # Withdrawing consent
    TextDefault("gdpr.withdraw.title", "Withdraw consent", "Tynnu cydsyniad yn ôl"),
    TextDefault(
        "gdpr.withdraw.previously_agreed",
        "You have previously agreed to version {version} of our data protection statement.",
        "Rydych eisoes wedi cytuno i fersiwn {version} o'n datganiad diogelu data.",
    ),
    TextDefault(
        "gdpr.withdraw.intro",
        "If you no longer want us to use your information as the statement below describes, "
        "you can withdraw your consent.",
        "Os nad ydych eisiau i ni ddefnyddio eich gwybodaeth fel y mae'r datganiad isod yn ei "
        "ddisgrifio mwyach, gallwch dynnu eich cydsyniad yn ôl.",
    ),
    TextDefault(
        "gdpr.withdraw.statement_heading", "Our current statement", "Ein datganiad presennol"
    ),
    TextDefault("gdpr.withdraw.button", "Withdraw my consent", "Tynnu fy nghydsyniad yn ôl"),
    TextDefault(
        "gdpr.withdraw.nothing",
        "You have not been asked to agree to a data protection statement, so there is no "
        "consent to withdraw.",
        "Nid ydych wedi cael cais i gytuno i ddatganiad diogelu data, felly does dim "
        "cydsyniad i'w dynnu'n ôl.",
    ),
    TextDefault(
        "gdpr.withdraw_confirm.title",
        "Are you sure you want to withdraw your consent?",
        "Ydych chi'n siŵr eich bod eisiau tynnu eich cydsyniad yn ôl?",
    ),
    TextDefault(
        "gdpr.withdraw_confirm.warning",
        "If you withdraw your consent, you will be signed out and you will not be able to use "
        "this account again.",
        "Os byddwch yn tynnu eich cydsyniad yn ôl, cewch eich allgofnodi ac ni fyddwch yn "
        "gallu defnyddio'r cyfrif hwn eto.",
    ),
    TextDefault(
        "gdpr.withdraw_confirm.body",
        "If you want to use our online services in future, you can register again with the "
        "same email address.\n\n"
        "Withdrawing your consent does not delete anything else we hold about you. We keep "
        "information for as long as the law and our retention rules say we must.",
        "Os ydych eisiau defnyddio ein gwasanaethau ar-lein yn y dyfodol, gallwch gofrestru "
        "eto gyda'r un cyfeiriad e-bost.\n\n"
        "Nid yw tynnu eich cydsyniad yn ôl yn dileu unrhyw beth arall sydd gennym amdanoch. "
        "Rydym yn cadw gwybodaeth cyhyd ag y mae'r gyfraith a'n rheolau cadw yn dweud bod "
        "rhaid i ni.",
        markdown=True,
    ),
    TextDefault("gdpr.withdraw_confirm.cancel", "Keep my account", "Cadw fy nghyfrif"),
    TextDefault(
        "gdpr.withdrawn.title",
        "Your consent has been withdrawn",
        "Mae eich cydsyniad wedi'i dynnu'n ôl",
    ),
    TextDefault(
        "gdpr.withdrawn.body",
        "You have been signed out and can no longer use this account.\n\n"
        "If you want to use our online services again, you will need to register again.",
        "Rydych wedi cael eich allgofnodi ac ni allwch ddefnyddio'r cyfrif hwn mwyach.\n\n"
        "Os ydych eisiau defnyddio ein gwasanaethau ar-lein eto, bydd angen i chi gofrestru "
        "eto.",
        markdown=True,
    ),
    # The email to the council's notification addresses
    TextDefault(
        "gdpr.emailsubject.withdrawal",
        "Consent withdrawn: {name}",
        "Cydsyniad wedi'i dynnu'n ôl: {name}",
    ),
    TextDefault(
        "gdpr.email_withdrawal",
        "{name} ({email}) withdrew their consent to the data protection statement on {when}.\n\n"
        "Their account on the {council} portal has been closed. Nothing else about them has "
        "been deleted: decide what to keep under your retention rules, then mark the "
        "withdrawal as actioned in GDPR administration, under Consent withdrawals.",
        "Tynnodd {name} ({email}) eu cydsyniad i'r datganiad diogelu data yn ôl ar {when}.\n\n"
        "Mae eu cyfrif ar borth {council} wedi'i gau. Nid oes dim byd arall amdanynt wedi'i "
        "ddileu: penderfynwch beth i'w gadw o dan eich rheolau cadw, yna marciwch fod y "
        "tynnu'n ôl wedi'i weithredu yn y maes Gweinyddu GDPR, o dan Tynnu cydsyniad yn ôl.",
        markdown=True,
    ),
]
