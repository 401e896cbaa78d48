"""Texts of delegated tasks: the professional's delegation page, a task, re-assigning, the
automatic reply, the home tile and the messages (which never name the child)."""

from portal.plugins import TextDefault

T = "send.tasks"

PAGES = [
    TextDefault(f"{T}.title", "Delegated tasks", "Tasgau dirprwyedig"),
    TextDefault(
        f"{T}.assigned", "Currently assigned tasks", "Tasgau wedi’u neilltuo ar hyn o bryd"
    ),
    TextDefault(
        f"{T}.tray",
        "Tasks assigned to your work groups",
        "Tasgau wedi’u neilltuo i’ch grwpiau gwaith",
    ),
    TextDefault(
        f"{T}.retracted",
        "Recently retracted tasks (last 30 days)",
        "Tasgau a dynnwyd yn ôl yn ddiweddar (30 diwrnod diwethaf)",
    ),
    TextDefault(
        f"{T}.submitted_list",
        "Recently submitted tasks (last 30 days)",
        "Tasgau a gyflwynwyd yn ddiweddar (30 diwrnod diwethaf)",
    ),
    TextDefault(
        f"{T}.none", "There are no tasks in this list.", "Does dim tasgau yn y rhestr hon."
    ),
    TextDefault(f"{T}.number", "Number", "Rhif"),
    TextDefault(f"{T}.task_number", "Task {number}", "Tasg {number}"),
    TextDefault(f"{T}.form", "Form type", "Math o ffurflen"),
    TextDefault(f"{T}.name", "Name", "Enw"),
    TextDefault(f"{T}.email", "Email", "E-bost"),
    TextDefault(f"{T}.due", "Due date", "Dyddiad dyledus"),
    TextDefault(f"{T}.comments", "Comments", "Sylwadau"),
    TextDefault(f"{T}.actions", "Actions", "Camau gweithredu"),
    TextDefault(f"{T}.work_group", "Work group", "Grŵp gwaith"),
    TextDefault(f"{T}.date_retracted", "Date retracted", "Dyddiad ei dynnu’n ôl"),
    TextDefault(f"{T}.reason", "Reason", "Rheswm"),
    TextDefault(f"{T}.date_submitted", "Date submitted", "Dyddiad ei gyflwyno"),
    TextDefault(f"{T}.reassign", "Re-assign", "Ailneilltuo"),
    TextDefault(f"{T}.pick_up", "Pick up", "Cymryd"),
    TextDefault(f"{T}.print", "Print", "Argraffu"),
    TextDefault(f"{T}.pdf", "PDF", "PDF"),
    TextDefault(f"{T}.close", "Close", "Cau"),
    TextDefault(f"{T}.to_countersign", "To counter-sign", "I’w gydlofnodi"),
    TextDefault(f"{T}.child", "Name", "Enw"),
    TextDefault(f"{T}.date_of_birth", "Date of birth", "Dyddiad geni"),
    TextDefault(f"{T}.required_by", "Required by", "Ei angen erbyn"),
    TextDefault(f"{T}.sent_by", "Sent by", "Anfonwyd gan"),
    TextDefault(f"{T}.the_council", "The council", "Y cyngor"),
    TextDefault(f"{T}.state", "Status:", "Statws:"),
    TextDefault(
        f"{T}.retracted_because",
        "The council retracted this task: {reason}",
        "Tynnodd y cyngor y dasg hon yn ôl: {reason}",
    ),
    TextDefault(f"{T}.open_form", "Start the form", "Dechrau’r ffurflen"),
    TextDefault(f"{T}.continue_form", "Continue the form", "Parhau â’r ffurflen"),
    TextDefault(
        f"{T}.countersign_intro",
        "You have been asked to counter-sign this contribution. Read it, amend it if you need "
        "to, then counter-sign it and submit it.",
        "Gofynnwyd i chi gydlofnodi’r cyfraniad hwn. Darllenwch ef, ei ddiwygio os oes angen, "
        "yna ei gydlofnodi a’i gyflwyno.",
    ),
    TextDefault(f"{T}.countersign", "Counter-sign", "Cydlofnodi"),
    TextDefault(
        f"{T}.submit_intro",
        "Once you submit your contribution you cannot change it.",
        "Unwaith y byddwch yn cyflwyno’ch cyfraniad ni allwch ei newid.",
    ),
    TextDefault(f"{T}.submit", "Submit contribution", "Cyflwyno cyfraniad"),
    TextDefault(f"{T}.reassign_title", "Re-assign the task", "Ailneilltuo’r dasg"),
    TextDefault(
        f"{T}.managed_users",
        "Users within the work groups you manage",
        "Defnyddwyr yn y grwpiau gwaith rydych yn eu rheoli",
    ),
    TextDefault(f"{T}.select_user", "Select user", "Dewis defnyddiwr"),
    TextDefault(f"{T}.countersignatories", "Counter-signatory", "Cydlofnodwr"),
    TextDefault(
        f"{T}.countersignatories_intro",
        "Your manager reviews the form, may amend it, counter-signs it and submits it.",
        "Bydd eich rheolwr yn adolygu’r ffurflen, yn gallu ei diwygio, yn ei chydlofnodi ac "
        "yn ei chyflwyno.",
    ),
    TextDefault(f"{T}.ask_countersign", "Ask to counter-sign", "Gofyn am gydlofnod"),
    TextDefault(f"{T}.nobody", "There is nobody to choose.", "Does neb i’w ddewis."),
    TextDefault(f"{T}.picked_up", "You have picked up the task.", "Rydych wedi cymryd y dasg."),
    TextDefault(
        f"{T}.reassigned",
        "The task has been passed to {name}.",
        "Mae’r dasg wedi’i phasio i {name}.",
    ),
    TextDefault(
        f"{T}.countersigned",
        "You have counter-signed the contribution. You can now submit it.",
        "Rydych wedi cydlofnodi’r cyfraniad. Gallwch ei gyflwyno nawr.",
    ),
    TextDefault(
        f"{T}.incomplete",
        "Complete every step of the form before submitting your contribution.",
        "Cwblhewch bob cam o’r ffurflen cyn cyflwyno’ch cyfraniad.",
    ),
    TextDefault(
        f"{T}.submitted",
        "Your contribution has been sent to the council.",
        "Mae eich cyfraniad wedi’i anfon at y cyngor.",
    ),
    TextDefault(f"{T}.tile.title", "Delegated tasks", "Tasgau dirprwyedig"),
    TextDefault(
        f"{T}.tile.description",
        "Contribute the reports and forms the council has asked you or your team for.",
        "Cyfrannu’r adroddiadau a’r ffurflenni y mae’r cyngor wedi gofyn amdanynt gennych "
        "chi neu’ch tîm.",
    ),
    TextDefault(f"{T}.tile.one", "1 task waiting", "1 dasg yn aros"),
    TextDefault(f"{T}.tile.many", "{count} tasks waiting", "{count} o dasgau yn aros"),
]

