"""Printing SEND forms as PDF and Word files: what a printed form holds, how each print
option changes it, Welsh printouts, and the portal's print pages (who may print what, and
how many queries it takes)."""

import datetime
from io import BytesIO
from unittest import mock

import docx
import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx.oxml.ns import qn
from PIL import Image as PILImage
from wagtail.images import get_image_model

from accounts.models import VERIFIED
from core.models import BrandingSettings
from plugins.send.builder import services as builder
from plugins.send.builder.schema import FormSchema
from plugins.send.filling.answers import blank_answers, load_answers
from plugins.send.models import Answer, Submission, SubmissionStep
from plugins.send.printing.documents import DocumentType, PrintOptions
from plugins.send.printing.pdf import (
    local_url_fetcher,
    may_fetch,
    pdf_document,
    print_css,
    print_html,
    print_pdf,
)
from plugins.send.printing.word import print_docx
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    SubmissionFactory,
    place,
    published_form,
)

pytestmark = pytest.mark.django_db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def form():
    """An education request with guidance, a group of mixed questions and a repeating group."""
    definition = FormDefinitionFactory(
        title_en="Request for an assessment",
        title_cy="Cais am asesiad",
        guidance_en="Read **all** the questions first.",
        guidance_cy="Darllenwch **bob** cwestiwn yn gyntaf.",
    )
    home = GroupFactory(
        form=definition,
        number=2,
        name_en="Home life",
        name_cy="Bywyd yn y tŷ",
        guidance_en="Tell us about a usual day.",
        guidance_cy="Dywedwch wrthym am ddiwrnod arferol.",
    )
    need = QuestionFactory(
        code="MAIN_NEED", data_type="choice", label_en="Main need", label_cy="Prif angen"
    )
    ChoiceFactory(
        question=need, value="speech", label_en="Speech and language", label_cy="Lleferydd ac iaith"
    )
    ChoiceFactory(question=need, value="sensory", label_en="Sensory", label_cy="Synhwyraidd")
    place(
        home,
        QuestionFactory(
            code="ENJOYS",
            data_type="memo",
            label_en="What does your child enjoy?",
            label_cy="Beth mae’ch plentyn yn ei fwynhau?",
            hint_en="Games, places, people.",
            hint_cy="Gemau, lleoedd, pobl.",
        ),
        QuestionFactory(
            code="PETS",
            data_type="yes_no",
            label_en="Are there pets at home?",
            label_cy="Oes anifeiliaid anwes yn y cartref?",
        ),
        need,
        QuestionFactory(
            code="NEED_SINCE", data_type="date", label_en="Since when?", label_cy="Ers pryd?"
        ),
    )
    schools = GroupFactory(
        form=definition, number=3, repeating=True, name_en="Schools", name_cy="Ysgolion"
    )
    place(schools, QuestionFactory(code="SCHOOL", label_en="School name", label_cy="Enw’r ysgol"))
    builder.publish(definition)
    definition.refresh_from_db()
    return definition


@pytest.fixture
def parent(client):
    link = PersonLinkFactory(
        user__email_confirmed_at=timezone.now(),
        person__forename="Gwŷn",
        person__surname="Llŷr",
        person__date_of_birth=datetime.date(2015, 7, 1),
    )
    sign_in_verified(client, link.user)
    return link


def fill_in(submission):
    rows = [
        (2, 0, "ENJOYS", "Mae’n mwynhau chwarae gyda’r cŵn.\nSwings at the park."),
        (2, 0, "PETS", "yes"),
        (2, 0, "MAIN_NEED", "speech"),
        (2, 0, "NEED_SINCE", "2020-03-05"),
        (3, 0, "SCHOOL", "Ysgol Gymraeg Aberâth"),
        (3, 1, "SCHOOL", "Hillside Primary"),
    ]
    Answer.objects.bulk_create(
        Answer(submission=submission, group_number=g, repeat_index=r, question_code=c, value=v)
        for g, r, c, v in rows
    )
    SubmissionStep.objects.create(submission=submission, group_number=3, repeat_count=2)


@pytest.fixture
def submission(form, parent):
    submission = SubmissionFactory(
        version=form.live_version,
        person=parent.person,
        created_by=parent.user,
        status="submitted",
        reference="SND-7K3M9QXR2P",
        submitted_at=timezone.make_aware(datetime.datetime(2024, 3, 5, 10, 30)),
    )
    fill_in(submission)
    return Submission.objects.select_related("version", "person").get(pk=submission.pk)


