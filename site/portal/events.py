"""Signals the plugins share (DESIGN.md §3). Senders pass keyword arguments named below."""

from django.dispatch import Signal

#: A portal user declared a child or young person. kwargs: person, user.
person_added = Signal()
#: A portal user submitted a form. kwargs: submission.
form_submitted = Signal()
#: The council approved, rejected or asked for more on a submission. kwargs: submission, decision.
form_decided = Signal()
#: A portal person was matched to the council's record. kwargs: person, child_record.
person_matched = Signal()
#: A user withdrew their consent. kwargs: user, record.
consent_withdrawn = Signal()
#: A user was given access to a child's involvement. kwargs: user, involvement, reason.
user_authenticated_on_case = Signal()
