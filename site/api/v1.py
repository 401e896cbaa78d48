"""Version 1 of the integration API, at /api/v1/ (docs/api.md): one NinjaAPI with bearer-token
authentication, the error handlers, core's own operations (the API's self-description) and
every router the installed apps declare through the plugin contract (``api_router``)."""

from ninja import NinjaAPI, Schema
from ninja.openapi.docs import Swagger

from portal.plugins import api_routers

from . import errors
from .auth import ServiceTokenAuth

api = NinjaAPI(
    title="SEND portal API",
    version="1",
    description="The council's case-management system exchanges children's records, cases, "
    "documents, actions, submitted forms and messages with the portal. See docs/api.md.",
    urls_namespace="api-v1",
    auth=ServiceTokenAuth(),
    # Swagger UI from our own static files ("ninja" is installed): no CDN, within the CSP.
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    openapi_url="/openapi.json",
)
errors.install(api)


class Me(Schema):
    client: str
    scopes: list[str]


@api.get("/me", response={200: Me, errors.ERRORS: errors.Error}, tags=["service account"])
def me(request):
    """The calling service account and its scopes: a first call to check a token works."""
    account = request.service_account
    return {"client": account.name, "scopes": account.scopes}


for prefix, router in api_routers():
    api.add_router(f"/{prefix}/", router)