def printed(submission, language="en", **options):
    schema = FormSchema(submission.version.schema)
    return print_html(
        schema, load_answers(submission), PrintOptions(**options), language, submission=submission
    )


def printed_docx(submission, language="en", **options):
    schema = FormSchema(submission.version.schema)
    content = print_docx(
        schema, load_answers(submission), PrintOptions(**options), language, submission=submission
    )
    return docx.Document(BytesIO(content))


def pages(submission, **options):
    schema = FormSchema(submission.version.schema)
    document = pdf_document(
        schema, load_answers(submission), PrintOptions(**options), "en", submission=submission
    )
    return len(document.pages)


def headings(document, style):
    return [p.text for p in document.paragraphs if p.style.name == style]


def page_breaks(document):
    return sum(1 for br in document.element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page")


def cell_texts(document):
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


# -- what a printed form holds --------------------------------------------------------------


def test_a_printed_form_shows_the_council_the_reference_and_every_answer(submission):
    html = printed(submission)
    assert "Demo Borough Council" in html
    assert "Special Educational Needs and Disabilities – Request for an assessment" in html
    assert "Reference: SND-7K3M9QXR2P" in html
    assert "Sent on 5 March 2024" in html
    for words in (
        "1. Subject details",
        "Gwŷn",
        "Llŷr",
        "1 July 2015",
        "2. Home life",
        "Mae’n mwynhau chwarae gyda’r cŵn.<br>Swings at the park.",
        "Yes",
        "Speech and language",
        "5 March 2020",
        "3. Schools",
        "Schools 1",
        "Ysgol Gymraeg Aberâth",
        "Schools 2",
        "Hillside Primary",
    ):
        assert words in html
    assert "Tell us about a usual day." not in html  # guidance only when asked for


def test_a_form_in_progress_says_it_has_not_been_sent(form, parent):
    draft = SubmissionFactory(version=form.live_version, person=parent.person)
    html = printed(draft)
    assert "This form has not been sent to the council yet." in html
    assert "Reference:" not in html


def test_only_the_chosen_groups_are_printed_and_numbered_from_one(submission):
    html = printed(submission, groups=(3,))
    assert "1. Schools" in html
    assert "Home life" not in html and "Subject details" not in html
    document = printed_docx(submission, groups=(1, 3))
    assert headings(document, "Heading 1") == ["1. Subject details", "2. Schools"]


def test_the_notes_option_adds_a_page_of_lines_after_each_group(submission):
    html = printed(submission, document_type=DocumentType.NOTES)
    for name in ("Subject details", "Home life", "Schools"):
        assert f"Notes: {name}" in html
    assert "Notes:" not in printed(submission)
    assert pages(submission, document_type=DocumentType.NOTES) >= pages(submission) + 3
    document = printed_docx(submission, document_type=DocumentType.NOTES)
    assert "Notes: Home life" in headings(document, "Heading 1")
    assert page_breaks(document) == 3


def test_the_guidance_option_prints_guidance_in_italics_above_each_group(submission):
    html = printed(submission, document_type=DocumentType.GUIDANCE)
    assert '<p class="guidance">Read all the questions first.</p>' in html
    section = html.index("2. Home life")
    guidance = html.index('<p class="guidance">Tell us about a usual day.</p>')
    assert section < guidance < html.index("What does your child enjoy?")
    document = printed_docx(submission, document_type=DocumentType.GUIDANCE)
    italic = [p.text for p in document.paragraphs if p.runs and all(r.italic for r in p.runs)]
    assert "Tell us about a usual day." in italic
    assert "Read all the questions first." in italic


def test_the_page_break_option_starts_each_group_on_a_new_page(submission):
    html = printed(submission, page_breaks=True)
    assert html.count("page-break") == 2  # after each group but the last
    assert "page-break" not in printed(submission)
    assert pages(submission, page_breaks=True) >= 3 > pages(submission)
    assert page_breaks(printed_docx(submission, page_breaks=True)) == 2
    assert page_breaks(printed_docx(submission)) == 0


def test_a_welsh_printout_is_all_in_welsh(submission):
    html = printed(submission, "cy", document_type=DocumentType.GUIDANCE)
    assert '<html lang="cy">' in html
    assert 'content: "Tudalen " counter(page) " o " counter(pages);' in print_css("cy")
    for words in (
        "Cais am asesiad",
        "Cyfeirnod: SND-7K3M9QXR2P",
        "Anfonwyd ar 5 Mawrth 2024",
        "2. Bywyd yn y tŷ",
        "Dywedwch wrthym am ddiwrnod arferol.",
        "Oes anifeiliaid anwes yn y cartref?",
        "Ie",
        "Lleferydd ac iaith",
        "5 Mawrth 2020",
        "Ysgolion 2",
        "Ysgol Gymraeg Aberâth",
    ):
        assert words in html
    assert "Home life" not in html
    document = printed_docx(submission, "cy")
    assert document.core_properties.language == "cy-GB"
    assert "2. Bywyd yn y tŷ" in headings(document, "Heading 1")
    assert "Mae’n mwynhau chwarae gyda’r cŵn.\nSwings at the park." in cell_texts(document)
    assert print_pdf(
        FormSchema(submission.version.schema),
        load_answers(submission),
        PrintOptions(),
        "cy",
        submission=submission,
    ).startswith(b"%PDF")


def test_the_pdf_is_a_real_pdf_set_in_system_fonts(submission):
    document = pdf_document(
        FormSchema(submission.version.schema),
        load_answers(submission),
        PrintOptions(),
        "en",
        submission=submission,
    )
    assert document.write_pdf().startswith(b"%PDF-")
    assert len(document.pages) >= 1
    assert {font.family for font in document.fonts.values()} == {"DejaVu Sans"}


def boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from boxes(child)


def test_a_long_unbroken_answer_wraps_inside_its_column_on_the_page(submission):
    Answer.objects.filter(submission=submission, question_code="ENJOYS").update(
        value="https://example.org/" + "averylongaddress" * 20
    )
    document = pdf_document(
        FormSchema(submission.version.schema),
        load_answers(submission),
        PrintOptions(),
        "en",
        submission=submission,
    )
    page = document.pages[0]._page_box
    right_edge = page.content_box_x() + page.width
    laid_out = [box for each in document.pages for box in boxes(each._page_box)]
    labels = [
        box for box in laid_out if type(box).__name__ == "TableCellBox" and box.element_tag == "th"
    ]
    # Every label column is as wide as every other: the answers do not push it around.
    assert len({round(label.width) for label in labels}) == 1
    words = [box for box in laid_out if type(box).__name__ == "TextBox"]
    assert all(box.position_x + box.width <= right_edge + 1 for box in words)


def test_the_word_file_holds_headings_and_a_table_of_questions_and_answers(submission):
    document = printed_docx(submission)
    assert headings(document, "Title") == [
        "Special Educational Needs and Disabilities – Request for an assessment"
    ]
    assert headings(document, "Heading 1") == ["1. Subject details", "2. Home life", "3. Schools"]
    assert headings(document, "Heading 2") == ["Schools 1", "Schools 2"]
    cells = cell_texts(document)
    for question, answer in (
        ("What does your child enjoy?", "Mae’n mwynhau chwarae gyda’r cŵn.\nSwings at the park."),
        ("Are there pets at home?", "Yes"),
        ("Main need", "Speech and language"),
        ("Since when?", "5 March 2020"),
        ("Date of birth", "1 July 2015"),
    ):
        assert cells[cells.index(question) + 1] == answer
    assert document.core_properties.language == "en-GB"
    assert document.sections[0].footer.paragraphs[0].text.startswith("Page ")


def test_the_councils_logo_heads_both_formats(submission, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    png = BytesIO()
    PILImage.new("RGB", (300, 100), "#4c2c92").save(png, "PNG")
    logo = get_image_model().objects.create(title="Logo", file=ImageFile(png, name="logo.png"))
    branding = BrandingSettings.load()
    branding.logo = logo
    branding.save()
    assert '<img class="logo" src="data:image/png;base64,' in printed(submission)
    assert len(printed_docx(submission).inline_shapes) == 1


def test_without_a_logo_nothing_is_drawn(submission):
    assert "<img" not in printed(submission)
    assert len(printed_docx(submission).inline_shapes) == 0


def test_a_blank_copy_has_room_to_write_and_boxes_to_tick(form):
    schema = FormSchema(form.live_version.schema)
    html = print_html(schema, blank_answers(), PrintOptions(), "en")
    assert "☐ Yes" in html and "☐ No" in html
    assert "☐ Speech and language" in html and "☐ Sensory" in html
    assert "Games, places, people." in html  # hints help people fill it in by hand
    assert html.count('class="write-long"') == 1
    assert "Reference:" not in html
    assert "1. Subject details" in html and "Schools 1" in html
    document = docx.Document(BytesIO(print_docx(schema, blank_answers(), PrintOptions(), "cy")))
    assert "☐ Ie\n☐ Na" in cell_texts(document)


def test_answers_are_printed_as_words_never_as_markup(submission):
    Answer.objects.filter(submission=submission, question_code="ENJOYS").update(
        value='<img src="http://example.org/track.png">'
    )
    html = printed(submission)
    assert "&lt;img src=&quot;http://example.org/track.png&quot;&gt;" in html
    assert '<img src="http' not in html


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("data:image/png;base64,iVBORw0KGgo=", True),
        ("https://example.org/logo.png", False),
        ("http://169.254.169.254/latest/meta-data/", False),
        ("file:///etc/passwd", False),
        ("ftp://example.org/file", False),
    ],
)
def test_printouts_load_nothing_from_outside_the_portal(url, allowed):
    assert may_fetch(url) is allowed


