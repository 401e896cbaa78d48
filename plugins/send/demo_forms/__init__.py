"""The demo council's SEND forms, as data: one module per form, and ``shared`` for the
questions several forms ask. ``plugins.send.demo.loader`` loads them."""

from . import (
    advice_response,
    my_views,
    parent_request,
    parental_consent,
    setting_request,
    young_person_request,
)

FORMS = (
    parent_request.FORM,
    young_person_request.FORM,
    my_views.FORM,
    parental_consent.FORM,
    setting_request.FORM,
    advice_response.FORM,
)
