"""Files a portal user uploads on a step: checking each one, keeping those that pass on the draft,
replacing and removing them. Views only ask these functions; stored files are deleted through
:mod:`plugins.send.filling.files`, after the transaction that deleted their rows commits.

:func:`check_upload` applies the rules in this order and stops at the first one the file breaks:
its extension, its size, whether its content really is that kind of file, and a virus scan. The
cheap checks come first so that the scanner only sees files the portal would otherwise keep.

Content is recognised by its first bytes ("magic numbers"), without extra dependencies: PDF,
PNG, JPEG, BMP, GIF, Word 97-2003 (an OLE2 compound file with a WordDocument stream), Word
(a zip holding ``[Content_Types].xml`` and ``word/``) and UTF-8 plain text. An extension the
council accepts that is not in :data:`EXPECTED_CONTENT` is only refused when the file is a
program (Windows, Linux or script).
"""

import codecs
import hashlib
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction

from core.config import portal_settings
from core.texts import raw_text

from ..models import Answer, DataType, SubmissionEvent, SubmissionFile
from .files import delete_files
from .scanning import ScannerUnavailable, scan
from .services import delete_unanswered_files, locked_draft, record

logger = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
_CHUNK = 64 * 1024

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
BMP = "image/bmp"
GIF = "image/gif"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
OLE2 = "application/x-ole-storage"
ZIP = "application/zip"
PROGRAM = "application/x-executable"
UNKNOWN = "application/octet-stream"

# What an Image question accepts, within the council's list.
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".gif", ".bmp", ".png")

# The content each extension must hold, and the name of that kind of file in messages.
EXPECTED_CONTENT = {
    ".pdf": ("PDF", PDF),
    ".doc": ("Word", DOC),
    ".docx": ("Word", DOCX),
    ".png": ("PNG", PNG),
    ".jpg": ("JPEG", JPEG),
    ".jpeg": ("JPEG", JPEG),
    ".bmp": ("BMP", BMP),
    ".gif": ("GIF", GIF),
    ".txt": ("TXT", TEXT),
}

_MAGIC = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"MZ", PROGRAM),
    (b"\x7fELF", PROGRAM),
    (b"#!", PROGRAM),
]
# "BM" alone starts too many things: a BMP's second header also has one of these sizes.
_BMP_INFO_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The directory entry every Word 97-2003 document has; Excel workbooks and Windows Installer
# packages are OLE2 files too, without it.
_WORD_STREAM_NAME = "WordDocument".encode("utf-16-le")
# Text may hold tabs, line breaks and form feeds, but no other control characters.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    sha256: str
    size: int


def check_upload(uploaded_file, allowed_extensions=None, max_megabytes=None):
    """Check an uploaded file (a Django File) against the portal's rules.

    The accepted extensions and the largest size default to the Portal configuration. Returns a
    CheckedUpload; raises ValidationError with the portal's wording in the active language, its
    code one of extension, empty, too_big, not_real, scanner_unavailable or virus. The file is
    left at its start, ready to be saved.
    """
    if allowed_extensions is None:
        allowed_extensions = portal_settings().upload_extension_list
    if max_megabytes is None:
        max_megabytes = portal_settings().upload_max_megabytes
    allowed = [_normalised(extension) for extension in allowed_extensions]

    extension = PurePath(uploaded_file.name or "").suffix.lower()
    if extension not in allowed:
        raise ValidationError(_wrong_extension_message(extension, allowed), code="extension")

    size = uploaded_file.size
    if size == 0:
        raise ValidationError(raw_text("send.upload.empty"), code="empty")
    if size > max_megabytes * MEGABYTE:
        raise ValidationError(
            raw_text("send.upload.too_big", megabytes=max_megabytes), code="too_big"
        )

    content_type = _content_type(uploaded_file)
    kind, expected = EXPECTED_CONTENT.get(extension, (extension[1:].upper(), None))
    if content_type == PROGRAM or (expected and content_type != expected):
        raise ValidationError(raw_text("send.upload.not_real", kind=kind), code="not_real")

    sha256 = _sha256(uploaded_file)
    uploaded_file.seek(0)
    try:
        result = scan(uploaded_file)
    except ScannerUnavailable as error:
        # Fail closed: a file nobody could check is never kept.
        logger.error("Upload refused, the virus scanner could not answer: %s", error)
        raise ValidationError(
            raw_text("send.upload.scanner_unavailable"), code="scanner_unavailable"
        ) from error
    if not result.clean:
        logger.warning(
            "Upload refused: %s found in a file with SHA-256 %s", result.signature, sha256
        )
        raise ValidationError(raw_text("send.upload.virus"), code="virus")
    uploaded_file.seek(0)
    return CheckedUpload(content_type=content_type or UNKNOWN, sha256=sha256, size=size)


