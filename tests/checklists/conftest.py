import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english(client):
    """Messages are checked in English, the source language, whatever the translations say."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield
