"""The message files are complete and the committed .mo files match them.

`make run` and `make test` must work without GNU gettext, so the compiled catalogues are
committed; this test fails when someone edits a .po file and forgets `make messages`.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_catalogue_is_complete(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:10]}"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_compiled_catalogue_matches_the_message_file(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))

    def table(catalogue):
        return {
            (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            for entry in catalogue
            if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags
        }

    assert table(mo) == table(po), f"run `make messages`: {language} .mo is out of date"


def test_interface_is_in_norwegian_by_default(browser_default_client, db):
    body = browser_default_client.get("/accounts/login/").content.decode()

    assert "Logg inn" in body
    assert "Hopp til hovedinnholdet" in body
