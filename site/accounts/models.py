from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.plugins import CITIZEN, PROFESSIONAL

STAFF = "staff"
KINDS = [(CITIZEN, _("Citizen")), (PROFESSIONAL, _("Professional")), (STAFF, _("Council staff"))]

# Verification of professional accounts by the council.
NOT_NEEDED, PENDING, VERIFIED, REJECTED = "not_needed", "pending", "verified", "rejected"
VERIFICATION_STATES = [
    (NOT_NEEDED, _("Not needed")),
    (PENDING, _("Awaiting verification")),
    (VERIFIED, _("Verified")),
    (REJECTED, _("Rejected")),
]

# The titles a user may give (or none): announcements greet them with it ("{Title}"). Welsh
# uses the same words, but each is translatable so a council could change them.
TITLES = [
    ("Mr", _("Mr")),
    ("Mrs", _("Mrs")),
    ("Miss", _("Miss")),
    ("Ms", _("Ms")),
    ("Mx", _("Mx")),
    ("Dr", _("Dr")),
]

SECRET_QUESTIONS = [
    ("first_school", _("What was the name of your first school?")),
    ("birth_town", _("In which town or city were you born?")),
    ("first_pet", _("What was the name of your first pet?")),
    ("favourite_teacher", _("What was the surname of your favourite teacher?")),
    ("childhood_street", _("What was the name of the street you grew up on?")),
]


def normalise_answer(answer):
    """Secret answers are compared without case or extra spaces."""
    return " ".join((answer or "").split()).casefold()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, kind=STAFF)
        extra_fields.setdefault("email_confirmed_at", timezone.now())
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A portal user. The email address is the username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    title = models.CharField(_("title"), max_length=4, choices=TITLES, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=CITIZEN)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    email_confirmed_at = models.DateTimeField(_("email address confirmed"), null=True, blank=True)

    address_line_1 = models.CharField(_("address line 1"), max_length=100, blank=True)
    address_line_2 = models.CharField(_("address line 2"), max_length=100, blank=True)
    town = models.CharField(_("town or city"), max_length=60, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    home_phone = models.CharField(_("home phone"), max_length=20, blank=True)
    mobile_phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    work_phone = models.CharField(_("work phone"), max_length=20, blank=True)

    secret_question = models.CharField(
        _("secret question"), max_length=40, choices=SECRET_QUESTIONS, blank=True
    )
    secret_answer = models.CharField(_("secret answer"), max_length=128, blank=True)

    professional_role = models.CharField(_("role"), max_length=100, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    work_address = models.TextField(_("work address"), max_length=300, blank=True)
    verification_state = models.CharField(
        _("verification"), max_length=20, choices=VERIFICATION_STATES, default=NOT_NEEDED
    )
    verification_note = models.TextField(_("verification note"), blank=True)
    verified_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_council_staff(self):
        """Council staff work in the admin, not on the portal: an account of the staff kind,
        or any account with Django's staff flag (superusers made by createsuperuser)."""
        return self.is_staff or self.kind == STAFF

    @property
    def is_professional(self):
        return self.kind == PROFESSIONAL

    @property
    def is_verified_professional(self):
        return self.kind == PROFESSIONAL and self.verification_state == VERIFIED

    def set_secret_answer(self, answer):
        self.secret_answer = make_password(normalise_answer(answer))

    def check_secret_answer(self, answer):
        return bool(self.secret_answer) and check_password(
            normalise_answer(answer), self.secret_answer
        )


class PasswordHistory(models.Model):
    """Hashes of a user's earlier passwords, so a new one can differ from the last few."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"


# --- registration: email confirmation and the local address table ---


class EmailConfirmation(models.Model):
    """One emailed code and link that confirm a new account's email address.

    Both the 6-digit code and the link's token are stored hashed; the rules (expiry, single
    use, attempt limit) live in accounts.confirmation.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="email_confirmations")
    code_hash = models.CharField(max_length=128)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"


class PostcodeAddress(models.Model):
    """An address in the council's own lookup table, loaded with `manage.py load_addresses`."""

    postcode = models.CharField(_("postcode"), max_length=10, db_index=True)
    address_line_1 = models.CharField(_("address line 1"), max_length=100)
    address_line_2 = models.CharField(_("address line 2"), max_length=100, blank=True)
    town = models.CharField(_("town or city"), max_length=60)

    class Meta:
        verbose_name = _("postcode address")
        verbose_name_plural = _("postcode addresses")
        ordering = ["postcode", "address_line_1", "address_line_2"]
        constraints = [
            models.UniqueConstraint(
                fields=["postcode", "address_line_1", "address_line_2", "town"],
                name="unique_postcode_address",
            )
        ]

    def __str__(self):
        return ", ".join(
            part
            for part in (self.address_line_1, self.address_line_2, self.town, self.postcode)
            if part
        )


# --- staff administration and invitations ---

INVITATION_LIFETIME = timezone.timedelta(days=30)
INVITATION_STATUSES = [
    ("open", _("Waiting for the recipient")),
    ("accepted", _("Accepted")),
    ("expired", _("Expired")),
    ("cancelled", _("Cancelled")),
]


def _invitation_expiry():
    return timezone.now() + INVITATION_LIFETIME


class Invitation(models.Model):
    """The SEND team's invitation to a parent or carer: an email with a code that the
    recipient enters, signed in, to link their account to the child it names."""

    email = models.EmailField(_("email address"))
    code = models.CharField(_("code"), max_length=32, unique=True, editable=False)
    # Free text for now: the SEND plugin links an accepted invitation to its own record.
    child_name = models.CharField(_("child's name"), max_length=150)
    language = models.CharField(
        _("language of the email"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"), default=_invitation_expiry)
    accepted_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_invitations",
        editable=False,
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        # The staff administration permissions live here because User's own model
        # permissions belong to Wagtail's Users area.
        permissions = [
            ("manage_portal_users", _("Can manage portal users")),
            ("verify_professionals", _("Can verify professional accounts")),
        ]

    def __str__(self):
        return f"{self.email} ({self.child_name})"

    @property
    def status(self):
        """One of INVITATION_STATUSES: what has become of the invitation."""
        if self.accepted_at:
            return "accepted"
        if self.cancelled_at:
            return "cancelled"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    def get_status_display(self):
        return dict(INVITATION_STATUSES)[self.status]


# --- sign in ---


class TwoFactorLock(models.Model):
    """A user's two-step verification limits: wrong codes in a row (and the lock they cause)
    and how many codes were emailed in the current hour."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor_lock")
    failures = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    codes_sent = models.PositiveSmallIntegerField(default=0)
    codes_window_started_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} ({self.failures})"

    def is_locked(self, now=None):
        return bool(self.locked_until and self.locked_until > (now or timezone.now()))
