"""How portal users are told about their messages: one ``Delivery`` row per recipient and
channel (email, text message), sent by a django-q2 task enqueued after the commit, through
GOV.UK Notify when it is configured (recording its id and its delivery receipts) or else the
portal's email path; and the contact details whose deliveries failed for good."""