def test_printouts_may_load_the_portals_own_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logo.png").write_bytes(b"png")
    assert may_fetch((tmp_path / "logo.png").as_uri())
    assert not may_fetch((tmp_path / ".." / "elsewhere.png").as_uri())
    with pytest.raises(ValueError):
        local_url_fetcher().fetch("https://example.org/logo.png")


# -- the print pages ------------------------------------------------------------------------


def url(submission):
    return f"/send/submissions/{submission.pk}/print/"


def test_the_print_page_offers_each_group_the_document_types_and_formats(client, submission):
    page = client.get(url(submission)).content.decode()
    for words in (
        "Print or download your form",
        "Subject details",
        "Home life",
        "Schools",
        "The form only",
        "The form with a page for notes after each part",
        "The form with its guidance notes",
        "Start each part on a new page",
        "Word document (.docx)",
    ):
        assert words in page
    assert page.count('name="groups"') == 3


def test_the_guidance_option_is_not_offered_for_a_form_without_guidance(client, parent):
    bare = published_form(guidance_en="", guidance_cy="")
    draft = SubmissionFactory(
        version=bare.live_version, person=parent.person, created_by=parent.user
    )
    page = client.get(url(draft)).content.decode()
    assert "The form only" in page
    assert "guidance notes" not in page


