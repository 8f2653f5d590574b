import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """Recent files and preferences go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def window(qtbot):
    from neuron_sim.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.ask_to_save = lambda: QMessageBox.StandardButton.Discard  # no modal dialogs in tests
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.view.reset_zoom()
    win.view.centerOn(200, 120)
    return win
