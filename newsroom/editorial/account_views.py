"""The admin's pages for staff accounts: password reset (Django's views, our form) and the
site administrators' "Invite a person"."""

from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from . import accounts
from .scoping import sees_all_organisations


def may_invite(user):
    return sees_all_organisations(user) and user.has_perm("auth.add_user")


def invitation(request):
    if not may_invite(request.user):
        raise PermissionDenied
    form = accounts.InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, sent = accounts.invite(invited_by=request.user, **form.cleaned_data)
        if sent:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": user.email},
            )
        else:
            messages.warning(
                request,
                _(
                    "The account for %(email)s is made, but the invitation could not be sent. "
                    "The person can choose a password through the login page's link for "
                    "a forgotten password."
                )
                % {"email": user.email},
            )
        return HttpResponseRedirect(reverse("admin_invitation"))
    context = {
        **admin.site.each_context(request),
        "title": _("Invite a person"),
        "form": form,
        "days": accounts.link_days(),
    }
    return TemplateResponse(request, "editorial/invitation.html", context)


# Before the admin's own URLs; the names are the ones Django's admin and views look for.
urlpatterns = [
    path(
        "password_reset/",
        accounts.StaffPasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("invite/", admin.site.admin_view(invitation), name="admin_invitation"),
]
