import logging
import posixpath
import re
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, router, transaction
from django.utils.translation import gettext_lazy as _

from . import files, renditions, storing
from .forms import ImageUploadField

logger = logging.getLogger(__name__)


def validate_upload(value):
    """Check new uploads only: a stored file was checked when it arrived."""
    if not getattr(value, "_committed", True):
        files.validate_image_file(value)


# What editors type before a credit that the site adds itself ("Foto: Anna" would read
# "Foto: Foto: Anna"), in the site's languages.
CREDIT_PREFIX = re.compile(
    r"^\s*(?:(?:foto|photo|bild|fotograf|photographer|fotografi)\s*:\s*)+", re.IGNORECASE
)


def clean_credit(credit):
    """The photographer or source without a leading "Foto:" (the site writes it)."""
    return CREDIT_PREFIX.sub("", credit or "").strip()


class ImageFileField(models.ImageField):
    """An ImageField that accepts only the images ``files`` allows, with clear errors."""

    default_validators = [*models.ImageField.default_validators, validate_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})

    def deconstruct(self):
        # Validation lives in code; to migrations this is a plain ImageField.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


class Image(models.Model):
    """An image uploaded once and reused; alt text is mandatory unless it is decorative."""

    file = ImageFileField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG, WebP or GIF; at most 15 MB and 40 megapixels."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for readers who cannot see it."),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Only for images that add nothing to the text; screen readers skip them."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=150,
        blank=True,
        help_text=_("Photographer or source, without “Photo:”: the site writes that before it."),
    )
    renditions = models.JSONField(_("renditions"), default=dict, editable=False)
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created"]

    def __str__(self):
        return self.alt_text or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        """Save the row and write the files it needs: all of it, or none of it.

        A new upload is stored as its clean copy, and a new file gets its renditions. If
        anything fails, every file written here is removed again and the row is not saved;
        a storage failure (``OSError``: a full disk or quota, an I/O error) is raised as
        ``storing.NotStored``. Files the row no longer needs are deleted once it is committed.
        """
        self.credit = clean_credit(self.credit)
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        written = storing.Written(self.file.storage, taken=PendingDeletion.objects.has)
        before = (self.file, self.renditions, self.width, self.height, self.pk, self._state.adding)
        try:
            with transaction.atomic(using=using):
                let_go = self._write_files(written, using)
                super().save(*args, **kwargs)
                PendingDeletion.objects.delete_on_commit(let_go, using=using)
        except Exception as error:
            written.remove()
            # As before the call, so that saving again (with room now) starts over.
            if self.file is not before[0]:
                self.file = before[0]
            self.renditions, self.width, self.height, self.pk, self._state.adding = before[1:]
            if isinstance(error, OSError):
                raise storing.NotStored("The image's files could not be stored.") from error
            raise

    def delete(self, *args, **kwargs):
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            stored = self._stored_names(using)
            result = super().delete(*args, **kwargs)
            PendingDeletion.objects.delete_on_commit(stored, using=using)
        return result

    def clean(self):
        # Every language falls back through all the others, so one language's text reaches
        # every reader (marked with its lang); without any, the error goes to the site's own.
        languages = [code for code, _name in settings.LANGUAGES]
        if not self.decorative and not any(getattr(self, f"alt_text_{c}") for c in languages):
            raise ValidationError(
                {
                    f"alt_text_{settings.LANGUAGE_CODE}": _(
                        "Write an alternative text, or mark the image as decorative."
                    )
                }
            )

    def _write_files(self, written, using):
        """Write what the file needs through ``written``; the names the row no longer needs."""
        upload = bool(self.file) and not self.file._committed
        if not upload and self.renditions.get("source", "") == (self.file.name or ""):
            return set()  # the same file, renditions made: nothing to write
        # Read before writing, and locked: what this row pointed at until now.
        stored = self._stored_names(using)
        if upload:
            # What is stored is what is served: upright, without EXIF/GPS or other metadata.
            clean = files.clean_image(self.file)
            field = self._meta.get_field("file")
            stem = posixpath.splitext(posixpath.basename(self.file.name))[0]
            name = field.generate_filename(self, f"{stem}.{clean.extension}")
            self.file = written.save(name, ContentFile(clean.content), field.max_length)
            self.width, self.height = clean.width, clean.height  # upright now; no re-read
        self.renditions = (
            renditions.make(self.file.storage, self.file.name, save=written.save)
            if self.file
            else {}
        )
        return stored - _names(self.file.name, self.renditions)

    def _stored_names(self, using):
        """The files the stored row points at (none for a new image), its row locked."""
        if self.pk is None:
            return set()
        row = (
            type(self)
            ._base_manager.db_manager(using)
            .select_for_update()
            .filter(pk=self.pk)
            .values_list("file", "renditions")
            .first()
        )
        return _names(*row) if row else set()

    # For templates (components/image.html) and the admin.

    @property
    def _current_renditions(self):
        return self.renditions if self.renditions.get("source") == self.file.name else {}

    @property
    def webp_srcset(self):
        return renditions.srcset(self.file.storage, self._current_renditions, "webp")

    @property
    def fallback_srcset(self):
        return renditions.srcset(self.file.storage, self._current_renditions, "fallback")

    @property
    def src(self):
        """The largest fallback rendition: for browsers that ignore ``srcset``."""
        made = self._current_renditions.get("fallback")
        return self.file.storage.url(made[-1][1]) if made else self.file.url

    @property
    def thumbnail_url(self):
        made = self._current_renditions.get("fallback")
        return self.file.storage.url(made[0][1]) if made else self.file.url


def _names(file_name, record):
    """Every stored file of an image: its original and the renditions its record lists."""
    record = record or {}
    return {file_name, record.get("source"), *renditions.names(record)} - {"", None}


class PendingDeletionQuerySet(models.QuerySet):
    def has(self, name):
        return self.filter(name=name).exists()

    def delete_on_commit(self, names, *, using):
        """Let go of stored files: noted now, deleted from the storage once this commits.

        Noted in the same transaction as the change that lets go of them, so a file is always
        either pointed at by an image or listed here until the storage has deleted it.
        """
        names = sorted(set(names))
        if names:
            self.using(using).bulk_create(PendingDeletion(name=name) for name in names)
            transaction.on_commit(
                partial(delete_pending, names, using=using), using=using, robust=True
            )


class PendingDeletion(models.Model):
    """A stored file no image points at any more, until the storage has deleted it.

    A deletion that fails (the storage unreachable, an I/O error) leaves the row, and
    ``manage.py delete_image_files`` tries again. Its name is not used for a new file meanwhile.
    """

    name = models.CharField(_("file name"), max_length=500, db_index=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PendingDeletionQuerySet.as_manager()

    class Meta:
        verbose_name = _("file to delete")
        verbose_name_plural = _("files to delete")

    def __str__(self):
        return self.name


def delete_pending(names=None, *, using=None):
    """Delete files waiting for it (those ``names``, or all) from the storage; how many went.

    Each file that could not be deleted stays listed and is tried again next time.
    """
    storage = Image._meta.get_field("file").storage
    pending = PendingDeletion.objects.db_manager(using).all()
    if names is not None:
        pending = pending.filter(name__in=names)
    deleted = []
    for name in sorted(set(pending.values_list("name", flat=True))):
        try:
            storage.delete(name)
        except Exception:
            logger.warning("Could not delete %s; it is tried again later.", name, exc_info=True)
        else:
            deleted.append(name)
    for start in range(0, len(deleted), 500):
        PendingDeletion.objects.db_manager(using).filter(
            name__in=deleted[start : start + 500]
        ).delete()
    return len(deleted)
