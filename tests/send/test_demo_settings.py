"""The demo council keeps forms in progress for 30 days untouched, the guides' figure."""

import pytest

from core.demo import load_demo
from plugins.send.models import SendSettings

pytestmark = pytest.mark.django_db


def test_the_demo_council_deletes_forms_in_progress_after_30_days_untouched(demo):
    assert SendSettings.load().purge_drafts_after_days == 30


def test_an_editors_later_choice_of_retention_survives_loading_the_demo_again(demo):
    choice = SendSettings.load()
    choice.purge_drafts_after_days = None
    choice.save()
    load_demo()
    assert SendSettings.load().purge_drafts_after_days is None
