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
    TextDefault(
        "send.emailsubject.receipt",
        "We have received your form: {reference}",
        "Rydym wedi cael eich ffurflen: {reference}",
    ),
    TextDefault(
        "send.email_receipt",
        "Dear {name},\n\n"
        "Thank you. The {council} SEND team has received your form.\n\n"
        "- Form: {form}\n"
        "- About: {person}\n"
        "- Reference: {reference}\n\n"
        "Keep this reference: quote it if you contact us about the form. You can see what you "
        "sent at any time by signing in to the portal.",
        "Annwyl {name},\n\n"
        "Diolch. Mae tîm AAA {council} wedi cael eich ffurflen.\n\n"
        "- Ffurflen: {form}\n"
        "- Ynghylch: {person}\n"
        "- Cyfeirnod: {reference}\n\n"
        "Cadwch y cyfeirnod hwn: nodwch ef os byddwch yn cysylltu â ni am y ffurflen. Gallwch "
        "weld yr hyn a anfonoch unrhyw bryd drwy fewngofnodi i'r porth.",
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
    TextDefault(
        "send.step.saved_for_later",
        "Your answers to “{step}” have been saved. You can come back and finish this step at "
        "any time before you submit the form.",
        "Mae eich atebion i “{step}” wedi'u cadw. Gallwch ddod yn ôl a gorffen y cam hwn "
        "unrhyw bryd cyn i chi gyflwyno'r ffurflen.",
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
        "You need to finish every step before you submit. Not finished yet:",
        "Mae angen i chi orffen pob cam cyn cyflwyno. Heb eu gorffen eto:",
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
        "send.declarations.sharing.statement",
        "## How we use and share this information\n\n"
        "The council uses the information in this form to decide:\n\n"
        "- whether to carry out an assessment of the child or young person's education, "
        "health and care needs\n"
        "- whether they need a plan\n"
        "- what the plan should contain\n\n"
        "To make these decisions, the council may share the information with the "
        "professionals who work with the child or young person (for example in education, "
        "health and social care), with other teams in the council and with the child or "
        "young person.\n\n"
        "If you do not agree to this, you cannot send the form.",
        "## Sut rydym yn defnyddio ac yn rhannu'r wybodaeth hon\n\n"
        "Mae'r cyngor yn defnyddio'r wybodaeth yn y ffurflen hon i benderfynu:\n\n"
        "- a ddylid asesu anghenion addysg, iechyd a gofal y plentyn neu'r person ifanc\n"
        "- a oes angen cynllun arnynt\n"
        "- beth ddylai fod yn y cynllun\n\n"
        "Er mwyn gwneud y penderfyniadau hyn, gall y cyngor rannu'r wybodaeth â'r "
        "gweithwyr proffesiynol sy'n gweithio gyda'r plentyn neu'r person ifanc (er "
        "enghraifft ym meysydd addysg, iechyd a gofal cymdeithasol), â thimau eraill yn y "
        "cyngor ac â'r plentyn neu'r person ifanc.\n\n"
        "Os nad ydych yn cytuno i hyn, ni allwch anfon y ffurflen.",
        markdown=True,
    ),
    TextDefault(
        "send.declarations.sharing.label",
        "I agree to the information in this form being used and shared as described above.",
        "Rwy'n cytuno i'r wybodaeth yn y ffurflen hon gael ei defnyddio a'i rhannu fel y "
        "disgrifir uchod.",
    ),
    TextDefault(
        "send.declarations.sharing.required",
        "Agree to the information being used and shared, or you cannot send the form",
        "Cytunwch i'r wybodaeth gael ei defnyddio a'i rhannu, neu ni allwch anfon y ffurflen",
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
