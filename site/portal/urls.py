from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from core import views as core_views
from portal.access import public
from portal.plugins import installed_plugins


def plugin_urlpatterns():
    """Each plugin's portal URLs under its slug, inside the language prefix (DESIGN.md §3)."""
    return [
        path(f"{config.slug}/", include((config.urls, config.label), namespace=config.label))
        for config in installed_plugins()
        if config.urls
    ]


# Django's default 403, 404 and 500 handlers render the theme's 403.html, 404.html and 500.html;
# only the 400 handler needs replacing (see core.views.bad_request).
handler400 = "core.views.bad_request"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("theme.css", core_views.theme_css, name="theme_css"),
    # The integration API answers in one language, outside the language prefix.
    path("api/", include("api.urls")),
    # Outside the language prefix: load balancers probe one fixed address.
    public(path("health/", health.health, name="health")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("account/", include("accounts.urls")),
    *plugin_urlpatterns(),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
