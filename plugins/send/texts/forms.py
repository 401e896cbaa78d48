"""Texts of the SEND plugin: forms drawn from their schema (introduction, steps, task list,
subject details, error messages) and the SEND team's preview of them.

Error messages name the question by its label in quotes: labels are whatever the SEND team
wrote (often a whole question), so they cannot be fitted into a sentence the GOV.UK way
("Enter your name") without reading oddly in English or breaking Welsh mutations.
"""

from portal.plugins import TextDefault

TEXTS = [
    # Every SEND form's title starts with this (the council's system did the same).
    TextDefault(
        "send.form.title_prefix",
        "Special Educational Needs and Disabilities – ",
        "Anghenion Addysgol Arbennig ac Anableddau – ",
    ),
    TextDefault("send.form.start", "Start", "Dechrau"),
    TextDefault("send.form.continue", "Continue", "Parhau"),
    TextDefault("send.form.save_and_continue", "Save and continue", "Cadw a pharhau"),
    TextDefault(
        "send.form.save_later", "Save and come back later", "Cadw a dod yn ôl yn nes ymlaen"
    ),
    # Repeating groups
    # An item's heading on the step, check and print pages: "Other agency 2".
    TextDefault("send.form.repeat_item", "{group} {number}", "{group} {number}"),
    TextDefault("send.form.add_more", "Add more", "Ychwanegu mwy"),
    TextDefault("send.form.remove", "Remove", "Tynnu"),
    # Answers
    TextDefault("send.form.yes", "Yes", "Ie"),
    TextDefault("send.form.no", "No", "Na"),
    TextDefault("send.form.not_answered", "Not answered", "Heb ateb"),
    TextDefault("send.form.choose", "Choose an answer", "Dewiswch ateb"),
    TextDefault(
        "send.form.current_file", "File already added: {name}", "Ffeil wedi'i hychwanegu: {name}"
    ),
    # Task list
    TextDefault("send.form.steps", "Steps in this form", "Camau'r ffurflen hon"),
    TextDefault("send.form.status.not_started", "Not started", "Heb ddechrau"),
    TextDefault("send.form.status.in_progress", "In progress", "Ar y gweill"),
    TextDefault("send.form.status.completed", "Completed", "Wedi'i gwblhau"),
    # Step 1: the person the form is about
    TextDefault("send.form.subject.title", "Subject details", "Manylion y person"),
    TextDefault(
        "send.form.subject.intro",
        "This form is about the child or young person below.",
        "Mae'r ffurflen hon yn ymwneud â'r plentyn neu'r person ifanc isod.",
    ),
    TextDefault("send.form.subject.name", "Name", "Enw"),
    TextDefault("send.form.subject.date_of_birth", "Date of birth", "Dyddiad geni"),
    TextDefault("send.form.subject.example", "Example", "Enghraifft"),
    TextDefault(
        "send.form.subject.example_note",
        "These are example details. People filling in the form see the details of the child "
        "or young person they chose.",
        "Manylion enghreifftiol yw'r rhain. Bydd pobl sy'n llenwi'r ffurflen yn gweld manylion "
        "y plentyn neu'r person ifanc a ddewiswyd ganddynt.",
    ),
    # Error messages; {label} is the question as the SEND team wrote it.
    TextDefault("send.form.error.enter", "Enter an answer to “{label}”", "Rhowch ateb i “{label}”"),
    TextDefault(
        "send.form.error.enter_date",
        "Enter a date for “{label}”",
        "Rhowch ddyddiad ar gyfer “{label}”",
    ),
    TextDefault(
        "send.form.error.select", "Select an answer to “{label}”", "Dewiswch ateb i “{label}”"
    ),
    TextDefault(
        "send.form.error.select_yes_no",
        "Select yes or no for “{label}”",
        "Dewiswch ie neu na ar gyfer “{label}”",
    ),
    TextDefault(
        "send.form.error.select_file",
        "Select a file for “{label}”",
        "Dewiswch ffeil ar gyfer “{label}”",
    ),
    TextDefault(
        "send.form.error.not_in_list",
        "Select an answer to “{label}” from the list",
        "Dewiswch ateb i “{label}” o'r rhestr",
    ),
    TextDefault(
        "send.form.error.whole_number",
        "The answer to “{label}” must be a whole number, like 12",
        "Rhaid i'r ateb i “{label}” fod yn rhif cyfan, fel 12",
    ),
    TextDefault(
        "send.form.error.number",
        "The answer to “{label}” must be a number, like 12 or 12.5",
        "Rhaid i'r ateb i “{label}” fod yn rhif, fel 12 neu 12.5",
    ),
    TextDefault(
        "send.form.error.too_long",
        "The answer to “{label}” must be {max} characters or fewer",
        "Rhaid i'r ateb i “{label}” fod yn {max} nod neu lai",
    ),
    TextDefault(
        "send.form.error.date_incomplete",
        "The date for “{label}” must include a day, month and year",
        "Rhaid i'r dyddiad ar gyfer “{label}” gynnwys diwrnod, mis a blwyddyn",
    ),
    TextDefault(
        "send.form.error.date_real",
        "The date for “{label}” must be a real date",
        "Rhaid i'r dyddiad ar gyfer “{label}” fod yn ddyddiad go iawn",
    ),
    # The SEND team's preview
    TextDefault("send.form.preview.title", "Preview", "Rhagolwg"),
    TextDefault(
        "send.form.preview.draft",
        "You are previewing the draft of this form. Nothing you enter is saved.",
        "Rydych chi'n edrych ar ragolwg o ddrafft y ffurflen hon. Nid oes dim byd rydych "
        "chi'n ei roi yn cael ei gadw.",
    ),
    TextDefault(
        "send.form.preview.version",
        "You are previewing version {number} of this form. Nothing you enter is saved.",
        "Rydych chi'n edrych ar ragolwg o fersiwn {number} o'r ffurflen hon. Nid oes dim byd "
        "rydych chi'n ei roi yn cael ei gadw.",
    ),
    TextDefault("send.form.preview.end", "End the preview", "Gorffen y rhagolwg"),
    TextDefault(
        "send.form.preview.ended", "The preview has ended", "Mae'r rhagolwg wedi dod i ben"
    ),
    TextDefault(
        "send.form.preview.nothing_saved",
        "Nothing you entered in the preview was saved.",
        "Ni chafodd dim byd a roesoch chi yn y rhagolwg ei gadw.",
    ),
    TextDefault(
        "send.form.preview.back_to_admin",
        "Back to the form in the admin",
        "Yn ôl at y ffurflen yn yr ardal weinyddu",
    ),
]
