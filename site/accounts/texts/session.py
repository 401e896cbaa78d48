"""Texts of the session journey: the timeout warning and the page after an idle session ends."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "account.session.timed_out.title",
        "You have been signed out",
        "Rydych wedi cael eich allgofnodi",
    ),
    TextDefault(
        "account.session.timed_out.body",
        "For your security, we signed you out because you had not used the portal for "
        "{minutes} minutes. We did not keep any information you had not sent.\n\n"
        "If you are using a shared computer, close your browser.",
        "Er eich diogelwch, gwnaethom eich allgofnodi am nad oeddech wedi defnyddio'r porth "
        "am {minutes} munud. Ni wnaethom gadw unrhyw wybodaeth nad oeddech wedi'i hanfon.\n\n"
        "Os ydych yn defnyddio cyfrifiadur a rennir, caewch eich porwr.",
        markdown=True,
    ),
    TextDefault(
        "account.session.timed_out.sign_in_again",
        "Sign in again",
        "Mewngofnodi eto",
    ),
    TextDefault(
        "account.session.warning.title",
        "You will be signed out soon",
        "Byddwch yn cael eich allgofnodi cyn bo hir",
    ),
    # The browser fills in {time} with one of the three texts below as it counts down.
    TextDefault(
        "account.session.warning.countdown",
        "For your security, we will sign you out in {time}.",
        "Er eich diogelwch, byddwn yn eich allgofnodi ymhen {time}.",
    ),
    TextDefault("account.session.warning.minutes", "{count} minutes", "{count} munud"),
    TextDefault("account.session.warning.second", "1 second", "1 eiliad"),
    TextDefault("account.session.warning.seconds", "{count} seconds", "{count} eiliad"),
    TextDefault(
        "account.session.warning.unsent",
        "Any information you have not sent will be lost.",
        "Bydd unrhyw wybodaeth nad ydych wedi'i hanfon yn cael ei cholli.",
    ),
    TextDefault("account.session.warning.stay", "Stay signed in", "Aros wedi mewngofnodi"),
    TextDefault("account.session.warning.sign_out", "Sign out", "Allgofnodi"),
]
