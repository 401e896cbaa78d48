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
