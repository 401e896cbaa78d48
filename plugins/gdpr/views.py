"""The GDPR pages a citizen or professional sees: agreeing to the consent statement when
registering and when a new one is published, their consent history and withdrawing consent.

Every page works on ``request.user`` only; no URL carries an id.
"""

from functools import wraps

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from core.texts import render as render_text
from portal import access

from . import consent_step, services
from .forms import ConsentForm
from .models import MY_ACCOUNT, SIGN_IN


def _safe_next(request, url, default):
    """``url`` when it stays on this site, else ``default``."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


def _home():
    return reverse("wagtail_serve", args=[""])


def _statement_context(statement, language):
    """The statement's words as published, in ``language`` (English when not translated)."""
    words = statement.text_for(language) if statement else {}
    return {
        "statement": statement,
        "statement_html": render_text(words.get("statement", ""), True),
        "agreement": words.get("agreement", ""),
    }


def _consent_page(request, template, statement, on_agreed, **context):
    """The statement with its tick box; ``on_agreed(language)`` answers a valid agreement.

    An answer to another version than the current one (replaced while the page was open,
    or a tampered form) is not agreement: the current statement is shown with a message.
    """
    language = translation.get_language()
    form = ConsentForm(request.POST or None, current=statement, language=language)
    changed = False
    if request.method == "POST":
        if form.answers_another_statement:
            changed = True
            form = ConsentForm(current=statement, language=language)
        elif form.is_valid():
            return on_agreed(language)
    context.update(_statement_context(statement, language), form=form, changed=changed)
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def registration_consent(request):
    """The first page of registering: agree to the statement, then the registration steps."""
    next_url = _safe_next(request, request.GET.get("next"), reverse("accounts:register_name"))
    statement = services.current_statement()
    if statement is None:
        return redirect(next_url)

    def agreed(language):
        consent_step.remember_agreement(request.session, statement, language)
        return redirect(next_url)

    return _consent_page(request, "gdpr/registration_consent.html", statement, agreed)


@login_required
@require_http_methods(["GET", "POST"])
def agree(request):
    """A new statement was published: agree to it (or withdraw) before anything else."""
    next_url = _safe_next(request, request.GET.get("next"), _home())
    if not services.needs_agreement(request.user):
        return redirect(next_url)
    statement = services.current_statement()
    # From the first showing the user has the council's number of days to decide.
    services.note_statement_shown(request.user, statement, translation.get_language())

    def agreed(language):
        try:
            services.record_agreement(request.user, statement, language, SIGN_IN)
        except ValidationError:  # replaced by a newer statement a moment ago
            return redirect(request.get_full_path())
        return redirect(next_url)

    return _consent_page(request, "gdpr/agree.html", statement, agreed)


@login_required
def history(request):
    records = [
        {
            "record": record,
            "language_name": translation.get_language_info(record.language)["name_local"],
            **_statement_context(record.statement, record.language),
        }
        for record in services.history(request.user)
    ]
    return render(request, "gdpr/history.html", {"records": records})


def _may_withdraw(view):
    """Withdrawing consent is for citizens and professionals (the "gdpr.consent_record"
    rule); staff accounts are not closed this way."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.may(request.user, "withdraw", "gdpr.consent_record"):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapped)


@_may_withdraw
def withdraw(request):
    """The current statement, what the user agreed to, and the way to withdraw."""
    context = _statement_context(services.current_statement(), translation.get_language())
    context["agreed"] = services.agreed_statement(request.user)
    return render(request, "gdpr/withdraw.html", context)


@_may_withdraw
@require_http_methods(["GET", "POST"])
def withdraw_confirm(request):
    """The final warning; confirming closes the account and signs the user out."""
    if request.method == "POST":
        try:
            services.withdraw_consent(request.user, translation.get_language(), MY_ACCOUNT)
        except ValidationError:  # no statement was ever published: nothing to withdraw
            return redirect("gdpr:withdraw")
        logout(request)
        return redirect("gdpr:withdrawn")
    return render(request, "gdpr/withdraw_confirm.html")


def withdrawn(request):
    return render(request, "gdpr/withdrawn.html")