def test_downloading_a_pdf(client, submission):
    response = client.post(
        url(submission),
        {"groups": ["1", "2", "3"], "document_type": "normal", "file_format": "pdf"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="SND-7K3M9QXR2P.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "no-cache" in response["Cache-Control"]


def test_downloading_a_word_file_with_the_chosen_options(client, submission):
    response = client.post(
        url(submission),
        {"groups": ["2"], "document_type": "notes", "page_breaks": "true", "file_format": "docx"},
    )
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="SND-7K3M9QXR2P.docx"'
    document = docx.Document(BytesIO(response.content))
    assert headings(document, "Heading 1") == ["1. Home life", "Notes: Home life"]


def test_a_welsh_user_downloads_a_welsh_copy(client, submission):
    page = client.get(f"/cy{url(submission)}").content.decode()
    assert "Argraffu neu lawrlwytho eich ffurflen" in page and "Bywyd yn y tŷ" in page
    response = client.post(
        f"/cy{url(submission)}",
        {"groups": ["2"], "document_type": "normal", "file_format": "docx"},
    )
    document = docx.Document(BytesIO(response.content))
    assert headings(document, "Heading 1") == ["1. Bywyd yn y tŷ"]


def test_printing_nothing_is_refused_with_an_error_summary(client, submission):
    response = client.post(url(submission), {"document_type": "normal", "file_format": "pdf"})
    page = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "<title>Error: Print or download your form" in page
    assert "There is a problem" in page
    assert "Select at least one part of the form to include" in page


def test_another_familys_submission_cannot_be_printed(client, parent, submission):
    theirs = SubmissionFactory(version=submission.version)
    assert client.get(url(theirs)).status_code == 404
    response = client.post(
        url(theirs), {"groups": ["1"], "document_type": "normal", "file_format": "pdf"}
    )
    assert response.status_code == 404


def test_signed_out_people_are_asked_to_sign_in(client, submission):
    client.logout()
    response = client.get(url(submission))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))


