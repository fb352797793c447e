from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteSettings(models.Model):
    """The one record that names the site and its publisher in the page shell."""

    site_name = models.CharField(_("site name"), max_length=100, default="Newsroom")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    publisher_name = models.CharField(_("publisher"), max_length=200, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    visiting_address = models.TextField(_("visiting address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation_number = models.CharField(_("organisation number"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return self.site_name

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first() or cls()
