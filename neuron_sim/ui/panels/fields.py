"""Field editors for the inspector: each ties one ParamSpec to one widget.

A field shows values it is given (`show(values)`: one value when they all agree, "mixed"
otherwise) with its widgets' signals blocked, and reports what the person did to its sink:
`commit(field, value, merge_key)`, `reject(field, text)` (text that is not a number in range) or
`restore(field)` (Escape: show the model's value again). Fields never touch the model.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model.entities import MAX_LABEL_LENGTH, ParamSpec

from neuron_sim.ui.panels.editors import ChoiceBox, NumberBox, PlainTextBox, Slider

# A refused field is tinted in the error red of the inspector's message. A tint, not a border: a
# style sheet border on a spin box replaces its arrows with unstyled ones.
REFUSED_STYLE = "background-color: #FDE4E4; color: #B3261E;"
STEP_BURST_SECONDS = 1.0  # arrow clicks closer together than this are one undo step
SLIDER_SCALE = 1000  # slider ticks per unit: 3 decimals, like the spin boxes


class FieldSink(Protocol):
    def commit(self, field: Field, value: Any, merge_key: object | None) -> None: ...
    def reject(self, field: Field, text: str) -> None: ...
    def restore(self, field: Field) -> None: ...


def _blocked(widgets: Iterable[QWidget]) -> ExitStack:
    stack = ExitStack()
    for widget in widgets:
        stack.enter_context(QSignalBlocker(widget))
    return stack


def _agree(values: Sequence[Any]) -> bool:
    return bool(values) and all(v == values[0] for v in values[1:])


class Field:
    """One parameter, one editor. `key` names the field; `param` the model attribute it edits."""

    def __init__(self, key: str, spec: ParamSpec, param: str | None = None):
        self.key = key
        self.spec = spec
        self.param = param or spec.name
        self.sink: FieldSink | None = None
        self.widget: QWidget = self._build()
        self.widget.setObjectName(key)
        self._tooltip = ""  # its own tooltip, while a refusal's message takes its place
        self.refusal = ""  # why the last thing typed here was refused, until a valid edit

    def show_refusal(self, text: str) -> None:
        """A red tint, and `text` as the tooltip, until the next valid edit (`clear_refusal`)."""
        if not self.refusal:
            self._tooltip = self.widget.toolTip()
        self.refusal = text
        for widget in self._framed():
            widget.setStyleSheet(REFUSED_STYLE)
        for widget in [self.widget, *self.signal_sources()]:
            widget.setToolTip(text)

    def _framed(self) -> list[QWidget]:
        """What a refusal tints: the text a person typed in (a spin box's line edit), or the box of choices."""
        framed = []
        for widget in self.signal_sources():
            if isinstance(widget, QAbstractSpinBox):
                framed.append(widget.lineEdit())
            elif isinstance(widget, QLineEdit | QComboBox):
                framed.append(widget)
        return framed

    def clear_refusal(self) -> None:
        if not self.refusal:
            return
        self.refusal = ""
        for widget in self._framed():
            widget.setStyleSheet("")
        for widget in [self.widget, *self.signal_sources()]:
            widget.setToolTip(self._tooltip)

    def read(self, obj: Any) -> Any:
        """The value of this field for one model object (neuron, synapse or network)."""
        return getattr(obj, self.param)

    def param_value(self, obj: Any, value: Any) -> Any:
        """What the model's `param` of `obj` becomes when the field commits `value` (a field may
        edit one part of a parameter: stdp_fields.py)."""
        return value

    def show(self, values: Sequence[Any]) -> None:
        with _blocked(self.signal_sources()):
            if _agree(values):
                self._show_value(values[0])
            else:
                self._show_mixed()

    def signal_sources(self) -> list[QWidget]:
        return [self.widget]

    def set_tooltip(self, text: str) -> None:
        if self.refusal:  # shown again when the refusal clears
            self._tooltip = text
            return
        for widget in [self.widget, *self.signal_sources()]:
            widget.setToolTip(text)

    def _commit(self, value: Any, merge_key: object | None = None) -> None:
        if self.sink is not None:
            self.sink.commit(self, value, merge_key)

    def _restore(self) -> None:
        if self.sink is not None:
            self.sink.restore(self)

    # Overridden by each kind of field.
    def _build(self) -> QWidget:
        raise NotImplementedError

    def _show_value(self, value: Any) -> None:
        raise NotImplementedError

    def _show_mixed(self) -> None:
        raise NotImplementedError


class FloatField(Field):
    """A number in a spin box, range and unit from the spec.

    `sign=-1` shows the negated parameter (the bias twin of a threshold); `none_text` lets the
    lowest position of the box mean "not set" (None) for optional parameters; `whole=True` edits
    integers.
    """

    def __init__(self, key: str, spec: ParamSpec, param: str | None = None, *, step: float = 1.0,
                 decimals: int = 3, sign: float = 1.0, none_text: str = "", whole: bool = False):
        self.step, self.decimals, self.sign = step, 0 if whole else decimals, sign
        self.none_text, self.whole = none_text, whole
        self._burst_key: object | None = None
        self._burst_time = 0.0
        super().__init__(key, spec, param)

    def _build(self) -> QWidget:
        self.box = NumberBox(self.spec.unit)
        self.box.setDecimals(self.decimals)
        self.box.setSingleStep(self.step)
        low, high = self.view_range()
        if self.none_text:
            low -= 10.0 ** -self.decimals
            self.box.setSpecialValueText(self.none_text)
        self.box.setRange(low, high)
        self.box.typed.connect(lambda: self._commit(self._model_value()))
        self.box.stepped.connect(self._on_stepped)
        self.box.rejected.connect(lambda text: self.sink and self.sink.reject(self, text))
        self.box.reverted.connect(self._restore)
        return self._wrap()

    def _wrap(self) -> QWidget:
        return self.box

    def view_range(self) -> tuple[float, float]:
        low = self.spec.minimum if self.spec.minimum is not None else -1e9
        high = self.spec.maximum if self.spec.maximum is not None else 1e9
        return (low, high) if self.sign > 0 else (-high, -low)

    def signal_sources(self) -> list[QWidget]:
        return [self.box]

    def _model_value(self) -> Any:
        shown = self.box.value()
        if self.none_text and shown <= self.box.minimum():
            return None
        if self.whole:
            return int(round(shown))
        return shown * self.sign + 0.0  # + 0.0 turns −0.0 into 0.0

    def _show_value(self, value: Any) -> None:
        if value is None:
            self.box.display(self.box.minimum())
        else:
            self.box.display(value * self.sign + 0.0)

    def _show_mixed(self) -> None:
        self.box.set_mixed()

    def _on_stepped(self) -> None:
        now = time.monotonic()
        if self._burst_key is None or now - self._burst_time > STEP_BURST_SECONDS:
            self._burst_key = object()
        self._burst_time = now
        self._commit(self._model_value(), self._burst_key)


class SliderFloatField(FloatField):
    """A spin box (full range) above a slider over a teaching range; a drag is one undo step.

    With one target each move is committed under the drag's merge key (live feedback on the
    canvas); with several targets (`live = False`) the drag commits once, on release.
    """

    def __init__(self, key: str, spec: ParamSpec, *, slider_range: tuple[float, float] = (-5.0, 5.0),
                 **kwargs: Any):
        self.slider_range = slider_range
        self.live = True
        self.drag_key: object | None = None
        super().__init__(key, spec, **kwargs)

    def _wrap(self) -> QWidget:
        self.slider = Slider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"{self.key}_slider")
        low, high = self.slider_range
        self.slider.setRange(round(low * SLIDER_SCALE), round(high * SLIDER_SCALE))
        self.slider.setSingleStep(round(self.step * SLIDER_SCALE))
        self.slider.setPageStep(round(self.step * 5 * SLIDER_SCALE))
        self.slider.sliderPressed.connect(self._on_pressed)
        self.slider.valueChanged.connect(self._on_slider_value)
        self.slider.sliderReleased.connect(self._on_released)
        container = QWidget()
        column = QVBoxLayout(container)  # the slider gets the dock's whole width
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.box)
        column.addWidget(self.slider)
        return container

    def signal_sources(self) -> list[QWidget]:
        return [self.box, self.slider]

    def _show_value(self, value: Any) -> None:
        super()._show_value(value)
        self.slider.setValue(round(value * SLIDER_SCALE))  # QSlider clamps to its range

    def _show_mixed(self) -> None:
        super()._show_mixed()
        self.slider.setValue(0)

    def _slider_number(self) -> float:
        return self.slider.value() / SLIDER_SCALE

    def _on_pressed(self) -> None:
        self.drag_key = object()

    def _on_slider_value(self, _ticks: int) -> None:
        with QSignalBlocker(self.box):
            self.box.display(self._slider_number())
        if not self.slider.isSliderDown():  # keyboard or a click on the groove: one step
            self._commit(self._slider_number())
        elif self.live:
            self._commit(self._slider_number(), self.drag_key)

    def _on_released(self) -> None:
        key, self.drag_key = self.drag_key, None
        if not self.live:
            self._commit(self._slider_number(), key)