def test_a_blank_copy_of_a_citizen_form_for_a_parent(client, parent, form):
    page = client.get(f"/send/forms/{form.code}/print/").content.decode()
    assert "Print a blank form" in page
    response = client.post(
        f"/send/forms/{form.code}/print/",
        {"groups": ["1", "2", "3"], "document_type": "normal", "file_format": "docx"},
    )
    assert response["Content-Disposition"] == f'attachment; filename="{form.code}.docx"'
    assert "☐ Speech and language\n☐ Sensory" in cell_texts(
        docx.Document(BytesIO(response.content))
    )


def test_a_blank_copy_of_a_professional_form_is_refused_to_a_citizen(client, parent):
    professional = published_form(portal_type="professional", user_type="not_applicable")
    assert client.get(f"/send/forms/{professional.code}/print/").status_code == 404


def test_a_verified_professional_prints_a_blank_professional_form(client):
    professional_form = published_form(portal_type="professional", user_type="not_applicable")
    citizen_form = published_form()
    user = UserFactory(
        kind="professional", verification_state=VERIFIED, email_confirmed_at=timezone.now()
    )
    sign_in_verified(client, user)
    assert client.get(f"/send/forms/{professional_form.code}/print/").status_code == 200
    assert client.get(f"/send/forms/{citizen_form.code}/print/").status_code == 404


def test_a_form_that_is_not_live_cannot_be_printed_blank(client, parent, form):
    form.live = False
    form.save()
    assert client.get(f"/send/forms/{form.code}/print/").status_code == 404


# -- queries ----------------------------------------------------------------------------------


def big_submission(parent, groups):
    """A submitted form of ``groups`` groups of ten questions, every question answered."""
    form = published_form(groups=[(number, False, 10) for number in range(2, groups + 2)])
    submission = SubmissionFactory(
        version=form.live_version, person=parent.person, created_by=parent.user
    )
    schema = FormSchema(form.live_version.schema)
    Answer.objects.bulk_create(
        Answer(
            submission=submission,
            group_number=group.number,
            question_code=question.code,
            value=f"Answer to {question.code}",
        )
        for group in schema.groups
        for question in group.questions
    )
    return submission


def everything(submission, file_format):
    numbers = [1, *(g["number"] for g in submission.version.schema["groups"])]
    return {"groups": numbers, "document_type": "normal", "file_format": file_format}


def queries(client, path, data=None):
    with CaptureQueriesContext(connection) as context:
        response = client.post(path, data) if data else client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_printing_takes_as_many_queries_for_200_answers_as_for_20(client, parent):
    small, large = big_submission(parent, 2), big_submission(parent, 20)
    assert Answer.objects.filter(submission=large).count() == 200
    queries(client, url(small))  # the first page builds the cached texts and settings
    for file_format in ("docx", "pdf"):
        counts = [
            queries(client, url(submission), everything(submission, file_format))
            for submission in (small, large)
        ]
        assert counts[0] == counts[1]
    assert queries(client, url(small)) == queries(client, url(large))


def test_printing_a_page_of_options_takes_few_queries(
    client, submission, django_assert_max_num_queries
):
    client.get(url(submission))  # texts and settings are cached after the first page
    with django_assert_max_num_queries(12):
        client.get(url(submission))


def test_many_pdfs_share_one_parsed_stylesheet_per_language_and_wording(submission):
    import weasyprint

    from core.models import TextResource

    schema = FormSchema(submission.version.schema)
    answers = load_answers(submission)
    with mock.patch.object(weasyprint, "CSS", wraps=weasyprint.CSS) as parsed:
        for language in ("en", "cy", "en", "cy"):
            print_pdf(schema, answers, PrintOptions(), language, submission=submission)
        assert parsed.call_count <= 2  # none when an earlier test printed the same wording
        before = parsed.call_count
        row = TextResource.objects.get(key="send.print.page_number", locale__language_code="en")
        row.value = "Page {page} of {pages} (Borough Council)"
        row.save()
        document = pdf_document(schema, answers, PrintOptions(), "en", submission=submission)
        assert parsed.call_count == before + 1
    assert len(document.pages) >= 1
