"""The window's language: Qt's translators for our sentences and Qt's own, and QLocale's formats.

Every visible string goes through `QCoreApplication.translate("Context", "source")` (or
`planner.i18n.translate` in the domain) with a literal context, never `self.tr`: PySide's `tr`
takes its context from the run-time class, so a subclass would lose its parent's translations.
Nothing is translated at import time: `install_language` runs after the modules are imported
(they load on a second thread during start-up).
"""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner import i18n

# The languages the seller can choose: code -> name in that language.
LANGUAGES = {"en": "English", "de": "Deutsch"}
SOURCE_LANGUAGE = "en"
# The preference's default: the system's language when we have it, else English.
SYSTEM = "system"
# Our catalogue is resources/translations/planner_<code>.qm; Qt's is qtbase_<code>.qm.
CATALOGUE = "planner"

_extracted = contextlib.ExitStack()
_installed: list[QTranslator] = []


def catalogue_path(language: str) -> Path:
    """resources/translations/planner_<language>.qm on disk (FileNotFoundError if missing)."""
    resource = resources.files("resources").joinpath("translations", f"{CATALOGUE}_{language}.qm")
    if not resource.is_file():
        raise FileNotFoundError(f"No translation resources/translations/{CATALOGUE}_{language}.qm")
    return _extracted.enter_context(resources.as_file(resource))


def install_language(app: QCoreApplication, language: str) -> bool:
    """Translate the window into `language` from now on; False (and English) if it cannot.

    Also sets QLocale's default, so numbers, dates and amounts follow the language: 1.234,50 €
    in German, and gives the domain the language's number marks (`i18n.install_number_format`).
    Translators are kept here: Qt does not own them, and Python would free them.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.install(None)
    i18n.install_number_format()  # English marks until a language is installed
    if language == SYSTEM:
        language = system_language()
    if language not in LANGUAGES or language == SOURCE_LANGUAGE:
        english = english_locale(QLocale.system())
        QLocale.setDefault(english)
        # The domain's sentences write numbers like the board does (en_DE: 120.000 EUR too).
        i18n.install_number_format(english.decimalPoint(), english.groupSeparator())
        return language == SOURCE_LANGUAGE
    ours = QTranslator(app)
    try:
        loaded = ours.load(str(catalogue_path(language)))
    except FileNotFoundError:
        loaded = False
    if not loaded:
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)
    # Qt's standard buttons and dialogs (OK, Cancel, the file dialog) in the same language.
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    locale = QLocale(language)
    QLocale.setDefault(locale)
    i18n.install(QCoreApplication.translate)
    # The domain's sentences write numbers with the language's marks too: 120.000 EUR.
    i18n.install_number_format(locale.decimalPoint(), locale.groupSeparator())
    return True


def english_locale(system: QLocale) -> QLocale:
    """The English window's formats on a system whose locale is `system`: English with the
    system's territory (en_DE on a German system: its dates and number marks, in English words),
    US English where the system has none (the "C" locale of containers and CI machines would
    print 120000 without its thousands separator)."""
    territory = system.territory()
    if system.language() == QLocale.Language.C or territory == QLocale.Country.AnyTerritory:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.English, territory)


def system_language() -> str:
    """The system's language if the planner speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def current_language() -> str:
    """The code of the installed language ("en" when none is)."""
    return QLocale().name().split("_")[0] if _installed else SOURCE_LANGUAGE
