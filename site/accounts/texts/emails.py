"""Account texts: the automatic emails' subjects (search "emailsubject") and Markdown bodies
(search "email_"). Placeholders in braces are filled in when the email is sent; a key ending
in ``.professional`` (created by an editor) gives professional accounts their own wording."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "account.emailsubject.registration",
        "Confirm your email address",
        "Cadarnhewch eich cyfeiriad e-bost",
    ),
    TextDefault(
        "account.email_registration",
        "Dear {name},\n\nThank you for registering with the {council} SEND portal.\n\n"
        "Your confirmation code is **{code}**. You can also confirm your email address by "
        "following this link: {link}\n\nThe code and link work for {hours} hours. If you did not "
        "register, you can ignore this email.",
        "Annwyl {name},\n\nDiolch am gofrestru gyda phorth AAA {council}.\n\n"
        "Eich cod cadarnhau yw **{code}**. Gallwch hefyd gadarnhau eich cyfeiriad e-bost drwy "
        "ddilyn y ddolen hon: {link}\n\nMae'r cod a'r ddolen yn gweithio am {hours} awr. Os na "
        "wnaethoch chi gofrestru, gallwch anwybyddu'r e-bost hwn.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.sign_in_code",
        "Your sign-in code",
        "Eich cod mewngofnodi",
    ),
    TextDefault(
        "account.email_sign_in_code",
        "Your code to sign in to the {council} SEND portal is **{code}**.\n\n"
        "It works once, for {minutes} minutes. If you did not try to sign in, change your "
        "password straight away.",
        "Eich cod i fewngofnodi i borth AAA {council} yw **{code}**.\n\n"
        "Mae'n gweithio unwaith, am {minutes} munud. Os na wnaethoch chi geisio mewngofnodi, "
        "newidiwch eich cyfrinair ar unwaith.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.password_forgotten",
        "Reset your password",
        "Ailosod eich cyfrinair",
    ),
    TextDefault(
        "account.email_password_forgotten",
        "Dear {name},\n\nWe received a request to reset the password for your {council} SEND "
        "portal account. Follow this link to choose a new password: {link}\n\nThe link works "
        "once, for {hours} hours. If you did not ask for this, you can ignore this email: your "
        "password has not changed.",
        "Annwyl {name},\n\nCawsom gais i ailosod y cyfrinair ar gyfer eich cyfrif ym mhorth AAA "
        "{council}. Dilynwch y ddolen hon i ddewis cyfrinair newydd: {link}\n\nMae'r ddolen yn "
        "gweithio unwaith, am {hours} awr. Os na wnaethoch chi ofyn am hyn, gallwch anwybyddu'r "
        "e-bost hwn: nid yw eich cyfrinair wedi newid.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.password_changed",
        "Your password has been changed",
        "Mae eich cyfrinair wedi'i newid",
    ),
    TextDefault(
        "account.email_password_changed",
        "Dear {name},\n\nThe password for your {council} SEND portal account was changed. "
        "You have been signed out everywhere else.\n\nIf you did not change it, contact us "
        "straight away.",
        "Annwyl {name},\n\nCafodd y cyfrinair ar gyfer eich cyfrif ym mhorth AAA {council} ei "
        "newid. Rydych wedi cael eich allgofnodi ym mhobman arall.\n\nOs na wnaethoch chi ei "
        "newid, cysylltwch â ni ar unwaith.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.email_changed",
        "Confirm your new email address",
        "Cadarnhewch eich cyfeiriad e-bost newydd",
    ),
    TextDefault(
        "account.email_email_changed",
        "Dear {name},\n\nPlease confirm that you want to use this address for your {council} "
        "SEND portal account by following this link: {link}\n\nThe link works for {hours} "
        "hours. Until you confirm, your old address stays in use.",
        "Annwyl {name},\n\nCadarnhewch eich bod am ddefnyddio'r cyfeiriad hwn ar gyfer eich "
        "cyfrif ym mhorth AAA {council} drwy ddilyn y ddolen hon: {link}\n\nMae'r ddolen yn "
        "gweithio am {hours} awr. Hyd nes i chi gadarnhau, bydd eich hen gyfeiriad yn parhau "
        "i gael ei ddefnyddio.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.email_change_notice",
        "Your email address is being changed",
        "Mae eich cyfeiriad e-bost yn cael ei newid",
    ),
    TextDefault(
        "account.email_email_change_notice",
        "Dear {name},\n\nSomeone asked to change the email address of your {council} SEND "
        "portal account to {new_email}. If this was not you, contact us straight away.",
        "Annwyl {name},\n\nGofynnodd rhywun am newid cyfeiriad e-bost eich cyfrif ym mhorth AAA "
        "{council} i {new_email}. Os nad chi oedd hyn, cysylltwch â ni ar unwaith.",
        markdown=True,
    ),
    TextDefault(
        "account.emailsubject.secret_question_changed",
        "Your secret question has been changed",
        "Mae eich cwestiwn cyfrinachol wedi'i newid",
    ),
    TextDefault(
        "account.email_secret_question_changed",
        "Dear {name},\n\nThe secret question and answer for your {council} SEND portal "
        "account were changed. If you did not change them, contact us straight away.",
        "Annwyl {name},\n\nCafodd y cwestiwn cyfrinachol a'r ateb ar gyfer eich cyfrif ym "
        "mhorth AAA {council} eu newid. Os na wnaethoch chi eu newid, cysylltwch â ni ar "
        "unwaith.",
        markdown=True,
    ),
]
