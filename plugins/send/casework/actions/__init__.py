"""Actions to complete (DESIGN.md §4): the council asks a portal user authenticated on a
child's involvement to complete one of its forms for the child by a date.

- ``services``: the state machine (open → completed, or cancelled with a reason), the
  message to the user and the overdue reminders;
- ``portal``: the user's side: the open actions for a child, and starting one, which opens
  the form for that child in the filling flow with the draft linked to the action;
- ``receivers``: submitting that form completes the action (after commit, from the
  ``form_submitted`` event);
- ``access``: the access kinds of actions on the portal;
- ``views`` (portal), ``admin`` (staff, on the involvement's page), ``tiles``.
"""
