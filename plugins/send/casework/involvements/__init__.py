"""The child's case (DESIGN.md §4): involvements, who the council shares each with on the
portal, and the information it has asked people for.

- ``authentication``: the access rule: who is authenticated on a child's open involvement;
- ``portal_sharing``: adding portal users to an involvement and authenticating them (a state
  machine that writes the audit log, tells the user and announces the change);
- ``services``: opening, changing and closing involvements, key dates, exceptions and
  information requested (codes checked against the process definition);
- ``statutory``: the council's processes, their stages and words, and an involvement's
  timeline computed from its dates;
- ``tray``: the next deadline of each open involvement, for the tray and the dashboard panel;
- ``reminders``: the daily job reminding caseworkers of deadlines and people of overdue
  information, each reminder once;
- ``timeliness``: the timeliness report of plans issued;
- ``admin``: the staff screens in the Wagtail admin, behind "send.manage_involvement".
"""
