"""Completing a form: the person's forms page, start, the task list, step 1 (subject
details), each step with save and resume, check your answers, submit, the confirmation,
the read-only view of a submitted form, file downloads and reopening.

Every lookup asks ``portal.access``: another family's ids give 404."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.views.decorators.http import require_POST

from core.texts import raw_text
from portal import access

from ..access import send_user_required
from ..builder.schema import FormSchema, current_language
from ..casework import sharing
from ..casework.delegation.portal import task_of
from ..models import SubmissionFile
from ..models.questions import UPLOAD_TYPES
from ..models.submissions import Status
from ..people.views import PersonView
from . import details, professionals, services, steps, uploads
from .answers import file_description, load_answers
from .fields import UploadAnswer
from .forms import DeclarationsForm, ReopenForm
from .summary import summary_sections


def _schema(submission):
    return FormSchema(submission.version.schema)


def _draft_or_view(submission):
    """Pages that change a form redirect to its read-only view once it is submitted."""
    if submission.status != Status.DRAFT or services.needs_professional_details(submission):
        return redirect("send:submission", pk=submission.pk)
    return None


def _step_url(submission, number):
    if number == steps.SUBJECT_STEP:
        return reverse("send:subject", args=[submission.pk])
    return reverse("send:step", args=[submission.pk, number])


def _step_links(submission):
    """``_step_url`` for every step of a task list from two reverses, not one per step: the
    URL resolver is a large share of a step page's time."""
    subject = _step_url(submission, steps.SUBJECT_STEP)
    prefix = reverse("send:step", args=[submission.pk, 1]).removesuffix("1/")
    return lambda number: subject if number == steps.SUBJECT_STEP else f"{prefix}{number}/"


def _context(submission, schema, current=None, answers=None, **context):
    statuses = {
        n: steps.COMPLETED if done else steps.NOT_STARTED if done is None else steps.IN_PROGRESS
        for n, done in services.step_progress(submission, schema, answers).items()
    }
    return {
        "submission": submission,
        "schema": schema,
        "title_prefix": steps.title_prefix(),
        "task_list": steps.task_list(schema, _step_links(submission), statuses, current),
        # A delegated task's form shows the task's header (the child, who sent it) on each page.
        "task": task_of(submission),
        **context,
    }


@require_POST
@send_user_required
def start(request, person):
    """Start from the person's forms page: continues the user's draft of the form if any.
    A second copy of a form already sent for the child and not yet decided is only started
    once the user has said they are sure."""
    link = access.get_or_404(request.user, "send.person_link", person_id=person)
    form = get_object_or_404(
        services.available_forms(request.user, link), code=request.POST.get("form")
    )
    earlier = services.submitted_before(request.user, link.person, form).first()
    if (
        earlier
        and request.POST.get("sure") != "yes"
        and not services.has_draft(request.user, link.person, form)
    ):
        return details.confirm_start_again(request, link, form, earlier)
    submission = services.start(request.user, link.person, form)
    return redirect("send:submission", pk=submission.pk)


@send_user_required
def submission(request, pk):
    """A draft's introduction and task list; a submitted form's answers (read only)."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    schema = _schema(submission)
    if submission.status == Status.DRAFT and services.needs_professional_details(submission):
        return redirect("send:professional", pk=submission.pk)
    # A delegated task's form leads back to its task: its holder has no link to the child.
    task = task_of(submission)
    if task:
        back_url, back_text = reverse("send:task", args=[task.pk]), "send.back"
    else:
        back_url = reverse("send:person", args=[submission.person_id])
        back_text = "send.submitted.back"
    if submission.status == Status.DRAFT:
        context = _context(
            submission,
            schema,
            start_url=_step_url(submission, services.first_unsaved_step(submission, schema)),
            check_url=reverse("send:check", args=[submission.pk]),
            back_url=back_url,
        )
        return render(request, "send/filling/overview.html", context)
    return render(
        request,
        "send/filling/submitted.html",
        {
            "submission": submission,
            "schema": schema,
            "back_url": back_url,
            "back_text": back_text,
            "title_prefix": steps.title_prefix(),
            "sections": _summary(submission, schema, load_answers(submission)),
            "may_reopen": services.may_reopen(submission, request.user),
            "submitted_on": formats.date_format(
                timezone.localtime(submission.submitted_at), "j F Y"
            ),
        },
    )


@send_user_required
def subject(request, pk):
    """Step 1: the person the form is about, to check before the council's questions."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    response = _draft_or_view(submission)
    if response:
        return response
    schema = _schema(submission)
    if request.method == "POST":
        services.confirm_subject(submission, request.user)
        first = schema.groups[0] if schema.groups else None
        if request.GET.get("return") == "check" or first is None:
            return redirect("send:check", pk=submission.pk)
        return redirect("send:step", pk=submission.pk, number=first.number)
    context = _context(
        submission,
        schema,
        steps.SUBJECT_STEP,
        person=submission.person,
        correct_url=(
            reverse("send:correct_child", args=[submission.pk])
            if details.correction_link(request.user, submission)
            else None
        ),
        back_url=reverse("send:submission", args=[submission.pk]),
    )
    return render(request, "send/filling/subject.html", context)


