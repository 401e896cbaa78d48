"""Texts of the sign-in journey: sign in, the emailed code, two-step verification, sign out
and the account links in the header."""

from portal.plugins import TextDefault

TEXTS = [
    # Header
    TextDefault("account.nav.sign_in", "Sign in", "Mewngofnodi"),
    TextDefault("account.nav.register", "Create an account", "Creu cyfrif"),
    TextDefault("account.nav.sign_out", "Sign out", "Allgofnodi"),
    TextDefault("account.nav.my_account", "My account", "Fy nghyfrif"),
    # Sign in
    TextDefault("account.sign_in.title", "Sign in", "Mewngofnodi"),
    TextDefault("account.sign_in.form.email.label", "Email address", "Cyfeiriad e-bost"),
    TextDefault("account.sign_in.form.password.label", "Password", "Cyfrinair"),
    TextDefault("account.sign_in.button", "Sign in", "Mewngofnodi"),
    TextDefault(
        "account.sign_in.forgotten_link",
        "I have forgotten my password",
        "Rwyf wedi anghofio fy nghyfrinair",
    ),
    TextDefault(
        "account.sign_in.register_link",
        "Create an account",
        "Creu cyfrif",
    ),
    TextDefault(
        "account.sign_in.unconfirmed.title",
        "Confirm your email address first",
        "Cadarnhewch eich cyfeiriad e-bost yn gyntaf",
    ),
    TextDefault(
        "account.sign_in.unconfirmed.body",
        "You need to confirm your email address before you can sign in. Use the link or the "
        "code in the email we sent you when you registered.",
        "Mae angen i chi gadarnhau eich cyfeiriad e-bost cyn y gallwch fewngofnodi. "
        "Defnyddiwch y ddolen neu'r cod yn yr e-bost a anfonwyd atoch pan wnaethoch gofrestru.",
    ),
    TextDefault(
        "account.sign_in.unconfirmed.resend",
        "Send me a new code",
        "Anfonwch god newydd ataf",
    ),
    TextDefault(
        "account.sign_in.locked_out.title",
        "You cannot sign in at the moment",
        "Ni allwch fewngofnodi ar hyn o bryd",
    ),
    TextDefault(
        "account.sign_in.locked_out.body",
        "There have been too many attempts to sign in with these details. For your security, "
        "signing in is paused for {minutes} minutes. Try again later, or reset your password.",
        "Bu gormod o ymdrechion i fewngofnodi gyda'r manylion hyn. Er eich diogelwch, mae "
        "mewngofnodi wedi'i atal am {minutes} munud. Rhowch gynnig arall arni nes ymlaen, neu "
        "ailosodwch eich cyfrinair.",
    ),
    # A signed-in citizen or professional who opens the staff admin
    TextDefault(
        "account.staff_only.title",
        "This area is for council staff",
        "Mae'r rhan hon ar gyfer staff y cyngor",
    ),
    TextDefault(
        "account.staff_only.body",
        "You are signed in, but your account cannot use the council's staff pages. Everything "
        "you can do on this site is on the home page and in My account.",
        "Rydych wedi mewngofnodi, ond ni all eich cyfrif ddefnyddio tudalennau staff y cyngor. "
        "Mae popeth y gallwch ei wneud ar y wefan hon ar yr hafan ac yn Fy nghyfrif.",
    ),
    TextDefault("account.staff_only.home_link", "Go to the home page", "Ewch i'r hafan"),
    # The emailed code
    TextDefault(
        "account.sign_in.code.title",
        "We have sent a code to your email address",
        "Rydym wedi anfon cod i'ch cyfeiriad e-bost",
    ),
    TextDefault(
        "account.sign_in.code.title_refused",
        "Enter the code from the last email we sent you",
        "Rhowch y cod o'r e-bost diwethaf a anfonwyd atoch",
    ),
    TextDefault(
        "account.sign_in.code.intro",
        "Enter the 6-digit code from the email. It works once, for {minutes} minutes.",
        "Rhowch y cod 6 digid o'r e-bost. Mae'n gweithio unwaith, am {minutes} munud.",
    ),
    TextDefault("account.sign_in.code_form.code.label", "Code", "Cod"),
    TextDefault(
        "account.sign_in.code_form.code.hint", "The code is 6 digits.", "Mae'r cod yn 6 digid."
    ),
    TextDefault("account.sign_in.code.button", "Continue", "Parhau"),
    TextDefault("account.sign_in.code.resend", "Send me a new code", "Anfonwch god newydd ataf"),
    TextDefault(
        "account.sign_in.code.resend_intro",
        "Not received the email? It can take a few minutes to arrive. Check your spam folder.",
        "Heb gael yr e-bost? Gall gymryd ychydig funudau i gyrraedd. Edrychwch yn eich "
        "ffolder sbam.",
    ),
    # Offer after signing in
    TextDefault(
        "account.sign_in.offer.title",
        "Turn on two-step verification now",
        "Trowch ddilysu dau gam ymlaen nawr",
    ),
    TextDefault(
        "account.sign_in.offer.body",
        "Two-step verification keeps your account safer: when you sign in, we email you a "
        "code to enter as well as your password. Some services, such as SEND, need it.",
        "Mae dilysu dau gam yn cadw eich cyfrif yn fwy diogel: pan fyddwch yn mewngofnodi, "
        "byddwn yn anfon cod atoch drwy e-bost i'w roi yn ogystal â'ch cyfrinair. Mae rhai "
        "gwasanaethau, fel AAA, ei angen.",
    ),
    TextDefault(
        "account.sign_in.offer.turn_on",
        "Turn on two-step verification",
        "Troi dilysu dau gam ymlaen",
    ),
    TextDefault("account.sign_in.offer.not_now", "Not now", "Dim nawr"),
    # My account → two-step verification
    TextDefault("account.two_factor.title", "Two-step verification", "Dilysu dau gam"),
    TextDefault(
        "account.two_factor.explain",
        "With two-step verification on, you enter a code we email to you as well as your "
        "password each time you sign in.",
        "Gyda dilysu dau gam ymlaen, rydych yn rhoi cod rydym yn ei anfon atoch drwy e-bost "
        "yn ogystal â'ch cyfrinair bob tro y byddwch yn mewngofnodi.",
    ),
    TextDefault(
        "account.two_factor.is_on",
        "Two-step verification is on. We send your codes to {email}.",
        "Mae dilysu dau gam ymlaen. Rydym yn anfon eich codau i {email}.",
    ),
    TextDefault(
        "account.two_factor.is_off",
        "Two-step verification is off.",
        "Mae dilysu dau gam i ffwrdd.",
    ),
    TextDefault(
        "account.two_factor.turn_on",
        "Turn on two-step verification",
        "Troi dilysu dau gam ymlaen",
    ),
    TextDefault(
        "account.two_factor.turn_off",
        "Turn off two-step verification",
        "Diffodd dilysu dau gam",
    ),
    TextDefault(
        "account.two_factor.cannot_turn_off",
        "You use a service that requires two-step verification, so you cannot turn it off.",
        "Rydych yn defnyddio gwasanaeth sydd angen dilysu dau gam, felly ni allwch ei ddiffodd.",
    ),
    TextDefault(
        "account.two_factor.confirm.title",
        "Check your email",
        "Gwiriwch eich e-bost",
    ),
    TextDefault(
        "account.two_factor.confirm.intro",
        "We have sent a 6-digit code to {email}. Enter it to turn on two-step verification. "
        "It works once, for {minutes} minutes.",
        "Rydym wedi anfon cod 6 digid i {email}. Rhowch ef i droi dilysu dau gam ymlaen. Mae'n "
        "gweithio unwaith, am {minutes} munud.",
    ),
    TextDefault(
        "account.two_factor.turned_on",
        "Two-step verification is now on",
        "Mae dilysu dau gam ymlaen nawr",
    ),
    TextDefault("account.two_factor.continue", "Continue", "Parhau"),
    TextDefault(
        "account.two_factor.turned_off",
        "Two-step verification is now off",
        "Mae dilysu dau gam i ffwrdd nawr",
    ),
    TextDefault(
        "account.two_factor.required.title",
        "This area requires two-step verification",
        "Mae angen dilysu dau gam ar gyfer yr adran hon",
    ),
    TextDefault(
        "account.two_factor.required.body",
        "This area requires two-step verification. Turn it on in My account before continuing.",
        "Mae angen dilysu dau gam ar gyfer yr adran hon. Trowch ef ymlaen yn Fy nghyfrif cyn "
        "parhau.",
    ),
    TextDefault("account.back_to_my_account", "Back to My account", "Yn ôl i Fy nghyfrif"),
    # Sign out
    TextDefault("account.signed_out.title", "You have signed out", "Rydych wedi allgofnodi"),
    TextDefault("account.signed_out.sign_in_again", "Sign in again", "Mewngofnodi eto"),
]
