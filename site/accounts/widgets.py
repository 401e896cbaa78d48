"""Inputs used by more than one account form."""

from django import forms


def one_time_code_input():
    """A GOV.UK-sized box for an emailed 6-digit code: numeric keyboard, autofill from the
    message where the device offers it, no spellcheck."""
    return forms.TextInput(
        attrs={
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "spellcheck": "false",
            "class": "govuk-input--width-5",
        }
    )
