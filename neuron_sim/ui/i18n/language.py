"""Which language the interface speaks, and loading its catalogues.

The choice, in order: `neuron-sim --lang ko|en` for one run, then the Preferences setting
("system", "en" or "ko"), then the system locale. Korean needs a font with Hangul glyphs: without
one the app would show empty boxes, so it falls back to English and says so once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

LANGUAGES = ("en", "ko")  # English is the source language; ko has a catalogue
LANGUAGE_KEY = "language"  # QSettings: "system", "en" or "ko"
FONT_WARNING_KEY = "hangul_font_warning_shown"
HANGUL_SAMPLE = "뉴런 수상돌기 축삭돌기 시냅스"  # glyphs a Korean screen shows first


def settings() -> QSettings:
    return QSettings("neuron-sim", "neuron-sim")


def system_language() -> str:
    """The system locale's language if the app speaks it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def preferred_language(override: str | None = None) -> str:
    """The language asked for: the override, else the setting, else the system's ("en" or "ko")."""
    choice = override or str(settings().value(LANGUAGE_KEY, "system"))
    if choice not in LANGUAGES:
        choice = system_language()
    return choice


def hangul_font_available() -> bool:
    """True when some installed font has Hangul glyphs (Qt then falls back to it for Korean text)."""
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        metrics = QFontMetrics(QFont(family))
        if all(metrics.inFontUcs4(ord(ch)) for ch in HANGUL_SAMPLE if not ch.isspace()):
            return True
    return False


class LanguageState:
    """The translators installed in the running app, and whether Korean fell back to English."""

    def __init__(self) -> None:
        self.language = "en"
        self.requested = "en"
        self.translators: list[QTranslator] = []

    @property
    def fell_back(self) -> bool:
        return self.requested != self.language


STATE = LanguageState()


def apply_language(app: QApplication, override: str | None = None,
                   font_check=hangul_font_available) -> str:
    """Install the catalogues of the preferred language; return the language actually used."""
    from neuron_sim.resources_path import translations_dir

    for translator in STATE.translators:
        app.removeTranslator(translator)
    STATE.translators = []
    STATE.requested = language = preferred_language(override)
    if language == "ko" and not font_check():
        language = "en"
    STATE.language = language
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        # English's own catalogue holds only its plurals: "%n page(s)" → "1 page", "8 pages"
        catalogues = [(str(translations_dir()), "neuron_sim_en")]
    else:
        QLocale.setDefault(QLocale(language))
        catalogues = [(str(translations_dir()), f"neuron_sim_{language}"),
                      # Qt's own words: the Save / Discard / Cancel buttons, file dialogs, context menus
                      # (PySide6 ships qtbase_ko), and the few of them that catalogue lacks.
                      (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"),
                      (str(translations_dir()), f"qtbase_extra_{language}")]
    for folder, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            STATE.translators.append(translator)
    return language


def warn_missing_font_once(parent: QWidget | None) -> bool:
    """Tell, once per installation, that Korean was asked for but no font can show it."""
    store = settings()
    if not STATE.fell_back or store.value(FONT_WARNING_KEY, False, type=bool):
        return False
    store.setValue(FONT_WARNING_KEY, True)
    # Shown in English (the Korean catalogue is not loaded): Hangul would be empty boxes.
    QMessageBox.information(
        parent, QCoreApplication.translate("Language", "neuron-sim: no Korean font"),
        QCoreApplication.translate(
            "Language", "The interface is in English because no installed font has Korean (Hangul) "
                        "letters.\n\nInstall one and restart, for example on Debian or Ubuntu:\n"
                        "    sudo apt-get install fonts-nanum    (or fonts-noto-cjk)"))
    return True
