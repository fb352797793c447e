from .services import reindex


def create():
    """Index the demo content, which the other steps create without the admin's save hooks."""
    reindex()
