"""Password reset by e-mail and invitations, read from a real SMTP server."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from newsroom.editorial.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR

from .conftest import PASSWORD, logged_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Quiet-lantern 58 harbour Moss"
RESET = "/admin/password_reset/"


def link_in(mail):
    [link] = re.findall(r"https://www\.example\.org(/admin/reset/\S+/)", mail.text)
    assert f'href="https://www.example.org{link}"' in mail.html
    return link


def set_password(client, link, password=NEW_PASSWORD):
    response = client.get(link, follow=True)  # Django moves the token out of the address
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    return client.post(form_url, {"new_password1": password, "new_password2": password})


@pytest.fixture
def staff_user(editor):
    editor.email = "editor@example.org"
    editor.save()
    return editor


def test_a_reset_mail_lets_staff_choose_a_new_password(client, staff_user, smtp_server):
    response = client.post(RESET, {"email": "EDITOR@example.org"})
    assert response.status_code == 302
    [mail] = smtp_server.received
    assert mail.recipients == ["editor@example.org"]
    assert mail.message["Auto-Submitted"] == "auto-generated"
    assert mail.message["Subject"] == "Välj ett nytt lösenord för Newsroom"
    link = link_in(mail)
    assert set_password(client, link).status_code == 302
    assert User.objects.get(username="editor").check_password(NEW_PASSWORD)
    assert set_password(Client(), link, "Another-one 77 quite long").status_code == 200  # used


def test_the_answer_is_the_same_for_unknown_addresses_and_non_staff(
    client, staff_user, smtp_server
):
    User.objects.create_user("reader", email="reader@example.org", password=PASSWORD)
    known = client.post(RESET, {"email": "editor@example.org"})
    for email in ("nobody@example.org", "reader@example.org"):
        response = client.post(RESET, {"email": email})
        assert (response.status_code, response["Location"]) == (
            known.status_code,
            known["Location"],
        )
    assert [mail.recipients for mail in smtp_server.received] == [["editor@example.org"]]


def test_resets_are_rate_limited_per_client(client, staff_user, smtp_server, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 2
    statuses = [
        client.post(RESET, {"email": f"guess{n}@example.org"}).status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    response = client.post(RESET, {"email": "editor@example.org"})
    assert response.status_code == 429
    assert response.context["form"].errors["email"] == [
        "Många lösenordsbyten har begärts härifrån. Försök igen om en timme."
    ]
    assert smtp_server.received == []


def test_behind_the_proxy_each_client_has_its_own_limit(client, smtp_server, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 1
    settings.FEEDBACK_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    one, other = {"HTTP_X_FORWARDED_FOR": "192.0.2.1"}, {"HTTP_X_FORWARDED_FOR": "192.0.2.2"}
    assert client.post(RESET, {"email": "a@example.org"}, **one).status_code == 302
    assert client.post(RESET, {"email": "b@example.org"}, **one).status_code == 429
    # Another reader behind the same proxy is not refused for the first one's attempts.
    assert client.post(RESET, {"email": "c@example.org"}, **other).status_code == 302


@pytest.mark.parametrize(
    "email",
    [
        "editor@example.org\r\nBcc: victim@example.com",
        "editor@example.org\x00",
        "a" * 300 + "@example.org",
        "<script>@example.org",
        "",
    ],
)
def test_hostile_reset_addresses_are_refused_without_a_mail(client, staff_user, smtp_server, email):
    response = client.post(RESET, {"email": email})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert smtp_server.received == []


def invite(client, follow=False, **data):
    data = {"first_name": "Nora", "last_name": "Ny", **data}
    return client.post("/admin/invite/", data, follow=follow)


def test_a_site_administrator_invites_a_person_to_a_role_in_an_organisation(
    client, orgs, site_admin, smtp_server
):
    response = invite(
        logged_in(client, site_admin),
        email="nora@example.org",
        role=PUBLISHER,
        organisation=orgs.own.pk,
    )
    assert response.status_code == 302
    nora = User.objects.get(email="nora@example.org")
    assert not nora.has_usable_password()
    assert list(nora.groups.values_list("name", flat=True)) == [PUBLISHER]
    assert list(nora.organisations.all()) == [orgs.own]
    [mail] = smtp_server.received
    assert mail.recipients == ["nora@example.org"]
    assert "Publicist" in mail.text
    assert "Egna verket" in mail.text
    assert set_password(Client(), link_in(mail)).status_code == 302
    assert User.objects.get(username="nora@example.org").check_password(NEW_PASSWORD)


def test_an_invitation_expires(client, orgs, site_admin, smtp_server, settings):
    invite(
        logged_in(client, site_admin),
        email="nora@example.org",
        role=EDITOR,
        organisation=orgs.own.pk,
    )
    link = link_in(smtp_server.received[0])
    settings.PASSWORD_RESET_TIMEOUT = -1  # the link's time is up
    assert set_password(Client(), link).status_code == 200
    assert not User.objects.get(email="nora@example.org").has_usable_password()


def test_an_invitation_the_mail_server_refuses_is_not_reported_as_sent(
    client, orgs, site_admin, monkeypatch
):
    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    response = invite(
        logged_in(client, site_admin),
        email="nora@example.org",
        role=EDITOR,
        organisation=orgs.own.pk,
        follow=True,
    )
    [message] = response.context["messages"]
    assert message.level_tag == "warning"
    assert "nora@example.org" in str(message)
    assert User.objects.filter(email="nora@example.org").exists()


def test_only_site_administrators_may_invite(client, orgs, publisher, smtp_server):
    response = invite(logged_in(client, publisher), email="x@example.org", role=SITE_ADMINISTRATOR)
    assert response.status_code == 403
    assert not User.objects.filter(email="x@example.org").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "editor@example.org", "role": EDITOR}, "email"),  # has an account
        ({"email": "x@example.org\r\nBcc: v@example.com", "role": EDITOR}, "email"),
        ({"email": "x@example.org", "role": "Superuser"}, "role"),
        ({"email": "x@example.org", "role": EDITOR}, "organisation"),  # which one?
        ({"email": "x@example.org", "role": EDITOR, "organisation": "abc"}, "organisation"),
        ({"email": "x@example.org", "role": EDITOR, "organisation": 10**12}, "organisation"),
        ({"email": "x\x00@example.org", "role": EDITOR}, "email"),
        ({"email": "x@example.org", "role": EDITOR, "first_name": "n" * 200}, "first_name"),
    ],
)
def test_hostile_invitations_are_refused(
    client, orgs, site_admin, staff_user, smtp_server, data, field
):
    response = logged_in(client, site_admin).post("/admin/invite/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert smtp_server.received == []
    assert User.objects.count() == 2


def test_a_site_administrator_needs_no_organisation_and_names_are_one_line(
    client, site_admin, smtp_server
):
    invite(
        logged_in(client, site_admin),
        email="admin2@example.org",
        role=SITE_ADMINISTRATOR,
        first_name="Ada\r\nBcc: v@example.com",
    )
    user = User.objects.get(email="admin2@example.org")
    assert user.first_name == "Ada Bcc: v@example.com"
    assert user.groups.get() == Group.objects.get(name=SITE_ADMINISTRATOR)
    assert smtp_server.received[0].recipients == ["admin2@example.org"]


def test_the_admin_home_page_offers_invitations_to_site_administrators_only(
    client, site_admin, publisher
):
    assert "/admin/invite/" in logged_in(client, site_admin).get("/admin/").content.decode()
    assert "/admin/invite/" not in logged_in(client, publisher).get("/admin/").content.decode()
