from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from newsroom.core.original_language_admin import OriginalLanguageAdmin
from newsroom.editorial.admin.history import HistoryAdmin
from newsroom.editorial.admin.scoping import ScopedChoicesMixin
from newsroom.editorial.admin.working_copies import WorkingCopyAdmin
from newsroom.editorial.staff import ROLE_LABELS, role_of

from . import numbers
from .models import ContactPerson, Organisation, SocialLink

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Addresses typed without a scheme are https (Django 6's default; no deprecation warning).
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class ContactLinkInline(ScopedChoicesMixin, admin.TabularInline):
    """A page's contact persons in the editor's order; ``model`` is its ``ContactLink``."""

    extra = 0
    autocomplete_fields = ["contact"]
    fields = ["contact", "position"]


class OrganisationAdminForm(forms.ModelForm):
    """Shows the stored (normalised) numbers as people write them; clean() normalises again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["organisation_number"] = self.instance.organisation_number_display
            self.initial["phone"] = self.instance.phone_display


class ContactPersonAdminForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["phone"] = self.instance.phone_display


class SocialLinkInline(admin.TabularInline):
    model = SocialLink
    extra = 0
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS


class ContactPersonInline(TranslationStackedInline):
    model = ContactPerson
    form = ContactPersonAdminForm
    extra = 0
    fields = [
        ("name", "title"),
        ("phone", "email"),
        "photo",
        ("is_public", "is_press_contact"),
    ]
    autocomplete_fields = ["photo"]


@admin.register(Organisation)
class OrganisationAdmin(
    OriginalLanguageAdmin, WorkingCopyAdmin, HistoryAdmin, TabbedTranslationAdmin
):
    form = OrganisationAdminForm
    organisation_field = "pk"  # editors see the organisations they are staff of
    site_admin_only_fields = ["parent", "is_active"]
    list_display = [
        "logo_thumbnail",
        "name",
        "short_name",
        "kind",
        "country",
        "organisation_number_display",
        "parent",
        "is_active",
    ]
    list_display_links = ["logo_thumbnail", "name"]
    list_filter = ["kind", "country", "is_active"]
    list_select_related = ["logo", "parent"]
    search_fields = [
        *(f"name_{code}" for code in LANGUAGE_CODES),
        "short_name",
        "organisation_number",
    ]
    autocomplete_fields = ["parent", "logo"]
    readonly_fields = ["staff"]
    inlines = [ContactPersonInline, SocialLinkInline]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "original_language",
                    "name",
                    "slug",
                    "short_name",
                    "kind",
                    "country",
                    "parent",
                    "is_active",
                ]
            },
        ),
        (_("Description"), {"fields": ["logo", "description"]}),
        (
            _("Contact details"),
            {
                "fields": [
                    "organisation_number",
                    "seat",
                    "visiting_address",
                    "postal_address",
                    "phone",
                    "email",
                    "website",
                ]
            },
        ),
        (_("Staff"), {"fields": ["staff"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {f"slug_{code}": [f"name_{code}"] for code in LANGUAGE_CODES}

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, obj):
        if not obj.logo:
            return ""
        return format_html(
            '<img src="{}" alt="" width="48" class="organisation-admin-thumbnail">',
            obj.logo.thumbnail_url,
        )

    @admin.display(description=_("organisation number"), ordering="organisation_number")
    def organisation_number_display(self, obj):
        return obj.organisation_number_display

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.has_perm("auth.change_user"):
            return fieldsets
        return [fieldset for fieldset in fieldsets if "staff" not in fieldset[1]["fields"]]

    @admin.display(description=_("staff"))
    def staff(self, obj):
        """Who works on this organisation; roles are given on the person's page, so the names
        lead there."""
        people = obj.members.prefetch_related("groups").order_by("username") if obj.pk else []
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a> ({})</li>',
            (
                (
                    reverse("admin:auth_user_change", args=[person.pk]),
                    person.get_full_name() or person.get_username(),
                    ROLE_LABELS.get(role_of(person)) or _("no role"),
                )
                for person in people
            ),
        )
        listed = format_html('<ul class="editorial-staff">{}</ul>', items) if items else None
        return format_html(
            '{}<p class="help">{}</p>',
            listed or _("Nobody yet."),
            _("A site administrator gives a person a role and organisations on the person's page."),
        )

    def get_search_results(self, request, queryset, search_term):
        unsearched = queryset
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Numbers are stored as digits only; find them however the editor writes them.
        digits = numbers.SEPARATORS.sub("", search_term)
        if len(digits) >= 4 and digits.isascii() and digits.isdigit():
            queryset |= unsearched.filter(organisation_number__contains=digits)
        return queryset, may_have_duplicates


@admin.register(ContactPerson)
class ContactPersonAdmin(HistoryAdmin, TabbedTranslationAdmin):
    form = ContactPersonAdminForm
    list_display = ["name", "title", "organisation", "email", "is_public", "is_press_contact"]
    list_filter = ["is_public", "is_press_contact", "organisation__country"]
    list_select_related = ["organisation"]
    search_fields = [
        "name",
        "email",
        *(f"title_{code}" for code in LANGUAGE_CODES),
        *(f"organisation__name_{code}" for code in LANGUAGE_CODES),
        "organisation__short_name",
    ]
    autocomplete_fields = ["organisation", "photo"]
    fields = [
        "name",
        "title",
        "organisation",
        ("phone", "email"),
        "photo",
        ("is_public", "is_press_contact"),
    ]
