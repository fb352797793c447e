"""Old addresses and where they lead now.

A row is either *automatic* (``content`` and ``object_id`` name the page that once lived at
``old_path``; written when its slug changes, see ``moves.py``) or *manual* (added by a site
administrator, say for addresses of an old site). ``target`` is always the final address: chains
are resolved when a row is written, so a reader gets one 301, never a chain, and answering
costs one query.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Redirect(models.Model):
    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_("A path on this site, such as /gamla-sidan/. Used only when no page answers."),
    )
    target = models.CharField(
        _("new address"),
        max_length=1000,
        help_text=_("A path on this site (/om-oss/) or a full address (https://example.org/)."),
    )
    content = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    object_id = models.BigIntegerField(_("object id"), null=True, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]
        indexes = [models.Index(fields=["content", "object_id"], name="redirect_content")]

    def __str__(self):
        return f"{self.old_path} → {self.target}"

    @property
    def is_automatic(self):
        return bool(self.content)
