"""Creates the load test's parents in one go (bench/loadtest/, scripts/scaleout.sh).

Each parent is an ordinary confirmed citizen account with two-step verification on by email,
exactly as a parent who registered and turned it on: the load test signs in with the password
and the code it reads from the emailed message, so production sign-in is exercised unchanged.
Each parent has declared one child, so the SEND forms are open to them. Bulk inserts and one
password hash shared by all (hashing is deliberately slow) keep 200 parents to a second or two.
"""

import secrets
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from plugins.send.models import PersonLink, PortalPerson

EMAIL = "load-parent-{number}@example.org"


class Command(BaseCommand):
    help = "Create N confirmed parents with two-step verification by email, each with a child."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=200)
        parser.add_argument(
            "--password-file",
            type=Path,
            required=True,
            help="Where to write the parents' password (a new random one each run).",
        )

    @transaction.atomic
    def handle(self, *args, count, password_file, **options):
        User = get_user_model()
        password = f"Load-{secrets.token_urlsafe(12)}-9"
        hashed = make_password(password)
        emails = [EMAIL.format(number=number) for number in range(1, count + 1)]
        User.objects.filter(email__in=emails).delete()
        now = timezone.now()
        users = User.objects.bulk_create(
            User(
                email=email,
                password=hashed,
                first_name="Load",
                last_name=f"Parent {number}",
                kind="citizen",
                email_confirmed_at=now,
            )
            for number, email in enumerate(emails, start=1)
        )
        EmailDevice.objects.bulk_create(
            EmailDevice(user=user, name="Email", confirmed=True) for user in users
        )
        people = PortalPerson.objects.bulk_create(
            PortalPerson(
                forename="Robin",
                surname=user.last_name.replace(" ", ""),
                date_of_birth=date(2016, 5, 4),
                created_by=user,
            )
            for user in users
        )
        PersonLink.objects.bulk_create(
            PersonLink(
                person=person,
                user=user,
                relationship="parent",
                parental_responsibility=True,
                lives_with_user=True,
            )
            for person, user in zip(people, users, strict=True)
        )
        password_file.write_text(password + "\n", encoding="utf-8")
        password_file.chmod(0o600)
        self.stdout.write(f"Created {count} parents ({emails[0]} ... {emails[-1]}).")
