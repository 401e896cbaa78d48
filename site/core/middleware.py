from django.conf import settings

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
