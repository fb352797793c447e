import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish():
    """Requests leave their language active; start every test in the default language."""
    with translation.override("sv"):
        yield
