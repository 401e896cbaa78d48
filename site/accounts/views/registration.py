"""Registration URLs: the steps (registration_steps) and email confirmation
(registration_confirm)."""

from . import registration_confirm, registration_steps

urlpatterns = [*registration_steps.urlpatterns, *registration_confirm.urlpatterns]