def _initial(answers, group, repeat_count):
    """Saved answers for the step's form; a file question's is the stored file's name."""
    initial = {}
    for index in range(repeat_count if group.repeating else 1):
        for question in group.questions:
            value = answers.value(question.code, index)
            if value is None:
                continue
            if question.data_type in UPLOAD_TYPES:
                value = answers.display(question, index)
            initial[index, question.code] = value
    return initial


def _loaded_revision(request):
    try:
        return int(request.POST.get("revision", 0))
    except ValueError:
        return 0


def _saved_form(group, answers):
    count = answers.repeat_count(group.number)
    return steps.step_form(
        group, initial=_initial(answers, group, count), repeat_count=count, answered=answers.value
    )


@send_user_required
def step(request, pk, number):
    """One step: "Save and continue" checks and saves it, "Add more"/"Remove" show it again
    with one item more or less, and a save from a stale page is refused with the newer
    answers shown."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    response = _draft_or_view(submission)
    if response:
        return response
    schema = _schema(submission)
    group = schema.group(number)
    if group is None:
        raise Http404
    answers = load_answers(submission)
    stale = False
    if request.method == "POST":
        count = steps.posted_repeat_count(request.POST)
        initial = _initial(answers, group, count)
        form = steps.repeat_button_form(group, request.POST, initial, answered=answers.value)
        if form is None:
            form = steps.step_form(
                group,
                request.POST,
                request.FILES,
                initial=initial,
                repeat_count=count,
                answered=answers.value,
            )
            later = steps.saves_for_later(request.POST)
            try:
                if _save(request, submission, group, form, later):
                    if later:
                        messages.success(
                            request,
                            raw_text(
                                "send.step.saved_for_later", current_language(), step=group.name
                            ),
                        )
                        return redirect("send:submission", pk=submission.pk)
                    following = schema.next_group(number)
                    if request.GET.get("return") == "check" or following is None:
                        return redirect("send:check", pk=submission.pk)
                    return redirect("send:step", pk=submission.pk, number=following.number)
            except services.StaleStep:
                stale = True
                submission.refresh_from_db()
                answers = load_answers(submission)
                form = _saved_form(group, answers)
            else:
                answers = load_answers(submission)  # files accepted on an invalid page
    else:
        form = _saved_form(group, answers)
    previous = schema.previous_group(number)
    context = _context(
        submission,
        schema,
        number,
        answers,
        group=group,
        form=form,
        stale=stale,
        prefilled=[q.label for q in group.questions if answers.is_prefilled(q.code)],
        files=_stored_files(submission, answers, group),
        back_url=_step_url(submission, previous.number if previous else steps.SUBJECT_STEP),
        action_url=request.get_full_path(),
    )
    return render(request, "send/filling/step.html", context)


def _save(request, submission, group, form, later=False):
    """Check and keep the chosen files, then save the step; False when something on the
    page is wrong. Accepted files are kept even then, so nobody uploads them twice.

    ``later`` ("Save and come back later") saves whatever was typed, right or wrong; only a
    refused file stops it, as there is nothing of it to keep."""
    form.is_valid()  # the answers' own checks first; the files' errors join them
    accepted, refused = uploads.accept_uploads(submission, _chosen_files(form), request.user, group)
    for (index, code), error in refused.items():
        form.add_error(steps.field_name(code, index if group.repeating else None), error)
    if refused or (form.errors and not later):
        uploads.attach_files(submission, group, accepted, request.user)
        return False
    answers, unchecked = form.typed_answers() if later else (form.answers(), ())
    services.save_step(
        submission,
        group,
        answers,
        form.repeat_count,
        _loaded_revision(request),
        request.user,
        accepted,
        unchecked=unchecked,
        complete=not form.errors,
    )
    return True


def _chosen_files(form):
    """{(repeat index, code): UploadedFile} for the files chosen on the page for the
    questions it asks (a file under a radio not chosen is not kept)."""
    return {
        (index, question.code): form.files[name]
        for index, question, name in form.asked_places()
        if isinstance(form.fields[name], UploadAnswer) and name in form.files
    }


def _stored_files(submission, answers, group):
    """The step's stored files, each with its download and remove addresses."""
    ids = {
        answers.value(q.code, i)
        for i in range(answers.repeat_count(group.number))
        for q in group.questions
        if q.data_type in UPLOAD_TYPES and answers.value(q.code, i)
    }
    if not ids:
        return []
    return [
        {
            "name": file_description(row.original_name, row.size),
            "url": reverse("send:file", args=[submission.pk, row.pk]),
            "remove_url": reverse("send:remove_file", args=[submission.pk, row.pk]),
        }
        for row in SubmissionFile.objects.filter(submission=submission, pk__in=ids)
    ]


