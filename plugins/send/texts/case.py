"""Texts of the child's case dashboard on the portal (``casework.case``) and of its summary on
the person's page and the SEND home. England speaks of SEND, Wales of ALN.

Placeholders: {due} (a deadline's label, "Decision due") and {stage} (the stage's name) in
"send.case.due"; {name} (the child's name) in "send.case.link"."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault("send.case.title.england", "SEND dashboard", "Dangosfwrdd AAA"),
    TextDefault("send.case.title.wales", "ALN dashboard", "Dangosfwrdd ADY"),
    TextDefault("send.case.timescales", "Statutory timescales", "Amserlenni statudol"),
    TextDefault("send.case.key_dates", "Key dates", "Dyddiadau allweddol"),
    TextDefault("send.case.due", "{due}: {stage}", "{due}: {stage}"),
    TextDefault("send.case.requester", "Requested by", "Gofynnwyd gan"),
    TextDefault("send.case.requester.council", "The council", "Y cyngor"),
    TextDefault("send.case.caseworker", "Caseworker", "Gweithiwr achos"),
    TextDefault(
        "send.case.caseworker.none",
        "Not allocated yet",
        "Heb ei ddyrannu eto",
    ),
    TextDefault(
        "send.case.no_process",
        "The council has not started a statutory process for this child yet.",
        "Nid yw’r cyngor wedi dechrau proses statudol ar gyfer y plentyn hwn eto.",
    ),
    TextDefault("send.case.tiles_heading", "On this case", "Ar yr achos hwn"),
    TextDefault("send.case.tile.shared_forms", "Shared forms", "Ffurflenni a rannwyd"),
    TextDefault(
        "send.case.tile.shared_forms.empty",
        "No forms have been shared with you yet.",
        "Nid oes unrhyw ffurflenni wedi’u rhannu gyda chi eto.",
    ),
    TextDefault("send.case.tile.messages", "Unread messages", "Negeseuon heb eu darllen"),
    TextDefault(
        "send.case.tile.messages.empty",
        "You have no unread messages about this child.",
        "Nid oes gennych negeseuon heb eu darllen am y plentyn hwn.",
    ),
    TextDefault("send.case.home_heading", "Cases shared with you", "Achosion a rannwyd gyda chi"),
    TextDefault("send.case.current_stage", "Current stage", "Cam presennol"),
    TextDefault("send.case.all_done", "Every stage is complete", "Mae pob cam wedi’i gwblhau"),
    TextDefault(
        "send.case.link", "View the dashboard for {name}", "Gweld y dangosfwrdd ar gyfer {name}"
    ),
]
