"""Texts of the child's case: the message a portal user receives when the council
authenticates them on a child's involvement.

Placeholders: {recipient} (the user's name), {child} (the child's name), {council} and
{link} (the SEND pages of the portal)."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "send.emailsubject.involvement.authenticated",
        "You can now see SEND information about {child}",
        "Gallwch nawr weld gwybodaeth AAA am {child}",
    ),
    TextDefault(
        "send.email_involvement_authenticated",
        "Dear {recipient},\n\n"
        "You can now see SEND information about {child} on the {council} portal: where the "
        "council's work with {child} stands, its key dates and the forms and documents "
        "shared with you.\n\n"
        "Sign in to see it: {link}",
        "Annwyl {recipient},\n\n"
        "Gallwch nawr weld gwybodaeth AAA am {child} ar borth {council}: ble mae gwaith y "
        "cyngor gyda {child} arni, ei ddyddiadau allweddol a’r ffurflenni a’r dogfennau a "
        "rannwyd gyda chi.\n\n"
        "Mewngofnodwch i’w gweld: {link}",
        markdown=True,
    ),
]
