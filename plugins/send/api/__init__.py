"""SEND in the integration API (``/api/v1/send/``, declared as SendConfig.api_router):
submitted forms, cases (involvements) with their lifecycle, portal sharing, documents and
actions. Every route asks the access registry and calls the same services as the admin."""

from ninja import Router

from . import cases, documents, lifecycle, sharing, submissions

router = Router()
router.add_router("/submissions/", submissions.router)
# One resource, its operations by topic: reading, opening and changing a case; its lifecycle
# (closing, exceptions, information received); portal sharing; documents to view.
for part in (cases, lifecycle, sharing, documents):
    router.add_router("/cases/", part.router)
