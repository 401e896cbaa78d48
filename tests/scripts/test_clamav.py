"""scripts/clamav.sh, as `make run` uses it: a local clamd with the EICAR test signature, its
settings for the portal's processes, the banner's description of its signatures, and stop."""

import os
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLAMAV = ROOT / "scripts/clamav.sh"


def clamav(directory, *args):
    env = {**os.environ, "CLAMAV_DIR": str(directory)}
    return subprocess.run(  # noqa: S603
        [CLAMAV, *args], env=env, check=True, capture_output=True, text=True
    ).stdout


def test_make_run_starts_clamd_exports_its_settings_names_its_signatures_and_stops_it():
    # `make test` installs ClamAV and sets PORTAL_REQUIRE_CLAMD=1: there this never skips.
    installed = shutil.which("clamd") or Path("/usr/sbin/clamd").exists()
    if not installed and os.environ.get("PORTAL_REQUIRE_CLAMD") != "1":
        pytest.skip("ClamAV is not installed (make test installs it)")
    # Unix socket paths are limited to ~108 bytes: pytest's tmp_path can be longer.
    directory = Path(tempfile.mkdtemp(prefix="clamav.", dir="/tmp"))  # noqa: S108
    try:
        socket_path = clamav(directory, "start").strip()
        settings = dict(re.findall(r"^export (\w+)=(.*)$", clamav(directory, "env"), re.M))
        assert settings["PORTAL_CLAMD_SOCKET"] == socket_path == f"{directory}/clamd.sock"
        assert settings["PORTAL_CLAMD_HOST"] == "127.0.0.1"
        with socket.socket(socket.AF_UNIX) as connection:
            connection.connect(socket_path)
            connection.sendall(b"zPING\0")
            assert connection.recv(16) == b"PONG\0"

        assert clamav(directory, "signatures").strip() == (
            f"1 signature (Eicar-Test-Signature) in {directory}/db"
        )
    finally:
        clamav(directory, "stop")
        shutil.rmtree(directory)
    assert not Path(socket_path).exists()
    assert not (directory / "clamd.pid").exists()


def test_the_banner_names_every_signature_and_database_file(tmp_path):
    (tmp_path / "db").mkdir()
    (tmp_path / "db/local.hdb").write_text("aa:1:First\nbb:2:Second\ncc:3:First\n")
    (tmp_path / "db/main.cvd").write_bytes(b"")
    assert clamav(tmp_path, "signatures").strip() == (
        f"3 signatures (First, Second) and the databases main.cvd in {tmp_path}/db"
    )


def test_the_banner_says_when_there_are_no_signatures(tmp_path):
    assert clamav(tmp_path, "signatures").strip() == f"no signatures in {tmp_path}/db"
