from django.conf import settings
from django.http import FileResponse
from django.utils.cache import add_never_cache_headers

from portal.plugins import plugin_gates


class PluginGateMiddleware:
    """Lets plugins stop a signed-in user at a page they must see first (their ``gates``).

    The admin, static and media files pass untouched; a gate returns a response to stop the
    request or None to let it through.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.gates = plugin_gates()
        self.passthrough = ("/admin/", settings.STATIC_URL, settings.MEDIA_URL)

    def __call__(self, request):
        if request.user.is_authenticated and not request.path.startswith(self.passthrough):
            for gate in self.gates:
                response = gate(request)
                if response is not None:
                    return response
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every page a signed-in user is shown and on every file
    download, so a shared computer's browser or a proxy keeps no copy of a family's
    information for the next person to find with the Back button or in the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or is_download(response):
            add_never_cache_headers(response)
        return response


def is_download(response):
    """A file sent to be saved (or any streamed file), rather than a page."""
    disposition = response.get("Content-Disposition", "")
    return isinstance(response, FileResponse) or disposition.startswith("attachment")
