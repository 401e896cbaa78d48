"""Texts of actions to complete: the "Items to complete" page and its dashboard tile, the
message a user receives when the council asks them to complete a form, and the reminder
once it is overdue.

Placeholders of the messages: {recipient} (the user's name), {child}, {form} (the form's
title in the user's language), {due} (the due date), {note} (the council's note), {council}
and {link} (the child's "Items to complete" page)."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "send.actions.title",
        "Items to complete for {child}",
        "Eitemau i’w cwblhau ar gyfer {child}",
    ),
    TextDefault(
        "send.actions.intro",
        "The council has asked you to complete these forms.",
        "Mae’r cyngor wedi gofyn i chi gwblhau’r ffurflenni hyn.",
    ),
    TextDefault("send.actions.due", "Due by", "I’w chwblhau erbyn"),
    TextDefault("send.actions.overdue", "Overdue", "Hwyr"),
    TextDefault("send.actions.start", "Start", "Dechrau"),
    TextDefault("send.actions.none", "Nothing to do", "Dim byd i’w wneud"),
    TextDefault("send.actions.tile.title", "Actions to complete", "Camau i’w cwblhau"),
    TextDefault("send.actions.tile.empty", "Nothing to do", "Dim byd i’w wneud"),
    TextDefault(
        "send.emailsubject.action.asked",
        "Please complete {form} for {child} by {due}",
        "Cwblhewch {form} ar gyfer {child} erbyn {due}",
    ),
    TextDefault(
        "send.email_action_asked",
        "Dear {recipient},\n\n"
        "{council} has asked you to complete the form {form} for {child} by {due}.\n\n"
        "{note}\n\n"
        "Sign in to start it: {link}",
        "Annwyl {recipient},\n\n"
        "Mae {council} wedi gofyn i chi gwblhau’r ffurflen {form} ar gyfer {child} erbyn "
        "{due}.\n\n"
        "{note}\n\n"
        "Mewngofnodwch i’w dechrau: {link}",
        markdown=True,
    ),
    TextDefault(
        "send.emailsubject.action.reminder",
        "Reminder: {form} for {child} was due by {due}",
        "Nodyn atgoffa: roedd angen cwblhau {form} ar gyfer {child} erbyn {due}",
    ),
    TextDefault(
        "send.email_action_reminder",
        "Dear {recipient},\n\n"
        "{council} asked you to complete the form {form} for {child} by {due}, and it has "
        "not been sent yet. Please complete it as soon as you can.\n\n"
        "Sign in to complete it: {link}",
        "Annwyl {recipient},\n\n"
        "Gofynnodd {council} i chi gwblhau’r ffurflen {form} ar gyfer {child} erbyn {due}, "
        "ac nid yw wedi’i hanfon eto. Cwblhewch hi cyn gynted ag y gallwch.\n\n"
        "Mewngofnodwch i’w chwblhau: {link}",
        markdown=True,
    ),
]
