import pytest

from plugins.send.schema import FormSchema
from tests.send.factories import published_form

pytestmark = pytest.mark.django_db


def test_published_form_has_a_schema_in_both_languages():
    form = published_form(groups=((2, False, 2), (3, True, 1)))
    schema = FormSchema(form.live_version.schema)
    assert [g.number for g in schema.groups] == [2, 3]
    assert schema.groups[1].repeating
    assert len(schema.questions) == 3
    assert schema.title == form.title_en
