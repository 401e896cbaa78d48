"""What the demo loads, as far as tests that count it need to know."""

from portal.plugins import installed_plugin

# The plugins whose demo loaders add a home tile of their own.
TILE_PLUGINS = ("send", "messaging")


def home_tile_count():
    """The demo's own 3 home tiles, plus one per installed plugin that adds one."""
    return 3 + sum(bool(installed_plugin(name)) for name in TILE_PLUGINS)
