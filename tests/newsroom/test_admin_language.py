import pytest


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
