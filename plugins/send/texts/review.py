"""Texts of the council's review of submitted forms: the message each decision starts from
(the caseworker may change it before sending) and the notice the submitter receives.

Message placeholders: {recipient} (the submitter's name), {child}, {form}, {reference} and
{caseworker}."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "send.review.message.approve",
        "Dear {recipient},\n\n"
        "We have approved the form “{form}” (reference {reference}) you sent us for {child}.\n\n"
        "{caseworker}",
        "Annwyl {recipient},\n\n"
        "Rydym wedi cymeradwyo’r ffurflen “{form}” (cyfeirnod {reference}) a anfonoch atom ar "
        "gyfer {child}.\n\n"
        "{caseworker}",
    ),
    TextDefault(
        "send.review.message.reject",
        "Dear {recipient},\n\n"
        "We cannot accept the form “{form}” (reference {reference}) you sent us for {child}, "
        "because:\n\n"
        "{caseworker}",
        "Annwyl {recipient},\n\n"
        "Ni allwn dderbyn y ffurflen “{form}” (cyfeirnod {reference}) a anfonoch atom ar gyfer "
        "{child}, oherwydd:\n\n"
        "{caseworker}",
    ),
    TextDefault(
        "send.review.message.more_information",
        "Dear {recipient},\n\n"
        "We need more information about the form “{form}” (reference {reference}) you sent us "
        "for {child}. Please sign in, open the form, add the following and send it again:\n\n"
        "{caseworker}",
        "Annwyl {recipient},\n\n"
        "Mae angen rhagor o wybodaeth arnom am y ffurflen “{form}” (cyfeirnod {reference}) a "
        "anfonoch atom ar gyfer {child}. Mewngofnodwch, agorwch y ffurflen, ychwanegwch y "
        "canlynol a’i hanfon eto:\n\n"
        "{caseworker}",
    ),
    TextDefault(
        "send.emailsubject.review.approve",
        "Your form {reference} has been approved",
        "Mae eich ffurflen {reference} wedi’i chymeradwyo",
    ),
    TextDefault(
        "send.emailsubject.review.reject",
        "Your form {reference} has been rejected",
        "Mae eich ffurflen {reference} wedi’i gwrthod",
    ),
    TextDefault(
        "send.emailsubject.review.more_information",
        "We need more information about your form {reference}",
        "Mae angen rhagor o wybodaeth arnom am eich ffurflen {reference}",
    ),
    TextDefault(
        "send.email_review_decision",
        "{message}\n\nSee your form on the portal: {link}",
        "{message}\n\nGweld eich ffurflen ar y porth: {link}",
        markdown=True,
    ),
    # The family's side
    TextDefault("send.review.family.approved", "Approved", "Cymeradwywyd"),
    TextDefault("send.review.family.rejected", "Rejected", "Gwrthodwyd"),
    TextDefault(
        "send.review.family.more_information", "More information needed", "Angen rhagor o wybodaeth"
    ),
    TextDefault("send.review.family.message", "Message from the council", "Neges gan y cyngor"),
    TextDefault(
        "send.review.family.more_information_title",
        "The council has asked for more information",
        "Mae’r cyngor wedi gofyn am ragor o wybodaeth",
    ),
    TextDefault(
        "send.review.family.send_again",
        "Change your answers or add files, then check and send the form again. "
        "Its reference stays the same.",
        "Newidiwch eich atebion neu ychwanegwch ffeiliau, yna gwiriwch ac anfonwch y ffurflen "
        "eto. Bydd ei chyfeirnod yn aros yr un fath.",
    ),
    # Forms the council shared on the child's case
    TextDefault("send.shared.view", "View shared form", "Gweld y ffurflen a rannwyd"),
    TextDefault("send.shared.approved", "approved", "cymeradwywyd"),
    TextDefault("send.shared.tag", "Shared with you", "Wedi’i rhannu â chi"),
    TextDefault(
        "send.shared.intro",
        "The council approved this form on {date} and shared it with the people who look "
        "after {child}. You can read and print it, but not change it.",
        "Cymeradwyodd y cyngor y ffurflen hon ar {date} a’i rhannu â’r bobl sy’n gofalu am "
        "{child}. Gallwch ei darllen a’i hargraffu, ond nid ei newid.",
    ),
    TextDefault("send.shared.reference", "Reference {reference}", "Cyfeirnod {reference}"),
    TextDefault(
        "send.print.shared_title",
        "Print or download a shared form",
        "Argraffu neu lawrlwytho ffurflen a rannwyd",
    ),
]
