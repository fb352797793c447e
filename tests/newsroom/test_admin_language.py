import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "lang"), [("nb", "nb"), ("nn-NO,nn;q=0.9", "nn"), ("en-GB", "en"), ("", "sv")]
)
def test_the_admin_follows_the_editors_browser_language(client, accept, lang):
    response = client.get("/admin/login/", headers={"accept-language": accept})
    assert f'<html lang="{lang}"' in response.content.decode()


@pytest.mark.django_db
def test_public_pages_follow_the_url_not_the_browser(client):
    response = client.get("/", headers={"accept-language": "en"})
    assert '<html lang="sv"' in response.content.decode()
    response = client.get("/nn/", headers={"accept-language": "en"})
    assert '<html lang="nn"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "person", "article"), [("sv", "Titel", "Rubrik"), ("nb", "Tittel", "Tittel")]
)
def test_a_persons_title_is_labelled_as_a_role_not_a_headline(
    admin_client, accept, person, article
):
    def title_label(name):
        page = admin_client.get(reverse(name), headers={"accept-language": accept})
        match = re.search(r'<label[^>]*for="id_title_sv"[^>]*>([^<:]*)', page.content.decode())
        return match[1].strip()

    assert title_label("admin:organisations_contactperson_add").startswith(person)
    assert title_label("admin:newsroom_article_add").startswith(article)
