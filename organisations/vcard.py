"""vCard 3.0 (RFC 2426) for a contact person, so readers can save a contact in one tap."""

from django.utils.translation import gettext as _

LINE_LIMIT = 75  # octets per line before folding (RFC 2426 section 2.6, RFC 6350 section 3.2)


def escape(value):
    """Text value escaping: backslash, comma, semicolon and newlines."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line):
    """Split ``line`` into CRLF-joined pieces of at most 75 octets, never inside a character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        # Continuation lines start with a space, which counts towards their 75 octets.
        limit = LINE_LIMIT if not pieces else LINE_LIMIT - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def split_name(name):
    """(family, given) for the structured N property: the last word is the family name."""
    given, _space, family = name.strip().rpartition(" ")
    return family, given


def contact_vcard(person):
    """The vCard text for ``person``; the title is in the active language."""
    family, given = split_name(person.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape(family)};{escape(given)};;;",
        f"FN:{escape(person.name)}",
        f"ORG:{escape(person.organisation.name)}",
    ]
    if person.title:
        lines.append(f"TITLE:{escape(person.title)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(person.phone)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(person.email)}")
    if person.is_press_contact:
        lines.append(f"ROLE:{escape(_('Press contact'))}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)
