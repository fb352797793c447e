import contextlib
import logging

from django.conf import settings
from django.contrib import admin
from django.db import router, transaction
from django.http import UnreadablePostError
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from modeltranslation.admin import TabbedTranslationAdmin

from ..admin_choices import BlockChoicesMixin
from .models import Image
from .storing import NotStored

logger = logging.getLogger(__name__)

THUMBNAIL_WIDTH = 120
NOT_STORED = "_images_not_stored"  # on the request: its upload could not be stored


@admin.register(Image)
class ImageAdmin(BlockChoicesMixin, TabbedTranslationAdmin):
    list_display = ["thumbnail", "__str__", "credit", "dimensions", "created"]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["decorative", "created"]
    search_fields = [
        *(
            f"{field}_{code}"
            for field in ("alt_text", "caption")
            for code, _name in settings.LANGUAGES
        ),
        "credit",
    ]
    date_hierarchy = "created"
    readonly_fields = ["preview", "dimensions"]
    fields = ["file", "preview", "dimensions", "alt_text", "decorative", "caption", "credit"]

    # Uploads. Django's CSRF middleware reads the request body before any view runs, and a
    # full FILE_UPLOAD_TEMP_DIR fails there, a 500. These two views are exempt from the
    # middleware: they read the upload themselves, answer 503 if it cannot be received, and
    # then check CSRF as the middleware would have.

    @csrf_exempt
    def add_view(self, request, form_url="", extra_context=None):
        return self._receive(request, super().add_view, form_url, extra_context)

    @csrf_exempt
    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._receive(request, super().change_view, object_id, form_url, extra_context)

    def _receive(self, request, view, *args):
        try:
            request.POST  # noqa: B018  (parses the upload, to memory or FILE_UPLOAD_TEMP_DIR)
        except UnreadablePostError:
            raise  # the browser went away: Django's usual answer
        except OSError:
            logger.exception("An image upload could not be received (FILE_UPLOAD_TEMP_DIR full?)")
            for handler in request.upload_handlers:  # the part written so far goes now
                if getattr(handler, "file", None) is not None:
                    with contextlib.suppress(OSError):
                        handler.file.close()  # a temporary file is deleted as it closes
            context = {
                **self.admin_site.each_context(request),
                "title": _("The image could not be received"),
                "opts": self.opts,
                "form_url": request.path,
            }
            return TemplateResponse(request, "images/not_received.html", context, status=503)
        return csrf_protect(view)(request, *args)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except NotStored:
            logger.exception("An image could not be stored; the editor was told to try later.")
        # Its files are removed and its transaction is rolled back. The same form again, with
        # the reason on the file field (get_form).
        setattr(request, NOT_STORED, True)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)  # a new class each time
        if getattr(request, NOT_STORED, False) and "file" in form.base_fields:
            form.base_fields["file"].not_stored = True
        return form

    def delete_queryset(self, request, queryset):
        # One by one, for Image.delete lets go of the files too (QuerySet.delete would not).
        with transaction.atomic(using=router.db_for_write(self.model)):
            for image in queryset:
                image.delete()

    def choice(self, image):
        return {
            "id": image.pk,
            "label": f"{image.alt_text or image.caption or image.file.name} (#{image.pk})",
            "thumbnail": image.thumbnail_url,
        }

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return self._img(obj, THUMBNAIL_WIDTH)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.pk:
            return _("The preview appears once the image is saved.")
        return self._img(obj, 320)

    @admin.display(description=_("size in pixels"))
    def dimensions(self, obj):
        if not obj.width:
            return _("Known once the image is saved.")
        return f"{obj.width} \N{MULTIPLICATION SIGN} {obj.height}"

    def _img(self, obj, width):
        if not obj.file:
            return None  # the admin's empty value
        height = round(obj.height * width / obj.width) if obj.width else width
        # The alt text is right beside it in the admin; the preview itself is decoration.
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}" loading="lazy">',
            obj.thumbnail_url,
            width,
            height,
        )
