import logging
import posixpath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from newsroom.core.i18n import language_name

from . import formats

logger = logging.getLogger(__name__)


def validate_upload(value):
    """Check a new upload (a stored file was checked when it arrived), once: the clean copy
    is kept on it for ``Document.save``."""
    if not getattr(value, "_committed", True):
        value.clean_copy = formats.clean_document(value, value.name)


class DocumentFileField(models.FileField):
    default_validators = [validate_upload]

    def deconstruct(self):
        # Validation lives in code; to migrations this is a plain FileField.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


class Document(models.Model):
    """A file readers download (a report, a programme), kept at one address when replaced."""

    file = DocumentFileField(
        _("file"),
        upload_to="documents/%Y/%m/",
        max_length=300,
        help_text=_(
            "PDF, DOCX, XLSX, PPTX, ODT, ODS, CSV or TXT; at most 30 MB. A new file replaces "
            "the old one at the same address. Author and creator are removed from PDFs."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of the document"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Readers are told when it differs from the page they read."),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    date = models.DateField(_("date of the document"), default=timezone.localdate)
    format = models.CharField(_("format"), max_length=10, choices=formats.CHOICES, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    removed_metadata = models.JSONField(
        _("removed from the file"), default=list, blank=True, editable=False
    )
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated = models.DateTimeField(_("replaced or changed"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "-created"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Store a new upload as its checked, cleaned copy; the replaced file goes on commit."""
        upload = bool(self.file) and not self.file._committed
        if upload:
            old = (
                type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
                if self.pk
                else None
            )
            clean = getattr(self.file, "clean_copy", None) or formats.clean_document(
                self.file, self.file.name
            )
            stem = slugify(posixpath.splitext(posixpath.basename(self.file.name))[0])[:80]
            name = f"{stem or 'document'}.{clean.format.extension}"
            self.file.save(name, ContentFile(clean.content), save=False)
            self.format, self.size = clean.format.code, len(clean.content)
            self.removed_metadata = clean.removed_metadata
            if old and old != self.file.name:
                transaction.on_commit(lambda: _delete_file(self.file.storage, old))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("document", args=[self.pk])

    def delete(self, *args, **kwargs):
        name, storage = self.file.name, self.file.storage
        result = super().delete(*args, **kwargs)
        if name:
            transaction.on_commit(lambda: _delete_file(storage, name))
        return result

    @property
    def content_type(self):
        return formats.FORMATS[self.format].content_type

    @property
    def download_name(self):
        """The file name a reader's browser saves it as: the title, in the active language."""
        extension = formats.FORMATS[self.format].extension
        return f"{slugify(self.title)[:80] or 'document'}.{extension}"

    def reader_note(self, page_language=None):
        """What readers see beside a link: "PDF, 2,3 MB, på engelska" (the language only when
        it differs from the page's)."""
        page_language = page_language or get_language() or settings.LANGUAGE_CODE
        values = {"format": self.format, "size": filesizeformat(self.size)}
        if self.language == page_language:
            return gettext("%(format)s, %(size)s") % values
        values["language"] = language_name(self.language)
        return gettext("%(format)s, %(size)s, in %(language)s") % values


def _delete_file(storage, name):
    try:
        storage.delete(name)
    except Exception:
        logger.warning("Could not delete the replaced document file %s.", name, exc_info=True)
