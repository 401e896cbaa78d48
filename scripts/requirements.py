"""Prints the pinned dependencies from pyproject.toml, one per line, for `pip install -r`.

Usage: python3 scripts/requirements.py [EXTRA ...]   (e.g. `test` adds the test extra)

Why not `pip install .`: the distribution has no packages (the code runs from the checkout,
DESIGN.md §2), so building it only yields its dependency list, at the cost of a setuptools
download into an isolated build environment, a deprecation warning, and a stray
send_portal.egg-info/ folder in the checkout. Reading the list directly gives pip the same pins.
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())[
    "project"
]
requirements = list(project["dependencies"])
for extra in sys.argv[1:]:
    requirements += project["optional-dependencies"][extra]
print("\n".join(requirements))
