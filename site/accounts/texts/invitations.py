"""Texts of the invitations journey, and the emails the council's staff send from the admin
(invitations and the verification of professional accounts)."""

from portal.plugins import TextDefault

EMAILS = [
    TextDefault(
        "account.emailsubject.invitation",
        "You are invited to the {council} SEND portal",
        "Gwahoddiad i borth AAA {council}",
    ),
    TextDefault(
        "account.email_invitation",
        "Hello,\n\nThe {council} SEND team has invited you to use the SEND portal for "
        "{child_name}.\n\nYour invitation code is **{code}**.\n\nFollow this link, then sign in "
        "or create an account with this email address: {link}\n\nThe invitation works until "
        "{expires}. If you were not expecting it, you can ignore this email.",
        "Helo,\n\nMae tîm AAA {council} wedi eich gwahodd i ddefnyddio'r porth AAA ar gyfer "
        "{child_name}.\n\nEich cod gwahoddiad yw **{code}**.\n\nDilynwch y ddolen hon, yna "
        "mewngofnodwch neu crëwch gyfrif gyda'r cyfeiriad e-bost hwn: {link}\n\nMae'r "
        "gwahoddiad yn gweithio tan {expires}. Os nad oeddech yn ei ddisgwyl, gallwch "
        "anwybyddu'r e-bost hwn.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.professional_verified",
        "Your professional account has been verified",
        "Mae eich cyfrif proffesiynol wedi'i ddilysu",
    ),
    TextDefault(
        "account.email_professional_verified",
        "Dear {name},\n\nThe {council} SEND team has verified your professional account. When "
        "you sign in you can now see the SEND information the council shares with you.",
        "Annwyl {name},\n\nMae tîm AAA {council} wedi dilysu eich cyfrif proffesiynol. Pan "
        "fyddwch yn mewngofnodi, gallwch nawr weld yr wybodaeth AAA y mae'r cyngor yn ei "
        "rhannu â chi.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.professional_rejected",
        "Your professional account could not be verified",
        "Nid oedd modd dilysu eich cyfrif proffesiynol",
    ),
    TextDefault(
        "account.email_professional_rejected",
        "Dear {name},\n\nThe {council} SEND team could not verify your professional account, "
        "so it cannot show SEND information.\n\nThe reason they gave: {note}\n\nIf you think "
        "this is a mistake, contact the SEND team.",
        "Annwyl {name},\n\nNid oedd tîm AAA {council} yn gallu dilysu eich cyfrif "
        "proffesiynol, felly ni all ddangos gwybodaeth AAA.\n\nY rheswm a roddwyd: {note}\n\n"
        "Os ydych chi'n credu bod hyn yn gamgymeriad, cysylltwch â'r tîm AAA.",
        markdown=True,
    ),
]

PAGES = [
    TextDefault("account.invitation.title", "Accept an invitation", "Derbyn gwahoddiad"),
    TextDefault(
        "account.invitation.intro",
        "When the SEND team wants to share information about a child with you, they send you "
        "an invitation by email. Enter the code from that email.",
        "Pan fydd y tîm AAA eisiau rhannu gwybodaeth am blentyn gyda chi, maen nhw'n anfon "
        "gwahoddiad atoch drwy e-bost. Rhowch y cod o'r e-bost hwnnw.",
        markdown=True,
    ),
    TextDefault("account.invitation.form.code.label", "Invitation code", "Cod gwahoddiad"),
    TextDefault(
        "account.invitation.form.code.hint",
        "It is in the invitation email, for example 7KQ9MX2PTA",
        "Mae yn yr e-bost gwahoddiad, er enghraifft 7KQ9MX2PTA",
    ),
    TextDefault("account.invitation.accept", "Accept invitation", "Derbyn y gwahoddiad"),
    TextDefault(
        "account.invitation.signed_out_title",
        "Sign in to accept your invitation",
        "Mewngofnodwch i dderbyn eich gwahoddiad",
    ),
    TextDefault(
        "account.invitation.signed_out_intro",
        "To accept the invitation you need an account with the email address the invitation "
        "was sent to. Sign in if you have one, or create one. You will then come back to this "
        "page.",
        "I dderbyn y gwahoddiad mae angen cyfrif arnoch gyda'r cyfeiriad e-bost yr anfonwyd y "
        "gwahoddiad ato. Mewngofnodwch os oes gennych un, neu crëwch un. Byddwch wedyn yn dod "
        "yn ôl i'r dudalen hon.",
        markdown=True,
    ),
    TextDefault("account.invitation.sign_in", "Sign in", "Mewngofnodi"),
    TextDefault("account.invitation.register", "Create an account", "Creu cyfrif"),
    TextDefault(
        "account.invitation.accepted_title", "Invitation accepted", "Gwahoddiad wedi'i dderbyn"
    ),
    TextDefault(
        "account.invitation.accepted_body",
        "Your account is now linked to {child_name}. The SEND team can share information about "
        "them with you through this portal.",
        "Mae eich cyfrif bellach wedi'i gysylltu â {child_name}. Gall y tîm AAA rannu "
        "gwybodaeth amdanyn nhw gyda chi drwy'r porth hwn.",
        markdown=True,
    ),
    TextDefault("account.invitation.my_account", "Go to My account", "Mynd i Fy nghyfrif"),
]

TEXTS = [*EMAILS, *PAGES]
