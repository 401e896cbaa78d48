"""Documents to view start from the involvement tests' child, caseworker and family: Mali
Evans on the register with an open EHC needs assessment, her mother authenticated on it."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plugins.send.casework.documents import services
from plugins.send.casework.involvements import portal_sharing
from plugins.send.filling.uploads import PDF, CheckedUpload
from tests.factories import UserFactory
from tests.send.involvements import conftest as involvements
from tests.send.test_uploads import pdf_file

# The involvement tests' fixtures, shared here.
caseworker = involvements.caseworker
managing = involvements.managing
child = involvements.child
involvement = involvements.involvement
parent = involvements.parent
professional = involvements.professional
shared = involvements.shared
authenticated = involvements.authenticated


@pytest.fixture
def second_parent(involvement, caseworker):
    """Mali's father, authenticated on her case too."""
    father = UserFactory(first_name="Huw", last_name="Evans", email="huw@example.org")
    sharing = portal_sharing.add(involvement, father, caseworker, parental_responsibility=True)
    portal_sharing.authenticate(sharing, caseworker, "Father; identity checked in person.")
    return father


def publish(involvement, caseworker, description="Decision letter", chosen=None, **fields):
    """A PDF published without a scan: for the tests of what happens after publishing (the
    scan itself is tested with the real clamd in test_publish)."""
    content = pdf_file()
    checked = CheckedUpload(
        content_type=PDF, sha256=hashlib.sha256(content).hexdigest(), size=len(content)
    )
    return services.publish(
        involvement,
        caseworker,
        SimpleUploadedFile("letter.pdf", content),
        checked,
        description=description,
        document_date=fields.pop("document_date", "2026-01-15"),
        chosen=chosen,
        **fields,
    )
