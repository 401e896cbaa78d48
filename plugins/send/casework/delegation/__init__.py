"""Delegation (DESIGN.md §4): the council hands a child's form to a professional or to a work
group (a team at a school or service) to contribute, and receives the contribution.

- ``services``: the state machine (assigned to a group or a user → picked up / re-assigned →
  counter-signature requested → counter-signed → submitted; any open state → retracted);
- ``groups``: who is in a work group, who may pick up, re-assign and counter-sign;
- ``portal``: the professional's four lists and the contribution (the task's one copy of
  its form, filled in through ``filling``);
- ``notices``: the messages through ``notify`` (never the child's information) and the
  reminders before the due date; ``annual_reviews``: the review form sent before the meeting;
- ``access``: the access kinds; ``views`` (portal), ``admin`` (staff), ``tiles``, ``jobs``.
"""
