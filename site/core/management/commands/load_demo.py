from django.core.management.base import BaseCommand

from api.demo import DEMO_CLIENT, demo_token
from core.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo council (idempotent: existing content is left as it is)."

    def handle(self, *args, **options):
        sign_ins = load_demo()
        if options["verbosity"] == 0:
            return
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        self.stdout.write("  Sign-ins (email / password; secret question: answer):")
        for email, password, question, answer in sign_ins:
            self.stdout.write(f"  {email} / {password}\n      {question} {answer}")
        self.stdout.write(f"  API token of {DEMO_CLIENT} (all scopes): {demo_token()}")
