"""Form definitions: the editable working copy (definition, numbered question groups, ordered
questions) and the immutable published versions that submissions point at."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .questions import Question, clean_code

FIRST_GROUP_NUMBER = 2  # group 1 is the automatic "Subject details" step

validate_form_code = RegexValidator(
    r"^[A-Z0-9_-]+$",
    _("Use only capital letters, digits, hyphens and underscores, with no spaces."),
    code="invalid_code",
)


class PortalType(models.TextChoices):
    CITIZEN = "citizen", _("Citizen portal")
    PROFESSIONAL = "professional", _("Professional portal")


class UserType(models.TextChoices):
    PARENT_CARER = "parent_carer", _("Parent or carer")
    YOUNG_PERSON = "young_person", _("Young person")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class FormDefinitionQuerySet(models.QuerySet):
    def available(self):
        """Forms the portal offers: switched live and with a published version."""
        return self.filter(live=True, live_version__isnull=False)


class FormDefinition(models.Model):
    """A SEND form as the SEND team builds it. Its groups and questions are the draft; the
    portal only ever shows ``live_version``, a snapshot made by publishing."""

    code = models.CharField(
        _("form definition code"), max_length=30, unique=True, validators=[validate_form_code]
    )
    title_en = models.CharField(_("title (English)"), max_length=255)
    title_cy = models.CharField(_("title (Welsh)"), max_length=255, blank=True)
    guidance_en = models.TextField(
        _("guidance notes (English)"),
        blank=True,
        help_text=_("Shown on the form's introduction and printouts. Markdown is allowed."),
    )
    guidance_cy = models.TextField(_("guidance notes (Welsh)"), blank=True)
    subtitle = models.CharField(
        _("subtitle"), max_length=255, blank=True, help_text=_("For staff; not shown.")
    )
    description = models.TextField(
        _("form description"), blank=True, help_text=_("For staff; not shown.")
    )
    portal_type = models.CharField(_("portal type"), max_length=12, choices=PortalType.choices)
    user_type = models.CharField(
        _("portal user type"),
        max_length=14,
        choices=UserType.choices,
        default=UserType.NOT_APPLICABLE,
        help_text=_("Only for the citizen portal."),
    )
    live = models.BooleanField(
        _("live"), default=False, help_text=_("Only live forms are offered on the portal.")
    )
    live_version = models.ForeignKey(
        "FormVersion",
        verbose_name=_("published version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    has_draft_changes = models.BooleanField(default=True, editable=False)
    # Who may read the form's approved copies on a child's chronology. It does not narrow
    # the submitted forms list, so nothing arriving at the council is missed.
    chronology_groups = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("groups who may see this form on a chronology"),
        blank=True,
        related_name="send_chronology_forms",
        help_text=_(
            "Left empty, every member of staff who may review submitted forms sees it on a "
            "child's chronology. The submitted forms list always shows every form."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FormDefinitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("form definition")
        verbose_name_plural = _("form definitions")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.title_en}"

    def clean(self):
        self.code = clean_code(self.code)
        if self.portal_type == PortalType.PROFESSIONAL:
            self.user_type = UserType.NOT_APPLICABLE
        elif self.portal_type == PortalType.CITIZEN and self.user_type == UserType.NOT_APPLICABLE:
            raise ValidationError(
                {"user_type": _("Choose parent or carer, or young person, for a citizen form.")}
            )

    def save(self, *args, **kwargs):
        self.code = clean_code(self.code)
        super().save(*args, **kwargs)


class QuestionGroup(models.Model):
    """One step (page) of a form."""

    form = models.ForeignKey(FormDefinition, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField(
        _("number on form"),
        help_text=_(
            "Steps are shown in this order, starting from 2: step 1 is always the "
            "subject's details."
        ),
    )
    name_en = models.CharField(_("group name (English)"), max_length=300)
    name_cy = models.CharField(_("group name (Welsh)"), max_length=300, blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    guidance_cy = models.TextField(_("guidance (Welsh)"), blank=True)
    repeating = models.BooleanField(
        _("the group repeats"),
        default=False,
        help_text=_('People can add the group\'s questions again with "Add more".'),
    )

    class Meta:
        verbose_name = _("question group")
        verbose_name_plural = _("question groups")
        ordering = ["number", "pk"]

    def __str__(self):
        return f"{self.number}. {self.name_en}"

    def clean(self):
        if self.number is not None and self.number < FIRST_GROUP_NUMBER:
            raise ValidationError(
                {"number": _("Numbers start from 2: step 1 is always the subject's details.")}
            )


class GroupQuestion(models.Model):
    """A question placed in a group. ``form`` is repeated here so the database itself
    refuses the same question twice on one form."""

    form = models.ForeignKey(FormDefinition, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(QuestionGroup, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="placements")
    sort_order = models.PositiveIntegerField(default=0)
    # Asked only when an earlier question of the form has one of ``shown_when_values``
    # (see ``plugins.send.builder.conditions`` for the rules).
    shown_when = models.ForeignKey(
        Question,
        verbose_name=_("shown only when this question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    shown_when_values = models.JSONField(_("has one of these answers"), default=list, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["form", "question"], name="send_question_once_per_form")
        ]

    def save(self, *args, **kwargs):
        self.form_id = self.group.form_id
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.group_id}: {self.question_id}"


class ImmutableVersion(Exception):
    pass


class FormVersion(models.Model):
    """A published, never-changing snapshot of a form: ``schema`` holds every word in both
    languages and every question's rules (format in ``plugins.send.builder.schema``)."""

    form = models.ForeignKey(FormDefinition, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    schema = models.JSONField()
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    questions = models.ManyToManyField(Question, through="VersionQuestion", related_name="+")

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["form", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["form", "number"], name="send_version_number_per_form")
        ]

    def __str__(self):
        return f"{self.form.code} v{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableVersion("A published form version cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableVersion("A published form version cannot be deleted.")


class VersionQuestion(models.Model):
    """Which bank questions a published version uses: this is what locks a question."""

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "question"], name="send_version_question")
        ]

    def __str__(self):
        return f"{self.version_id}: {self.question_id}"
