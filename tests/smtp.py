"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the mail tests.

``smtp_server`` points Django's SMTP backend at it. ``refuse`` holds addresses whose RCPT it
answers with a permanent refusal, as a real server does for a mailbox that does not exist.
"""

import email
import logging
import socket
from dataclasses import dataclass, field
from email import policy

import pytest
from aiosmtpd.controller import Controller


@dataclass
class Received:
    sender: str
    recipients: list
    message: email.message.EmailMessage

    def part(self, content_type):
        return self.message.get_body(preferencelist=(content_type.split("/")[1],)).get_content()

    @property
    def text(self):
        return self.part("text/plain")

    @property
    def html(self):
        return self.part("text/html")


@dataclass
class Inbox:
    received: list = field(default_factory=list)
    refuse: set = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        """Down, as during an outage; ``start()`` brings it back on the same port."""
        self.controller.stop()

    def to(self, address):
        return [mail for mail in self.received if address in mail.recipients]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    inbox = Inbox()
    inbox.port = free_port()
    inbox.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = inbox.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Newsroom <news@example.org>"
    settings.SITE_URL = "https://www.example.org"
    yield inbox
    inbox.stop()
