"""Texts of the credentials journeys: forgotten password, and changing the password, secret
question or email address. Form labels and hints follow ``<form prefix>.<field>.label|hint``."""

from portal.plugins import TextDefault

_FORGOTTEN = "account.credentials.forgotten"
_RESET = "account.credentials.reset"
_PW_CHANGE = "account.credentials.password"
_QUESTION = "account.credentials.secret"
_EMAIL = "account.credentials.email"

_NEW_PASSWORD = [
    ("new_password.label", "New password", "Cyfrinair newydd"),
    ("new_password_confirm.label", "Confirm new password", "Cadarnhewch y cyfrinair newydd"),
    (
        "new_password_confirm.hint",
        "Type the new password again.",
        "Teipiwch y cyfrinair newydd eto.",
    ),
]
_QUESTION_AND_ANSWER = [
    ("secret_question.label", "Secret question", "Cwestiwn cyfrinachol"),
    ("secret_answer.label", "Secret answer", "Ateb cyfrinachol"),
]
_CURRENT_PASSWORD = [
    ("current_password.label", "Current password", "Cyfrinair presennol"),
]


def _texts(prefix, rows):
    return [TextDefault(f"{prefix}.{key}", en, cy) for key, en, cy in rows]


TEXTS = [
    TextDefault(
        "account.credentials.my_account_link", "Return to My account", "Dychwelyd i Fy nghyfrif"
    ),
    # Forgotten password
    *_texts(
        _FORGOTTEN,
        [
            ("title", "Reset your password", "Ailosod eich cyfrinair"),
            ("email.label", "Email address", "Cyfeiriad e-bost"),
            (
                "email.hint",
                "The address you use to sign in.",
                "Y cyfeiriad rydych chi'n ei ddefnyddio i fewngofnodi.",
            ),
            ("button", "Send me a reset link", "Anfonwch ddolen ailosod ataf"),
            ("sent.title", "Check your email", "Gwiriwch eich e-bost"),
            ("again", "Try again", "Rhoi cynnig arall arni"),
        ],
    ),
    TextDefault(
        f"{_FORGOTTEN}.intro",
        "Enter the email address you sign in with. If it has an account, we will email a link "
        "to choose a new password. If you chose a secret question, the link's page asks it "
        "too.",
        "Rhowch y cyfeiriad e-bost rydych chi'n mewngofnodi ag ef. Os oes cyfrif ganddo, "
        "byddwn yn anfon dolen drwy e-bost i ddewis cyfrinair newydd. Os dewisoch gwestiwn "
        "cyfrinachol, bydd tudalen y ddolen yn ei ofyn hefyd.",
        markdown=True,
    ),
    TextDefault(
        f"{_FORGOTTEN}.sent.body",
        "If the address you entered has an account, we have sent an email with a link to "
        "choose a new password. The link works once, for {hours} hours.\n\n"
        "If no email arrives within a few minutes, check your spam or junk folder. If it is "
        "not there, try again with the address you gave when you registered. Contact the "
        "SEND team if you still cannot sign in.",
        "Os oes cyfrif gan y cyfeiriad a roesoch, rydym wedi anfon e-bost gyda dolen i "
        "ddewis cyfrinair newydd. Mae'r ddolen yn gweithio unwaith, am {hours} awr.\n\n"
        "Os na fydd e-bost yn cyrraedd o fewn ychydig funudau, edrychwch yn eich ffolder sbam "
        "neu sothach. Os nad yw yno, rhowch gynnig arall arni gyda'r cyfeiriad a roesoch wrth "
        "gofrestru. Cysylltwch â'r tîm AAA os na allwch fewngofnodi o hyd.",
        markdown=True,
    ),
    # Reset link
    *_texts(
        _RESET,
        [
            *_NEW_PASSWORD,
            ("title", "Choose a new password", "Dewiswch gyfrinair newydd"),
            (
                "secret_answer.hint",
                "The answer to the secret question you chose, as you gave it.",
                "Yr ateb i'r cwestiwn cyfrinachol a ddewisoch, fel y rhoesoch ef.",
            ),
            ("button", "Save new password", "Cadw'r cyfrinair newydd"),
            ("done.title", "Your password has been reset", "Mae eich cyfrinair wedi'i ailosod"),
            ("done.sign_in", "Sign in", "Mewngofnodi"),
            (
                "invalid.title",
                "This link has expired or has already been used",
                "Mae'r ddolen hon wedi dod i ben neu wedi cael ei defnyddio'n barod",
            ),
            ("invalid.again", "Ask for a new link", "Gofyn am ddolen newydd"),
        ],
    ),
    TextDefault(
        f"{_RESET}.done.body",
        "You can now sign in with your new password. You have been signed out on every "
        "other device, and we have sent you an email about the change.",
        "Gallwch nawr fewngofnodi gyda'ch cyfrinair newydd. Rydych wedi cael eich allgofnodi "
        "ar bob dyfais arall, ac rydym wedi anfon e-bost atoch am y newid.",
        markdown=True,
    ),
    TextDefault(
        f"{_RESET}.invalid.body",
        "A link to reset your password works once, for a limited time. Ask for a new link "
        "and use the latest email we send.",
        "Mae dolen i ailosod eich cyfrinair yn gweithio unwaith, am gyfnod cyfyngedig. Gofynnwch "
        "am ddolen newydd a defnyddiwch yr e-bost diweddaraf a anfonwn.",
        markdown=True,
    ),
    # Change password
    *_texts(
        _PW_CHANGE,
        [
            *_CURRENT_PASSWORD,
            *_NEW_PASSWORD,
            ("title", "Change your password", "Newid eich cyfrinair"),
            ("button", "Change password", "Newid cyfrinair"),
            ("done.title", "Your password has been changed", "Mae eich cyfrinair wedi'i newid"),
        ],
    ),
    TextDefault(
        f"{_PW_CHANGE}.done.body",
        "You are still signed in here. You have been signed out on every other device, and "
        "we have sent you an email about the change.",
        "Rydych chi'n dal wedi mewngofnodi yma. Rydych wedi cael eich allgofnodi ar bob "
        "dyfais arall, ac rydym wedi anfon e-bost atoch am y newid.",
        markdown=True,
    ),
    # Change secret question
    *_texts(
        _QUESTION,
        [
            *_CURRENT_PASSWORD,
            *_QUESTION_AND_ANSWER,
            (
                "secret_answer.hint",
                "You will need it if you forget your password. Capital letters and extra "
                "spaces do not matter.",
                "Bydd ei angen arnoch os byddwch yn anghofio eich cyfrinair. Nid yw priflythrennau "
                "a bylchau ychwanegol yn bwysig.",
            ),
            ("title", "Change your secret question", "Newid eich cwestiwn cyfrinachol"),
            ("button", "Save secret question", "Cadw'r cwestiwn cyfrinachol"),
            (
                "done.title",
                "Your secret question has been changed",
                "Mae eich cwestiwn cyfrinachol wedi'i newid",
            ),
        ],
    ),
    TextDefault(
        f"{_QUESTION}.done.body",
        "Use your new secret question and answer if you forget your password. We have sent "
        "you an email about the change.",
        "Defnyddiwch eich cwestiwn a'ch ateb cyfrinachol newydd os byddwch yn anghofio eich "
        "cyfrinair. Rydym wedi anfon e-bost atoch am y newid.",
        markdown=True,
    ),
    # Change email address
    *_texts(
        _EMAIL,
        [
            *_CURRENT_PASSWORD,
            ("new_email.label", "New email address", "Cyfeiriad e-bost newydd"),
            (
                "new_email.hint",
                "We will send a link to this address to confirm it.",
                "Byddwn yn anfon dolen i'r cyfeiriad hwn i'w gadarnhau.",
            ),
            ("title", "Change your email address", "Newid eich cyfeiriad e-bost"),
            (
                "warning",
                "When you confirm your new email address you will be signed out everywhere, "
                "and you will sign in with the new address from then on. Make sure it is "
                "correct.",
                "Pan fyddwch yn cadarnhau eich cyfeiriad e-bost newydd byddwch yn cael eich "
                "allgofnodi ym mhobman, a byddwch yn mewngofnodi gyda'r cyfeiriad newydd o "
                "hynny ymlaen. Gwnewch yn siŵr ei fod yn gywir.",
            ),
            ("button", "Send confirmation link", "Anfon dolen gadarnhau"),
            ("sent.title", "Check your new email address", "Gwiriwch eich cyfeiriad e-bost newydd"),
            (
                "confirm.title",
                "Confirm your new email address",
                "Cadarnhewch eich cyfeiriad e-bost newydd",
            ),
            ("confirm.button", "Confirm and sign out", "Cadarnhau ac allgofnodi"),
            (
                "invalid.title",
                "This link has expired or has already been used",
                "Mae'r ddolen hon wedi dod i ben neu wedi cael ei defnyddio'n barod",
            ),
            (
                "taken.title",
                "This email address is already in use",
                "Mae'r cyfeiriad e-bost hwn eisoes yn cael ei ddefnyddio",
            ),
            (
                "other_account.title",
                "This link is for a different account",
                "Mae'r ddolen hon ar gyfer cyfrif gwahanol",
            ),
            (
                "done.title",
                "Your email address has been changed",
                "Mae eich cyfeiriad e-bost wedi'i newid",
            ),
            ("done.sign_in", "Sign in", "Mewngofnodi"),
        ],
    ),
    TextDefault(
        f"{_EMAIL}.sent.body",
        "We have sent a link to {email}. Follow it within {hours} hours to confirm the "
        "change. Until then, keep signing in with your current address.\n\n"
        "We have also sent a notice to your current address.",
        "Rydym wedi anfon dolen i {email}. Dilynwch hi o fewn {hours} awr i gadarnhau'r newid. "
        "Tan hynny, parhewch i fewngofnodi gyda'ch cyfeiriad presennol.\n\n"
        "Rydym hefyd wedi anfon hysbysiad i'ch cyfeiriad presennol.",
        markdown=True,
    ),
    TextDefault(
        f"{_EMAIL}.confirm.body",
        "You are about to change the email address of your account to **{email}**. You will "
        "then be signed out everywhere and sign in with this address.",
        "Rydych ar fin newid cyfeiriad e-bost eich cyfrif i **{email}**. Yna byddwch yn cael "
        "eich allgofnodi ym mhobman ac yn mewngofnodi gyda'r cyfeiriad hwn.",
        markdown=True,
    ),
    TextDefault(
        f"{_EMAIL}.invalid.body",
        "A link to confirm a new email address works once, for a limited time. Sign in with "
        "your current address and ask to change it again.",
        "Mae dolen i gadarnhau cyfeiriad e-bost newydd yn gweithio unwaith, am gyfnod "
        "cyfyngedig. Mewngofnodwch gyda'ch cyfeiriad presennol a gofynnwch i'w newid eto.",
        markdown=True,
    ),
    TextDefault(
        f"{_EMAIL}.taken.body",
        "Another account now uses this email address, so your address has not been changed. "
        "Sign in with your current address and choose a different one, or contact the SEND "
        "team.",
        "Mae cyfrif arall bellach yn defnyddio'r cyfeiriad e-bost hwn, felly nid yw eich "
        "cyfeiriad wedi'i newid. Mewngofnodwch gyda'ch cyfeiriad presennol a dewiswch un "
        "gwahanol, neu cysylltwch â'r tîm AAA.",
        markdown=True,
    ),
    TextDefault(
        f"{_EMAIL}.other_account.body",
        "You are signed in to a different account from the one this link was sent for. Sign "
        "out, then follow the link in the email again.",
        "Rydych wedi mewngofnodi i gyfrif gwahanol i'r un yr anfonwyd y ddolen hon ar ei "
        "gyfer. Allgofnodwch, yna dilynwch y ddolen yn yr e-bost eto.",
        markdown=True,
    ),
    TextDefault(
        f"{_EMAIL}.done.body",
        "You have been signed out everywhere. Sign in with your new email address, **{email}**.",
        "Rydych wedi cael eich allgofnodi ym mhobman. Mewngofnodwch gyda'ch cyfeiriad e-bost "
        "newydd, **{email}**.",
        markdown=True,
    ),
    # Email a staff member's change of address sends to the new address.
    TextDefault(
        "account.emailsubject.email_changed_by_staff",
        "Your email address has been changed",
        "Mae eich cyfeiriad e-bost wedi'i newid",
    ),
    TextDefault(
        "account.email_email_changed_by_staff",
        "Dear {name},\n\nThe {council} SEND team has changed the email address of your SEND "
        "portal account to {new_email}. Sign in with this address from now on.\n\nIf you did "
        "not ask for this, contact us straight away.",
        "Annwyl {name},\n\nMae tîm AAA {council} wedi newid cyfeiriad e-bost eich cyfrif ym "
        "mhorth AAA i {new_email}. Mewngofnodwch gyda'r cyfeiriad hwn o hyn ymlaen.\n\nOs na "
        "wnaethoch chi ofyn am hyn, cysylltwch â ni ar unwaith.",
        markdown=True,
    ),
]
