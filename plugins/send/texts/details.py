"""Texts of the SEND plugin: the pages around a form's steps (a professional's details, a
child's details corrected, starting a form again) and what the check page says about them."""

from portal.plugins import TextDefault

TEXTS = [
    # A professional's details, before the task list
    TextDefault("send.professional.title", "Your details", "Eich manylion"),
    TextDefault(
        "send.professional.intro",
        "Check your name, role and organisation. They are sent to the council with this form.",
        "Gwiriwch eich enw, eich rôl a'ch sefydliad. Cânt eu hanfon i'r cyngor gyda'r "
        "ffurflen hon.",
    ),
    TextDefault("send.professional.name.label", "Your full name", "Eich enw llawn"),
    TextDefault("send.professional.role.label", "Your role", "Eich rôl"),
    TextDefault("send.professional.organisation.label", "Your organisation", "Eich sefydliad"),
    TextDefault("send.professional.name.required", "Enter your full name", "Rhowch eich enw llawn"),
    TextDefault("send.professional.role.required", "Enter your role", "Rhowch eich rôl"),
    TextDefault(
        "send.professional.organisation.required",
        "Enter your organisation",
        "Rhowch eich sefydliad",
    ),
    TextDefault(
        "send.professional.too_long",
        "This must be {limit} characters or fewer",
        "Rhaid i hyn fod yn {limit} nod neu lai",
    ),
    TextDefault("send.professional.confirm", "Confirm and continue", "Cadarnhau a pharhau"),
    # A parent corrects the child's details
    TextDefault(
        "send.subject.correct",
        "Correct the child's name or date of birth",
        "Cywiro enw neu ddyddiad geni'r plentyn",
    ),
    TextDefault("send.correct.title", "Correct the child's details", "Cywiro manylion y plentyn"),
    TextDefault(
        "send.correct.intro",
        "You can correct these details until the council has matched the child to its "
        "records. After that, contact the council to change them.",
        "Gallwch gywiro'r manylion hyn nes bod y cyngor wedi paru'r plentyn â'i gofnodion. "
        "Ar ôl hynny, cysylltwch â'r cyngor i'w newid.",
    ),
    TextDefault("send.correct.save", "Save the details", "Cadw'r manylion"),
    # Starting a form already sent for the child
    TextDefault(
        "send.start_again.title",
        "Are you sure you want to start this form again?",
        "Ydych chi'n siŵr eich bod am ddechrau'r ffurflen hon eto?",
    ),
    TextDefault(
        "send.start_again.body",
        "You sent “{form}” for {person} on {date}, and the council has not made its decision "
        "yet. You only need to send it again if something important has changed.",
        "Fe anfonoch “{form}” ar gyfer {person} ar {date}, ac nid yw'r cyngor wedi gwneud ei "
        "benderfyniad eto. Dim ond os oes rhywbeth pwysig wedi newid y mae angen i chi ei "
        "hanfon eto.",
    ),
    TextDefault("send.start_again.yes", "Yes, start a new copy", "Ydw, dechrau copi newydd"),
    TextDefault("send.start_again.no", "No, go back", "Nac ydw, mynd yn ôl"),
    # The check page
    TextDefault("send.check.about", "Who this form is about", "Am bwy mae'r ffurflen hon"),
    TextDefault(
        "send.check.final",
        "You cannot change anything once you have sent this form.",
        "Ni allwch newid dim ar ôl i chi anfon y ffurflen hon.",
    ),
]
