"""Numbers read from what a reader or an editor sent: an address, a form, stored HTML."""

import re

DIGITS = re.compile(r"[0-9]+")


def whole_number(text, most_digits=18):
    """``text`` as a non-negative int when it is only ASCII digits, at most ``most_digits`` of
    them (18 fit any database id); otherwise None. Not ``str.isdigit``: it also accepts "²",
    which ``int`` refuses."""
    text = text or ""
    if len(text) > most_digits or not DIGITS.fullmatch(text):
        return None
    return int(text)
