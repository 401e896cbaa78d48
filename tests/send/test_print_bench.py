"""The SEND bench's PDF line (bench/send_forms.py): the portal's PDF of a form against
WeasyPrint alone laying out the same HTML, in the words the issue asks for."""

import re

import pytest

from bench.send_forms import print_ratio
from tests.send.factories import SubmissionFactory, published_form

pytestmark = pytest.mark.django_db


def test_the_bench_prints_the_pdf_against_weasyprint_alone_line(capsys):
    form = published_form(groups=((2, False, 2), (3, False, 2)))
    print_ratio(SubmissionFactory(version=form.live_version), runs=1)
    assert re.fullmatch(
        r"PDF of a 2-step form: \d+\.\dx WeasyPrint alone\n", capsys.readouterr().out
    )
