"""The SEND team's preview of a form on the portal: the draft (the working copy) or a
published version, page by page as people will see it, in English or Welsh.

Nothing is ever written: answers are checked exactly as in the real journey and then
forgotten, and the session is left alone. Only council staff who may build forms, with
two-step verification passed, see it; anyone else signed in gets 404.
"""

import datetime
import re
from dataclasses import dataclass
from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accounts.access import verification_redirect
from portal import access

from ..filling import steps
from ..models import FormVersion, PortalPerson
from .schema import FormSchema, build_schema

DRAFT = "draft"
VERSION_NUMBER = re.compile(r"[0-9]{1,9}")  # what a version number column can hold

# The person step 1 shows in a preview; never saved.
EXAMPLE_PERSON = PortalPerson(
    forename="Alex", surname="Morgan", date_of_birth=datetime.date(2015, 3, 5)
)


@dataclass(frozen=True)
class Preview:
    """Which form and version is previewed, and the addresses of its pages."""

    pk: int
    version: str
    schema: FormSchema

    @property
    def draft(self):
        return self.version == DRAFT

    @property
    def number(self):
        return None if self.draft else int(self.version)

    def url(self, name, *args):
        return reverse(f"send:{name}", args=[self.pk, self.version, *args])

    @property
    def end_url(self):
        return self.url("preview_end")

    def step_url(self, number):
        if number == steps.SUBJECT_STEP:
            return self.url("preview_subject")
        return self.url("preview_step", number)


def _load(user, pk, version):
    form = access.get_or_404(user, "send.form_definition", pk=pk)
    if version == DRAFT:
        return Preview(pk, version, FormSchema(build_schema(form)))
    if not VERSION_NUMBER.fullmatch(version):
        raise Http404
    published = get_object_or_404(FormVersion, form=form, number=int(version))
    return Preview(pk, version, FormSchema(published.schema))


def previewer_only(view):
    """Signed out: the sign-in page. Signed in without the right: 404. Not verified yet:
    the two-step verification step. Then the view, given the loaded ``Preview``."""

    @wraps(view)
    def wrapped(request, pk, version, **kwargs):
        if request.user.is_authenticated and not access.may(
            request.user, "preview", "send.form_definition"
        ):
            raise Http404
        return verification_redirect(request) or view(
            request, _load(request.user, pk, version), **kwargs
        )

    return wrapped


def _context(preview, current, **context):
    return {
        "schema": preview.schema,
        "title_prefix": steps.title_prefix(),
        "task_list": steps.task_list(
            preview.schema,
            preview.step_url,
            # The example person's details are complete; nothing else ever is.
            statuses={steps.SUBJECT_STEP: steps.COMPLETED},
            current=current,
        ),
        "preview": preview,
        **context,
    }


def _after(preview, number):
    """Where "Save and continue" on step ``number`` leads: the next step, or the end."""
    following = preview.schema.next_group(number)
    return preview.step_url(following.number) if following else preview.end_url


@previewer_only
def intro(request, preview):
    return render(
        request,
        "send/form/intro.html",
        _context(preview, None, start_url=preview.step_url(steps.SUBJECT_STEP), back_url=None),
    )


@previewer_only
def subject(request, preview):
    context = _context(
        preview,
        steps.SUBJECT_STEP,
        person=EXAMPLE_PERSON,
        example=True,
        back_url=preview.url("preview"),
        continue_url=_after(preview, steps.SUBJECT_STEP),
    )
    return render(request, "send/form/subject.html", context)


@previewer_only
def step(request, preview, number):
    """A step as people see it. "Add more" and "Remove" show it again with one item more
    or less; "Save and continue" checks the answers, then moves on without keeping them."""
    group = preview.schema.group(number)
    if group is None:
        raise Http404
    if request.method == "POST":
        form = steps.repeat_button_form(group, request.POST) or steps.step_form(
            group,
            request.POST,
            request.FILES,
            repeat_count=steps.posted_repeat_count(request.POST),
        )
        if form.is_valid():
            return redirect(_after(preview, number))
    else:
        form = steps.step_form(group)
    previous = preview.schema.previous_group(number)
    context = _context(
        preview,
        number,
        group=group,
        form=form,
        back_url=preview.step_url(previous.number if previous else steps.SUBJECT_STEP),
        action_url=preview.step_url(number),
    )
    return render(request, "send/form/step.html", context)


@previewer_only
def end(request, preview):
    admin_url = reverse("send_forms:build", args=[preview.pk])
    return render(request, "send/form/preview_end.html", {"admin_url": admin_url})
