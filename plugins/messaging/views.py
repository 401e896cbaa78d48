"""The portal's messages: the inbox, a thread (opening it marks it read; reply), a new message
to the SEND team and sent items. Every lookup asks ``portal.access``: a thread the user does
not take part in, or about a child they are no longer authenticated on, gives 404.

Reading messages needs two-step verification, like every child's information; council staff
answer from the admin's team inbox instead."""

from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from accounts.access import verification_redirect
from core.texts import raw_text
from portal import access

from . import services, subjects
from .access import ATTACHMENT
from .delivery import consent
from .forms import NewMessageForm, ReplyForm, TextMessagesForm

PER_PAGE = 20
# The subject kind the portal's "new message to the SEND team" writes about.
CHILD = "send.child_record"


def portal_user_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = verification_redirect(request)
        if response:
            return response
        if request.user.is_council_staff:
            return redirect("wagtailadmin_home")
        return view(request, *args, **kwargs)

    return wrapped


def _child_filter(request):
    """The per-child filter: (choices, the chosen id or None), when children can be messaged
    about on this site."""
    if CHILD not in subjects.registered():
        return [], None
    choices = list(subjects.get(CHILD).choices(request.user))
    try:
        chosen = int(request.GET.get("child", ""))
    except ValueError:
        chosen = None
    return choices, chosen if chosen in {pk for pk, _title in choices} else None


@portal_user_required
def inbox(request):
    """Messages to the user, newest first, paginated, optionally about one child."""
    received = services.received(request.user)
    children, child = _child_filter(request)
    if child is not None:
        received = received.filter(
            message__thread__about_kind=CHILD, message__thread__about_id=child
        )
    page = Paginator(received, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "children": children,
        "child": child,
        "may_write": bool(children),
    }
    return render(request, "messaging/inbox.html", context)


@portal_user_required
def sent(request):
    """Messages the user wrote, newest first: date, type, to and subject."""
    page = Paginator(services.sent(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "messaging/sent.html", {"page": page})


@portal_user_required
def thread(request, pk):
    """A thread, oldest message first; opening it marks it read. A thread about a subject
    can be answered; a notice from the council cannot."""
    thread = access.get_or_404(request.user, services.KIND, pk=pk)
    services.mark_read(request.user, thread)
    form = ReplyForm(request.POST or None, request.FILES or None) if thread.about_kind else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            services.reply(request.user, thread, data["body"], attachments=data["attachments"])
            return redirect("messaging:thread", pk=thread.pk)
    context = {
        "thread": thread,
        "about": services.about_title(thread),
        "messages_in_thread": thread.messages.select_related("sender").prefetch_related(
            "attachments"
        ),
        "form": form,
    }
    return render(request, "messaging/thread.html", context)


@portal_user_required
def new(request):
    """A new message to the SEND team about a child the user is authenticated on."""
    if CHILD not in subjects.registered():
        raise Http404
    children, child = _child_filter(request)
    if not children:
        raise Http404
    form = NewMessageForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        kind=CHILD,
        initial_about=child,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.write_to_team(
            request.user,
            CHILD,
            data["about"],
            data["message_type"],
            data["subject"],
            data["body"],
            attachments=data["attachments"],
        )
        return redirect("messaging:thread", pk=created.pk)
    return render(request, "messaging/new.html", {"form": form})


@portal_user_required
def attachment(request, pk):
    """A file of a message in a thread the user may read, sent as a download."""
    stored = access.get_or_404(request.user, ATTACHMENT, pk=pk)
    return FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )


@portal_user_required
def text_messages(request):
    """My account › Text messages: agree, or stop agreeing, to a text for each new message."""
    # An unticked box posts nothing of its own: the form is bound on every POST.
    form = TextMessagesForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        initial={"wanted": consent.wants_texts(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        consent.set_text_messages(request.user, form.cleaned_data["wanted"])
        messages.success(request, raw_text("messaging.texts.saved"))
        return redirect("accounts:my_account")
    return render(request, "messaging/text_messages.html", {"form": form})