REPLY = [
    TextDefault("send.reply.title", "Automatic replies", "Atebion awtomatig"),
    TextDefault(
        "send.reply.intro",
        "The SEND team sees your automatic reply before sending you a task. Say who they should "
        "send tasks to while you are away. It is not linked to your email.",
        "Mae’r tîm AAA yn gweld eich ateb awtomatig cyn anfon tasg atoch. Dywedwch at bwy y "
        "dylent anfon tasgau tra byddwch i ffwrdd. Nid yw’n gysylltiedig â’ch e-bost.",
    ),
    TextDefault(
        "send.reply.on.label", "Turn on automatic replies", "Troi atebion awtomatig ymlaen"
    ),
    TextDefault("send.reply.message.label", "Message", "Neges"),
    TextDefault(
        "send.reply.message.hint",
        "For example, who to send tasks to in your absence.",
        "Er enghraifft, at bwy i anfon tasgau yn eich absenoldeb.",
    ),
    TextDefault("send.reply.starts_on.label", "From (optional)", "O (dewisol)"),
    TextDefault("send.reply.ends_on.label", "Until (optional)", "Tan (dewisol)"),
    TextDefault("send.reply.save", "Save", "Cadw"),
    TextDefault(
        "send.reply.saved",
        "Your automatic reply has been saved.",
        "Mae eich ateb awtomatig wedi’i gadw.",
    ),
    TextDefault(
        "send.reply.message_needed",
        "Enter the message of your automatic reply",
        "Rhowch neges eich ateb awtomatig",
    ),
    TextDefault(
        "send.reply.ends_before_start",
        "The end date must be on or after the start date",
        "Rhaid i’r dyddiad gorffen fod ar neu ar ôl y dyddiad dechrau",
    ),
]


def _email(kind, subject_en, subject_cy, body_en, body_cy):
    return [
        TextDefault(f"send.emailsubject.task.{kind}", subject_en, subject_cy),
        TextDefault(
            f"send.email_task_{kind}",
            f"Dear {{recipient}},\n\n{body_en}\n\nSign in to the portal to see it: {{link}}",
            f"Annwyl {{recipient}},\n\n{body_cy}\n\nMewngofnodwch i’r porth i’w gweld: {{link}}",
            markdown=True,
        ),
    ]


EMAILS = [
    *_email(
        "new",
        "New task {number}: {form}",
        "Tasg newydd {number}: {form}",
        "{council} has sent you or your work group task {number}, the form {form}, due by {due}.",
        "Mae {council} wedi anfon tasg {number} atoch chi neu’ch grŵp gwaith, sef y ffurflen "
        "{form}, erbyn {due}.",
    ),
    *_email(
        "reassigned",
        "Task {number} has been passed to you",
        "Mae tasg {number} wedi’i phasio i chi",
        "Task {number}, the form {form} due by {due}, has been passed to you.",
        "Mae tasg {number}, y ffurflen {form} erbyn {due}, wedi’i phasio i chi.",
    ),
    *_email(
        "retracted",
        "Task {number} has been retracted",
        "Mae tasg {number} wedi’i thynnu’n ôl",
        "{council} has retracted task {number}, the form {form}. You do not need to complete it.",
        "Mae {council} wedi tynnu tasg {number}, y ffurflen {form}, yn ôl. Nid oes angen i chi "
        "ei chwblhau.",
    ),
    *_email(
        "reminder",
        "Reminder: task {number} is due by {due}",
        "Nodyn atgoffa: mae tasg {number} i’w chwblhau erbyn {due}",
        "Task {number}, the form {form}, is due by {due} and has not been submitted yet.",
        "Mae tasg {number}, y ffurflen {form}, i’w chwblhau erbyn {due} ac nid yw wedi’i "
        "chyflwyno eto.",
    ),
]

TEXTS = [*PAGES, *REPLY, *EMAILS]
