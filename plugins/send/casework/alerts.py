"""Alerts about a child's case, when the messaging plugin is installed.

SEND announces every change of a portal sharing or information requested row as
``portal.events.case_record_changed`` (the fields whose value changed), and registers with
messaging, through the app registry (never importing it), the two contexts trigger alerts
may watch and the named conditions scheduled alerts may ask. Each record or row is given as
the fields of messaging's ``CaseRecord``: the case placeholders, the users authenticated on
the child's case (the only ones a message about it may reach), the person it is about and a
one-line summary."""

from datetime import timedelta

from django.apps import apps
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import events

from ..models import Action, InformationRequest, Involvement, PortalSharing, Submission
from ..models.submissions import Status
from .case.messages import KIND as CHILD
from .involvements.authentication import authenticated_users
from .involvements.statutory import case_timeline

PORTAL_SHARING = "send.portal_sharing"
INFORMATION_REQUESTED = "send.information_requested"
# The fields whose change an alert may watch, per model.
WATCHED = {
    PortalSharing: (
        PORTAL_SHARING,
        (
            "state",
            "authentication_reason",
            "role",
            "user_type",
            "parental_responsibility",
            "shared_on_professional_portal",
        ),
    ),
    InformationRequest: (
        INFORMATION_REQUESTED,
        ("requested", "due_on", "notified_on", "received_on", "send_reminders", "role", "user"),
    ),
}
REVIEW_PROCESSES = ("england_annual_review", "wales_idp_review")


# -- announcing changes -----------------------------------------------------------------------


def _attnames(model):
    return [model._meta.get_field(name).attname for name in WATCHED[model][1]]


def _remember(sender, instance, raw=False, **kwargs):
    """pre_save: the watched values as stored, to tell afterwards which ones changed."""
    if raw or instance.pk is None:
        instance._alert_before = None
        return
    instance._alert_before = (
        sender.objects.filter(pk=instance.pk).values(*_attnames(sender)).first()
    )


def _announce(sender, instance, created, raw=False, **kwargs):
    """post_save: announce the changed watched fields after the commit (all of them for a
    new row)."""
    if raw:
        return
    context, names = WATCHED[sender]
    before = getattr(instance, "_alert_before", None)
    changed = [
        name
        for name, attname in zip(names, _attnames(sender), strict=True)
        if created or before is None or before[attname] != getattr(instance, attname)
    ]
    if changed:
        events.send_after_commit(
            events.case_record_changed,
            sender,
            context=context,
            pk=instance.pk,
            changed=frozenset(changed),
        )


def connect():
    """For ``SendConfig.ready()``."""
    for model in WATCHED:
        pre_save.connect(_remember, sender=model, dispatch_uid=f"send_alerts_before_{model}")
        post_save.connect(_announce, sender=model, dispatch_uid=f"send_alerts_after_{model}")
    register_with_messaging()


# -- what an alert sees of a record -----------------------------------------------------------


def _record(involvement, summary, person=None, **values):
    child = involvement.child_record
    caseworker = involvement.caseworker
    return {
        "values": {
            "child": child.full_name,
            "caseworker": caseworker.get_full_name() if caseworker else "",
            **values,
        },
        "audience": list(authenticated_users(child)),
        "summary": format_lazy("{}: {}", child.full_name, summary),
        "person": person,
        "about_kind": CHILD,
        "about_id": child.pk,
    }


def _title(form):
    """A form's title in both languages, for the recipient's (the placeholder {form})."""
    return {"en": form.title_en, "cy": form.title_cy or form.title_en} if form else ""


def _day(value):
    return value.strftime("%d/%m/%Y")


def _in_language(title):
    """A form's title (``_title``) in the active language, worked out when it is shown."""
    return title.get((get_language() or "en")[:2], title["en"]) if title else ""


_title_in_language = lazy(_in_language, str)


def sharing_record(pk):
    sharing = (
        PortalSharing.objects.select_related(
            "user", "involvement__child_record", "involvement__caseworker"
        )
        .filter(pk=pk)
        .first()
    )
    if sharing is None:
        return None
    summary = format_lazy(
        "{} ({})",
        sharing.user.get_full_name() or sharing.email,
        PortalSharing.State(sharing.state).label,
    )
    return _record(sharing.involvement, summary, person=sharing.user)


