from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def site(request):
    """The site settings, read only by the templates that show them."""
    return {"site": SimpleLazyObject(SiteSettings.current)}
