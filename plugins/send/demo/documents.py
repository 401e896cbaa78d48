"""The demo council's documents to view: two letters published on Alfie's EHC needs
assessment to everyone authenticated on him (his mother), the older one already opened, the
newer one not. The PDFs are the project's own files in ``documents/``, so they are published
without a scan (there may be no scanner while the demo loads). Published once: a child whose
involvement has documents is left alone."""

import hashlib
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ..casework.documents import services
from ..filling.uploads import PDF, CheckedUpload
from ..models import DocumentRecipient, Involvement

DOCUMENTS_DIR = Path(__file__).resolve().parent / "documents"
CHILD = "C0000101"
CASEWORKER = "caseworker@example.org"
OPENED_BY = "parent@example.org"

# file, description, document date (days ago), opened by the demo parent
DEMO_DOCUMENTS = [
    ("request_received.pdf", "Your request for an EHC needs assessment: received", 68, True),
    ("decision_to_assess.pdf", "Decision to carry out an EHC needs assessment", 28, False),
]


def load_demo_documents():
    caseworker = get_user_model().objects.filter(email=CASEWORKER).first()
    involvement = Involvement.objects.open().filter(child_record__council_id=CHILD).first()
    if caseworker is None or involvement is None or involvement.documents.exists():
        return
    today = timezone.localdate()
    for name, description, days_ago, opened in DEMO_DOCUMENTS:
        content = (DOCUMENTS_DIR / name).read_bytes()
        checked = CheckedUpload(
            content_type=PDF, sha256=hashlib.sha256(content).hexdigest(), size=len(content)
        )
        document = services.publish(
            involvement,
            caseworker,
            SimpleUploadedFile(name, content),
            checked,
            description=description,
            document_date=today - timedelta(days=days_ago),
        )
        if opened:
            DocumentRecipient.objects.filter(document=document, user__email=OPENED_BY).update(
                opened_at=timezone.now()
            )
