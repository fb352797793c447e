"""Staff accounts by e-mail: password reset, and invitations by a site administrator.

Both mails hold a link that sets a password (Django's reset token: it stops working once the
password is set, and after PASSWORD_RESET_TIMEOUT). They are sent at once, not recorded in the
outbox of ``newsroom.notifications``: a working password link must not wait in the database.

The reset form answers the same for known and unknown addresses, and is rate-limited per client
address and per address asked for (PASSWORD_RESET_RATE_LIMIT an hour) in the default cache:
with Redis (CACHE_URL) the count is shared by every worker, otherwise each worker counts alone.
The keys are keyed hashes, never an address.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import PasswordResetView
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from newsroom.core.clients import client_address, count_in_cache
from newsroom.notifications.services import STAFF_HEADERS, is_deliverable, one_line, render_mail

from . import registry
from .roles import SITE_ADMINISTRATOR
from .staff import ROLE_LABELS, give_role

logger = logging.getLogger(__name__)

RATE_WINDOW = 60 * 60
TOO_MANY = _("Many password resets have been asked for from here. Please try again in an hour.")


def send_staff_mail(template, context, to_email):
    """Send one staff mail now, both parts, in the active language; false if it failed."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    subject, text, html = render_mail(f"editorial/mail/{template}", context, language)
    message = EmailMultiAlternatives(subject, text, to=[to_email], headers=STAFF_HEADERS)
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the %s mail.", template)
        return False
    return True


def link_days():
    """How many days a set-password link works, as the invitation says."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def set_password_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.SITE_URL + path


def _count(kind, value):
    key = "accounts:rate:" + salted_hmac(f"newsroom.accounts.{kind}", value).hexdigest()
    return count_in_cache(cache, key, timeout=RATE_WINDOW)


def is_rate_limited(request, email):
    """Asked too often, from this client (as the proxy names it) or for this address."""
    limit = settings.PASSWORD_RESET_RATE_LIMIT
    by_client = _count("client", client_address(request))
    by_address = _count("address", email.strip().lower())
    return by_client > limit or by_address > limit


class StaffPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        if is_deliverable(to_email):
            send_staff_mail("password_reset", {"link": set_password_url(context["user"])}, to_email)


class StaffPasswordResetView(PasswordResetView):
    form_class = StaffPasswordResetForm
    template_name = "editorial/password_reset_form.html"

    def form_valid(self, form):
        if is_rate_limited(self.request, form.cleaned_data["email"]):
            form.add_error("email", TOO_MANY)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    first_name = forms.CharField(label=_("first name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("role"), choices=ROLE_LABELS.items())
    organisation = forms.ModelChoiceField(
        label=_("organisation"),
        queryset=None,
        required=False,
        help_text=_("Not needed for site administrators, who work on every organisation."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = registry.organisation_model().objects.all()

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if not is_deliverable(email):
            raise forms.ValidationError(_("Enter a valid e-mail address."), code="invalid")
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("A person with this address has an account already."), code="exists"
            )
        return email

    def clean_first_name(self):
        return one_line(self.cleaned_data["first_name"], limit=150)

    def clean_last_name(self):
        return one_line(self.cleaned_data["last_name"], limit=150)

    def clean(self):
        data = super().clean()
        if data.get("role") and data["role"] != SITE_ADMINISTRATOR and not data.get("organisation"):
            self.add_error("organisation", _("Choose the organisation the person will work for."))
        return data


def invite(*, email, role, organisation, invited_by, first_name="", last_name=""):
    """Make the account (no password yet) and mail the link that sets it; ``(user, sent)``."""
    User = get_user_model()
    user = User(
        username=email.lower()[:150],
        email=email,
        first_name=first_name,
        last_name=last_name,
    )
    user.set_unusable_password()
    user.save()
    organisations = [organisation] if organisation and role != SITE_ADMINISTRATOR else []
    give_role(user, role=role, organisations=organisations)
    inviter = invited_by.get_full_name() or invited_by.get_username()
    sent = send_staff_mail(
        "invitation",
        {
            "link": set_password_url(user),
            "inviter": one_line(inviter, limit=100),
            "role": ROLE_LABELS[role],
            "organisation": organisation if role != SITE_ADMINISTRATOR else None,
            "username": user.get_username(),
            "days": link_days(),
        },
        email,
    )
    return user, sent
