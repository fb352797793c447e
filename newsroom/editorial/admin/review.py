"""The one-click review of a page whose review date has come: "still correct".

Review reminders link here. The page asks for one press of a button (a link alone must change
nothing: mail scanners follow links); the post moves the review date on and is audited. Anyone
who may change the model and sees the object (its organisation) may review it: the date is not
something readers see, so it needs no publish right.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import services


class ReviewAdmin:
    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/still-correct/",
                self.admin_site.admin_view(self.still_correct_view),
                name=f"{opts.app_label}_{opts.model_name}_still_correct",
            ),
            *super().get_urls(),
        ]

    def has_review_permission(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def still_correct_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This page does not exist, or you cannot see it."))
        if not self.has_review_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        if request.method == "POST":
            services.mark_reviewed(obj, user=request.user)
            self.message_user(
                request,
                _("“%(title)s” is reviewed; the next review is on %(date)s.")
                % {"title": obj, "date": date_format(obj.review_by, "j F Y")},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Is this page still correct?"),
            "object": obj,
            "opts": opts,
            "change_url": change_url,
            "public_url": obj.get_absolute_url() if obj.is_published() else "",
        }
        return TemplateResponse(request, "editorial/still_correct.html", context)
