"""The registration steps: one question group per page, answers kept in the session."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from core.texts import optional_text
from portal.access import public
from portal.plugins import CITIZEN, PROFESSIONAL

from .. import registration
from ..addresses import find_addresses
from ..forms_registration import (
    AccountForm,
    AddressChoiceForm,
    ManualAddressForm,
    NameForm,
    PhoneForm,
    PostcodeForm,
    ProfessionalAccountForm,
    SecretForm,
    StartForm,
    WorkForm,
)
from ..models import SECRET_QUESTIONS
from ..names import titled_name


class StartView(FormView):
    """The first Register page: a citizen or a professional account."""

    form_class = StartForm
    template_name = "accounts/registration/start.html"

    def get_initial(self):
        current = registration.answers(self.request.session)
        return {"professional": current.get("kind") == PROFESSIONAL}

    def form_valid(self, form):
        kind = PROFESSIONAL if form.cleaned_data["professional"] else CITIZEN
        registration.start(self.request.session, kind)
        return redirect("accounts:register_name")


def start_professional(request):
    """The professional registration link: the same steps with the professional questions."""
    registration.start(request.session, PROFESSIONAL)
    return redirect("accounts:register_name")


class StepMixin:
    """A registration page: needs a started registration and, when a consent provider is
    installed, consent first."""

    step = None

    def dispatch(self, request, *args, **kwargs):
        self.current = registration.answers(request.session)
        if "kind" not in self.current:
            return redirect("accounts:register")
        consent_url = registration.consent_redirect(request, request.get_full_path())
        if consent_url:
            return redirect(consent_url)
        if self.step != "check" and self.step not in registration.steps_for(self.current):
            return redirect("accounts:register_name")
        return super().dispatch(request, *args, **kwargs)

    def back_url(self):
        previous = registration.previous_step(self.current, self.step)
        if previous == "start":
            return reverse("accounts:register")
        return registration.step_url(self.current, previous)

    @property
    def page_key(self):
        return f"account.registration.{self.step}"

    def get_context_data(self, **kwargs):
        intro_key = f"{self.page_key}.intro"
        return super().get_context_data(
            page_key=self.page_key,
            intro_key=intro_key if optional_text(intro_key) else None,
            back_url=self.back_url(),
            professional=self.current["kind"] == PROFESSIONAL,
            **kwargs,
        )


class StepView(StepMixin, FormView):
    template_name = "accounts/registration/step.html"

    def get_initial(self):
        return dict(self.current.get(self.step, {}))

    def step_data(self, form):
        return form.cleaned_data

    def form_valid(self, form):
        registration.save_step(self.request.session, self.step, self.step_data(form))
        return redirect(self.next_url())

    def next_url(self):
        current = registration.answers(self.request.session)
        step = registration.next_step(current, self.step)
        if step == "check":
            return reverse("accounts:register_check")
        return registration.step_url(current, step)


class NameView(StepView):
    step = "name"
    form_class = NameForm


class WorkView(StepView):
    step = "work"
    form_class = WorkForm


class PostcodeView(StepView):
    step = "postcode"
    form_class = PostcodeForm
    template_name = "accounts/registration/postcode.html"


class ChooseAddressView(StepView):
    """The addresses found for the postcode, or none, with the way to type the address."""

    step = "address"
    form_class = AddressChoiceForm
    template_name = "accounts/registration/choose_address.html"

    def dispatch(self, request, *args, **kwargs):
        if "postcode" not in registration.answers(request.session):
            return redirect("accounts:register_postcode")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def postcode(self):
        return self.current["postcode"]["postcode"]

    @cached_property
    def addresses(self):
        return find_addresses(self.postcode)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "addresses": self.addresses}

    def get_initial(self):
        chosen = self.current.get("address", {})
        for index, address in enumerate(self.addresses):
            if not chosen.get("manual") and address.as_dict().items() <= chosen.items():
                return {"address": index}
        return {}

    def step_data(self, form):
        return {**self.addresses[form.cleaned_data["address"]].as_dict(), "manual": False}

    def get_context_data(self, **kwargs):
        return super().get_context_data(postcode=self.postcode, addresses=self.addresses, **kwargs)


class ManualAddressView(StepView):
    step = "address"
    page_key = "account.registration.manual"
    form_class = ManualAddressForm
    template_name = "accounts/registration/manual_address.html"

    def get_initial(self):
        chosen = self.current.get("address")
        if chosen and chosen.get("manual"):
            return dict(chosen)
        return {"postcode": self.current.get("postcode", {}).get("postcode", "")}

    def step_data(self, form):
        return {**form.cleaned_data, "manual": True}

    def back_url(self):
        if "postcode" in self.current:
            return reverse("accounts:register_address")
        return reverse("accounts:register_postcode")


class PhoneView(StepView):
    step = "phone"
    form_class = PhoneForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.current["kind"] == PROFESSIONAL:
            del form.fields["work_phone"]  # asked with the work details
        return form


class AccountView(StepView):
    """Email address and password; the password goes into the session hashed."""

    step = "account"

    def get_form_class(self):
        if self.current["kind"] == PROFESSIONAL:
            return ProfessionalAccountForm
        return AccountForm

    def get_initial(self):
        return {"email": self.current.get("account", {}).get("email", "")}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": registration.unsaved_user(self.current),
            "password_kept": "password_hash" in self.current.get("account", {}),
        }

    def step_data(self, form):
        password = form.cleaned_data["password"]
        kept = self.current.get("account", {}).get("password_hash")
        return {
            "email": form.cleaned_data["email"],
            "password_hash": make_password(password) if password else kept,
        }


class SecretView(StepView):
    """Secret question and answer; the answer goes into the session hashed."""

    step = "secret"
    form_class = SecretForm

    def get_initial(self):
        return {"secret_question": self.current.get("secret", {}).get("secret_question")}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["answer_kept"] = "secret_answer_hash" in self.current.get("secret", {})
        return kwargs

    def step_data(self, form):
        answer = form.cleaned_data["secret_answer"]
        answer_hash = self.current.get("secret", {}).get("secret_answer_hash")
        if answer:
            holder = get_user_model()()
            holder.set_secret_answer(answer)
            answer_hash = holder.secret_answer
        return {
            "secret_question": form.cleaned_data["secret_question"],
            "secret_answer_hash": answer_hash,
        }


class CheckAnswersView(StepMixin, TemplateView):
    """ "Check your answers", then the account is created and the confirmation emailed."""

    step = "check"
    template_name = "accounts/registration/check_answers.html"

    def get(self, request, *args, **kwargs):
        if not registration.is_complete(self.current):
            return redirect(self.first_missing_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not registration.is_complete(self.current):
            return redirect(self.first_missing_url())
        request.session["registration_email"] = registration.register(request)
        return redirect("accounts:confirm_email")

    def first_missing_url(self):
        return registration.step_url(self.current, registration.next_step(self.current, None))

    def get_context_data(self, **kwargs):
        current = self.current

        def change(step):
            return registration.step_url(current, step)

        name = current["name"]
        return super().get_context_data(
            answers=current,
            name=titled_name(name.get("title", ""), name["first_name"], name["last_name"]),
            secret_question=dict(SECRET_QUESTIONS).get(current["secret"]["secret_question"]),
            change={step: change(step) for step in registration.steps_for(current)},
            phone_numbers=[number for number in current["phone"].values() if number],
            **kwargs,
        )


urlpatterns = [
    public(path("register/", StartView.as_view(), name="register")),
    public(path("register/professional/", start_professional, name="register_professional")),
    public(path("register/name/", NameView.as_view(), name="register_name")),
    public(path("register/work/", WorkView.as_view(), name="register_work")),
    public(path("register/postcode/", PostcodeView.as_view(), name="register_postcode")),
    public(path("register/address/", ChooseAddressView.as_view(), name="register_address")),
    public(
        path(
            "register/address/manual/", ManualAddressView.as_view(), name="register_address_manual"
        )
    ),
    public(path("register/phone/", PhoneView.as_view(), name="register_phone")),
    public(path("register/account/", AccountView.as_view(), name="register_account")),
    public(path("register/security-question/", SecretView.as_view(), name="register_secret")),
    public(path("register/check/", CheckAnswersView.as_view(), name="register_check")),
]
