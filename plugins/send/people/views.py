"""The SEND home (choose a person), adding a person, a professional's "Check these details"
and hiding, a young person's My details, and the page of one person.

Every view needs a signed-in, two-step verified citizen or verified professional
(send_user_required); every person is looked up through the user's own links, by
``portal.access``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from core.components import render_component
from core.texts import raw_text
from portal import access

from ..access import SendUserRequiredMixin, send_user_required
from ..casework.case import services as case
from . import services as people
from .forms import AddPersonForm, MyDetailsForm, PersonFilterForm


def _person_url(user, link):
    # A professional checks who they chose first (they may work with many children).
    name = "send:check_person" if user.is_professional else "send:person"
    return reverse(name, args=[link.person_id])


def _hidden_banner(request):
    """The banner after hiding someone, with a way to undo it while they are still hidden."""
    pk = request.GET.get("hidden", "")
    if not pk.isdigit():
        return None
    link = access.scoped(request.user, "send.person_link").filter(person_id=pk, hidden=True).first()
    if link is None:
        return None
    html = render_to_string("send/people/_hidden_banner.html", {"link": link}, request=request)
    return render_component(
        "notification-banner", {"type": "success", "html": html, "titleId": "hidden-title"}
    )


@send_user_required
def home(request):
    """The children the user is authenticated on, each with its stage and key dates, then
    "choose a person": a tile for each, the young person's own tile and "Add"."""
    user = request.user
    professional = user.is_professional
    filter_form = PersonFilterForm(request.GET) if professional else None
    view, name = filter_form.choice() if filter_form else (people.ACTIVE, "")
    links = list(people.people_list(user, view, name))
    tiles = [
        {"link": link, "person": link.person, "url": _person_url(user, link)} for link in links
    ]
    may_act_for_self = people.may_act_for_self(user)
    context = {
        "professional": professional,
        "cases": case.cases_of(user),
        "filter_form": filter_form,
        "filtered": bool(name),
        "tiles": tiles,
        "may_act_for_self": may_act_for_self,
        "self_link": people.young_person_self(user) if may_act_for_self else None,
        "hidden_banner": _hidden_banner(request) if professional else None,
    }
    return render(request, "send/people/home.html", context)


@send_user_required
def add_person(request):
    """Add a child (parents and carers) or a person (professionals)."""
    user = request.user
    form = AddPersonForm(request.POST or None, professional=user.is_professional)
    if request.method == "POST" and form.is_valid():
        try:
            link = people.add_person(user, **form.details())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, raw_text("send.home.added", name=link.person.full_name))
            return redirect("send:home")
    return render(
        request,
        "send/people/add.html",
        {"form": form, "professional": user.is_professional},
    )


def _yes_no(value):
    return raw_text("send.people.yes" if value else "send.people.no")


def detail_rows(link):
    """The person's details as summary-list rows, as the user knows them."""
    person = link.person

    def row(key, value):
        return {"key": {"text": raw_text(key)}, "value": {"text": value}}

    rows = [
        row("send.people.name", person.full_name),
        row("send.people.date_of_birth", date_format(person.date_of_birth, "j F Y")),
        row("send.people.relationship", raw_text(f"send.people.relationship.{link.relationship}")),
    ]
    if link.relationship in people.CITIZEN_RELATIONSHIPS:
        rows.append(row("send.people.lives_with_user", _yes_no(link.lives_with_user)))
    return rows


@send_user_required
def check_person(request, pk):
    """A professional checks the person they chose, then continues (or hides them)."""
    link = _link(request, pk, "check")
    context = {"link": link, "person": link.person, "rows": detail_rows(link)}
    return render(request, "send/people/check.html", context)


def _link(request, pk, action):
    """The user's link to the person ``pk`` when the "send.person_link" rule lets them do
    ``action`` to it; 404 otherwise, as for another family's person."""
    link = access.get_or_404(request.user, "send.person_link", person_id=pk)
    if not access.may(request.user, action, link):
        raise Http404
    return link


@require_POST
@send_user_required
def hide_person(request, pk):
    link = people.hide_person(_link(request, pk, "hide"))
    return redirect(f"{reverse('send:home')}?hidden={link.person_id}")


@require_POST
@send_user_required
def show_person(request, pk):
    link = people.show_person(_link(request, pk, "show"))
    messages.success(request, raw_text("send.home.shown", name=link.person.full_name))
    return redirect("send:home")


@send_user_required
def my_details(request):
    """A young person checks their own details; saving creates or corrects their record and
    goes on to their forms."""
    user = request.user
    if not people.may_act_for_self(user):
        raise Http404
    form = MyDetailsForm(request.POST or None, initial=people.self_details(user))
    if request.method == "POST" and form.is_valid():
        try:
            link = people.save_young_person_self(user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("send:person", pk=link.person_id)
    return render(request, "send/people/my_details.html", {"form": form})


class PersonView(SendUserRequiredMixin, TemplateView):
    """The page of one person: their details, then their forms (the block
    ``person_forms`` of send/people/person.html)."""

    template_name = "send/people/person.html"

    def get(self, request, *args, **kwargs):
        self.link = access.get_or_404(request.user, "send.person_link", person_id=kwargs["pk"])
        people.mark_active(self.link)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.link.person
        context.update(link=self.link, person=person, rows=detail_rows(self.link))
        if person.child_record_id:
            # The child's stage and key dates on top, once the user is authenticated on them.
            context["case_sections"] = case.sections(self.request.user, person.child_record)
        return context
