from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from newsroom.core.original_language_admin import OriginalLanguageAdmin
from newsroom.editorial.admin.publishing import (
    HISTORY_FIELDSET,
    PUBLISHING_FIELDSET,
    EditorialAdmin,
)
from organisations.admin import ContactLinkInline

from .models import Article, ArticleContact, Topic


@admin.register(Topic)
class TopicAdmin(OriginalLanguageAdmin, TabbedTranslationAdmin):
    list_display = ["name", "slug", "original_language"]
    fields = ["original_language", "name", "slug", "description"]
    search_fields = ["name_sv", "name_nb", "name_nn", "name_en"]


class ArticleContactInline(ContactLinkInline):
    model = ArticleContact


@admin.register(Article)
class ArticleAdmin(OriginalLanguageAdmin, EditorialAdmin, TabbedTranslationAdmin):
    list_display = ["title", "kind", "organisation", "status", "publish_at"]
    list_filter = ["status", "kind", "organisation", "topics"]
    list_select_related = ["organisation"]
    search_fields = ["title_sv", "title_nb", "title_nn", "title_en", "lead_sv", "lead_en"]
    date_hierarchy = "publish_at"
    autocomplete_fields = [
        "organisation",
        "related_organisations",
        "page_owner",
        "topics",
        "image",
    ]
    inlines = [ArticleContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # publish and unpublish come from EditorialAdmin: publishers only, with review date and audit.
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["original_language", "kind", "title", "slug", "lead", "image", "body"]}),
        PUBLISHING_FIELDSET,
        (
            _("Organisation and people"),
            {
                "fields": [
                    "organisation",
                    "related_organisations",
                    "page_owner",
                    "guest_author_name",
                    "guest_author_role",
                ]
            },
        ),
        (_("Topics"), {"fields": ["topics"]}),
        (_("Fact box"), {"fields": ["fact_box_heading", "fact_box"]}),
        (
            _("Video"),
            {"fields": ["video_url", "video_title", "video_duration", "video_transcript"]},
        ),
        (_("Search engines"), {"fields": ["seo_description"]}),
        HISTORY_FIELDSET,
    ]
