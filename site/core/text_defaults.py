"""Core's portal texts and their defaults. Editors reword them under Portal › Texts."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault("shared.service_name", "SEND portal", "Porth AAA"),
    TextDefault(
        "shared.service_description",
        "Apply for and follow support for children and young people with special educational "
        "needs and disabilities.",
        "Gwneud cais am gymorth, a'i ddilyn, i blant a phobl ifanc ag anghenion addysgol "
        "arbennig ac anableddau.",
    ),
    TextDefault("shared.footer.heading", "Support links", "Dolenni cymorth"),
    TextDefault(
        "shared.footer.licence",
        "Run by the council on an open-source portal.",
        "Yn cael ei redeg gan y cyngor ar borth cod agored.",
    ),
    TextDefault("home.tiles.heading", "Services", "Gwasanaethau"),
    TextDefault(
        "home.tiles.empty",
        "There are no online services to show at the moment.",
        "Nid oes gwasanaethau ar-lein i'w dangos ar hyn o bryd.",
    ),
    TextDefault("home.announcements.title", "Announcements", "Cyhoeddiadau"),
    TextDefault(
        "home.announcements.intro",
        "Please read these notices from the council before you continue.",
        "Darllenwch yr hysbysiadau hyn gan y cyngor cyn i chi barhau.",
    ),
    TextDefault("home.announcements.continue", "Continue", "Parhau"),
    TextDefault(
        "shared.external_link_hint",
        "(opens in a new tab)",
        "(yn agor mewn tab newydd)",
    ),
]
