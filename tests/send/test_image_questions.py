"""Item 15: an Image question accepts only image types within the council's list (a GIF is
recognised by its content); every file input carries ``accept`` and tells the person, before
they choose, the accepted types, the largest size and what adding a file confirms; after
upload the step and check pages name the file with its type and size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.models import PortalSettings
from plugins.send.builder import services as builder
from plugins.send.filling import services
from plugins.send.models import SubmissionFile
from tests.conftest import sign_in_verified
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
)
from tests.send.test_uploads import image_file, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def draft(client):
    link = PersonLinkFactory(user__email_confirmed_at=timezone.now())
    sign_in_verified(client, link.user)
    form = FormDefinitionFactory()
    place(
        GroupFactory(form=form, number=2),
        QuestionFactory(code="PHOTO", label_en="A photo of your child", data_type="image"),
        QuestionFactory(code="REPORT", label_en="The school's report", data_type="file"),
    )
    builder.publish(form)
    form.refresh_from_db()
    settings = PortalSettings.load()
    settings.upload_extensions = ".pdf .doc .png .jpg .gif"
    settings.upload_max_megabytes = 8
    settings.save()
    return services.start(link.user, link.person, form)


def post(client, draft, **files):
    data = {"revision": 0, **{code: SimpleUploadedFile(*file) for code, file in files.items()}}
    return client.post(f"/send/submissions/{draft.pk}/step/2/", data)


def test_an_image_question_refuses_a_pdf_the_council_otherwise_accepts(client, draft, clamd):
    response = post(client, draft, PHOTO=("photo.pdf", pdf_file()))
    text = response.content.decode()
    assert response.status_code == 200
    assert "[pdf] is not an accepted file type. Upload a file in PNG, JPG or GIF format" in text
    assert not SubmissionFile.objects.exists()


def test_a_gif_is_recognised_by_its_content(client, draft, clamd):
    response = post(client, draft, PHOTO=("photo.gif", image_file("PNG")))
    assert "The selected file is not a real GIF file" in response.content.decode()
    response = post(client, draft, PHOTO=("photo.gif", image_file("GIF")))
    assert response.status_code == 302
    assert SubmissionFile.objects.get().content_type == "image/gif"


def test_the_file_inputs_offer_only_what_their_question_accepts_and_say_so_first(client, draft):
    page = client.get(f"/send/submissions/{draft.pk}/step/2/").content.decode()
    photo = page.split('id="id_PHOTO"')[1].split(">")[0]
    report = page.split('id="id_REPORT"')[1].split(">")[0]
    assert 'accept=".png,.jpg,.gif"' in photo
    assert 'accept=".pdf,.doc,.png,.jpg,.gif"' in report
    before_photo = page.split('id="id_PHOTO"')[0]
    assert "The file must be PNG, JPG or GIF and smaller than 8MB." in before_photo
    assert "it has no viruses and nothing offensive or inappropriate in it" in before_photo
    assert "everyone who can be recognised in it, for example in a photo, has agreed" in (
        before_photo
    )
    assert 'aria-describedby="id_PHOTO-rules"' in photo


def test_the_step_and_check_pages_name_the_file_with_its_type_and_size(client, draft, clamd):
    photo = image_file("PNG")
    assert post(client, draft, PHOTO=("garden.png", photo)).status_code == 302
    size = f"{len(photo)}\xa0bytes"
    step = client.get(f"/send/submissions/{draft.pk}/step/2/").content.decode()
    assert f"garden.png (PNG, {size})" in step
    check = client.get(f"/send/submissions/{draft.pk}/check/").content.decode()
    assert f"garden.png (PNG, {size})" in check
