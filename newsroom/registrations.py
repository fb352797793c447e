"""What the cross-cutting apps work on, told here, in the one package that knows every app.

Editorial (roles, scoping, workflow), search and the page cache import no content model:
``SiteConfig.ready()`` calls ``register()`` once the models are loaded. Feedback needs no
registration: a page names its content object, and the object its ``feedback_owner``.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from newsroom.core import pagecache
from newsroom.documents import usage as documents
from newsroom.editorial import registry as editorial
from newsroom.editorial.reminders import review_reminders
from newsroom.editorial.roles import MANAGE, VIEW, WRITE
from newsroom.feedback.digest import feedback_digests
from newsroom.feedback.page_types import register_page_name
from newsroom.notifications import registry as notifications
from newsroom.redirects import registry as redirects
from newsroom.search import sources as search
from newsroom.subscriptions import registry as subscriptions
from newsroom.subscriptions.services import forget_confirmation_mails, news_to_subscribers


def register():
    register_editorial()
    register_search()
    register_page_cache()
    register_notifications()
    register_redirects()
    register_documents()
    register_feedback_pages()


def register_notifications():
    """The jobs ``send_notifications`` runs before it sends what they recorded."""
    notifications.register_job("review reminders", review_reminders)
    notifications.register_job("feedback digests", feedback_digests)
    subscriptions.set_news(
        article="newsroom.Article",
        topic="newsroom.Topic",
        organisation="organisations.Organisation",
    )
    notifications.register_job("news to subscribers", news_to_subscribers)
    notifications.register_job("unconfirmed addresses forgotten", forget_confirmation_mails)


def register_page_cache():
    """Every model a public page shows: a change to any of them invalidates cached pages."""
    models = [
        "newsroom.Article",
        "newsroom.ArticleContact",
        "newsroom.Topic",
        "events.Event",
        "events.EventContact",
        "events.ProgrammeItem",
        "organisations.Organisation",
        "organisations.ContactPerson",
        "organisations.SocialLink",
        "images.Image",
        "documents.Document",
        "pages.Page",
        "pages.SiteSettings",
        "pages.SiteLink",
    ]
    pagecache.invalidate_on(*(apps.get_model(label) for label in models))
    for label in ["newsroom.Article", "events.Event", "pages.Page"]:
        pagecache.schedule_from(apps.get_model(label).objects.all)
    # Health checks answer for this process, now: never from a stored copy, nor looked up.
    pagecache.skip_if(lambda request: request.path in ("/healthz", "/readyz"))


def register_redirects():
    """Pages whose old addresses keep answering (301) after their slug changes."""
    redirects.register("newsroom.Article", url_name="news:detail", visible="published")
    redirects.register("newsroom.Topic", url_name="news:topic")
    redirects.register("events.Event", url_name="events:detail", visible="published")
    redirects.register("pages.Page", url_name="pages:detail", visible="published")
    redirects.register(
        "organisations.Organisation", url_name="organisations:detail", visible="active"
    )


def register_documents():
    """The rich text that may link to documents: where the admin looks for their uses."""
    documents.register("newsroom.Article", "body", "fact_box")
    documents.register("events.Event", "body")
    documents.register("pages.Page", "body")
    documents.register("organisations.Organisation", "description")


def register_feedback_pages():
    """The names editors read in the feedback filters for pages that show no one object."""
    for url_name, name in {
        "home": _("Home"),
        "news:list": _("News"),
        "news:topic": _("Topic"),
        "events:list": _("Events"),
        "events:past": _("Past events"),
        "organisations:list": _("Organisations"),
        "pages:index": _("About this website"),
        "search": _("Search"),
    }.items():
        register_page_name(url_name, name)


def register_editorial():
    editorial.set_organisation_model("organisations.Organisation")
    content = {"editor": WRITE, "publisher": MANAGE, "workflow": True}
    editorial.register("newsroom.Article", inlines=("newsroom.articlecontact",), **content)
    editorial.register(
        "events.Event", inlines=("events.eventcontact", "events.programmeitem"), **content
    )
    editorial.register("newsroom.Topic", editor=VIEW)
    editorial.register("organisations.Organisation", editor=("change", "view"))
    editorial.register("organisations.ContactPerson", editor=WRITE, publisher=MANAGE)
    editorial.register("organisations.SocialLink", editor=MANAGE)
    editorial.register("images.Image", editor=WRITE)
    editorial.register("documents.Document", editor=WRITE, publisher=MANAGE)
    editorial.register("feedback.Feedback", editor=VIEW, publisher=("change", "view"))


def register_search():
    articles_and_events = {
        "title": ("title",),
        "body": ("lead", "body"),
        "translated": frozenset({"title", "lead", "body"}),
        "rich_text": frozenset({"body"}),
        "visible": "published",
        "select_related": ("organisation",),
    }
    search.register(
        search.Source(
            key="articles",
            label=_("News"),
            model="newsroom.Article",
            dates=("publish_at",),
            date_label=_("Published"),
            **articles_and_events,
        )
    )
    search.register(
        search.Source(
            key="events",
            label=_("Events"),
            model="events.Event",
            dates=("start",),
            date_label=_("Date"),
            **articles_and_events,
        )
    )
    search.register(
        search.Source(
            key="organisations",
            label=_("Organisations"),
            model="organisations.Organisation",
            title=("name", "short_name"),
            body=("description",),
            translated=frozenset({"name", "description"}),
            visible="active",
        )
    )
    search.register(
        search.Source(
            key="contacts",
            label=_("Contact persons"),
            model="organisations.ContactPerson",
            title=("name",),
            body=("title",),
            translated=frozenset({"title"}),
            visible="public",
            filters={"organisation__is_active": True},
            select_related=("organisation",),
        )
    )
    search.register(
        search.Source(
            key="pages",
            label=_("About this website"),
            model="pages.Page",
            title=("title",),
            body=("lead", "body"),
            translated=frozenset({"title", "lead", "body"}),
            rich_text=frozenset({"body"}),
            dates=("updated_at", "publish_at"),
            date_label=_("Last updated"),
            visible="published",
        )
    )
