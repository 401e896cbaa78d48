"""What the demo loads, as far as tests that count it need to know."""

from portal.plugins import installed_plugin

# The plugins whose demo loaders add home tiles of their own, and how many: SEND adds its own
# and the professionals' "Delegated tasks".
TILE_PLUGINS = {"send": 2, "messaging": 1}


def home_tile_count():
    """The demo's own 3 home tiles, plus those of each installed plugin that adds some."""
    return 3 + sum(count for name, count in TILE_PLUGINS.items() if installed_plugin(name))
