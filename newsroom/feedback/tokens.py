"""Signed values the feedback form carries, so readers need no cookie and nothing can be forged.

- The form token, rendered with the page: the page's path, language and content, the render time
  and a random nonce. Cached copies of a page share it, so the answer's submission id is derived
  from the nonce and the reader's daily client hash (see ``antispam.client_hash``).
- The comment reference: the stored answer a comment belongs to.
- The page state in ``?feedback=``: which step a page shows after a post without JavaScript.
"""

import math
import time
import uuid
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing

FORM_SALT = "newsroom.feedback.form"
COMMENT_SALT = "newsroom.feedback.comment"
STATE_SALT = "newsroom.feedback.state"
STATE_MAX_AGE = 24 * 60 * 60


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class PageRef:
    """What an answer is about: the page, its language, and the content it shows."""

    path: str
    return_to: str
    language: str
    page_type: str = ""
    content_type_id: int | None = None
    object_id: int | None = None
    owner_content_type_id: int | None = None
    owner_object_id: int | None = None


@dataclass(frozen=True)
class FormToken:
    page: PageRef
    nonce: str
    rendered_at: float

    def submission_id(self, client_hash):
        """One id per page render and reader: a retried or double-clicked answer repeats it."""
        return uuid.uuid5(uuid.NAMESPACE_OID, f"{self.nonce}:{client_hash}")


def make_form_token(page):
    # Rounded down, so the time since rendering is never less than it was.
    rendered_at = math.floor(time.time() * 100) / 100
    payload = {"p": asdict(page), "n": uuid.uuid4().hex, "t": rendered_at}
    return signing.dumps(payload, salt=FORM_SALT, compress=True)


def read_form_token(value):
    try:
        payload = signing.loads(value, salt=FORM_SALT, max_age=settings.FEEDBACK_TOKEN_MAX_AGE)
        return FormToken(page=PageRef(**payload["p"]), nonce=payload["n"], rendered_at=payload["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidToken from error


@dataclass(frozen=True)
class CommentRef:
    feedback_id: int
    submission_id: str
    helpful: bool
    return_to: str
    language: str


def make_comment_ref(feedback, return_to):
    payload = {
        "i": feedback.pk,
        "s": str(feedback.submission_id),
        "h": feedback.helpful,
        "u": return_to,
        "l": feedback.language,
    }
    return signing.dumps(payload, salt=COMMENT_SALT, compress=True)


def read_comment_ref(value):
    try:
        payload = signing.loads(value, salt=COMMENT_SALT, max_age=settings.FEEDBACK_TOKEN_MAX_AGE)
        return CommentRef(
            feedback_id=int(payload["i"]),
            submission_id=str(payload["s"]),
            helpful=bool(payload["h"]),
            return_to=str(payload["u"]),
            language=str(payload["l"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidToken from error


def make_state(step, ref=""):
    return signing.dumps({"s": step, "r": ref}, salt=STATE_SALT, compress=True)


def read_state(value):
    """``(step, comment_ref_value, comment_ref)`` from ``?feedback=``, or ``None``."""
    try:
        payload = signing.loads(value, salt=STATE_SALT, max_age=STATE_MAX_AGE)
        step, ref_value = str(payload["s"]), str(payload["r"])
        return step, ref_value, read_comment_ref(ref_value) if ref_value else None
    except (signing.BadSignature, InvalidToken, KeyError, TypeError, ValueError):
        return None
