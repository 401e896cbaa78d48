"""The child's case: an involvement is one statutory process (an EHC needs assessment, an
annual review; in Wales ALN/IDP) for a child on the council's register, with its key dates,
recorded exceptions, who the council shares it with on the portal and the information it has
asked people for. The rules are in ``casework.involvements``; these models only hold rows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import FormDefinition
from .people import PortalPerson


def staff_users():
    """The accounts a caseworker may be chosen from (as ``User.is_council_staff`` says)."""
    return Q(is_active=True) & (Q(is_staff=True) | Q(kind="staff"))


class InvolvementQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Involvement.Status.OPEN)


class Involvement(models.Model):
    """One statutory process for one child. ``process`` and ``stage`` are codes of a process
    definition (``casework.process``), kept as codes so a council's definitions can change
    their words without touching rows."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    child_record = models.ForeignKey(
        "records.ChildRecord",
        on_delete=models.PROTECT,
        related_name="send_involvements",
        verbose_name=_("child record"),
    )
    process = models.CharField(_("process"), max_length=50)
    stage = models.CharField(_("current stage"), max_length=50, blank=True)
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="send_involvements_held",
        limit_choices_to=staff_users,
        verbose_name=_("caseworker"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_reason = models.TextField(_("reason for closing"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InvolvementQuerySet.as_manager()

    class Meta:
        verbose_name = _("involvement")
        verbose_name_plural = _("involvements")
        ordering = ["-created_at", "-pk"]
        # One permission for the whole area: the council grants casework whole.
        default_permissions = ()
        permissions = [("manage_involvement", _("Can manage children's involvements"))]
        constraints = [
            # A child may have several of a process over the years, one at a time.
            models.UniqueConstraint(
                fields=["child_record", "process"],
                condition=Q(status="open"),
                name="send_one_open_involvement_per_process",
            ),
            models.CheckConstraint(
                condition=Q(status="open", closed_on__isnull=True)
                | Q(status="closed", closed_on__isnull=False),
                name="send_involvement_closed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["caseworker", "status"])]

    def __str__(self):
        return f"{self.process} – {self.child_record.full_name}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class InvolvementDate(models.Model):
    """A key date of the process as it happened (request received, decision to assess…), one
    per code; the deadlines are computed from these."""

    involvement = models.ForeignKey(Involvement, on_delete=models.CASCADE, related_name="dates")
    code = models.CharField(_("date"), max_length=50)
    date = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")
        default_permissions = ()
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["involvement", "code"], name="send_one_date_per_code")
        ]

    def __str__(self):
        return f"{self.code}: {self.date}"


class InvolvementException(models.Model):
    """A legal exception to a time limit (a school closed for four weeks or more…), with the
    period it covers and why."""

    involvement = models.ForeignKey(
        Involvement, on_delete=models.CASCADE, related_name="exceptions"
    )
    reason = models.CharField(_("reason"), max_length=50)
    note = models.TextField(_("note"), blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")
        default_permissions = ()
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="send_exception_ends_after_start",
            )
        ]

    def __str__(self):
        return self.reason


class PortalSharing(models.Model):
    """A portal user the council shares the involvement with. Only an *authenticated* row
    lets its user see the child's SEND information (``casework.involvements.authentication``);
    the reason says why the council decided to share and how it checked who they are."""

    class State(models.TextChoices):
        SHARED = "shared", _("Added, not authenticated")
        AUTHENTICATED = "authenticated", _("Authenticated")
        UNAUTHENTICATED = "unauthenticated", _("Authentication removed")
        REMOVED = "removed", _("Removed")

    involvement = models.ForeignKey(Involvement, on_delete=models.CASCADE, related_name="sharing")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="send_sharing",
        verbose_name=_("portal user"),
    )
    email = models.EmailField(_("portal email address"))
    user_type = models.CharField(_("portal user type"), max_length=20)
    role = models.CharField(_("role or relationship"), max_length=100, blank=True)
    young_person = models.BooleanField(_("young person"), default=False)
    parental_responsibility = models.BooleanField(_("parental responsibility"), default=False)
    shared_on_professional_portal = models.BooleanField(
        _("shared on the professional portal"), default=False
    )
    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.SHARED
    )
    authentication_reason = models.TextField(_("authentication reason"), blank=True)
    authenticated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    authenticated_at = models.DateTimeField(_("authenticated"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("portal sharing")
        verbose_name_plural = _("portal sharing")
        default_permissions = ()
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["involvement", "user"], name="send_share_user_once")
        ]
        indexes = [models.Index(fields=["user", "state"])]

    def __str__(self):
        return f"{self.user} – {self.involvement}"

    @property
    def is_authenticated(self):
        return self.state == self.State.AUTHENTICATED


class InformationRequestQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Asked for, due before ``today`` and not received."""
        today = today or timezone.localdate()
        return self.filter(received_on__isnull=True, due_on__lt=today)


class InformationRequest(models.Model):
    """Information the council asked someone for on the involvement (advice, a report, a
    form). ``send_reminders`` is what the reminder job reads: receiving the information
    turns it off (``casework.involvements.services.received``)."""

    involvement = models.ForeignKey(
        Involvement, on_delete=models.CASCADE, related_name="information_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="send_information_requests",
        verbose_name=_("portal user"),
    )
    person = models.ForeignKey(
        PortalPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name=_("person it concerns"),
    )
    form = models.ForeignKey(
        FormDefinition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name=_("form"),
    )
    role = models.CharField(_("role"), max_length=100, blank=True)
    requested = models.TextField(_("information requested"))
    due_on = models.DateField(_("information due"))
    notified_on = models.DateField(_("notified"), null=True, blank=True)
    received_on = models.DateField(_("information received"), null=True, blank=True)
    send_reminders = models.BooleanField(_("send reminders"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("information requested")
        verbose_name_plural = _("information requested")
        default_permissions = ()
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["received_on", "due_on"])]

    def __str__(self):
        return self.requested[:60]

    @property
    def is_overdue(self):
        return self.received_on is None and self.due_on < timezone.localdate()


class CaseReminder(models.Model):
    """A reminder the daily job sent (``casework.involvements.reminders``): to the caseworker
    about a stage's deadline, or to the person asked for information that is overdue. The
    unique constraints make "sent exactly once" the database's decision, so running the job
    again, or twice at once, sends nothing more."""

    involvement = models.ForeignKey(Involvement, on_delete=models.CASCADE, related_name="reminders")
    information_request = models.ForeignKey(
        InformationRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    stage = models.CharField(_("stage"), max_length=50, blank=True)
    due_on = models.DateField(_("due"))
    sent_on = models.DateField(_("sent"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("case reminder")
        verbose_name_plural = _("case reminders")
        default_permissions = ()
        ordering = ["-sent_on", "pk"]
        constraints = [
            # One reminder per stage deadline (a corrected date makes a new deadline).
            models.UniqueConstraint(
                fields=["involvement", "stage", "due_on"],
                condition=Q(information_request__isnull=True),
                name="send_one_reminder_per_deadline",
            ),
            # At most one reminder a day per information request.
            models.UniqueConstraint(
                fields=["information_request", "sent_on"],
                condition=Q(information_request__isnull=False),
                name="send_one_information_reminder_a_day",
            ),
        ]

    def __str__(self):
        return f"{self.involvement_id} {self.stage or self.information_request_id} {self.sent_on}"
