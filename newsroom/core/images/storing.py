"""Writing an image's files as one unit: all of them are kept, or none is.

An image is its original and up to ten renditions. ``Written`` notes each name before the file
is written, so when a write fails (a full disk or quota, an I/O error, an object store saying
no) every file written for the image so far, the half-written one too, can be removed through
the storage API, and the image's row is not saved (``Image.save``).
"""

import logging
import posixpath

logger = logging.getLogger(__name__)


class NotStored(Exception):
    """The image's files could not be written; none of them was left in the storage."""


class Written:
    """The files written to ``storage`` for one image, to remove them all if one fails.

    ``taken(name)`` says whether a name that is free in the storage must not be used all the
    same (a file waiting to be deleted under that name: see ``models.PendingDeletion``).
    """

    def __init__(self, storage, *, taken=lambda name: False):
        self.storage = storage
        self.taken = taken
        self.names = []

    def save(self, name, content, max_length=None):
        """Write ``content`` under ``name`` or a free name like it, and return that name."""
        name = self._free_name(name, max_length)
        # Noted first: a write that fails part-way may leave part of the file behind. (Were
        # another upload to take this very name in the microseconds between, the storage would
        # write under a name of its own choosing, and only that write failing would go wrong:
        # the same window Django's FileField has.)
        self.names.append(name)
        saved = self.storage.save(name, content, max_length=max_length)
        self.names[-1] = saved
        return saved

    def remove(self):
        """Remove every file written so far (a missing one is no error), newest first."""
        for name in reversed(self.names):
            try:
                self.storage.delete(name)
            except Exception:
                logger.exception(
                    "Could not remove %s after a failed save: delete it by hand.", name
                )
        self.names = []

    def _free_name(self, name, max_length):
        name = self.storage.get_available_name(name, max_length=max_length)
        while self.taken(name):
            folder, base = posixpath.split(name)
            root, extension = posixpath.splitext(base)
            alternative = self.storage.get_alternative_name(root, extension)
            name = self.storage.get_available_name(
                posixpath.join(folder, alternative), max_length=max_length
            )
        return name
