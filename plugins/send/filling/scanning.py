"""Virus scanning of uploaded files.

The interface: a scanner is a :class:`Scanner` subclass with ``scan(fileobj) -> ScanResult``,
reading ``fileobj`` from its current position to the end. It answers clean or infected (with
the signature name), or raises :class:`ScannerUnavailable` when it cannot answer at all (down,
too slow, refused the file); callers must then refuse the upload, never let it through.
``from_settings()`` builds a scanner from the Django settings.

The ``PORTAL_VIRUS_SCANNER`` setting names the scanner in use by dotted path. Scanners
register themselves with ``@scanners.register``, so that a setting naming anything else (a typo,
a class that is not a scanner) stops with a clear error rather than leaving uploads unscanned.

:class:`ClamdScanner`, the default, sends the file to clamd (ClamAV's daemon) with its INSTREAM
command, over a Unix socket (``PORTAL_CLAMD_SOCKET``) or TCP (``PORTAL_CLAMD_HOST`` and
``PORTAL_CLAMD_PORT``), waiting at most ``PORTAL_CLAMD_TIMEOUT`` seconds for each step.
"""

import abc
import socket
import struct
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class ScanResult:
    clean: bool
    signature: str | None = None


class ScannerUnavailable(Exception):
    """The scanner could not say whether the file is clean."""


class Scanner(abc.ABC):
    @classmethod
    def from_settings(cls):
        return cls()

    @abc.abstractmethod
    def scan(self, fileobj) -> ScanResult:
        """Scan ``fileobj`` from its current position to the end."""


class ScannerRegistry:
    """The scanners ``PORTAL_VIRUS_SCANNER`` may name, keyed by their dotted paths."""

    def __init__(self):
        self._scanners = {}

    def register(self, scanner_class):
        if not (isinstance(scanner_class, type) and issubclass(scanner_class, Scanner)):
            raise TypeError(f"{scanner_class!r} is not a Scanner subclass")
        self._scanners[f"{scanner_class.__module__}.{scanner_class.__qualname__}"] = scanner_class
        return scanner_class

    def get(self, dotted_path):
        # Importing the module runs its @scanners.register decorators.
        try:
            import_string(dotted_path)
        except ImportError as error:
            raise ImproperlyConfigured(f"PORTAL_VIRUS_SCANNER: {error}") from error
        if dotted_path not in self._scanners:
            raise ImproperlyConfigured(
                f"PORTAL_VIRUS_SCANNER names {dotted_path}, which is not a registered scanner "
                f"(registered: {', '.join(sorted(self._scanners))})"
            )
        return self._scanners[dotted_path]


scanners = ScannerRegistry()


def current_scanner():
    """The scanner the ``PORTAL_VIRUS_SCANNER`` setting names, configured from the settings."""
    return scanners.get(settings.PORTAL_VIRUS_SCANNER).from_settings()


def scan(fileobj) -> ScanResult:
    """Scan ``fileobj`` (from its current position) with the configured scanner.

    Raises ScannerUnavailable when the scanner cannot answer."""
    return current_scanner().scan(fileobj)


@scanners.register
class ClamdScanner(Scanner):
    """clamd's INSTREAM command: the file in size-prefixed chunks, ended by an empty chunk."""

    chunk_size = 64 * 1024
    # clamd answers in one short line ("stream: OK"); anything longer is not clamd.
    longest_reply = 4096

    def __init__(self, socket_path="", host="", port=3310, timeout=30.0):
        self.socket_path = socket_path
        self.host = host
        self.port = port
        self.timeout = timeout

    @classmethod
    def from_settings(cls):
        return cls(
            socket_path=settings.PORTAL_CLAMD_SOCKET,
            host=settings.PORTAL_CLAMD_HOST,
            port=settings.PORTAL_CLAMD_PORT,
            timeout=settings.PORTAL_CLAMD_TIMEOUT,
        )

    def _connect(self):
        if self.socket_path:
            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            connection.settimeout(self.timeout)
            try:
                connection.connect(self.socket_path)
            except OSError:
                connection.close()
                raise
            return connection
        if self.host:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        raise ScannerUnavailable("clamd is not configured: set PORTAL_CLAMD_SOCKET or _HOST")

    def scan(self, fileobj):
        where = self.socket_path or f"{self.host}:{self.port}"
        try:
            with self._connect() as connection:
                # The "z" form: the command and clamd's reply both end with a NUL byte.
                connection.sendall(b"zINSTREAM\0")
                try:
                    while chunk := fileobj.read(self.chunk_size):
                        connection.sendall(struct.pack("!L", len(chunk)) + chunk)
                    connection.sendall(struct.pack("!L", 0))
                except (BrokenPipeError, ConnectionResetError):
                    # clamd stops reading, says why and hangs up when the stream passes its
                    # StreamMaxLength: its reply below says so.
                    pass
                reply = self._read_reply(connection)
        except OSError as error:
            raise ScannerUnavailable(f"clamd at {where} did not answer: {error}") from error
        return self._result(reply)

    def _read_reply(self, connection):
        reply = b""
        while not reply.endswith(b"\0") and len(reply) < self.longest_reply:
            received = connection.recv(self.longest_reply)
            if not received:
                break
            reply += received
        return reply.rstrip(b"\0").decode("utf-8", "replace").strip()

    @staticmethod
    def _result(reply):
        if reply == "stream: OK":
            return ScanResult(clean=True)
        if reply.startswith("stream: ") and reply.endswith(" FOUND"):
            return ScanResult(clean=False, signature=reply[len("stream: ") : -len(" FOUND")])
        # For example "INSTREAM size limit exceeded. ERROR", or an empty reply.
        raise ScannerUnavailable(f"clamd could not scan the file: {reply or 'no reply'}")
