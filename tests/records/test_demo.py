from core.demo import DEMO_USERS, load_demo
from records.demo import DEMO_FAMILY_CHILDREN, REGISTER_SIZE
from records.models import ChildRecord


def test_the_demo_register_includes_the_demo_families_children(demo):
    assert ChildRecord.objects.count() == REGISTER_SIZE
    family_names = {last for _email, _first, last, kind, *_rest in DEMO_USERS if kind == "citizen"}
    for child in DEMO_FAMILY_CHILDREN:
        record = ChildRecord.objects.get(council_id=child["council_id"])
        assert record.surname in family_names
        assert (record.forename, record.date_of_birth) == (
            child["forename"],
            child["date_of_birth"],
        )
        assert record.addresses.current().get().postcode == "DB1 1AA"


def test_the_demo_register_has_valid_unique_identifiers_and_some_address_history(demo):
    for record in ChildRecord.objects.all():
        record.full_clean()
    assert ChildRecord.objects.exclude(upn="").count() == REGISTER_SIZE
    assert ChildRecord.objects.filter(addresses__valid_to__isnull=False).exists()


def test_loading_the_demo_again_leaves_the_register_as_it_is(demo):
    record = ChildRecord.objects.get(council_id="C0000101")
    record.preferred_name = "Alf"
    record.save()
    load_demo()
    assert ChildRecord.objects.count() == REGISTER_SIZE
    assert ChildRecord.objects.get(council_id="C0000101").preferred_name == "Alf"


def test_the_demo_send_team_may_see_and_import_the_register(demo):
    from django.contrib.auth import get_user_model

    caseworker = get_user_model().objects.get(email="caseworker@example.org")
    assert caseworker.has_perm("records.view_childrecord")
    assert caseworker.has_perm("records.add_childrecord")
