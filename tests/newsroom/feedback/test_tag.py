"""The form on a page with a content object: the answer is grouped by the object's owner."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.translation import override

from newsroom.feedback import tokens
from newsroom.feedback.models import Feedback

from .conftest import TOKEN, post_answer


def _render(request, **context):
    template = Template("{% load feedback %}{% feedback_form %}")
    return template.render(Context({"request": request, **context}))


@pytest.mark.django_db
def test_form_carries_the_object_and_its_owner(client):
    owner = Group.objects.create(name="Myndigheten")
    content = Group.objects.create(name="En artikel")
    content.feedback_owner = owner
    with override("en"):  # as LocaleMiddleware does for /en/
        html = _render(RequestFactory().get("/en/"), object=content)
    token = TOKEN.search(html).group(1)
    page = tokens.read_form_token(token).page
    group_type = ContentType.objects.get_for_model(Group)
    assert (page.content_type_id, page.object_id) == (group_type.pk, content.pk)
    assert (page.owner_content_type_id, page.owner_object_id) == (group_type.pk, owner.pk)
    assert page.page_type == "auth.group"

    post_answer(client, token, "no")
    answer = Feedback.objects.get()
    assert answer.content_object == content
    assert answer.owner == owner
    assert answer.page_type == "auth.group"


@pytest.mark.django_db
def test_object_without_owner():
    content = Group.objects.create(name="Utan ägare")
    html = _render(RequestFactory().get("/"), object=content)
    page = tokens.read_form_token(TOKEN.search(html).group(1)).page
    assert page.object_id == content.pk
    assert page.owner_object_id is None


def test_no_form_without_request_or_on_error_pages():
    assert "feedback" not in _render(None)
    assert "feedback" not in _render(RequestFactory().get("/"), exception="Resolver404")


@pytest.mark.django_db
def test_no_form_for_a_path_that_is_not_ours():
    assert 'id="feedback"' not in _render(RequestFactory().get("/no/such/page/"))
