"""Portal events are heard only after the change they announce has committed."""

import ast
import logging
from pathlib import Path

import pytest
from django.db import transaction

from portal import events

ROOT = Path(__file__).resolve().parents[2]
SIGNALS = (
    "person_added",
    "form_submitted",
    "form_decided",
    "person_matched",
    "consent_withdrawn",
    "user_authenticated_on_case",
    "case_record_changed",
)


@pytest.fixture
def heard():
    calls = []

    def listener(sender, **kwargs):
        calls.append(kwargs)

    events.form_decided.connect(listener)
    yield calls
    events.form_decided.disconnect(listener)


@pytest.mark.django_db(transaction=True)
def test_an_event_is_not_heard_when_the_transaction_rolls_back(heard):
    with pytest.raises(RuntimeError), transaction.atomic():
        events.send_after_commit(events.form_decided, None, decision="approved")
        raise RuntimeError("the change failed")
    assert heard == []


@pytest.mark.django_db
def test_an_event_is_heard_only_once_the_transaction_commits(
    heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            events.send_after_commit(events.form_decided, None, decision="approved")
        assert heard == []
    assert len(callbacks) == 1
    assert heard == [{"signal": events.form_decided, "decision": "approved"}]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_an_event_is_heard_at_once(heard):
    events.send_after_commit(events.form_decided, None, decision="rejected")
    assert heard == [{"signal": events.form_decided, "decision": "rejected"}]


@pytest.mark.django_db(transaction=True)
def test_a_failing_receiver_is_logged_and_the_others_still_hear(heard, caplog):
    def broken(sender, **kwargs):
        raise ValueError("receiver bug")

    events.form_decided.connect(broken)
    try:
        with caplog.at_level(logging.ERROR, logger="portal.events"):
            events.send_after_commit(events.form_decided, None, decision="approved")
    finally:
        events.form_decided.disconnect(broken)
    assert len(heard) == 1
    assert "receiver bug" in caplog.text


def test_every_portal_event_is_sent_through_send_after_commit():
    """No ``<event>.send(...)`` anywhere in the code: only send_after_commit sends."""
    offenders = []
    for folder in ("site", "plugins"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("send", "send_robust")
                    and isinstance(node.func.value, ast.Attribute)
                    and node.func.value.attr in SIGNALS
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
