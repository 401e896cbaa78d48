import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from core.models import Announcement, TextResource, Tile


def locale(code):
    return Locale.objects.get(language_code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = "Sam"
    last_name = "Parent"
    kind = "citizen"
    password = factory.PostGenerationMethodCall("set_password", "A-long-Password-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class TileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tile

    locale = factory.LazyFunction(lambda: locale("en"))
    title = factory.Sequence(lambda n: f"Tile {n}")
    description = "A service"
    external_url = factory.Sequence(lambda n: f"https://example.org/service-{n}")


class AnnouncementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Announcement

    locale = factory.LazyFunction(lambda: locale("en"))
    title = factory.Sequence(lambda n: f"Notice {n}")
    body = "<p>Something you should know.</p>"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))
    ends_at = None


class TextResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TextResource

    locale = factory.LazyFunction(lambda: locale("en"))
    key = factory.Sequence(lambda n: f"shared.extra_{n}")
    value = "Some words"


def child_record(council_id, forename="Alys", surname="Jones", address=None, **values):
    """A record on the council's register, made through its service so provenance is set."""
    import datetime

    from records import services
    from records.models import Source

    values = {
        "council_id": council_id,
        "forename": forename,
        "surname": surname,
        "date_of_birth": datetime.date(2015, 5, 1),
        **values,
    }
    place = services.Address.of(*address) if address else None
    return services.create_record(values, Source.IMPORT, place)
