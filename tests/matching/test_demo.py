"""The demo council's register is ready to match, and the service is the plugin's."""

from plugins.matching import services
from plugins.matching.models import MatchKey
from plugins.matching.normalise import Person
from portal import services as portal_services
from records.demo import DEMO_FAMILY_CHILDREN
from records.models import ChildRecord


def test_with_the_plugin_installed_the_match_service_is_the_plugins():
    assert portal_services.get("match") is services.match


def test_every_demo_record_has_keys_and_a_demo_child_is_found_first(demo):
    assert set(MatchKey.objects.values_list("record_id", flat=True)) == set(
        ChildRecord.objects.values_list("pk", flat=True)
    )
    child = DEMO_FAMILY_CHILDREN[0]
    best = services.rank(
        Person(
            forename=child["forename"],
            surname=ChildRecord.objects.get(council_id=child["council_id"]).surname,
            date_of_birth=child["date_of_birth"],
            postcode="DB1 1AA",
        )
    )[0]
    assert best.record.council_id == child["council_id"]


def test_the_demo_queue_has_a_clear_match_a_conflict_a_twin_and_a_new_child(
    demo, django_capture_on_commit_callbacks
):
    from plugins.matching.models import MatchRequest
    from plugins.matching.services import candidates_for
    from plugins.send.models import Submission
    from portal import events

    # The suite loads the demo in a transaction it rolls back, so its commit never announces
    # the incoming children's forms: announce them here as that commit does.
    with django_capture_on_commit_callbacks(execute=True):
        for submission in Submission.objects.filter(reference__startswith="SND-DEMO1"):
            events.send_after_commit(events.form_submitted, Submission, submission=submission)
    queued = {
        request.forms[0]: request
        for request in MatchRequest.objects.filter(forms__0__startswith="SND-DEMO1")
    }
    clear, spelt, twin, new = (queued[f"SND-DEMO10000{n}"] for n in range(1, 5))
    assert candidates_for(clear)[0].record.council_id == "C0000150"
    assert clear.best_band == "match"
    assert candidates_for(spelt)[0].record.council_id == "C0000160"
    assert spelt.best_band != "match"
    sibling = candidates_for(twin)[0]
    assert sibling.record.council_id == "C0000170" and sibling.band != "match"
    assert new.best_band in ("new", "")


def test_the_demo_caseworker_may_work_the_matching_queue(demo):
    from django.contrib.auth import get_user_model

    caseworker = get_user_model().objects.get(email="caseworker@example.org")
    assert caseworker.has_perm("matching.match_people")
