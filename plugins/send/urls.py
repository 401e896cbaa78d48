from django.urls import path  # noqa: F401 (each section adds its paths)

app_name = "send"

urlpatterns = []

# -- people and the SEND home (people views) -----------------------------------------------

# -- form preview for the SEND team (preview.py) --------------------------------------------
