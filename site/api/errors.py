"""The one JSON shape of every error the API returns (docs/api.md § Errors)::

    {"error": {"code": "validation_error", "message": "…",
               "fields": [{"field": "body.date_of_birth", "message": "…"}]}}

``ApiError`` is raised by routes; the handlers installed by :func:`install` turn it, ninja's
own errors and the services' refusals into that shape, so no input gives a server error.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

#: The error statuses every operation documents, for ``response={200: X, ERRORS: Error}``.
ERRORS = frozenset({400, 401, 403, 404, 405, 409, 413, 415, 422, 429})


class FieldError(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    fields: list[FieldError] = []


class Error(Schema):
    error: ErrorBody


class ApiError(Exception):
    def __init__(self, status, code, message, fields=(), headers=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = str(message)
        self.fields = list(fields)
        self.headers = headers or {}


def not_found():
    return ApiError(404, "not_found", "Not found.")


def body(code, message, fields=()):
    return {"error": {"code": code, "message": str(message), "fields": list(fields)}}


def respond(api, request, status, code, message, fields=(), headers=None):
    response = api.create_response(request, body(code, message, fields), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _ninja_fields(errors):
    return [
        {
            "field": ".".join(str(part) for part in error.get("loc", ())),
            "message": error.get("msg", "Invalid value."),
        }
        for error in errors
    ]


def _django_fields(error):
    if hasattr(error, "error_dict"):
        return [
            {"field": f"body.{name}", "message": str(message)}
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "body", "message": str(message)} for message in error.messages]


def install(api):
    """Register the error handlers on the NinjaAPI ``api``."""

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return respond(api, request, exc.status, exc.code, exc.message, exc.fields, exc.headers)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request, exc):
        return respond(
            api,
            request,
            422,
            "validation_error",
            "The request is not valid.",
            _ninja_fields(exc.errors),
        )

    @api.exception_handler(DjangoValidationError)
    def model_validation_error(request, exc):
        return respond(
            api, request, 422, "validation_error", "The request is not valid.", _django_fields(exc)
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(
            api,
            request,
            401,
            "unauthenticated",
            "Give a valid, unexpired bearer token.",
            headers={"WWW-Authenticate": "Bearer"},
        )

    @api.exception_handler(Http404)
    def missing(request, exc):
        return respond(api, request, 404, "not_found", "Not found.")

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return respond(api, request, exc.status_code, "bad_request", str(exc))
