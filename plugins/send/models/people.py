"""Children and young people as portal users declared them, and who may act for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from records.services import Address

FORENAME_MAX = 15
MIDDLE_NAMES_MAX = 25
SURNAME_MAX = 30


class PortalPerson(models.Model):
    """A child or young person declared on the portal. The names' limits are those of the
    council's case system, which the matching plugin copies them into."""

    forename = models.CharField(_("first name"), max_length=FORENAME_MAX)
    middle_names = models.CharField(_("middle names"), max_length=MIDDLE_NAMES_MAX, blank=True)
    surname = models.CharField(_("last name"), max_length=SURNAME_MAX)
    date_of_birth = models.DateField(_("date of birth"))
    # The council's record of this child, once matched (null until then).
    child_record = models.ForeignKey(
        "records.ChildRecord",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portal_people",
        verbose_name=_("child record"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["surname", "forename", "pk"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return " ".join(p for p in (self.forename, self.middle_names, self.surname) if p)

    @property
    def address(self):
        """Where the child lives as the family declared it: the account address of the first
        user who said the child lives with them, or None. Matching compares it with the
        register's current address."""
        link = (
            self.links.filter(lives_with_user=True)
            .exclude(user__address_line_1="")
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if link is None:
            return None
        user = link.user
        return Address.of(user.address_line_1, user.address_line_2, user.town, user.postcode)


class Relationship(models.TextChoices):
    PARENT = "parent", _("Parent")
    CARER = "carer", _("Carer")
    SELF = "self", _("Myself (young person)")
    PROFESSIONAL = "professional", _("Professional")


class PersonLinkQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden=False)


class PersonLink(models.Model):
    """One user's link to one person: how they are related and how they see them."""

    person = models.ForeignKey(PortalPerson, on_delete=models.CASCADE, related_name="links")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="send_people"
    )
    relationship = models.CharField(_("relationship"), max_length=12, choices=Relationship.choices)
    parental_responsibility = models.BooleanField(_("parental responsibility"), default=False)
    lives_with_user = models.BooleanField(_("lives at your address"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    last_active_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = PersonLinkQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "user"], name="send_one_link_per_user")
        ]

    def __str__(self):
        return f"{self.user} → {self.person}"
