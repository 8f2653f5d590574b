"""Create the QApplication, load translations, show the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("neuron-sim")
    app.setOrganizationName("neuron-sim")
    app.setApplicationDisplayName("neuron-sim")
    return app


def install_translator(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Load the .qm catalogue for `language` (default: the system's) if one is shipped."""
    from neuron_sim.resources_path import translations_dir

    translator = QTranslator(app)
    locale = QLocale(language) if language else QLocale.system()
    if translator.load(locale, "neuron_sim", "_", str(translations_dir())):
        app.installTranslator(translator)
        return translator
    return None


def run(path: str | None = None, look: str | None = None, play: bool = False,
        select: list[str] | None = None) -> int:
    app = create_application()
    install_translator(app)
    from .main_window import MainWindow

    window = MainWindow()
    if look:
        window.look_actions[look].trigger()
    window.show()
    if path:
        window.open_file(path)
    if select:
        window.scene.select([nid for nid in select if nid in window.network.neurons])
    if play:
        window.playback.play()
    return app.exec()
