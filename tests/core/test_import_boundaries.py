"""Plugins depend on core, never on each other, and core never on a plugin (DESIGN.md §3): an AST
scan of every module under plugins/ and site/. Plugins talk to each other through services
(portal.services) and events (portal.events) only."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def plugin_names(root):
    """The plugins: the packages under plugins/, as found on disk."""
    return {path.name for path in (root / "plugins").iterdir() if (path / "__init__.py").is_file()}


def _package(path, root):
    """The dotted package a module belongs to, as Python imports it (site/ is on sys.path)."""
    parts = path.relative_to(root).with_suffix("").parts
    if parts[0] == "site":
        parts = parts[1:]
    return parts[:-1]


def imported_modules(path, root):
    """(line, dotted module) of every import in the module at ``path``, relative ones resolved;
    ``from plugins import send`` (a bare top-level package) counts as importing ``plugins.send``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _package(path, root)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            if "." in module:
                yield node.lineno, module
            else:
                for alias in node.names:
                    yield node.lineno, f"{module}.{alias.name}"


def boundary_violations(root):
    """Every import that crosses a boundary, as "path:line imports module": a plugin importing
    another plugin, or anything under site/ importing a plugin."""
    plugins = plugin_names(root)
    violations = []
    for folder in ("plugins", "site"):
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root)
            own = relative.parts[1] if folder == "plugins" else None
            for line, module in imported_modules(path, root):
                parts = module.split(".")
                if len(parts) < 2 or parts[0] != "plugins" or parts[1] not in plugins:
                    continue
                if parts[1] != own:
                    violations.append(f"{relative}:{line} imports {module}")
    return sorted(set(violations))


def test_no_plugin_imports_another_and_site_imports_no_plugin():
    assert plugin_names(ROOT) >= {"send", "gdpr"}
    assert boundary_violations(ROOT) == []


def write(root, relative, source=""):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")


def test_the_scan_finds_every_kind_of_crossing_in_a_made_up_tree(tmp_path):
    for package in ("plugins", "plugins/alpha", "plugins/beta", "site/core"):
        write(tmp_path, f"{package}/__init__.py")
    write(tmp_path, "plugins/not_a_plugin/notes.py")  # no __init__.py: not a plugin
    write(
        tmp_path,
        "plugins/alpha/views.py",
        "import core.texts\nfrom . import models\nfrom plugins.alpha.models import Thing\n"
        "import plugins.beta.models\n",
    )
    write(tmp_path, "plugins/alpha/models.py", "from ..beta import services\nfrom .. import beta\n")
    write(tmp_path, "plugins/beta/models.py", "from plugins import alpha\n")
    write(
        tmp_path,
        "site/core/views.py",
        "def view():\n    from plugins.beta.services import thing\n    return thing\n",
    )

    assert plugin_names(tmp_path) == {"alpha", "beta"}
    assert boundary_violations(tmp_path) == [
        "plugins/alpha/models.py:1 imports plugins.beta",
        "plugins/alpha/models.py:2 imports plugins.beta",
        "plugins/alpha/views.py:4 imports plugins.beta.models",
        "plugins/beta/models.py:1 imports plugins.alpha",
        "site/core/views.py:2 imports plugins.beta.services",
    ]
