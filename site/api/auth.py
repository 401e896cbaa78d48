"""Who is calling: the bearer token names a service account, which must be calling from an
allowed address and within its rate limit; each operation then needs its scope
(:func:`require`). Every authenticated call is written to the audit log with the client's
name."""

import contextlib
import ipaddress
import json

from axes.helpers import get_client_ip_address
from ninja.security import HttpBearer

from core import audit

from . import accounts, ratelimit
from .errors import ApiError


class ServiceTokenAuth(HttpBearer):
    """Bearer authentication: on success ``request.user`` is the account's staff user (with
    ``api_client`` set, so the audit log names the client) and ``request.service_account``
    the account. With a ``scope``, an account without it is refused (403) before the request's
    input is even read."""

    def __init__(self, scope=None):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token):
        row = accounts.find_token(token)
        if row is None:
            return None
        account = row.account
        if not address_allowed(account, get_client_ip_address(request)):
            raise ApiError(403, "address_not_allowed", "This address may not use this token.")
        wait = ratelimit.seconds_left(row, account)
        if wait:
            raise ApiError(
                429,
                "rate_limited",
                f"Too many requests: at most {ratelimit.limit_of(account)} a minute. "
                f"Try again in {wait} seconds.",
                headers={"Retry-After": str(wait)},
            )
        accounts.mark_used(row)
        user = account.user
        user.api_client = account.name
        request.user = user
        request.service_account = account
        audit.record(
            None,
            "api.called",
            None,
            f"{request.method} {request.path}",
            request=request,
            api_client=account.name,
        )
        if self.scope and self.scope not in account.scopes:
            raise ApiError(
                403, "scope_missing", f"This token's account lacks the scope {self.scope}."
            )
        refuse_nul_characters(request)
        return row


def refuse_nul_characters(request):
    """A NUL character in the path, a query parameter, a form field or a JSON body is refused
    (422): no text the portal keeps may hold one, and PostgreSQL would refuse it as a server
    error. Files may hold any bytes."""
    texts = [request.path, *(value for _name, values in request.GET.lists() for value in values)]
    if request.content_type == "application/json":
        # A body that is not JSON is left to the operation's own validation.
        with contextlib.suppress(ValueError):
            texts += _strings(json.loads(request.body))
    else:
        texts += [value for _name, values in request.POST.lists() for value in values]
    if any("\x00" in text for text in texts):
        raise ApiError(422, "validation_error", "Text may not contain NUL characters.")


def _strings(value):
    """Every string in a decoded JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (key, *_strings(item))]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def address_allowed(account, address):
    networks = [line.strip() for line in account.ip_allowlist.splitlines() if line.strip()]
    if not networks:
        return True
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(network, strict=False) for network in networks)


def require(scope):
    """The authentication of an operation that needs ``scope``:
    ``@router.get("/", auth=require("records:read"))``."""
    return ServiceTokenAuth(scope)
