"""Two organisations, their content, and users in each role.

``own`` is the organisation the editor and publisher belong to; ``other`` is somebody else's.
"""

import uuid
from types import SimpleNamespace

import pytest
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.auth.models import Group, User
from django.urls import reverse

from newsroom.core.publishing import Status
from newsroom.editorial.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR
from newsroom.feedback.models import Feedback
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import draft
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

PASSWORD = "correct horse battery staple 42"

ADMIN_NAMES = {
    "article": "newsroom_article",
    "event": "events_event",
    "contactperson": "organisations_contactperson",
    "organisation": "organisations_organisation",
    "feedback": "feedback_feedback",
}


def admin_url(model, view, *args):
    return reverse(f"admin:{ADMIN_NAMES[model]}_{view}", args=args)


def make_user(username, role, *organisations):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    for organisation in organisations:
        organisation.members.add(user)
    return user


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def orgs(db):
    return SimpleNamespace(
        own=OrganisationFactory(name_sv="Egna verket", name_en="Own Agency"),
        other=OrganisationFactory(name_sv="Andra verket", name_en="Other Agency"),
    )


@pytest.fixture
def editor(orgs):
    return make_user("editor", EDITOR, orgs.own)


@pytest.fixture
def publisher(orgs):
    return make_user("publisher", PUBLISHER, orgs.own)


@pytest.fixture
def site_admin(orgs):
    return make_user("siteadmin", SITE_ADMINISTRATOR)


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def as_editor(client, editor):
    return logged_in(client, editor)


@pytest.fixture
def as_publisher(client, publisher):
    return logged_in(client, publisher)


@pytest.fixture
def as_site_admin(client, site_admin):
    return logged_in(client, site_admin)


def feedback_for(organisation, path, comment=""):
    return Feedback.objects.create(
        submission_id=uuid.uuid4(),
        path=path,
        language="sv",
        helpful=False,
        comment=comment,
        owner=organisation,
    )


def event_draft(**kwargs):
    return EventFactory(status=Status.DRAFT, publish_at=None, **kwargs)


@pytest.fixture
def content(orgs):
    """One object of each scoped model per organisation: ``{model: (own, other)}``."""
    own, other = orgs.own, orgs.other
    return {
        "article": (
            draft(organisation=own, title_sv="Egen nyhet", title_en="Own news"),
            draft(organisation=other, title_sv="Annan nyhet", title_en="Other news"),
        ),
        "event": (
            event_draft(organisation=own, title_sv="Eget seminarium", title_en="Own seminar"),
            event_draft(organisation=other, title_sv="Annat seminarium", title_en="Other seminar"),
        ),
        "contactperson": (
            ContactPersonFactory(organisation=own, name="Egon Egen"),
            ContactPersonFactory(organisation=other, name="Anna Annan"),
        ),
        "organisation": (own, other),
        "feedback": (
            feedback_for(own, "/nyheter/egen/", "Egen kommentar"),
            feedback_for(other, "/nyheter/annan/", "Annan kommentar"),
        ),
    }


def reload(obj):
    return type(obj)._default_manager.get(pk=obj.pk)


def exists(obj):
    return type(obj)._default_manager.filter(pk=obj.pk).exists()


def _post_values(data, widget):
    name, value = widget["name"], widget["value"]
    if widget.get("type") == "checkbox":
        if widget["attrs"].get("checked"):
            data[name] = "on"
    elif isinstance(value, list):
        data[name] = [item for item in value if item not in (None, "")]
    else:
        data[name] = "" if value is None else value


def form_data(response):
    """What the browser would post back from an admin change form, unchanged."""
    context = response.context
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for bound in form:
            widget = bound.field.widget
            while isinstance(widget, RelatedFieldWidgetWrapper):
                widget = widget.widget
            rendered = widget.get_context(bound.html_name, bound.value(), {})["widget"]
            for part in rendered.get("subwidgets") or [rendered]:
                _post_values(data, part)
    return data