class ToggleFloatField(FloatField):
    """A spin box with a 0/1 toggle button beside it (an input's value)."""

    def _wrap(self) -> QWidget:
        self.toggle = QToolButton()
        self.toggle.setObjectName(f"{self.key}_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setText(QCoreApplication.translate("FieldEditor", "0 / 1"))
        self.toggle.clicked.connect(lambda on: self._commit(1.0 if on else 0.0))
        container = QWidget()
        row = QHBoxLayout(container)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.toggle)
        return container

    def signal_sources(self) -> list[QWidget]:
        return [self.box, self.toggle]

    def _show_value(self, value: Any) -> None:
        super()._show_value(value)
        self.toggle.setChecked(value != 0)

    def _show_mixed(self) -> None:
        super()._show_mixed()
        self.toggle.setChecked(False)


class CheckField(Field):
    """On/off for a number parameter: on is `on_value`, off is 0; a partial check when mixed."""

    def __init__(self, key: str, spec: ParamSpec, param: str | None = None, *, text: str = "",
                 on_value: float = 1.0):
        self.text, self.on_value = text, on_value
        super().__init__(key, spec, param)

    def _build(self) -> QWidget:
        box = QCheckBox(self.text)
        box.clicked.connect(self._on_clicked)
        return box

    def _on_clicked(self) -> None:
        box: QCheckBox = self.widget  # type: ignore[assignment]
        box.setTristate(False)
        self._commit(self.on_value if box.isChecked() else 0.0)

    def _show_value(self, value: Any) -> None:
        box: QCheckBox = self.widget  # type: ignore[assignment]
        box.setTristate(False)
        box.setChecked(value != 0)

    def _show_mixed(self) -> None:
        box: QCheckBox = self.widget  # type: ignore[assignment]
        box.setTristate(True)
        box.setCheckState(Qt.CheckState.PartiallyChecked)


