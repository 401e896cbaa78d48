"""Texts of the SEND plugin: filling in, submitting and keeping forms."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "send.emailsubject.draft_purge",
        "Your form in progress will be deleted on {date}",
        "Bydd eich ffurflen sydd ar y gweill yn cael ei dileu ar {date}",
    ),
    TextDefault(
        "send.email_draft_purge",
        "Dear {name},\n\n"
        "You started the form “{form}” for {person} on the {council} portal but have not "
        "changed it for a long time. If you do not save any part of it before {date}, it "
        "will be deleted, with any files you uploaded.\n\n"
        "To keep it, sign in, open the form and save a step.",
        "Annwyl {name},\n\n"
        "Fe ddechreuoch chi’r ffurflen “{form}” ar gyfer {person} ar borth {council} ond nid "
        "ydych wedi’i newid ers amser hir. Os na fyddwch yn cadw unrhyw ran ohoni cyn "
        "{date}, bydd yn cael ei dileu, ynghyd ag unrhyw ffeiliau a lwythwyd gennych.\n\n"
        "I’w chadw, mewngofnodwch, agorwch y ffurflen a chadwch gam.",
        markdown=True,
    ),
]

TEXTS += [
    TextDefault("send.back", "Back", "Yn ôl"),
    # The person's forms page
    TextDefault(
        "send.person_forms.available", "Forms you can fill in", "Ffurflenni y gallwch eu llenwi"
    ),
    TextDefault(
        "send.person_forms.none",
        "There are no forms for you to fill in at the moment.",
        "Nid oes ffurflenni i chi eu llenwi ar hyn o bryd.",
    ),
    TextDefault("send.person_forms.search", "Search forms", "Chwilio ffurflenni"),
    TextDefault("send.person_forms.search_button", "Search", "Chwilio"),
    TextDefault(
        "send.person_forms.no_match",
        "No forms match your search.",
        "Nid oes ffurflenni'n cyfateb i'ch chwiliad.",
    ),
    TextDefault("send.person_forms.start", "Start", "Dechrau"),
    TextDefault("send.person_forms.print_blank", "Print a blank copy", "Argraffu copi gwag"),
    TextDefault("send.person_forms.history", "History", "Hanes"),
    TextDefault("send.person_forms.in_progress", "In progress", "Ar y gweill"),
    TextDefault("send.person_forms.submitted", "Submitted", "Wedi'i chyflwyno"),
    TextDefault("send.person_forms.continue", "Continue", "Parhau"),
    TextDefault("send.person_forms.view", "View details", "Gweld y manylion"),
    TextDefault(
        "send.person_forms.no_history",
        "You have not started any forms for this person.",
        "Nid ydych wedi dechrau unrhyw ffurflenni ar gyfer y person hwn.",
    ),
    TextDefault(
        "send.person_forms.shared",
        "Forms shared with you by the council",
        "Ffurflenni a rannwyd â chi gan y cyngor",
    ),
    TextDefault(
        "send.person_forms.none_shared",
        "The council has not shared any forms with you yet.",
        "Nid yw'r cyngor wedi rhannu unrhyw ffurflenni â chi eto.",
    ),
    TextDefault("send.person_forms.last_saved", "Last saved", "Cadwyd ddiwethaf"),
    # The form's task list and step 1
    TextDefault(
        "send.overview.check", "Check your answers and submit", "Gwirio eich atebion a chyflwyno"
    ),
    TextDefault(
        "send.overview.saved_note",
        "Everything you save is kept. You can leave and come back to this form at any time, "
        "from any device, until you submit it.",
        "Caiff popeth a gadwch ei gadw. Gallwch adael a dod yn ôl at y ffurflen hon unrhyw "
        "bryd, o unrhyw ddyfais, hyd nes i chi ei chyflwyno.",
    ),
    TextDefault(
        "send.subject.confirm",
        "These details are correct – continue",
        "Mae'r manylion hyn yn gywir – parhau",
    ),
    # Steps
    TextDefault(
        "send.step.stale",
        "This step was saved on another device or in another tab after you opened it. "
        "We have not saved your changes: the answers below are the ones saved most recently. "
        "Check them, change what you need and save again.",
        "Cafodd y cam hwn ei gadw ar ddyfais arall neu mewn tab arall ar ôl i chi ei agor. "
        "Nid ydym wedi cadw eich newidiadau: yr atebion isod yw'r rhai a gadwyd ddiwethaf. "
        "Gwiriwch nhw, newidiwch yr hyn sydd ei angen a chadwch eto.",
    ),
    TextDefault(
        "send.step.stale_title", "Your changes were not saved", "Ni chadwyd eich newidiadau"
    ),
    TextDefault(
        "send.step.prefilled",
        "These answers have been filled in from a form you completed before. Check them before "
        "you save:",
        "Mae'r atebion hyn wedi'u llenwi o ffurflen a lenwoch o'r blaen. Gwiriwch nhw cyn i chi "
        "gadw:",
    ),
    TextDefault("send.step.uploaded", "Uploaded: {name}", "Wedi'i llwytho: {name}"),
    TextDefault("send.step.remove_file", "Remove file", "Tynnu'r ffeil"),
    TextDefault("send.step.file_removed", "The file was removed.", "Tynnwyd y ffeil."),
    # Check your answers and submit
    TextDefault(
        "send.check.title",
        "Check your answers before submitting",
        "Gwiriwch eich atebion cyn cyflwyno",
    ),
    TextDefault("send.check.change", "Change", "Newid"),
    TextDefault("send.check.not_answered", "Not answered", "Heb ei ateb"),
    TextDefault(
        "send.check.incomplete",
        "You need to save every step before you submit. Not saved yet:",
        "Mae angen i chi gadw pob cam cyn cyflwyno. Heb eu cadw eto:",
    ),
    TextDefault("send.check.declarations", "Declarations", "Datganiadau"),
    TextDefault(
        "send.declarations.council.label",
        "I confirm that the information I have given is correct and complete to the best of "
        "my knowledge.",
        "Rwy'n cadarnhau bod yr wybodaeth a roddais yn gywir ac yn gyflawn hyd eithaf fy "
        "ngwybodaeth.",
    ),
    TextDefault(
        "send.declarations.council.required",
        "Confirm that the information you have given is correct",
        "Cadarnhewch fod yr wybodaeth a roddoch yn gywir",
    ),
    TextDefault(
        "send.declarations.sharing.label",
        "I understand that the council will share this information with the professionals "
        "involved, within the council and with the child or young person, so that together "
        "they can decide whether an assessment of education, health and care needs is "
        "needed, whether a plan is needed and what it should contain.",
        "Rwy'n deall y bydd y cyngor yn rhannu'r wybodaeth hon â'r gweithwyr proffesiynol "
        "sy'n ymwneud â'r achos, o fewn y cyngor ac â'r plentyn neu'r person ifanc, fel y "
        "gallant benderfynu gyda'i gilydd a oes angen asesiad o anghenion addysg, iechyd a "
        "gofal, a oes angen cynllun a beth ddylai fod ynddo.",
    ),
    TextDefault(
        "send.declarations.sharing.required",
        "Confirm that you understand how the information will be shared",
        "Cadarnhewch eich bod yn deall sut y caiff yr wybodaeth ei rhannu",
    ),
    TextDefault("send.check.submit", "Submit", "Cyflwyno"),
    # Confirmation and the submitted form
    TextDefault("send.confirmation.title", "Form submitted", "Ffurflen wedi'i chyflwyno"),
    TextDefault("send.confirmation.reference", "Your reference", "Eich cyfeirnod"),
    TextDefault(
        "send.confirmation.next",
        "The council's SEND team will look at your form and contact you. You can see the form "
        "at any time from this person's page, under History.",
        "Bydd tîm AAA y cyngor yn edrych ar eich ffurflen ac yn cysylltu â chi. Gallwch weld y "
        "ffurflen unrhyw bryd o dudalen y person hwn, o dan Hanes.",
    ),
    TextDefault(
        "send.confirmation.view", "View the form you submitted", "Gweld y ffurflen a gyflwynoch"
    ),
    TextDefault(
        "send.submitted.reference",
        "Reference {reference}, submitted {date}",
        "Cyfeirnod {reference}, cyflwynwyd {date}",
    ),
    TextDefault(
        "send.submitted.print",
        "Print or download this form",
        "Argraffu neu lawrlwytho'r ffurflen hon",
    ),
    TextDefault("send.submitted.back", "Back to the person's forms", "Yn ôl i ffurflenni'r person"),
    # Reopening (professionals)
    TextDefault("send.reopen.link", "Edit this form", "Golygu'r ffurflen hon"),
    TextDefault("send.reopen.title", "Edit a submitted form", "Golygu ffurflen a gyflwynwyd"),
    TextDefault(
        "send.reopen.intro",
        "The council has not opened this form yet, so you can change it. Tell us why: your "
        "reason is recorded with the form. Submit the form again when you have finished.",
        "Nid yw'r cyngor wedi agor y ffurflen hon eto, felly gallwch ei newid. Dywedwch "
        "wrthym pam: caiff eich rheswm ei gofnodi gyda'r ffurflen. Cyflwynwch y ffurflen eto "
        "pan fyddwch wedi gorffen.",
    ),
    TextDefault("send.reopen.reason.label", "Reason for the change", "Rheswm dros y newid"),
    TextDefault(
        "send.reopen.reason.required",
        "Enter the reason for the change",
        "Rhowch y rheswm dros y newid",
    ),
    TextDefault(
        "send.reopen.reason.too_long",
        "The reason must be {limit} characters or fewer",
        "Rhaid i'r rheswm fod yn {limit} nod neu lai",
    ),
    TextDefault("send.reopen.button", "Edit the form", "Golygu'r ffurflen"),
]
