"""The demo council's documents: the demo parent sees two letters about Alfie, real PDFs,
one of them not opened yet; loading the demo again publishes nothing more."""

import pytest
from django.contrib.auth import get_user_model

from plugins.send.casework.documents import services
from plugins.send.casework.documents.tiles import documents_tile
from plugins.send.demo.loader import load_demo
from plugins.send.models import Document
from records.models import ChildRecord
from tests.send.involvements import test_demo

pytestmark = pytest.mark.django_db

demo_send = test_demo.demo_send


def test_the_demo_parent_has_documents_about_alfie_one_not_opened(demo_send):
    parent = get_user_model().objects.get(email="parent@example.org")
    alfie = ChildRecord.objects.get(council_id="C0000101")

    documents = list(services.for_child(parent, alfie))

    assert [document.opened for document in documents] == [False, True]
    assert documents[0].description == "Decision to carry out an EHC needs assessment"
    assert all(document.file.read(5) == b"%PDF-" for document in documents)
    assert documents_tile(parent, alfie).count == 1


def test_loading_the_demo_again_publishes_nothing_more(demo_send):
    load_demo()
    assert Document.objects.count() == 2
