"""Create the QApplication and load translations (the window is shown by ui/window/launch.py)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication


def create_application(argv: list[str] | None = None) -> QApplication:
    # Before anything is painted: Qt's raster engine would hand large fills to its GUI thread pool,
    # which a forked export helper (export/band_helper.py) does not have. Measured: no slower.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("neuron-sim")
    app.setOrganizationName("neuron-sim")
    app.setApplicationDisplayName("neuron-sim")
    return app


def install_translator(app: QApplication, language: str | None = None) -> str:
    """Install the catalogues of `language` ("en" / "ko"; default: Preferences, else the system's).

    Returns the language actually used (English when Korean was asked for but no font has Hangul).
    """
    from neuron_sim.ui.i18n.language import apply_language

    return apply_language(app, language)
