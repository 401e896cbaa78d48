from django.core.management.base import BaseCommand

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
