"""The child's case on the portal (DESIGN.md §4, issue "The child's case"): the dashboard a
family or professional authenticated on a child's open involvement sees.

- ``access``: the access kind "send.case" (a child record, seen by those authenticated on it);
- ``services``: what the dashboard shows of each involvement (timeline, key dates, requester,
  caseworker), computed from rows read in a fixed number of queries;
- ``tiles``: the registry of the dashboard's tiles (shared forms, documents, actions…);
- ``views``: the dashboard page.
"""
