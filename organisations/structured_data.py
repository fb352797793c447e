"""schema.org JSON-LD for organisation pages."""

from django.utils.html import strip_tags


def _type(organisation):
    return "GovernmentOrganization" if organisation.is_government else "Organization"


def organisation_data(organisation, request):
    """The Organization/GovernmentOrganization description of ``organisation``'s page."""
    absolute = request.build_absolute_uri
    data = {
        "@context": "https://schema.org",
        "@type": _type(organisation),
        "name": organisation.name,
        "url": absolute(organisation.get_absolute_url()),
    }
    optional = {
        "alternateName": organisation.short_name,
        "description": strip_tags(organisation.description).strip(),
        "email": organisation.email,
        "telephone": organisation.phone,
        "logo": absolute(organisation.logo.file.url) if organisation.logo else "",
        "sameAs": [
            *(link.url for link in organisation.social_links.all()),
            *([organisation.website] if organisation.website else []),
        ],
    }
    data.update({key: value for key, value in optional.items() if value})
    if organisation.organisation_number:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "organisationsnummer"
            if organisation.country == organisation.Country.SWEDEN
            else "organisasjonsnummer",
            "value": organisation.organisation_number_display,
        }
    if organisation.postal_address or organisation.seat:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(
                line.strip() for line in organisation.postal_address.splitlines() if line.strip()
            ),
            "addressLocality": organisation.seat or None,
            "addressCountry": organisation.country,
        }
        data["address"] = {k: v for k, v in data["address"].items() if v}
    if organisation.parent:
        data["parentOrganization"] = {
            "@type": _type(organisation.parent),
            "name": organisation.parent.name,
            "url": absolute(organisation.parent.get_absolute_url()),
        }
    return data
