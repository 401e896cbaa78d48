"""Every account text, one module per journey; AccountsConfig.texts points here."""

from . import credentials, emails, invitations, my_account, registration, session, sign_in

TEXTS = [
    *emails.TEXTS,
    *registration.TEXTS,
    *sign_in.TEXTS,
    *credentials.TEXTS,
    *my_account.TEXTS,
    *invitations.TEXTS,
    *session.TEXTS,
]
