"""The reader's forms: subscribe (on public pages), and change a subscription."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsroom.feedback import tokens
from newsroom.feedback.forms import TOKEN_ERROR, HoneypotForm
from newsroom.notifications.services import is_deliverable

from . import registry
from .models import Subscription

EMAIL_ERROR = _("Enter your e-mail address, such as name@example.org.")
FREQUENCY_ERROR = _("Choose how often.")


class EmailField(forms.EmailField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Your e-mail address"),
            max_length=254,
            error_messages={"required": EMAIL_ERROR, "invalid": EMAIL_ERROR},
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if not is_deliverable(value):
            raise ValidationError(EMAIL_ERROR, code="invalid")
        return value


class SubscribeForm(HoneypotForm):
    token = forms.CharField(
        max_length=4000, error_messages={"required": TOKEN_ERROR, "max_length": TOKEN_ERROR}
    )
    email = EmailField()
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.DAILY,
        widget=forms.RadioSelect,
        error_messages={"required": FREQUENCY_ERROR, "invalid_choice": FREQUENCY_ERROR},
    )
    topic = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    organisation = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)

    def clean_token(self):
        try:
            return tokens.read_form_token(self.cleaned_data["token"])
        except tokens.InvalidToken:
            raise ValidationError(TOKEN_ERROR, code="token") from None

    def clean(self):
        data = super().clean()
        for name in ("topic", "organisation"):
            pk = data.get(name)
            if pk and not registry.model(name).objects.filter(pk=pk).exists():
                raise ValidationError(TOKEN_ERROR, code="token")
        token = data.get("token")
        if token and token.page.language not in dict(settings.LANGUAGES):
            raise ValidationError(TOKEN_ERROR, code="token")
        return data

    def choices(self):
        """What the confirmation link will subscribe to."""
        data = self.cleaned_data
        return {
            "email": data["email"],
            "language": data["token"].page.language,
            "frequency": data["frequency"],
            "all": not (data.get("topic") or data.get("organisation")),
            "topics": [data["topic"]] if data.get("topic") else [],
            "organisations": [data["organisation"]] if data.get("organisation") else [],
        }


class ChangeForm(forms.ModelForm):
    class Meta:
        model = Subscription
        fields = ["frequency", "all_news", "topics", "organisations"]
        widgets = {
            "frequency": forms.RadioSelect,
            "topics": forms.CheckboxSelectMultiple,
            "organisations": forms.CheckboxSelectMultiple,
        }
        labels = {"all_news": _("All news")}

    def clean(self):
        data = super().clean()
        if not (data.get("all_news") or data.get("topics") or data.get("organisations")):
            raise ValidationError(
                _("Choose all news, or at least one topic or organisation."), code="empty"
            )
        return data
