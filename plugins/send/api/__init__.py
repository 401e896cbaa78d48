"""SEND in the integration API (``/api/v1/send/``, declared as SendConfig.api_router):
submitted forms, cases (involvements) with their documents and actions. Every route asks
the access registry and calls the same services as the admin."""

from ninja import Router

from . import cases, submissions

router = Router()
router.add_router("/submissions/", submissions.router)
router.add_router("/cases/", cases.router)
