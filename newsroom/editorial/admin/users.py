"""People's accounts, with their role and organisations in one place.

Django's user page spreads access over "staff status", "groups" and per-user permissions, and
the organisations a person works for live on each organisation's page. Here the site
administrator chooses a role and the organisations together; staff status follows from the
role (``staff.give_role``), and permissions come from the roles alone, as ``roles`` defines them.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.utils.translation import gettext_lazy as _

from .. import registry
from ..roles import ROLE_NAMES, SITE_ADMINISTRATOR
from ..staff import ROLE_LABELS, give_role, organisations_accessor, organisations_of, role_of

NO_ROLE = _("No role: cannot log in to the admin")


class RoleForm(UserChangeForm):
    role = forms.ChoiceField(
        label=_("role"),
        choices=[("", NO_ROLE), *ROLE_LABELS.items()],
        required=False,
        widget=forms.RadioSelect,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("organisations"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The organisations whose content the person works on. Not needed for site "
            "administrators, who work on every organisation."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = registry.organisation_model().objects.all()
        if self.instance.pk:
            self.initial["role"] = role_of(self.instance)
            self.initial["organisations"] = list(organisations_of(self.instance).all())

    def clean(self):
        data = super().clean()
        role = data.get("role")
        if role and role != SITE_ADMINISTRATOR and not data.get("organisations"):
            self.add_error("organisations", _("Choose the organisations the person will work for."))
        return data


class RoleListFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [*ROLE_LABELS.items(), ("none", _("No role"))]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.exclude(groups__name__in=ROLE_NAMES)
        if self.value() in ROLE_LABELS:
            return queryset.filter(groups__name=self.value())
        return queryset


class StaffUserAdmin(UserAdmin):
    form = RoleForm
    list_display = ["username", "email", "first_name", "last_name", "role", "organisation_names"]
    list_filter = [RoleListFilter, "is_active"]
    readonly_fields = ["last_login", "date_joined"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return super().get_fieldsets(request, obj)
        access = ["role", "organisations", "is_active"]
        if request.user.is_superuser:  # only a superuser makes another
            access.append("is_superuser")
        return [
            (None, {"fields": ["username", "password"]}),
            (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
            (_("Role and organisations"), {"fields": access}),
            (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups", organisations_accessor())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "role" in form.cleaned_data:
            give_role(
                form.instance,
                role=form.cleaned_data["role"],
                organisations=form.cleaned_data["organisations"],
            )

    @admin.display(description=_("role"))
    def role(self, obj):
        return ROLE_LABELS.get(role_of(obj), "")

    @admin.display(description=_("organisations"))
    def organisation_names(self, obj):
        return ", ".join(str(organisation) for organisation in organisations_of(obj).all())
