"""The German translation: complete, compiled, loaded, and nothing English left in the window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from planner import i18n
from planner.storage.db import PlanDB
from tests.ui.visible_text import english_left, main_window_texts, plan_values
from ui.i18n import LANGUAGES, install_language

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # type: ignore[import-not-found]  # noqa: E402  (packaging/translations.py)


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_catalogue_is_complete_and_its_qm_is_current(language: str, tmp_path: Path) -> None:
    ts = translations.ts_path(language)
    left = [(c, s) for c, s, t in translations.messages(ts) if t is None]
    assert left == [], f"unfinished in {ts.name}: run `python packaging/translations.py build`"
    # Every source in the code is in the catalogue (a new string that nobody ran lupdate for).
    check = tmp_path / "check.ts"
    check.write_text(ts.read_text(encoding="utf-8"), encoding="utf-8")
    translations.lupdate(translations.sources(), check)
    assert translations.messages(check) == translations.messages(ts)
    qm = tmp_path / "check.qm"
    translations.lrelease(ts, qm)
    assert qm.read_bytes() == translations.qm_path(language).read_bytes()


def test_installing_german_translates_and_sets_the_locale(qapp: QApplication) -> None:
    try:
        assert install_language(qapp, "de")
        assert QLocale().language() == QLocale.Language.German
        # Qt's own buttons come with it.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert i18n.translate("Format", "no date") != "no date"
    finally:
        assert install_language(qapp, "en")
    assert i18n.translate("Format", "no date") == "no date"


def test_an_unknown_language_falls_back_to_english(qapp: QApplication) -> None:
    assert not install_language(qapp, "xx")
    assert i18n.translate("Format", "no date") == "no date"


def test_english_holds_the_translation_off(qapp: QApplication) -> None:
    try:
        install_language(qapp, "de")
        with i18n.english():
            assert i18n.translate("Format", "no date") == "no date"
    finally:
        install_language(qapp, "en")


def test_no_english_word_is_left_in_the_german_main_window(qapp: QApplication, demo_plan: PlanDB) -> None:
    english = main_window_texts(demo_plan, "en")
    german = main_window_texts(demo_plan, "de")
    left = english_left(english, german, plan_values(demo_plan.conn))
    assert left == {}, "\n".join(f"{w}: {sorted(set(t))[:2]}" for w, t in sorted(left.items()))


def _mnemonic(text: str) -> str | None:
    """The letter Alt presses for a text with an ampersand ("&&" is a literal ampersand)."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_tabs_and_menus_have_one_alt_key_each(qapp: QApplication, demo_plan: PlanDB, language: str) -> None:
    # Alt+letter on the main window reaches a tab or a menu of the menu bar; two of them sharing a
    # letter make the key cycle between them instead of opening either (German had Alt+P twice).
    from ui.main_window import MainWindow

    assert install_language(qapp, language)
    window = MainWindow(demo_plan)
    try:
        texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        texts += [action.text() for action in window.menuBar().actions()]
        letters = [letter for letter in map(_mnemonic, texts) if letter is not None]
        assert len(letters) == len(texts), texts
        clashes = {
            letter: [t for t in texts if _mnemonic(t) == letter]
            for letter in letters
            if letters.count(letter) > 1
        }
        assert clashes == {}
    finally:
        window.close()
        window.deleteLater()
        install_language(qapp, "en")
