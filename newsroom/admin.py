from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from newsroom.editorial.admin import EditorialAdmin, ScopedChoicesMixin

from .models import Article, ArticleContact, Topic


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_sv", "name_nb", "name_nn", "name_en"]


class ArticleContactInline(ScopedChoicesMixin, admin.TabularInline):
    model = ArticleContact
    extra = 0
    autocomplete_fields = ["contact"]
    fields = ["contact", "position"]


@admin.register(Article)
class ArticleAdmin(EditorialAdmin, TabbedTranslationAdmin):
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
    readonly_fields = ["preview_link", "created", "modified"]
    # publish and unpublish come from EditorialAdmin: publishers only, with review date and audit.
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "lead", "image", "body"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "unpublish_at",
                    "updated_at",
                    "review_by",
                    "preview_link",
                ]
            },
        ),
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
        (_("History"), {"fields": ["created", "modified"], "classes": ["collapse"]}),
    ]
