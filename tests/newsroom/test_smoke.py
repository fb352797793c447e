import pytest


@pytest.mark.django_db
def test_home_page_renders_in_every_language(client):
    for prefix in ["", "/nb", "/nn", "/en"]:
        response = client.get(f"{prefix}/")
        assert response.status_code == 200
