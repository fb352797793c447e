"""The two steps' forms. Every invalid input gets a clear message; none leads to a 500."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import tokens

HONEYPOT_FIELD = "fb_leave_empty"
TOKEN_ERROR = _("This form has expired or could not be read. Reload the page and answer again.")
CONTROL_CHARACTERS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


class CommentField(forms.CharField):
    """Counts a line break as one character, as the browser's ``maxlength`` does."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


def no_control_characters(value):
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("The comment contains characters that cannot be saved. Remove them and try again."),
            code="control_characters",
        )


class HoneypotForm(forms.Form):
    # Hidden from people (and screen readers); its label asks anyone who finds it to leave it empty.
    fb_leave_empty = forms.CharField(required=False, strip=False)

    def clean_fb_leave_empty(self):
        if self.cleaned_data[HONEYPOT_FIELD]:
            raise ValidationError(
                _("Leave the field “Leave this field empty” empty and send again."),
                code="honeypot",
            )
        return ""


class AnswerForm(HoneypotForm):
    token = forms.CharField(
        max_length=4000, error_messages={"required": TOKEN_ERROR, "max_length": TOKEN_ERROR}
    )
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Choose Yes or No."),
            "invalid_choice": _("Choose Yes or No."),
        },
    )

    def clean_token(self):
        try:
            return tokens.read_form_token(self.cleaned_data["token"])
        except tokens.InvalidToken:
            raise ValidationError(TOKEN_ERROR, code="token") from None


class CommentForm(HoneypotForm):
    ref = forms.CharField(
        max_length=4000, error_messages={"required": TOKEN_ERROR, "max_length": TOKEN_ERROR}
    )
    comment = CommentField(
        label=_("Comment"),
        required=False,
        max_length=settings.FEEDBACK_COMMENT_MAX_LENGTH,
        validators=[no_control_characters],
    )

    def clean_ref(self):
        try:
            return tokens.read_comment_ref(self.cleaned_data["ref"])
        except tokens.InvalidToken:
            raise ValidationError(TOKEN_ERROR, code="token") from None


def comment_step_context(ref, helpful, comment="", error=""):
    """What the comment step's template needs, with or without JavaScript."""
    return {
        "ref": ref,
        "helpful": helpful,
        "comment": comment,
        "error": error,
        "max_length": settings.FEEDBACK_COMMENT_MAX_LENGTH,
        "honeypot_field": HONEYPOT_FIELD,
    }
