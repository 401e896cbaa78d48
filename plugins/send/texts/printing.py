"""Texts of the SEND plugin: printing forms as PDF or Word files.
Form labels and hints follow ``send.print.options.<field>.label|hint``."""

from portal.plugins import TextDefault

_OPTIONS = "send.print.options"

TEXTS = [
    # The print options page
    TextDefault(
        "send.print.title", "Print or download your form", "Argraffu neu lawrlwytho eich ffurflen"
    ),
    TextDefault(
        "send.print.intro",
        "Choose what to put in your copy. You can open the file to print it or keep it.",
        "Dewiswch beth i’w roi yn eich copi. Gallwch agor y ffeil i’w hargraffu neu i’w chadw.",
    ),
    TextDefault("send.print.blank_title", "Print a blank form", "Argraffu ffurflen wag"),
    TextDefault(
        "send.print.blank_intro",
        "A blank copy shows every question on the form. You can read it before you start, "
        "or fill it in by hand.",
        "Mae copi gwag yn dangos pob cwestiwn ar y ffurflen. Gallwch ei ddarllen cyn i chi "
        "ddechrau, neu ei lenwi â llaw.",
    ),
    TextDefault(f"{_OPTIONS}.groups.label", "Parts to include", "Rhannau i’w cynnwys"),
    TextDefault(
        f"{_OPTIONS}.groups.hint", "Select all that apply.", "Dewiswch bob un sy’n berthnasol."
    ),
    TextDefault(
        f"{_OPTIONS}.groups.required",
        "Select at least one part of the form to include",
        "Dewiswch o leiaf un rhan o’r ffurflen i’w chynnwys",
    ),
    TextDefault(f"{_OPTIONS}.document_type.label", "What to print", "Beth i’w argraffu"),
    TextDefault(
        f"{_OPTIONS}.document_type.required", "Select what to print", "Dewiswch beth i’w argraffu"
    ),
    TextDefault(f"{_OPTIONS}.document_type.normal", "The form only", "Y ffurflen yn unig"),
    TextDefault(
        f"{_OPTIONS}.document_type.notes",
        "The form with a page for notes after each part",
        "Y ffurflen gyda thudalen ar gyfer nodiadau ar ôl pob rhan",
    ),
    TextDefault(
        f"{_OPTIONS}.document_type.guidance",
        "The form with its guidance notes",
        "Y ffurflen gyda’i nodiadau cyfarwyddyd",
    ),
    TextDefault(
        f"{_OPTIONS}.page_breaks.label",
        "Start each part on a new page",
        "Dechrau pob rhan ar dudalen newydd",
    ),
    TextDefault(f"{_OPTIONS}.file_format.label", "File type", "Math o ffeil"),
    TextDefault(f"{_OPTIONS}.file_format.pdf", "PDF", "PDF"),
    TextDefault(f"{_OPTIONS}.file_format.docx", "Word document (.docx)", "Dogfen Word (.docx)"),
    TextDefault(f"{_OPTIONS}.file_format.required", "Select a file type", "Dewiswch fath o ffeil"),
    TextDefault("send.print.button", "Download", "Lawrlwytho"),
    # The printed form (step 1 is headed "send.form.subject.title", as in the task list)
    TextDefault("send.print.subject.forename", "First name", "Enw cyntaf"),
    TextDefault("send.print.subject.middle_names", "Middle names", "Enwau canol"),
    TextDefault("send.print.subject.surname", "Last name", "Cyfenw"),
    TextDefault("send.print.subject.date_of_birth", "Date of birth", "Dyddiad geni"),
    TextDefault("send.print.notes_heading", "Notes: {group}", "Nodiadau: {group}"),
    TextDefault("send.print.reference", "Reference: {reference}", "Cyfeirnod: {reference}"),
    TextDefault("send.print.submitted", "Sent on {date}", "Anfonwyd ar {date}"),
    TextDefault(
        "send.print.not_sent",
        "This form has not been sent to the council yet.",
        "Nid yw’r ffurflen hon wedi’i hanfon at y cyngor eto.",
    ),
    TextDefault("send.print.printed", "Printed on {date}", "Argraffwyd ar {date}"),
    TextDefault("send.print.page_number", "Page {page} of {pages}", "Tudalen {page} o {pages}"),
    # A conditional question on a blank copy: "Only if you answered “Yes” to “…”."
    TextDefault(
        "send.print.shown_when",
        "Only if you answered “{answers}” to “{question}”.",
        "Dim ond os gwnaethoch ateb “{answers}” i “{question}”.",
    ),
    TextDefault("send.print.or", "” or “", "” neu “"),
]