def _summary(submission, schema, answers, change_links=False):
    """The answers grouped by step, with the portal's file and Change links."""

    step_url = _step_links(submission)

    def change_url(number):
        return step_url(number) + "?return=check"

    return summary_sections(
        schema,
        answers,
        file_url=lambda file_pk: reverse("send:file", args=[submission.pk, file_pk]),
        change_url=change_url if change_links else None,
    )


@send_user_required
def check(request, pk):
    """Check your answers, tick both declarations and submit. A delegated task's form is
    submitted from its task's page (Submit contribution), where the task's rules apply."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    response = _draft_or_view(submission)
    if response:
        return response
    task = task_of(submission)
    if task is not None:
        return redirect("send:task", pk=task.pk)
    schema = _schema(submission)
    form = DeclarationsForm(request.POST or None)
    incomplete = []
    if request.method == "POST" and form.is_valid():
        try:
            services.submit(submission, request.user)
        except services.Incomplete as error:
            incomplete = error.steps
        else:
            return redirect("send:confirmation", pk=submission.pk)
    answers = load_answers(submission)
    if not incomplete:
        statuses = services.step_statuses(submission, schema, answers)
        incomplete = [number for number, saved in statuses.items() if not saved]
    step_url = _step_links(submission)
    names = {task.number: task.name for task in steps.task_list(schema, step_url)}
    return render(
        request,
        "send/filling/check.html",
        {
            "submission": submission,
            "schema": schema,
            "form": form,
            "sections": _summary(submission, schema, answers, change_links=True),
            "person": submission.person,
            "professional": (
                professionals.professional_details(submission)
                if submission.created_by.is_professional
                else None
            ),
            "incomplete": [{"name": names[n], "url": step_url(n)} for n in incomplete],
        },
    )


@send_user_required
def confirmation(request, pk):
    """The confirmation page: a replayed or doubled Submit lands here too."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    if submission.status != Status.SUBMITTED:
        return redirect("send:check", pk=submission.pk)
    return render(
        request,
        "send/filling/confirmation.html",
        {"submission": submission, "schema": _schema(submission)},
    )


@send_user_required
def download(request, pk, file):
    """A file of the user's own submission, sent as an attachment."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    upload = access.get_or_404(request.user, "send.submission_file", submission=submission, pk=file)
    return FileResponse(
        upload.file.open("rb"),
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )


@require_POST
@send_user_required
def remove_file(request, pk, file):
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    upload = access.get_or_404(request.user, "send.submission_file", submission=submission, pk=file)
    try:
        uploads.remove_file(submission, upload.pk, request.user)
    except services.NotEditable:
        return redirect("send:submission", pk=submission.pk)
    messages.success(request, raw_text("send.step.file_removed", current_language()))
    return redirect("send:step", pk=submission.pk, number=_group_of(submission, upload))


def _group_of(submission, upload):
    question = _schema(submission).questions.get(upload.question_code)
    return question.group.number if question else services.SUBJECT_STEP


@send_user_required
def reopen(request, pk):
    """A professional reopens a submitted form the council has not opened, giving a reason."""
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    if not services.may_reopen(submission, request.user):
        raise Http404
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reopen(submission, request.user, form.cleaned_data["reason"])
        return redirect("send:submission", pk=submission.pk)
    return render(
        request,
        "send/filling/reopen.html",
        {"submission": submission, "schema": _schema(submission), "form": form},
    )


class PersonFormsView(PersonView):
    """The person's page with their forms: those the user may start (with a search box), the
    user's own drafts and submitted forms for the person, and the forms shared with them."""

    template_name = "send/filling/person.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search = self.request.GET.get("q", "")[:100]
        user = self.request.user
        history = list(services.history(user, self.link.person))
        context.update(
            search=search,
            available=services.forms_on_offer(user, self.link, search),
            in_progress=[s for s in history if s.status == Status.DRAFT],
            submitted=[s for s in history if s.status == Status.SUBMITTED],
            shared=sharing.shared_about(user, self.link.person),
        )
        return context
