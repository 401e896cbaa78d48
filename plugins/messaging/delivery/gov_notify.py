"""GOV.UK Notify, through its own client library: whether it is configured and sending one
email or text message. The email template's personalisation is ((subject)) and ((body)), as
``core.mail.NotifyEmailBackend`` uses it; the text message template's is ((body))."""

from django.conf import settings
from notifications_python_client.notifications import NotificationsAPIClient


def email_configured():
    return bool(settings.NOTIFY_API_KEY and settings.NOTIFY_EMAIL_TEMPLATE_ID)


def sms_configured():
    return bool(settings.NOTIFY_API_KEY and settings.NOTIFY_SMS_TEMPLATE_ID)


def _client():
    return NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL)


def send_email(address, subject, body, reference):
    """Send an email; returns Notify's id of it. Raises the client's errors."""
    response = _client().send_email_notification(
        email_address=address,
        template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
        personalisation={"subject": subject, "body": body},
        reference=reference,
    )
    return response["id"]


def send_sms(number, body, reference):
    """Send a text message; returns Notify's id of it. Raises the client's errors."""
    response = _client().send_sms_notification(
        phone_number=number,
        template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
        personalisation={"body": body},
        reference=reference,
    )
    return response["id"]