class ChoiceField(Field):
    """A combo box of the spec's choices, shown with (translated) display names."""

    def __init__(self, key: str, spec: ParamSpec, items: Sequence[tuple[str, str]],
                 param: str | None = None):
        self.items = list(items)
        super().__init__(key, spec, param)

    def _build(self) -> QWidget:
        combo = ChoiceBox()
        # As wide as its longest choice, in whichever language: "step (all-or-nothing firing)" whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setPlaceholderText(QCoreApplication.translate("FieldEditor", "mixed"))
        for choice, text in self.items:
            combo.addItem(text, choice)
        combo.activated.connect(lambda index: self._commit(combo.itemData(index)))
        return combo

    def _show_value(self, value: Any) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        combo.setCurrentIndex(combo.findData(value))  # -1 (blank) if not offered

    def _show_mixed(self) -> None:
        self.widget.setCurrentIndex(-1)  # type: ignore[attr-defined]


class TextField(Field):
    """One line of text, committed on Enter or focus-out when edited."""

    def _build(self) -> QWidget:
        line = QLineEdit()
        line.setMaxLength(int(self.spec.maximum) if self.spec.maximum is not None else MAX_LABEL_LENGTH)
        line.editingFinished.connect(self._on_finished)
        return line

    def _on_finished(self) -> None:
        line: QLineEdit = self.widget  # type: ignore[assignment]
        if line.isModified():
            line.setModified(False)
            self._commit(line.text())

    def _show_value(self, value: Any) -> None:
        line: QLineEdit = self.widget  # type: ignore[assignment]
        if line.text() != value:
            line.setText(value)
        line.setPlaceholderText("")

    def _show_mixed(self) -> None:
        line: QLineEdit = self.widget  # type: ignore[assignment]
        line.clear()
        line.setPlaceholderText(QCoreApplication.translate("FieldEditor", "mixed"))


class LongTextField(Field):
    """Several lines of text, committed when the box loses focus."""

    def _build(self) -> QWidget:
        box = PlainTextBox()
        box.setTabChangesFocus(True)
        box.setMinimumHeight(60)
        box.setMaximumHeight(120)
        box.finished.connect(lambda: self._commit(box.toPlainText()))
        return box

    def _show_value(self, value: Any) -> None:
        box: PlainTextBox = self.widget  # type: ignore[assignment]
        if box.toPlainText() != value:
            box.setPlainText(value)
        box.document().setModified(False)

    def _show_mixed(self) -> None:
        self._show_value("")


class ReadOnlyField(Field):
    """Text the person can select but not edit (an id, a synapse's ends)."""

    def __init__(self, key: str, reader: Callable[[Any], str]):
        self._reader = reader
        super().__init__(key, ParamSpec(key, "str", ""))

    def read(self, obj: Any) -> Any:
        return self._reader(obj)

    def _build(self) -> QWidget:
        label = QLabel()
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _show_value(self, value: Any) -> None:
        self.widget.setText(str(value))  # type: ignore[attr-defined]

    def _show_mixed(self) -> None:
        self.widget.setText(QCoreApplication.translate("FieldEditor", "mixed"))  # type: ignore[attr-defined]
