from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Image

THUMBNAIL_WIDTH = 120


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
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
        return f"{obj.width} \N{MULTIPLICATION SIGN} {obj.height}" if obj.width else None

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
