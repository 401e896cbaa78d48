"""Texts of the daily case reminders (``casework.involvements.reminders``).

Deadline reminder (to the caseworker): {recipient}, {child}, {process}, {stage}, {date} (the
due date) and {link} (the involvement in the admin). Information reminder (to the person
asked): {recipient}, {child}, {requested}, {date} (when it was due) and {link} (the portal)."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "send.emailsubject.reminder.deadline",
        "Reminder: {stage} for {child} is due on {date}",
        "Nodyn atgoffa: mae {stage} ar gyfer {child} yn ddyledus ar {date}",
    ),
    TextDefault(
        "send.email_reminder_deadline",
        "Dear {recipient},\n\n"
        "A deadline of the {process} for {child} is close or has passed:\n\n"
        "**{stage}**: due on {date}.\n\n"
        "Open the case: {link}",
        "Annwyl {recipient},\n\n"
        "Mae terfyn amser yn yr {process} ar gyfer {child} yn agos neu wedi mynd heibio:\n\n"
        "**{stage}**: yn ddyledus ar {date}.\n\n"
        "Agorwch yr achos: {link}",
        markdown=True,
    ),
    TextDefault(
        "send.emailsubject.reminder.information",
        "Reminder: the council is waiting for information about {child}",
        "Nodyn atgoffa: mae’r cyngor yn aros am wybodaeth am {child}",
    ),
    TextDefault(
        "send.email_reminder_information",
        "Dear {recipient},\n\n"
        "The council asked you for information about {child}:\n\n"
        "{requested}\n\n"
        "It was due on {date} and has not arrived yet. Please send it as soon as you can, or "
        "tell the council if there is a problem.\n\n"
        "Sign in to the portal: {link}",
        "Annwyl {recipient},\n\n"
        "Gofynnodd y cyngor i chi am wybodaeth am {child}:\n\n"
        "{requested}\n\n"
        "Roedd yn ddyledus ar {date} ac nid yw wedi cyrraedd eto. Anfonwch hi cyn gynted ag y "
        "gallwch, neu rhowch wybod i’r cyngor os oes problem.\n\n"
        "Mewngofnodwch i’r porth: {link}",
        markdown=True,
    ),
]
