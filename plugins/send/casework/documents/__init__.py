"""Documents to view (issue 13): the council publishes a document (PDF or Word, checked and
virus-scanned like every upload) on a child's involvement to the people authenticated on the
child or chosen ones; they see and download it on the portal; staff see who opened it and may
withdraw it.

- ``services``: every rule (checking, publishing and telling, who sees what, openings,
  withdrawing);
- ``access``: the access kinds "send.document" and "send.documents_child";
- ``views``: the family's list and download; ``admin``: the staff screens;
- ``tiles``: ``documents_tile(user, child_record)`` for the case dashboard.
"""