def accepted_extensions(data_type):
    """The extensions a question of ``data_type`` accepts: the council's list, and for an
    Image question only the image types on it."""
    allowed = [_normalised(extension) for extension in portal_settings().upload_extension_list]
    if data_type == DataType.IMAGE:
        return [extension for extension in allowed if extension in IMAGE_EXTENSIONS]
    return allowed


def types_in_words(extensions):
    """ "DOC, PDF or PNG" for ``[".doc", ".pdf", ".png"]``, in the active language."""
    names = [extension.lstrip(".").upper() for extension in extensions]
    if len(names) > 1:
        return raw_text("send.upload.types_list", types=", ".join(names[:-1]), last=names[-1])
    return "".join(names)


def _normalised(extension):
    extension = extension.strip().lower()
    return extension if extension.startswith(".") else f".{extension}"


def _wrong_extension_message(extension, allowed):
    types = types_in_words(allowed)
    if not extension:
        return raw_text("send.upload.no_extension", types=types)
    return raw_text("send.upload.wrong_extension", extension=extension[1:], types=types)


def _content_type(fileobj):
    """The content type the file's bytes show, or None when nothing known matches."""
    fileobj.seek(0)
    head = fileobj.read(512)
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    if head.startswith(b"BM") and int.from_bytes(head[14:18], "little") in _BMP_INFO_HEADER_SIZES:
        return BMP
    if head.startswith(_OLE2_MAGIC):
        return DOC if _contains(fileobj, _WORD_STREAM_NAME) else OLE2
    if head.startswith(b"PK\x03\x04"):
        return DOCX if _is_word_package(fileobj) else ZIP
    if _is_text(fileobj):
        return TEXT
    return None


def _contains(fileobj, needle):
    fileobj.seek(0)
    overlap = b""
    while chunk := fileobj.read(_CHUNK):
        if needle in overlap + chunk:
            return True
        overlap = chunk[-(len(needle) - 1) :]
    return False


def _is_word_package(fileobj):
    # Only the zip's directory is read, never its content: a zip bomb stays packed.
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)


def _is_text(fileobj):
    fileobj.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        while chunk := fileobj.read(_CHUNK):
            if _CONTROL_CHARACTERS.search(decoder.decode(chunk)):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _sha256(fileobj):
    fileobj.seek(0)
    digest = hashlib.sha256()
    while chunk := fileobj.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


# -- keeping, replacing and removing files on a draft -------------------------------------------


def accept_uploads(submission, chosen, user, group):
    """Check each file chosen on a step page of ``group`` (``{(repeat_index, code):
    UploadedFile}``) against its question's accepted types and keep those that pass on the
    draft. Returns the kept SubmissionFile rows and ``{(repeat_index, code):
    ValidationError}`` for the refused ones."""
    data_types = {question.code: question.data_type for question in group.questions}
    accepted, refused = [], {}
    for (index, code), upload in chosen.items():
        try:
            checked = check_upload(upload, accepted_extensions(data_types[code]))
        except ValidationError as error:
            refused[index, code] = error
            continue
        accepted.append(store_file(submission, code, index, upload, checked, user))
    return accepted, refused


def store_file(submission, code, repeat_index, upload, checked, user):
    """Keep a file that passed :func:`check_upload` (``checked``) for a draft."""
    stored = SubmissionFile(
        submission=submission,
        question_code=code,
        repeat_index=repeat_index,
        original_name=upload.name[-255:],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=user,
    )
    upload.seek(0)
    stored.file.save(upload.name, upload, save=False)
    stored.save()
    record(submission, SubmissionEvent.Action.FILE_ADDED, user, detail=stored.original_name)
    return stored


def attach_files(submission, group, files, user):
    """Make accepted files the answers to their questions while the rest of the step still
    has errors, so nobody uploads the same file twice. The step is not marked saved. A file
    an accepted one replaces is deleted."""
    if not files:
        return
    with transaction.atomic():
        submission = locked_draft(submission)
        for stored in files:
            Answer.objects.update_or_create(
                submission=submission,
                repeat_index=stored.repeat_index,
                question_code=stored.question_code,
                defaults={"group_number": group.number, "value": stored.pk, "prefilled": False},
            )
        delete_unanswered_files(submission, {stored.question_code for stored in files})


def remove_file(submission, file_pk, user):
    """Take an uploaded file off a draft: its answer goes with it, and the stored file once
    the removal has committed."""
    with transaction.atomic():
        submission = locked_draft(submission)
        upload = submission.files.get(pk=file_pk)
        submission.answers.filter(
            question_code=upload.question_code, repeat_index=upload.repeat_index
        ).delete()
        delete_files([upload])
        submission.revision += 1
        submission.save(update_fields=["revision", "updated_at"])
        record(submission, SubmissionEvent.Action.FILE_REMOVED, user, detail=upload.original_name)
