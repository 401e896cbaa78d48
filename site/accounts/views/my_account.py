"""My account: the hub and the pages where a user changes their own details.

Every view works on ``request.user`` only; no URL here carries an id.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.components import render_component
from core.texts import raw_text
from portal import plugins

from .. import my_account
from ..forms_my_account import ContactDetailsForm, PersonalDetailsForm, PreferredLanguageForm
from ..models import PENDING, REJECTED, VERIFIED
from ..names import titled_name
from ..two_factor import user_has_two_factor

# The sign-in page is looked up when a visitor needs it, so this module does not depend on
# the order the URL modules load in.

_VERIFICATION_TAGS = {
    PENDING: "govuk-tag--yellow",
    VERIFIED: "govuk-tag--green",
    REJECTED: "govuk-tag--red",
}


def _row(key, value, change_url=None):
    """A summary-list row; ``value`` is text, or HTML when it is marked safe."""
    label = raw_text(key)
    row = {"key": {"text": label}, "value": {"html": conditional_escape(value)}}
    if change_url:
        action = {"href": change_url, "text": _("Change"), "visuallyHiddenText": label}
        row["actions"] = {"items": [action]}
    return row


def _not_given():
    return _("Not given")


def _personal_rows(user):
    change = reverse("accounts:personal_details")
    name = titled_name(user.title, user.first_name, user.last_name)
    rows = [_row("account.my_account.name", name or _not_given(), change)]
    if user.is_professional:
        rows += [
            _row("account.my_account.role", user.professional_role or _not_given(), change),
            _row("account.my_account.organisation", user.organisation or _not_given(), change),
        ]
        if user.verification_state in _VERIFICATION_TAGS:
            tag = render_component(
                "tag",
                {
                    "text": user.get_verification_state_display(),
                    "classes": _VERIFICATION_TAGS[user.verification_state],
                },
            )
            rows.append(_row("account.my_account.verification", tag))
    return rows


def _contact_rows(user):
    change = reverse("accounts:contact_details")
    lines = [user.address_line_1, user.address_line_2, user.town, user.postcode]
    address = format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines if line))
    rows = [_row("account.my_account.address", address or _not_given(), change)]
    for field in ("home_phone", "mobile_phone", "work_phone"):
        value = getattr(user, field) or _not_given()
        rows.append(_row(f"account.my_account.{field}", value, change))
    return rows


def _security_rows(user):
    last_change = user.password_history.values_list("created_at", flat=True).first()
    password = (
        _("Last changed on %(date)s") % {"date": date_format(last_change, "j F Y")}
        if last_change
        else "••••••••"
    )
    return [
        _row("account.my_account.email", user.email, reverse("accounts:email_change")),
        _row("account.my_account.password", password, reverse("accounts:password_change")),
        _row(
            "account.my_account.secret_question",
            user.get_secret_question_display() or _not_given(),
            reverse("accounts:secret_question_change"),
        ),
        _row(
            "account.my_account.two_factor",
            _("On") if user_has_two_factor(user) else _("Off"),
            reverse("accounts:two_factor"),
        ),
    ]


def _plugin_links():
    return [
        {"text": raw_text(link.title_key), "href": reverse(link.url_name)}
        for link in plugins.plugin_account_links()
    ]


@login_required
def hub(request):
    """The user's details at a glance, each with a way to change it; the email language is
    changed here."""
    user = request.user
    form = PreferredLanguageForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        my_account.set_preferred_language(user, form.cleaned_data["preferred_language"])
        messages.success(request, raw_text("account.my_account.language_updated"))
        return redirect("accounts:my_account")
    context = {
        "form": form,
        "personal_rows": _personal_rows(user),
        "contact_rows": _contact_rows(user),
        "security_rows": _security_rows(user),
        "plugin_links": _plugin_links(),
    }
    return render(request, "accounts/my_account/hub.html", context)


@login_required
def personal_details(request):
    user = request.user
    form = PersonalDetailsForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        reverified = my_account.update_personal_details(user, **form.cleaned_data)
        messages.success(request, raw_text("account.my_account.details_updated"))
        if reverified:
            messages.warning(request, raw_text("account.my_account.reverification_started"))
        return redirect("accounts:my_account")
    context = {
        "form": form,
        "title_key": "account.my_account.personal_heading",
        "warn_reverification": user.is_professional and user.verification_state == VERIFIED,
    }
    return render(request, "accounts/my_account/personal_details.html", context)


@login_required
def contact_details(request):
    user = request.user
    form = ContactDetailsForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        my_account.update_contact_details(user, **form.cleaned_data)
        messages.success(request, raw_text("account.my_account.details_updated"))
        return redirect("accounts:my_account")
    context = {"form": form, "title_key": "account.my_account.contact_heading"}
    return render(request, "accounts/my_account/contact_details.html", context)


@login_required
def change_of_circumstances(request):
    return render(request, "accounts/my_account/change_of_circumstances.html")


urlpatterns = [
    path("", hub, name="my_account"),
    path("personal-details/", personal_details, name="personal_details"),
    path("contact-details/", contact_details, name="contact_details"),
    path("change-of-circumstances/", change_of_circumstances, name="change_of_circumstances"),
]
