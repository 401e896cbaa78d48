"""The family's side on the portal: "Documents to view for NAME" and downloading one. Both
ask ``portal.access``, so a child the user is not authenticated on, or a document not
published to them, gives 404."""

from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import render

from portal import access

from ...access import send_user_required
from ..case.services import back_url
from . import services
from .access import CHILD, DOCUMENT

PER_PAGE = 20


@send_user_required
def documents(request, child):
    """The child's documents published to this user, newest first, those not opened yet
    marked "New"; Back leads to the child's dashboard."""
    child_record = access.get_or_404(request.user, CHILD, pk=child)
    documents = services.for_child(request.user, child_record)
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "send/documents/list.html",
        {
            "child_record": child_record,
            "page": page,
            "back_url": back_url(request.user, child_record),
        },
    )


@send_user_required
def download(request, pk):
    """The document as an attachment; the first opening is recorded for staff."""
    document = access.get_or_404(request.user, DOCUMENT, pk=pk)
    services.record_opening(document, request.user, request=request)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
