"""scripts/apt-ensure.sh installs missing system packages, waiting for the package manager's
lock instead of failing when another install is running."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_with_fake_apt(tmp_path, *pairs):
    """Run apt-ensure.sh with apt-get and sudo replaced by scripts that log their arguments."""
    log = tmp_path / "calls"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in {
        "apt-get": f'echo "apt-get $*" >> {log}',
        "sudo": 'exec "$@"',
    }.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    subprocess.run([ROOT / "scripts/apt-ensure.sh", *pairs], env=env, check=True)  # noqa: S603
    return log.read_text().splitlines() if log.exists() else []


def test_every_apt_call_waits_for_the_package_managers_lock(tmp_path):
    calls = run_with_fake_apt(tmp_path, f"{tmp_path}/missing=clamav-daemon")
    assert calls == [
        "apt-get -o DPkg::Lock::Timeout=300 update -qq",
        "apt-get -o DPkg::Lock::Timeout=300 install -y -qq clamav-daemon",
    ]


def test_nothing_is_installed_when_the_files_are_there(tmp_path):
    assert run_with_fake_apt(tmp_path, f"{ROOT}/Makefile=make") == []
