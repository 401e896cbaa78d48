"""Messages are kept for Portal configuration's "keep messages for (days)": the daily job
deletes older ones with their attachments (the stored files once the deletion commits) and
the threads left empty, and keeps everything newer."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from core.jobs import declared_jobs
from core.models import PortalSettings
from plugins.messaging import retention, services
from plugins.messaging.models import Attachment, Delivery, Message, Recipient, Thread
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def notice_sent(user, days_ago):
    message = services.notify(user, "messaging.tile.title", "messaging.inbox.empty", {})
    sent_at = timezone.now() - timedelta(days=days_ago)
    Message.objects.filter(pk=message.pk).update(sent_at=sent_at)
    Thread.objects.filter(pk=message.thread_id).update(created_at=sent_at)
    return message


def attach(message):
    return Attachment.objects.create(
        message=message,
        file=ContentFile(b"%PDF-1.4", name="letter.pdf"),
        original_name="letter.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )


def keep_for(days):
    settings = PortalSettings.load()
    settings.message_retention_days = days
    settings.save()


def test_messages_older_than_the_setting_go_with_their_files_and_newer_ones_stay(
    django_capture_on_commit_callbacks,
):
    keep_for(30)
    user = UserFactory()
    old = notice_sent(user, days_ago=31)
    recent = notice_sent(user, days_ago=29)
    stored = attach(old).file.name
    kept = attach(recent).file.name

    with django_capture_on_commit_callbacks(execute=True):
        assert retention.delete_old_messages() == 1

    assert list(Message.objects.all()) == [recent]
    assert not Thread.objects.filter(pk=old.thread_id).exists()
    assert not Recipient.objects.filter(message_id=old.pk).exists()
    assert not Delivery.objects.filter(recipient__message_id=old.pk).exists()
    assert not default_storage.exists(stored)
    assert default_storage.exists(kept)


def test_a_thread_keeps_its_recent_messages_when_its_first_ones_expire():
    keep_for(30)
    user = UserFactory()
    old = notice_sent(user, days_ago=40)
    newer = Message.objects.create(thread=old.thread, body="Still relevant", from_team=True)

    retention.delete_old_messages()

    assert list(old.thread.messages.all()) == [newer]


def test_the_files_stay_when_the_deletion_is_rolled_back(django_capture_on_commit_callbacks):
    keep_for(30)
    stored = attach(notice_sent(UserFactory(), days_ago=31)).file.name

    with django_capture_on_commit_callbacks(execute=False):
        retention.delete_old_messages()

    assert default_storage.exists(stored)


def test_a_longer_setting_keeps_the_same_messages():
    keep_for(365)
    notice_sent(UserFactory(), days_ago=100)

    assert retention.delete_old_messages() == 0
    assert Message.objects.count() == 1


def test_the_deletion_runs_every_day():
    jobs = {(label, job.name): job for label, job in declared_jobs()}

    job = jobs["messaging", "delete_old_messages"]
    assert (job.func, job.schedule_type) == ("plugins.messaging.retention.delete_old_messages", "D")
