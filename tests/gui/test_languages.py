"""Danish and English: every screen in each, switched while the app runs.

The walk opens every page and dialog of the window over the demo family and fails on
any text that is the other language's wording from the catalogue
(resources/i18n/familymeeting_da.ts): a Danish word left on an English screen, or an
English one on a Danish screen. Case data (names, cards) is Danish in the demo and is
not in the catalogue, so it does not count.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import open_unlocked, without_translators
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from familymeeting import settings
from familymeeting.assets import resource
from familymeeting.messages import current_language
from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.storage.vault import Vault
from familymeeting.ui.language import NAMES, switch_language
from familymeeting.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled")

PASSWORD = "Kaffe ved køkkenbordet 7"
TIMEOUT = 20_000


def catalogue() -> list[tuple[str, str]]:
    """(English source, Danish translation) of every message, plural forms included."""
    tree = ET.parse(resource("i18n", "familymeeting_da.ts"))
    pairs: list[tuple[str, str]] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        pairs.extend((source, form) for form in forms)
    return pairs


def pattern(text: str) -> re.Pattern[str]:
    """A whole-text pattern: %1, %n and the like stand for any words."""
    parts = re.split(r"%(?:\d|n|L\d)", text)
    return re.compile(".+".join(re.escape(p) for p in parts), re.DOTALL)


def wording(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Catalogue texts that belong only to ``lang`` (not the same in both languages)."""
    pairs = catalogue()
    english = {s for s, _ in pairs}
    danish = {t for _, t in pairs}
    # Language names are shown in their own language on purpose ("English", "Dansk").
    mine = (danish - english if lang == "da" else english - danish) - set(NAMES.values())
    # Texts with few letters of their own ("Ja", "%1 at %2") would match case data.
    return [(t, pattern(t)) for t in sorted(mine) if len(literal(t)) >= 6]


def literal(text: str) -> str:
    return re.sub(r"%(?:\d|n|L\d)", "", text).strip()


def shown_texts(roots: list[QWidget]) -> list[str]:
    texts: list[str] = []
    for root in roots:
        for w in [root, *root.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            texts += [w.windowTitle(), w.toolTip(), w.accessibleName()]
            if isinstance(w, QLabel | QAbstractButton):
                texts.append(w.text())
            if isinstance(w, QLineEdit):
                texts.append(w.placeholderText())
            if isinstance(w, QComboBox):
                texts += [w.itemText(i) for i in range(w.count())]
            if isinstance(w, QListWidget):
                texts += [w.item(i).text() for i in range(w.count())]
    return [t.replace("&", "") for t in texts if t and t.strip()]


def foreign(texts: list[str], other: list[tuple[str, re.Pattern[str]]]) -> set[str]:
    found: set[str] = set()
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            for words, pat in other:
                if pat.fullmatch(line):
                    found.add(f"{line!r} (catalogue: {words!r})")
    return found


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, qapp: QApplication) -> Iterator[MainWindow]:
    before = QLocale()
    switch_language(qapp, "da")
    result = open_unlocked(data_dir, PASSWORD)
    create_demo_family(Services(result.db))
    vault = Vault(data_dir, result.db)
    win = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    vault.close()
    without_translators(qapp)
    QLocale.setDefault(before)


def walk(qtbot: QtBot, window: MainWindow) -> dict[str, list[str]]:
    """Every screen and dialog, with the texts it shows."""
    screens: dict[str, list[str]] = {}

    def look(name: str, *extra: QWidget) -> None:
        qtbot.wait(50)
        screens[name] = shown_texts([window, *extra])

    def with_dialog(name: str, open_it: Callable[[], QDialog | None]) -> None:
        dialog = open_it()
        assert dialog is not None, name
        qtbot.waitExposed(dialog)
        look(name, dialog)
        dialog.reject()

    services = window.services
    family = services.list_families()[0]
    meeting = services.list_meetings(family.id)[0]
    window.show_families()
    look("families")
    window.open_family(family.id)
    look("family")
    with_dialog("family dialog", window.family_page.edit_family)
    with_dialog("meeting dialog", window.family_page.new_meeting)
    with_dialog("access log", window.family_page.show_access_log)
    with_dialog("delete family", window.family_page.delete_family)
    window.open_meeting(meeting.id)
    for view in ("board", "ratings", "plan"):
        window.meeting.show_view(view)
        look(view)
    window.show_progress(family.id)
    look("progress")
    window.show_maintenance()
    look("settings and backups")
    window.lock()
    look("locked")
    form = window.lock_screen.unlock  # type: ignore[union-attr]
    with qtbot.waitSignal(window.locked_changed, timeout=TIMEOUT):
        form.password.edit.setText(PASSWORD)
        form.submit()
    return screens


def switch_in_settings(qtbot: QtBot, window: MainWindow, code: str) -> None:
    window.show_maintenance()
    combo = window.maintenance.language_combo
    combo.setCurrentIndex(combo.findData(code))
    families = {"en": "Families", "da": "Familier"}[code]
    qtbot.waitUntil(lambda: window.home_action.text() == families, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window._retranslate_pending, timeout=TIMEOUT)


def test_every_screen_in_danish_then_english_then_danish_again(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    english_words, danish_words = wording("en"), wording("da")
    assert len(english_words) > 200 and len(danish_words) > 200

    screens = walk(qtbot, window)
    left = {name: foreign(texts, english_words) for name, texts in screens.items()}
    assert not any(left.values()), f"English on Danish screens: {left}"
    assert "Familier" in screens["families"]

    # Switched in Settings, while the app runs: no restart, and the same place.
    switch_in_settings(qtbot, window, "en")
    assert window.stack.currentWidget() is window.maintenance
    assert current_language() == "en"
    assert Settings(data_dir).get(settings.UI_LANGUAGE) == "en"
    assert window.home_action.text() == "Families"
    screens = walk(qtbot, window)
    left = {name: foreign(texts, danish_words) for name, texts in screens.items()}
    assert not any(left.values()), f"Danish on English screens: {left}"
    # Dates follow the language too.
    assert any("November" in t or "December" in t for t in screens["family"])

    switch_in_settings(qtbot, window, "da")
    screens = walk(qtbot, window)
    left = {name: foreign(texts, english_words) for name, texts in screens.items()}
    assert not any(left.values()), f"English left after switching back: {left}"
    assert any("november" in t or "december" in t for t in screens["family"])


def test_switching_keeps_the_place(qtbot: QtBot, window: MainWindow) -> None:
    family = window.services.list_families()[0]
    meeting = window.services.list_meetings(family.id)[0]
    window.open_meeting(meeting.id)
    window.meeting.show_view("ratings")
    switch_language(QApplication.instance(), "en")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.home_action.text() == "Families", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window._retranslate_pending, timeout=TIMEOUT)
    assert window.stack.currentWidget() is window.meeting
    assert window.meeting.meeting_id == meeting.id
    assert window.meeting.view_buttons["ratings"].isChecked()
    assert window.meeting.view_buttons["ratings"].text() == "Ratings"
