"""Repeated comments: the same text on the same page under new answers, within a few minutes.

The first is kept; each repeat within FEEDBACK_DUPLICATE_SECONDS (5 minutes) after it points to it
with ``duplicate_of`` and is left out of counts, the dashboard and exports. Editors see the repeats
in the admin with the filter "Show duplicates"; deleting the kept answer deletes its repeats. Texts
are compared after redaction, folded:

- Unicode compatibility forms (NFKC), so full-width letters or ligatures are the letters;
- case (``casefold``);
- invisible format characters (zero-width spaces and joiners, soft hyphens) removed;
- whitespace: any run of it is one space, none at the ends.

What is stored for the comparison is a keyed hash of the folded text (``comment_digest``), not a
second copy of the text; it is deleted with the comment text at the end of its retention period.

Two identical comments stored at the very same moment by two workers may both be kept (neither
sees the other yet); every later repeat is caught.
"""

import unicodedata

from django.utils.crypto import salted_hmac

DIGEST_SALT = "newsroom.feedback.comment-digest"


def fold(text):
    """The text as compared: compatibility forms, case, format characters and spacing folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return " ".join(text.split())


def digest(text):
    """A keyed hash of the folded text; empty for a text that folds to nothing."""
    folded = fold(text)
    if not folded:
        return ""
    return salted_hmac(DIGEST_SALT, folded, algorithm="sha256").hexdigest()
