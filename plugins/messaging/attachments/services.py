"""Checking, keeping and deleting message attachments. Every check is the portal's one
upload check (the ``check_upload`` service, which SEND provides and which refuses every file
without it); the council's accepted types and largest size come from Portal configuration."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.config import portal_settings
from core.texts import raw_text
from portal import services

from .models import Attachment

# A message is not a file store: a handful of files is enough to send a report or a letter.
MAX_FILES = 5


def rules():
    """What a portal user reads before choosing files: how many, which types, how large."""
    extensions = [
        extension.lstrip(".").upper() for extension in portal_settings().upload_extension_list
    ]
    return raw_text(
        "messaging.attachments.rules",
        count=MAX_FILES,
        types=", ".join(extensions),
        megabytes=portal_settings().upload_max_megabytes,
    )


def check(files):
    """Check each chosen file; returns ``[(file, checked)]`` or raises ``ValidationError``
    naming each refused file."""
    if len(files) > MAX_FILES:
        raise ValidationError(
            raw_text("messaging.attachments.too_many", count=MAX_FILES), code="too_many"
        )
    checked, errors = [], []
    for upload in files:
        try:
            checked.append((upload, services.get("check_upload")(upload)))
        except ValidationError as error:
            errors += [f"{upload.name}: {message}" for message in error.messages]
    if errors:
        raise ValidationError(errors, code="refused")
    return checked


def attach(message, checked_files):
    """Keep the files that passed ``check`` on ``message``."""
    for upload, checked in checked_files:
        attachment = Attachment(
            message=message,
            original_name=upload.name[-255:],
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
        )
        upload.seek(0)
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()


def delete_stored_files_after_commit(attachments):
    """Remove the stored files of ``attachments`` (read now) once the transaction that deletes
    their rows commits; a rollback keeps them."""
    stored = [(row.file.storage, row.file.name) for row in attachments if row.file]

    def delete():
        for storage, name in stored:
            storage.delete(name)

    if stored:
        transaction.on_commit(delete)
