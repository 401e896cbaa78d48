"""Texts of documents to view: the message each recipient of a published document receives
(placeholders {recipient}, {child}, {description}, {council} and {link}, the child's
documents on the portal) and the portal's words for the list and its tile."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "send.emailsubject.document.published",
        "A new document about {child} to view",
        "Dogfen newydd am {child} i’w gweld",
    ),
    TextDefault(
        "send.email_document_published",
        "Dear {recipient},\n\n"
        "The council has published a document about {child} for you to view on the "
        "{council} portal: {description}.\n\n"
        "Sign in to see it: {link}",
        "Annwyl {recipient},\n\n"
        "Mae’r cyngor wedi cyhoeddi dogfen am {child} i chi ei gweld ar borth {council}: "
        "{description}.\n\n"
        "Mewngofnodwch i’w gweld: {link}",
        markdown=True,
    ),
    TextDefault(
        "send.documents.title",
        "Documents to view for {child}",
        "Dogfennau i’w gweld ar gyfer {child}",
    ),
    TextDefault("send.documents.tile_title", "Documents to view", "Dogfennau i’w gweld"),
    TextDefault("send.documents.empty", "No documents yet", "Dim dogfennau eto"),
    TextDefault(
        "send.documents.intro",
        "Documents the council has published for you about {child}, such as letters and "
        "plans. Select a description to download the document.",
        "Dogfennau y mae’r cyngor wedi’u cyhoeddi i chi am {child}, fel llythyrau a "
        "chynlluniau. Dewiswch ddisgrifiad i lwytho’r ddogfen i lawr.",
    ),
    TextDefault("send.documents.published", "Published", "Cyhoeddwyd"),
    TextDefault("send.documents.document_date", "Document date", "Dyddiad y ddogfen"),
    TextDefault("send.documents.description", "Description", "Disgrifiad"),
    TextDefault("send.documents.new", "New", "Newydd"),
    TextDefault("send.documents.previous", "Previous", "Blaenorol"),
    TextDefault("send.documents.next", "Next", "Nesaf"),
    TextDefault("send.documents.pages", "Pages of documents", "Tudalennau o ddogfennau"),
]
