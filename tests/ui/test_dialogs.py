from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from neuron_sim.ui.window.dialogs import AddLayerDialog, AddLayerResult


def test_add_layer_dialog_returns_what_was_entered(qtbot):
    dialog = AddLayerDialog()
    qtbot.addWidget(dialog)
    assert dialog.count_box.minimum() == 1 and dialog.count_box.maximum() == 64
    dialog.count_box.setValue(5)
    dialog.activation_box.setCurrentIndex(dialog.activation_box.findData("relu"))
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("neuron"))
    assert dialog.values() == AddLayerResult(count=5, kind="neuron", activation="relu")


def test_activation_only_for_rate_neurons(qtbot):
    dialog = AddLayerDialog(kind="input")
    qtbot.addWidget(dialog)
    assert not dialog.activation_box.isEnabled()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("neuron"))
    assert dialog.activation_box.isEnabled()
    spiking = AddLayerDialog(model="spiking")
    qtbot.addWidget(spiking)
    assert not spiking.activation_box.isEnabled()
    assert spiking.values().activation == "sigmoid"  # still a valid name


def test_count_is_clamped_to_the_range(qtbot):
    dialog = AddLayerDialog(count=500)
    qtbot.addWidget(dialog)
    assert dialog.values().count == 64


def test_ask_returns_the_answer_or_none(qtbot):
    def answer(accept: bool) -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, AddLayerDialog) and w.isVisible())
        dialog.count_box.setValue(7)
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("input"))
        (dialog.buttons.accepted if accept else dialog.buttons.rejected).emit()

    QTimer.singleShot(0, lambda: answer(True))
    result = AddLayerDialog.ask()
    assert result is not None and (result.count, result.kind) == (7, "input")
    QTimer.singleShot(0, lambda: answer(False))
    assert AddLayerDialog.ask() is None
    assert QDialog  # imported for the reader: ask() uses exec()