def _request_row(request):
    return _record(
        request.involvement,
        format_lazy(_("{what} (due {day})"), what=request.requested[:80], day=_day(request.due_on)),
        person=request.user,
        form=_title(request.form),
        due_date=request.due_on,
    )


def _requests():
    return InformationRequest.objects.select_related(
        "user", "form", "involvement__child_record", "involvement__caseworker"
    )


def information_record(pk):
    request = _requests().filter(pk=pk).first()
    return _request_row(request) if request else None


# -- conditions of scheduled alerts -----------------------------------------------------------


def overdue_information(parameters, today):
    """Information requested on an open involvement, due before today, not received."""
    rows = _requests().overdue(today).filter(involvement__status=Involvement.Status.OPEN)
    return [_request_row(request) for request in rows]


def actions_due(parameters, today):
    """Forms the council asked for, still to complete, due within N days (or overdue)."""
    until = today + timedelta(days=parameters["days"])
    actions = (
        Action.objects.open()
        .filter(due_on__lte=until, involvement__status=Involvement.Status.OPEN)
        .select_related("user", "form", "involvement__child_record", "involvement__caseworker")
    )
    return [
        _record(
            action.involvement,
            format_lazy(
                _("{what} (due {day})"),
                what=_title_in_language(_title(action.form)),
                day=_day(action.due_on),
            ),
            person=action.user,
            form=_title(action.form),
            due_date=action.due_on,
        )
        for action in actions
    ]


def annual_reviews_due(parameters, today):
    """Open annual reviews whose current stage is due within N weeks."""
    until = today + timedelta(weeks=parameters["weeks"])
    reviews = Involvement.objects.open().filter(process__in=REVIEW_PROCESSES)
    rows = []
    for involvement in reviews.select_related("child_record", "caseworker"):
        current = next((s for s in case_timeline(involvement, today) if s.is_current), None)
        if current and current.due and current.due <= until:
            rows.append(
                _record(
                    involvement,
                    format_lazy(_("annual review due {day}"), day=_day(current.due)),
                    due_date=current.due,
                )
            )
    return rows


def untouched_forms(parameters, today):
    """Forms in progress about a child on the register, unchanged for N days."""
    before = timezone.now() - timedelta(days=parameters["days"])
    drafts = Submission.objects.filter(
        status=Status.DRAFT, updated_at__lt=before, person__child_record__isnull=False
    ).select_related("created_by", "version__form", "person__child_record")
    rows = []
    for draft in drafts:
        involvement = (
            Involvement.objects.open()
            .filter(child_record=draft.person.child_record)
            .select_related("child_record", "caseworker")
            .first()
        )
        if involvement is not None:
            summary = format_lazy(
                _("{what} (last changed {day})"),
                what=_title_in_language(_title(draft.version.form)),
                day=_day(timezone.localdate(draft.updated_at)),
            )
            rows.append(
                _record(
                    involvement, summary, person=draft.created_by, form=_title(draft.version.form)
                )
            )
    return rows


def _labels(model):
    return {name: capfirst(model._meta.get_field(name).verbose_name) for name in WATCHED[model][1]}


def register_with_messaging():
    """Nothing when messaging is not installed."""
    if not apps.is_installed("plugins.messaging"):
        return
    messaging = apps.get_app_config("messaging")
    messaging.register_alert_context(
        PORTAL_SHARING,
        label=_("Involvements – portal sharing"),
        fields=_labels(PortalSharing),
        record=sharing_record,
    )
    messaging.register_alert_context(
        INFORMATION_REQUESTED,
        label=_("Involvements – information requested"),
        fields=_labels(InformationRequest),
        record=information_record,
    )
    days = {"name": "days", "label": _("Number of days"), "default": 7}
    for key, label, rows, parameters in [
        (
            "send.information_overdue",
            _("Information requested, due before today, not received"),
            overdue_information,
            (),
        ),
        ("send.actions_due", _("Action to complete due within N days"), actions_due, (days,)),
        (
            "send.annual_reviews_due",
            _("Annual review due within N weeks"),
            annual_reviews_due,
            ({"name": "weeks", "label": _("Number of weeks"), "default": 4},),
        ),
        (
            "send.forms_untouched",
            _("Form in progress untouched for N days"),
            untouched_forms,
            ({**days, "default": 28},),
        ),
    ]:
        messaging.register_alert_condition(key, label=label, rows=rows, parameters=parameters)
