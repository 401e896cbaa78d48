"""A portal user's choice, on My account, to be told of new messages by text message as well
as by email. Texts go to the mobile number on their account, so agreeing needs one."""

from django.db import transaction

from .models import TextMessageConsent


class NoMobileNumber(Exception):
    """The account has no mobile number to send text messages to."""


def wants_texts(user):
    return TextMessageConsent.objects.filter(user=user).exists()


@transaction.atomic
def set_text_messages(user, wanted):
    """Record that ``user`` agrees (``wanted``) or no longer agrees to text messages."""
    if not wanted:
        TextMessageConsent.objects.filter(user=user).delete()
        return
    if not user.mobile_phone:
        raise NoMobileNumber
    TextMessageConsent.objects.update_or_create(user=user)
