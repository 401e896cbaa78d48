"""Texts of the SEND plugin: uploads (the messages of plugins/send/filling/uploads.py)."""

from portal.plugins import TextDefault

TEXTS: list[TextDefault] = [
    TextDefault(
        "send.upload.wrong_extension",
        "[{extension}] is not an accepted file type. Upload a file in {types} format",
        "Nid yw [{extension}] yn fath o ffeil a dderbynnir. Uwchlwythwch ffeil ar ffurf {types}",
    ),
    TextDefault(
        "send.upload.no_extension",
        "The selected file's name does not end in a file type. Upload a file in {types} format",
        "Nid yw enw'r ffeil a ddewiswyd yn gorffen â math o ffeil. "
        "Uwchlwythwch ffeil ar ffurf {types}",
    ),
    # How the accepted file types are listed in the two messages above: "DOC, PDF or PNG".
    TextDefault("send.upload.types_list", "{types} or {last}", "{types} neu {last}"),
    # A stored file on the step and check pages: "report.pdf (PDF, 12 KB)".
    TextDefault("send.file.described", "{name} ({type}, {size})", "{name} ({type}, {size})"),
    TextDefault(
        "send.upload.rules",
        "The file must be {types} and smaller than {megabytes}MB.",
        "Rhaid i'r ffeil fod ar ffurf {types} ac yn llai na {megabytes}MB.",
    ),
    TextDefault(
        "send.upload.confirm_intro",
        "By adding a file you confirm that:",
        "Drwy ychwanegu ffeil rydych yn cadarnhau:",
    ),
    TextDefault(
        "send.upload.confirm_clean",
        "it has no viruses and nothing offensive or inappropriate in it",
        "nad oes feirysau ynddi na dim byd sarhaus neu amhriodol",
    ),
    TextDefault(
        "send.upload.confirm_consent",
        "everyone who can be recognised in it, for example in a photo, has agreed to you "
        "sharing it with the council",
        "bod pawb y gellir eu hadnabod ynddi, er enghraifft mewn llun, wedi cytuno i chi ei "
        "rhannu â'r cyngor",
    ),
    TextDefault(
        "send.upload.too_big",
        "The selected file must be smaller than {megabytes}MB",
        "Rhaid i'r ffeil a ddewiswyd fod yn llai na {megabytes}MB",
    ),
    TextDefault(
        "send.upload.empty",
        "The selected file is empty",
        "Mae'r ffeil a ddewiswyd yn wag",
    ),
    TextDefault(
        "send.upload.not_real",
        "The selected file is not a real {kind} file",
        "Nid yw'r ffeil a ddewiswyd yn ffeil {kind} go iawn",
    ),
    TextDefault(
        "send.upload.virus",
        "The selected file contains a virus",
        "Mae'r ffeil a ddewiswyd yn cynnwys feirws",
    ),
    TextDefault(
        "send.upload.scanner_unavailable",
        "We could not check your file for viruses. Try again later.",
        "Nid oedd modd i ni wirio'ch ffeil am feirysau. Rhowch gynnig arall arni yn nes ymlaen.",
    ),
]
