"""The council's password policy (Portal configuration › Password settings).

Each rule has its own message so the GOV.UK error summary can say exactly what to change.
"""

import re

from django.contrib.auth.hashers import check_password
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.config import portal_settings

_common = CommonPasswordValidator()


def password_problems(password, user=None):
    """Every rule ``password`` breaks, as ValidationErrors (empty when it is acceptable)."""
    config = portal_settings()
    problems = []
    if len(password) < config.password_min_length:
        problems.append(
            ValidationError(
                ngettext(
                    "Your password must be at least %(count)d character long.",
                    "Your password must be at least %(count)d characters long.",
                    config.password_min_length,
                )
                % {"count": config.password_min_length},
                code="password_too_short",
            )
        )
    if config.password_require_letter and not re.search(r"[^\W\d_]", password):
        problems.append(
            ValidationError(_("Your password must include a letter."), code="password_no_letter")
        )
    if config.password_require_uppercase and not any(c.isupper() for c in password):
        problems.append(
            ValidationError(
                _("Your password must include a capital letter."), code="password_no_upper"
            )
        )
    if config.password_require_digit and not any(c.isdigit() for c in password):
        problems.append(
            ValidationError(_("Your password must include a number."), code="password_no_digit")
        )
    allowed = set(config.password_special_characters)
    others = sorted({c for c in password if not c.isalnum() and c not in allowed})
    if others:
        problems.append(
            ValidationError(
                _(
                    "Your password can only contain letters, numbers and these characters: %(allowed)s"
                )
                % {"allowed": config.password_special_characters.strip() or _("none")},
                code="password_bad_character",
            )
        )
    if config.password_reject_common:
        try:
            _common.validate(password)
        except ValidationError:
            problems.append(
                ValidationError(
                    _("Your password is too easy to guess. Choose a less common one."),
                    code="password_too_common",
                )
            )
    if user is not None and user.pk and config.password_history:
        recent = user.password_history.values_list("password", flat=True)[: config.password_history]
        current = [user.password] if user.password else []
        if any(check_password(password, hashed) for hashed in [*current, *recent]):
            problems.append(
                ValidationError(
                    ngettext(
                        "Your password must be different from your last password.",
                        "Your password must be different from your last %(count)d passwords.",
                        config.password_history,
                    )
                    % {"count": config.password_history},
                    code="password_reused",
                )
            )
    return problems


class PortalPasswordValidator:
    """Django password validator applying the portal's password settings."""

    def validate(self, password, user=None):
        problems = password_problems(password, user)
        if problems:
            raise ValidationError(problems)

    def get_help_text(self):
        config = portal_settings()
        return _("Use at least %(count)d characters, with a capital letter and a number.") % {
            "count": config.password_min_length
        }

    def password_changed(self, password, user=None):
        """Keep the new password's hash in the user's history (Django calls this after a
        successful change)."""
        if user is not None and user.pk and user.password:
            user.password_history.create(password=user.password)
