"""The messaging plugin's texts, English and Welsh: the portal's inbox, threads, new message
and sent items, the home tile and the email that says a new message is waiting. The email
never carries the message itself."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault("messaging.tile.title", "Messages", "Negeseuon"),
    TextDefault(
        "messaging.tile.description",
        "Read and send secure messages to the SEND team.",
        "Darllen ac anfon negeseuon diogel at y tîm AAA.",
    ),
    TextDefault("messaging.tile.unread_one", "1 unread message", "1 neges heb ei darllen"),
    TextDefault(
        "messaging.tile.unread_many", "{count} unread messages", "{count} neges heb eu darllen"
    ),
    TextDefault("messaging.inbox.title", "Messages", "Negeseuon"),
    TextDefault("messaging.inbox.from", "From", "Oddi wrth"),
    TextDefault("messaging.inbox.subject", "Subject", "Pwnc"),
    TextDefault("messaging.inbox.date", "Date", "Dyddiad"),
    TextDefault("messaging.inbox.unread", "Unread", "Heb ei darllen"),
    TextDefault("messaging.inbox.empty", "You have no messages.", "Nid oes gennych negeseuon."),
    TextDefault("messaging.inbox.child", "Child", "Plentyn"),
    TextDefault("messaging.inbox.all_children", "All children", "Pob plentyn"),
    TextDefault("messaging.inbox.filter", "Show messages", "Dangos negeseuon"),
    TextDefault("messaging.inbox.new", "New message to the SEND team", "Neges newydd i'r tîm AAA"),
    TextDefault("messaging.inbox.sent", "Sent items", "Eitemau a anfonwyd"),
    TextDefault("messaging.inbox.team", "SEND team", "Tîm AAA"),
    TextDefault("messaging.inbox.pages", "Pages of messages", "Tudalennau o negeseuon"),
    TextDefault("messaging.inbox.previous", "Previous", "Blaenorol"),
    TextDefault("messaging.inbox.next", "Next", "Nesaf"),
    TextDefault("messaging.sent.title", "Sent items", "Eitemau a anfonwyd"),
    TextDefault("messaging.sent.to", "To", "At"),
    TextDefault("messaging.sent.type", "Type", "Math"),
    TextDefault(
        "messaging.sent.empty", "You have not sent any messages.", "Nid ydych wedi anfon negeseuon."
    ),
    TextDefault("messaging.thread.back", "Back to messages", "Yn ôl i'r negeseuon"),
    TextDefault("messaging.thread.about", "About {about}", "Ynghylch {about}"),
    TextDefault("messaging.thread.type", "Type: {type}", "Math: {type}"),
    TextDefault("messaging.thread.you", "You", "Chi"),
    TextDefault("messaging.thread.reply", "Reply", "Ateb"),
    TextDefault("messaging.thread.send_reply", "Send reply", "Anfon ateb"),
    TextDefault("messaging.new.title", "New message to the SEND team", "Neges newydd i'r tîm AAA"),
    TextDefault(
        "messaging.new.intro",
        "Your message goes to the child's caseworker, or to the SEND team when there is none.",
        "Bydd eich neges yn mynd at weithiwr achos y plentyn, neu at y tîm AAA os nad oes un.",
    ),
    TextDefault("messaging.new.send", "Send message", "Anfon neges"),
    TextDefault("messaging.form.about.label", "Child", "Plentyn"),
    TextDefault("messaging.form.message_type.label", "Message type", "Math o neges"),
    TextDefault("messaging.form.subject.label", "Subject", "Pwnc"),
    TextDefault("messaging.form.body.label", "Message", "Neges"),
    TextDefault(
        "messaging.emailsubject.new_message",
        "You have a new message from {council}",
        "Mae gennych neges newydd gan {council}",
    ),
    TextDefault(
        "messaging.email_new_message",
        "Dear {name},\n\nYou have a new secure message on the {council} SEND portal.\n\n"
        "For your security the message is not in this email. Sign in to read it:\n\n{link}",
        "Annwyl {name},\n\nMae gennych neges ddiogel newydd ar borth AAA {council}.\n\n"
        "Er eich diogelwch, nid yw'r neges yn yr e-bost hwn. Mewngofnodwch i'w darllen:\n\n"
        "{link}",
        markdown=True,
    ),
    TextDefault(
        "messaging.sms.new_message",
        "You have a new secure message from {council}. Sign in to read it: {link}",
        "Mae gennych neges ddiogel newydd gan {council}. Mewngofnodwch i'w darllen: {link}",
    ),
    TextDefault(
        "messaging.form.attachments.label", "Attach files (optional)", "Atodi ffeiliau (dewisol)"
    ),
    TextDefault(
        "messaging.attachments.rules",
        "You can attach up to {count} files. Each must be a {types} file of {megabytes} MB "
        "or less. Files are checked for viruses.",
        "Gallwch atodi hyd at {count} ffeil. Rhaid i bob un fod yn ffeil {types} o {megabytes} MB "
        "neu lai. Caiff ffeiliau eu gwirio am feirysau.",
    ),
    TextDefault(
        "messaging.attachments.too_many",
        "Choose {count} files or fewer",
        "Dewiswch {count} ffeil neu lai",
    ),
    TextDefault(
        "messaging.form.body.too_long",
        "Your message must be {limit} characters or fewer",
        "Rhaid i'ch neges fod yn {limit} nod neu lai",
    ),
    TextDefault("messaging.texts.link", "Text messages", "Negeseuon testun"),
    TextDefault("messaging.texts.title", "Text messages", "Negeseuon testun"),
    TextDefault(
        "messaging.texts.intro",
        "We email you when you have a new message. We can also send a text message to the "
        "mobile number on your account. The text never contains the message itself.",
        "Rydym yn anfon e-bost atoch pan fydd gennych neges newydd. Gallwn hefyd anfon neges "
        "destun i'r rhif ffôn symudol ar eich cyfrif. Nid yw'r neges destun byth yn cynnwys y "
        "neges ei hun.",
    ),
    TextDefault(
        "messaging.texts.mobile", "Your mobile number: {number}", "Eich rhif ffôn symudol: {number}"
    ),
    TextDefault(
        "messaging.texts.no_mobile_yet",
        "There is no mobile number on your account. Add one on My account first.",
        "Nid oes rhif ffôn symudol ar eich cyfrif. Ychwanegwch un ar Fy nghyfrif yn gyntaf.",
    ),
    TextDefault(
        "messaging.texts.wanted.label",
        "Send me a text message when I have a new message",
        "Anfonwch neges destun ataf pan fydd gennyf neges newydd",
    ),
    TextDefault(
        "messaging.texts.no_mobile",
        "Add a mobile number on My account before asking for text messages",
        "Ychwanegwch rif ffôn symudol ar Fy nghyfrif cyn gofyn am negeseuon testun",
    ),
    TextDefault("messaging.texts.save", "Save", "Cadw"),
    TextDefault("messaging.texts.back", "Back to My account", "Yn ôl i Fy nghyfrif"),
    TextDefault(
        "messaging.texts.saved",
        "Your text message choice has been saved",
        "Mae eich dewis o ran negeseuon testun wedi'i gadw",
    ),
]
