"""Printing forms on the portal: a copy of the user's own submission or of a form the council
shared with them, or a blank copy of a live form, as a PDF or Word file chosen on a page of print options."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal import access

from ..access import send_user_required
from ..builder.schema import FormSchema
from ..casework.family import came_from_case
from ..filling.answers import blank_answers, load_answers
from ..models import FormDefinition
from . import formats
from .forms import PrintOptionsForm


@never_cache  # the files hold a child's details
@send_user_required
@require_http_methods(["GET", "POST"])
def print_submission(request, pk):
    """Print the user's own submission, with its answers."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    schema = FormSchema(submission.version.schema)
    return _print_page(
        request,
        schema,
        answers=lambda: load_answers(submission),
        submission=submission,
        file_name=submission.reference or f"{schema.code}-{submission.pk}",
        back_url=reverse("send:submission", args=[submission.pk]),
        title_key="send.print.title",
        intro_key="send.print.intro",
    )


@never_cache
@send_user_required
@require_http_methods(["GET", "POST"])
def print_shared(request, pk):
    """Print a form the council shared on the case of a child the user is authenticated on."""
    submission = access.get_or_404(request.user, "send.shared_submission", pk=pk)
    schema = FormSchema(submission.version.schema)
    return _print_page(
        request,
        schema,
        answers=lambda: load_answers(submission),
        submission=submission,
        file_name=submission.reference,
        back_url=came_from_case(request, reverse("send:shared_submission", args=[submission.pk])),
        title_key="send.print.shared_title",
        intro_key="send.print.intro",
    )


@never_cache
@send_user_required
@require_http_methods(["GET", "POST"])
def print_blank(request, code):
    """Print a blank copy of a live form of the user's own portal (citizen or professional),
    to read before starting or to fill in by hand."""
    form = access.get_or_404(
        request.user,
        "send.form_definition",
        FormDefinition.objects.select_related("live_version"),
        code=code,
    )
    schema = FormSchema(form.live_version.schema)
    return _print_page(
        request,
        schema,
        answers=blank_answers,
        submission=None,
        file_name=schema.code,
        back_url=reverse("send:home"),
        title_key="send.print.blank_title",
        intro_key="send.print.blank_intro",
    )


def _print_page(request, schema, *, answers, submission, file_name, **context):
    """The print options page; once they are valid, the file itself. ``answers`` is called
    only then, so showing the page reads no answers."""
    data = request.POST if request.method == "POST" else None
    form = PrintOptionsForm(data, schema=schema)
    if form.is_valid():
        file_format = form.cleaned_data["file_format"]
        content = formats.print_file(
            file_format,
            schema,
            answers(),
            form.print_options(),
            translation.get_language(),
            submission=submission,
        )
        response = HttpResponse(content, content_type=formats.CONTENT_TYPES[file_format])
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{file_name}.{file_format}"
        )
        return response
    context.update(form=form, form_title=schema.title)
    return render(request, "send/print/options.html", context)
