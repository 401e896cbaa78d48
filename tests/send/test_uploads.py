"""A parent uploads a file to a SEND form: which files the portal keeps, and what it says about
the others. The files are real ones built here; the virus scans go to a real clamd with an
EICAR-only database (scripts/clamav.sh), which `make test` always starts."""

import hashlib
import io
import os
import socket
import zipfile

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils import translation
from PIL import Image

from core.models import PortalSettings
from plugins.send.filling.scanning import (
    ClamdScanner,
    ScannerUnavailable,
    ScanResult,
    current_scanner,
    scanners,
)
from plugins.send.filling.uploads import check_upload

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
ACCEPTED = "DOC, DOCX, PDF, PNG, JPEG, JPG or BMP"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
COULD_NOT_CHECK = "We could not check your file for viruses. Try again later."


# Real files, built small -------------------------------------------------------------------


def pdf_file():
    """A one-page PDF with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def image_file(image_format):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "purple").save(buffer, format=image_format)
    return buffer.getvalue()


def ole2_file(stream_name):
    """An OLE2 compound file (the Office 97-2003 container) holding one empty stream: Word
    documents have a "WordDocument" stream, Excel workbooks a "Workbook" one."""
    end_of_chain, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD

    def entry(name, kind):
        encoded = (name + "\0").encode("utf-16-le")
        return b"".join(
            [
                encoded.ljust(64, b"\0"),
                len(encoded).to_bytes(2, "little"),
                bytes([kind, 1]),  # object type, colour black
                (free).to_bytes(4, "little") * 2,  # left and right siblings
                (1 if kind == 5 else free).to_bytes(4, "little"),  # the root's child
                bytes(16 + 4 + 16),  # class id, state bits, times
                end_of_chain.to_bytes(4, "little"),  # starting sector
                bytes(8),  # stream size
            ]
        )

    header = b"".join(
        [
            bytes.fromhex("d0cf11e0a1b11ae1"),
            bytes(16),
            (0x3E).to_bytes(2, "little"),  # minor version
            (3).to_bytes(2, "little"),  # major version: 512-byte sectors
            b"\xfe\xff",  # little-endian
            (9).to_bytes(2, "little"),  # sector size 2**9
            (6).to_bytes(2, "little"),  # mini sector size 2**6
            bytes(6 + 4),
            (1).to_bytes(4, "little"),  # one FAT sector
            (1).to_bytes(4, "little"),  # the directory starts at sector 1
            bytes(4),
            (4096).to_bytes(4, "little"),  # mini stream cut-off
            end_of_chain.to_bytes(4, "little") + bytes(4),  # no mini FAT
            end_of_chain.to_bytes(4, "little") + bytes(4),  # no DIFAT sectors
            (0).to_bytes(4, "little"),  # the FAT is sector 0
            free.to_bytes(4, "little") * 108,
        ]
    )
    fat = (fat_sector.to_bytes(4, "little") + end_of_chain.to_bytes(4, "little")).ljust(
        512, b"\xff"
    )
    directory = (entry("Root Entry", 5) + entry(stream_name, 2)).ljust(512, b"\0")
    return header + fat + directory


def docx_file(with_word_part=True):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        if with_word_part:
            package.writestr(
                "word/document.xml",
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                'main"><w:body><w:p><w:r><w:t>My child&apos;s views</w:t></w:r></w:p>'
                "</w:body></w:document>",
            )
        else:
            package.writestr("notes.txt", "not a Word document")
    return buffer.getvalue()


def windows_program():
    """The start of a Windows program: the MZ header and its DOS stub."""
    return b"MZ\x90\x00\x03" + bytes(59) + b"This program cannot be run in DOS mode.\r\r\n$"


def eicar():
    # The industry's harmless test "virus", in two halves so that no file in the repository
    # holds it (scanners of the repository itself would flag the file).
    return b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR" + b"-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def upload(name, content):
    return SimpleUploadedFile(name, content)


def refusal(uploaded_file, **options):
    with pytest.raises(ValidationError) as raised:
        check_upload(uploaded_file, **options)
    return raised.value.code, raised.value.messages[0]


# Extension --------------------------------------------------------------------------------


def test_an_rtf_file_is_refused_with_the_accepted_file_types():
    assert refusal(upload("Views of the child.rtf", b"{\\rtf1 hello}")) == (
        "extension",
        f"[rtf] is not an accepted file type. Upload a file in {ACCEPTED} format",
    )


def test_a_file_without_an_extension_is_refused():
    assert refusal(upload("report", pdf_file())) == (
        "extension",
        f"The selected file's name does not end in a file type. Upload a file in {ACCEPTED} format",
    )


def test_the_messages_are_in_welsh_on_welsh_pages():
    with translation.override("cy"):
        assert refusal(upload("barn.rtf", b"{\\rtf1 hello}"))[1] == (
            "Nid yw [rtf] yn fath o ffeil a dderbynnir. Uwchlwythwch ffeil ar ffurf "
            "DOC, DOCX, PDF, PNG, JPEG, JPG neu BMP"
        )
        assert refusal(upload("adroddiad.pdf", b""))[1] == "Mae'r ffeil a ddewiswyd yn wag"


def test_the_rules_follow_the_portal_configuration():
    configuration = PortalSettings.load()
    configuration.upload_extensions = ".pdf .txt"
    configuration.upload_max_megabytes = 2
    configuration.save()

    assert refusal(upload("photo.png", image_file("PNG")))[1] == (
        "[png] is not an accepted file type. Upload a file in PDF or TXT format"
    )
    assert refusal(upload("scan.pdf", pdf_file() + bytes(3 * MB)))[1] == (
        "The selected file must be smaller than 2MB"
    )


def test_a_single_accepted_file_type_is_named_alone():
    assert refusal(upload("photo.png", image_file("PNG")), allowed_extensions=["pdf"])[1] == (
        "[png] is not an accepted file type. Upload a file in PDF format"
    )


# Size ----------------------------------------------------------------------------------------


def test_an_11_mb_file_is_refused():
    assert refusal(upload("scan.pdf", pdf_file() + bytes(11 * MB))) == (
        "too_big",
        "The selected file must be smaller than 10MB",
    )


def test_an_empty_file_is_refused():
    assert refusal(upload("scan.pdf", b"")) == ("empty", "The selected file is empty")


# Content ------------------------------------------------------------------------------------


def test_a_renamed_windows_program_is_not_a_pdf():
    assert refusal(upload("invoice.pdf", windows_program())) == (
        "not_real",
        "The selected file is not a real PDF file",
    )


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        pytest.param("photo.jpg", image_file("PNG"), "JPEG", id="png named .jpg"),
        pytest.param("photo.png", image_file("JPEG"), "PNG", id="jpeg named .png"),
        pytest.param("drawing.bmp", b"BM is how my notes start", "BMP", id="text named .bmp"),
        pytest.param("letter.pdf", b"Dear SEND team, here is my letter.", "PDF", id="text .pdf"),
        pytest.param("budget.doc", ole2_file("Workbook"), "Word", id="excel 97 named .doc"),
        pytest.param("report.doc", docx_file(), "Word", id="docx named .doc"),
        pytest.param(
            "report.docx", docx_file(with_word_part=False), "Word", id="zip without word/"
        ),
        pytest.param("report.docx", b"PK\x03\x04 not a zip", "Word", id="broken zip"),
        pytest.param("report.docx", ole2_file("WordDocument"), "Word", id="doc named .docx"),
    ],
)
def test_a_file_whose_content_does_not_match_its_extension_is_refused(name, content, kind):
    assert refusal(upload(name, content)) == (
        "not_real",
        f"The selected file is not a real {kind} file",
    )


def test_text_is_accepted_only_where_txt_files_are():
    assert refusal(upload("notes.txt", b"My son likes trains."))[0] == "extension"
    assert refusal(upload("notes.txt", b"\x00\x01\x02binary"), allowed_extensions=[".txt"]) == (
        "not_real",
        "The selected file is not a real TXT file",
    )


def test_a_program_is_refused_even_for_a_file_type_the_portal_cannot_recognise():
    assert refusal(upload("plan.xyz", windows_program()), allowed_extensions=[".xyz"]) == (
        "not_real",
        "The selected file is not a real XYZ file",
    )


# Accepted files (scanned by the real clamd) -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        pytest.param("Letter from the school.pdf", pdf_file(), PDF, id="pdf"),
        pytest.param("Drawing.png", image_file("PNG"), "image/png", id="png"),
        pytest.param("Photo.jpeg", image_file("JPEG"), "image/jpeg", id="jpeg"),
        pytest.param("Photo.jpg", image_file("JPEG"), "image/jpeg", id="jpg"),
        pytest.param("Scan.bmp", image_file("BMP"), "image/bmp", id="bmp"),
        pytest.param("Views.doc", ole2_file("WordDocument"), "application/msword", id="doc"),
        pytest.param("Views.docx", docx_file(), DOCX, id="docx"),
    ],
)
def test_each_accepted_kind_of_file_is_kept(clamd, name, content, content_type):
    uploaded = upload(name, content)
    checked = check_upload(uploaded)
    assert checked.content_type == content_type
    assert checked.sha256 == hashlib.sha256(content).hexdigest()
    assert checked.size == len(content)
    # Left at its start, ready to be saved.
    assert uploaded.read() == content


def test_upper_case_extensions_are_accepted(clamd):
    assert check_upload(upload("SCAN.PDF", pdf_file())).content_type == "application/pdf"
    assert check_upload(upload("PHOTO.JPG", image_file("JPEG"))).content_type == "image/jpeg"


def test_gif_and_text_files_are_kept_where_the_council_accepts_them(clamd):
    allowed = [".gif", ".txt"]
    assert check_upload(upload("a.gif", image_file("GIF")), allowed).content_type == "image/gif"
    notes = "Mae fy mab yn hoffi’r môr.\r\nHe likes the sea.\n".encode()
    assert check_upload(upload("notes.txt", notes), allowed).content_type == "text/plain"


def test_a_large_upload_that_django_kept_on_disk_is_checked(clamd):
    content = pdf_file() + b"%" + bytes(3 * MB)
    uploaded = TemporaryUploadedFile("Assessment.pdf", "application/pdf", len(content), None)
    uploaded.write(content)
    checked = check_upload(uploaded)
    assert (checked.size, checked.sha256) == (len(content), hashlib.sha256(content).hexdigest())
    uploaded.close()


# Viruses --------------------------------------------------------------------------------------


def test_a_file_with_a_virus_is_refused(clamd):
    assert refusal(upload("notes.txt", eicar()), allowed_extensions=[".txt"]) == (
        "virus",
        "The selected file contains a virus",
    )


def test_the_virus_check_comes_after_the_other_checks():
    # No clamd needed: each of these is refused before the scan.
    assert refusal(upload("notes.rtf", eicar()))[0] == "extension"
    assert refusal(upload("notes.pdf", eicar()))[0] == "not_real"
    assert refusal(upload("notes.pdf", eicar() + bytes(11 * MB)))[0] == "too_big"
    assert refusal(upload("notes.rtf", bytes(11 * MB)))[0] == "extension"


def test_clamd_finds_the_test_virus_on_its_unix_socket(clamd):
    assert clamd.scan(io.BytesIO(eicar())) == ScanResult(
        clean=False, signature="Eicar-Test-Signature.UNOFFICIAL"
    )
    assert clamd.scan(io.BytesIO(pdf_file())) == ScanResult(clean=True, signature=None)


def test_clamd_answers_over_tcp_too(clamd):
    from django.conf import settings

    assert settings.PORTAL_CLAMD_HOST, "scripts/clamav.sh env also sets PORTAL_CLAMD_HOST/PORT"
    over_tcp = ClamdScanner(host=settings.PORTAL_CLAMD_HOST, port=settings.PORTAL_CLAMD_PORT)
    assert over_tcp.scan(io.BytesIO(eicar())).clean is False
    assert over_tcp.scan(io.BytesIO(image_file("PNG"))).clean is True


def test_a_file_larger_than_clamd_accepts_cannot_be_checked(clamd, tmp_path):
    # A sparse file: 200 MB of zeros that take no disk space; clamd refuses it at its
    # StreamMaxLength (20 MB from scripts/clamav.sh) and hangs up.
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as f:
        f.truncate(200 * MB)
    with huge.open("rb") as f, pytest.raises(ScannerUnavailable, match="size limit exceeded"):
        clamd.scan(f)


# When the scanner cannot answer, uploads fail closed -------------------------------------


def test_an_upload_is_refused_while_clamd_cannot_be_reached(settings, tmp_path):
    settings.PORTAL_CLAMD_SOCKET = str(tmp_path / "clamd.sock")
    with pytest.raises(ScannerUnavailable):
        current_scanner().scan(io.BytesIO(b"hello"))
    assert refusal(upload("scan.pdf", pdf_file())) == ("scanner_unavailable", COULD_NOT_CHECK)


def test_an_upload_is_refused_when_no_scanner_is_configured(settings):
    settings.PORTAL_CLAMD_SOCKET = ""
    settings.PORTAL_CLAMD_HOST = ""
    assert refusal(upload("scan.pdf", pdf_file())) == ("scanner_unavailable", COULD_NOT_CHECK)


def test_a_scanner_that_never_answers_times_out():
    with socket.create_server(("127.0.0.1", 0)) as silent:
        scanner = ClamdScanner(host="127.0.0.1", port=silent.getsockname()[1], timeout=0.2)
        with pytest.raises(ScannerUnavailable, match="did not answer"):
            scanner.scan(io.BytesIO(b"hello"))


def test_the_scanner_setting_must_name_a_registered_scanner(settings):
    assert isinstance(current_scanner(), ClamdScanner)
    settings.PORTAL_VIRUS_SCANNER = "plugins.send.filling.uploads.CheckedUpload"
    with pytest.raises(ImproperlyConfigured, match="not a registered scanner"):
        current_scanner()
    settings.PORTAL_VIRUS_SCANNER = "plugins.send.no_such_module.Scanner"
    with pytest.raises(ImproperlyConfigured):
        current_scanner()
    with pytest.raises(TypeError):
        scanners.register(dict)


def test_make_test_always_scans_with_a_real_clamd():
    """`make test` sets PORTAL_REQUIRE_CLAMD=1: there, the real-clamd tests must never skip."""
    from django.conf import settings

    if os.environ.get("PORTAL_REQUIRE_CLAMD") != "1":
        pytest.skip("only meaningful under make test (PORTAL_REQUIRE_CLAMD=1)")
    assert settings.PORTAL_CLAMD_SOCKET, "make test must export PORTAL_CLAMD_SOCKET"
    assert ClamdScanner.from_settings().scan(io.BytesIO(b"hello")).clean
