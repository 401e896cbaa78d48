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
