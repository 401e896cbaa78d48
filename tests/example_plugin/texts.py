from portal.plugins import TextDefault

TEXTS = [
    TextDefault("tiles.example.title", "Example service", "Gwasanaeth enghreifftiol"),
    TextDefault("tiles.example.description", "Try the example.", "Rhowch gynnig arni."),
    TextDefault(
        "example.start.intro",
        "**Welcome** to the example.",
        "**Croeso** i'r enghraifft.",
        markdown=True,
    ),
]
