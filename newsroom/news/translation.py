from modeltranslation.translator import TranslationOptions, register

from .models import Article, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "slug", "description")


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = (
        "title",
        "slug",
        "lead",
        "body",
        "seo_description",
        "video_title",
        "video_transcript",
        "fact_box_heading",
        "fact_box",
        "guest_author_role",
    )
