"""Texts of invitations to a child's case: the invitation email and the person's pages.

Placeholders of the email: {code}, {link} (the page to accept it), {expires} and {council}."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "send.emailsubject.invitation",
        "Your invitation to see your child's SEND information",
        "Eich gwahoddiad i weld gwybodaeth AAA eich plentyn",
    ),
    TextDefault(
        "send.email_invitation",
        "The SEND team at {council} has invited you to see information about your child's "
        "special educational needs on the portal.\n\n"
        "Register or sign in with this email address, then open this link: {link}\n\n"
        "Or enter this code on the portal: {code}\n\n"
        "The invitation expires on {expires}. After you confirm your children, the SEND team "
        "checks your identity before you can see their information.",
        "Mae tîm AAA {council} wedi eich gwahodd i weld gwybodaeth am anghenion addysgol "
        "arbennig eich plentyn ar y porth.\n\n"
        "Cofrestrwch neu mewngofnodwch gyda’r cyfeiriad e-bost hwn, yna agorwch y ddolen hon: "
        "{link}\n\n"
        "Neu rhowch y cod hwn ar y porth: {code}\n\n"
        "Daw’r gwahoddiad i ben ar {expires}. Ar ôl i chi gadarnhau eich plant, bydd y tîm AAA "
        "yn gwirio pwy ydych chi cyn i chi allu gweld eu gwybodaeth.",
        markdown=True,
    ),
    TextDefault(
        "send.invitations.title",
        "Invitations awaiting approval",
        "Gwahoddiadau sy’n aros am gymeradwyaeth",
    ),
    TextDefault(
        "send.invitations.intro",
        "Tick each child you are the parent or carer of. The SEND team will check your "
        "identity before you can see their information.",
        "Ticiwch bob plentyn rydych yn rhiant neu’n ofalwr iddo. Bydd y tîm AAA yn gwirio pwy "
        "ydych chi cyn i chi allu gweld eu gwybodaeth.",
    ),
    TextDefault(
        "send.invitations.form.children.label",
        "I am the parent or carer of",
        "Rwy’n rhiant neu’n ofalwr i",
    ),
    TextDefault("send.invitations.confirm", "Confirm", "Cadarnhau"),
    TextDefault(
        "send.invitations.waiting",
        "Waiting for the SEND team to check your identity",
        "Yn aros i’r tîm AAA wirio pwy ydych chi",
    ),
    TextDefault(
        "send.invitations.none",
        "You have no invitations waiting for the SEND team.",
        "Nid oes gennych wahoddiadau’n aros am y tîm AAA.",
    ),
    TextDefault(
        "send.invitations.form.code.label",
        "Invitation code",
        "Cod gwahoddiad",
    ),
    TextDefault(
        "send.invitations.form.code.hint",
        "The code is in the invitation email the SEND team sent you.",
        "Mae’r cod yn yr e-bost gwahoddiad a anfonodd y tîm AAA atoch.",
    ),
    TextDefault("send.invitations.continue", "Continue", "Parhau"),
    TextDefault(
        "send.invitations.home_link",
        "Invited by the SEND team? Enter your invitation code",
        "Wedi cael gwahoddiad gan y tîm AAA? Rhowch eich cod gwahoddiad",
    ),
    TextDefault(
        "send.invitations.unknown_code",
        "This code does not match an invitation sent to your email address.",
        "Nid yw’r cod hwn yn cyfateb i wahoddiad a anfonwyd i’ch cyfeiriad e-bost.",
    ),
]
