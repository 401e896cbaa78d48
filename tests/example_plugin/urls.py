from django.urls import path
from django.views.generic import TemplateView

from portal.access import public

urlpatterns = [
    # Open to everyone: declared so the URLconf access sweep does not expect a sign-in.
    public(path("", TemplateView.as_view(template_name="example_plugin/start.html"), name="start")),
]
