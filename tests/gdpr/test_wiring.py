"""The GDPR plugin's receivers are connected when the apps are ready, whatever else a process
imports: a shell or a task worker never imports ``wagtail_hooks``."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_gdpr_guards_are_connected_without_importing_wagtail_hooks():
    """A shell or task worker may never import ``wagtail_hooks``: the published-question guard
    must be connected by the app's ready() alone."""
    script = """
import importlib.machinery, sys, types
import django
# Whatever imports plugins.gdpr.wagtail_hooks gets an empty module.
name = "plugins.gdpr.wagtail_hooks"
stub = types.ModuleType(name)
stub.__spec__ = importlib.machinery.ModuleSpec(name, None)
sys.modules[name] = stub
django.setup()
from django.db.models.signals import pre_delete, pre_save
from plugins.gdpr.models import ConsentQuestion
print(pre_save.has_listeners(ConsentQuestion), pre_delete.has_listeners(ConsentQuestion))
"""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert result.stdout.split() == ["True", "True"]
