"""The property editor: shows the selection's parameters and edits them through undo commands.

The inspector never writes to the model: an edit becomes a command pushed on the undo stack, and
the fields follow the model's events (under blocked signals, so a model update never pushes a
command). A selection is shown as sections (network, neurons, synapses) of fields; each field
(`neuron_sim.ui.panels.fields`) ties one ParamSpec to one widget.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.commands import (
    ModelCommand,
    SetNetworkParamCommand,
    SetNeuronParamCommand,
    SetSynapseParamCommand,
    macro,
    param_text,
    push,
    set_model_command,
)
from neuron_sim.model import ModelError, Network
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS, ParamSpec, SynapseKey

from neuron_sim.ui.events import EventLinks
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.panels.fields import (
    CheckField,
    ChoiceField,
    Field,
    FloatField,
    LongTextField,
    ReadOnlyField,
    SliderFloatField,
    TextField,
    ToggleFloatField,
)
from neuron_sim.ui.i18n.vocabulary import Vocabulary
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.panels.field_keys import STEPS, learning_applies, neuron_field_keys, synapse_field_keys
from neuron_sim.ui.panels.note_view import NoteView
from neuron_sim.ui.panels.stdp_fields import StdpNumberField, stdp_fields
from neuron_sim.ui.plain_text import plain_label

WEIGHT_SLIDER_RANGE = (-5.0, 5.0)
ERROR_STYLE = "color: #c62828; font-weight: bold;"


def _spec(key: str) -> ParamSpec:
    for table in (NEURON_PARAMS, SYNAPSE_PARAMS, NETWORK_PARAMS):
        if key in table:
            return table[key]
    raise KeyError(key)


class _Section:
    """A titled group of fields that edit the same targets (neuron ids, synapse keys or the network)."""

    def __init__(self, kind: str, targets: list[Any], title: str):
        self.kind = kind  # "network", "neuron" or "synapse"
        self.targets = targets
        self.title = title
        self.fields: list[Field] = []


class Inspector(QWidget):
    """Property editor dock content. `message` carries refusals for the status bar."""

    message = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._network: Network | None = None
        self._stack: QUndoStack | None = None
        self._neuron_ids: list[str] = []
        self._synapse_keys: list[SynapseKey] = []
        self._sections: list[_Section] = []
        self._links = EventLinks(owner=self)
        self._words = Vocabulary(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self._error = plain_label()
        self._error.setObjectName("inspector_error")
        self._error.setWordWrap(True)
        self._error.setStyleSheet(ERROR_STYLE)
        self._error.hide()
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note_view = NoteView()
        layout.addWidget(self._error)
        layout.addWidget(self.note_view, 1)
        layout.addWidget(self._scroll, 1)
        self._rebuild()

    # ---- public API ---------------------------------------------------------------------
    def set_document(self, network: Network, undo_stack: QUndoStack) -> None:
        """Follow a new network (New / Open); forget the old one's events and the selection."""
        self._links.disconnect()
        self._network, self._stack = network, undo_stack
        events = network.events
        self._links.connect_all([(events.neuron_changed, self._on_neuron_changed),
                                 (events.neuron_removed, self._on_neuron_removed),
                                 (events.synapse_changed, self._on_synapse_changed),
                                 (events.synapse_removed, self._on_synapse_removed),
                                 (events.params_changed, self._on_params_changed),
                                 (events.structure_changed, self._on_structure_changed),
                                 (events.network_changed, self._on_network_changed)])
        self._neuron_ids, self._synapse_keys = [], []
        self.note_view.set_network(network)
        self._set_error("")
        self._rebuild()
        self._scroll.show()

    def show_notes(self, note_ids: list[str]) -> None:
        """The selected notes' text; with nothing else selected, in place of the network's fields."""
        self.note_view.show_notes(note_ids)
        self._scroll.setVisible(not (self.note_view.isVisibleTo(self) and not self._neuron_ids
                                     and not self._synapse_keys))

    def show_selection(self, neuron_ids: list[str], synapse_keys: list[tuple[str, str]]) -> None:
        network = self._network
        ids = [nid for nid in dict.fromkeys(neuron_ids) if network is not None and nid in network.neurons]
        keys = [key for key in dict.fromkeys(tuple(k) for k in synapse_keys)
                if network is not None and key in network.synapses]
        if (ids, keys) == (self._neuron_ids, self._synapse_keys) and self._sections:
            return  # keep the widgets, the focus and what is being typed; events keep them current
        self._neuron_ids, self._synapse_keys = ids, keys
        self._set_error("")
        self._rebuild()

    def field(self, key: str) -> Field | None:
        """The field editing `key` ("threshold", "bias", "weight", "name" …), if shown."""
        return next((f for s in self._sections for f in s.fields if f.key == key), None)

    def field_keys(self) -> list[str]:
        return [f.key for s in self._sections for f in s.fields]

    def section_titles(self) -> list[str]:
        return [s.title for s in self._sections]

    def error_text(self) -> str:
        return self._error.text() if self._error.isVisibleTo(self) else ""

    # ---- FieldSink: what the fields report ----------------------------------------------
    def commit(self, field: Field, value: Any, merge_key: object | None) -> None:
        section = self._section_of(field)
        if section is None or self._network is None or self._stack is None:
            return
        commands: list[ModelCommand] = []
        try:
            for target, obj in zip(section.targets, self._objects(section)):
                if field.read(obj) != value:
                    commands.append(self._command(section.kind, target, field.param,
                                                  field.param_value(obj, value), merge_key))
            if len(commands) == 1:
                push(self._stack, commands[0])
            elif commands:
                push(self._stack, macro(self._network, param_text(field.param), commands))
        except ModelError as error:
            self._refuse(fill(self.tr("Not changed: {reason}"), reason=error_text(error)), field)
            self.restore(field)
            return
        self._set_error("")
        field.clear_refusal()
        self.restore(field)  # redraw what was typed even when the model changed nothing (or less)

    def reject(self, field: Field, text: str) -> None:
        low, high = field.view_range() if isinstance(field, FloatField) else (0.0, 0.0)
        self._refuse(fill(self.tr("“{text}” is not a number from {low:g} to {high:g}."), text=text, low=low, high=high),
                     field)
        self.restore(field)

    def restore(self, field: Field) -> None:
        section = self._section_of(field)
        if section is not None:
            field.show(self._values(section, field))

    # ---- model events -------------------------------------------------------------------
    def _on_neuron_changed(self, neuron_id: str, name: str, _value: Any) -> None:
        if neuron_id in self._neuron_ids:
            if name in ("kind", "pattern"):  # which fields apply depends on them
                self._rebuild()
                return
            self._refresh("neuron", name)
        if name == "label" and any(neuron_id in key for key in self._synapse_keys):
            self._refresh("synapse", "ends")

    def _on_neuron_removed(self, neuron_id: str) -> None:
        if neuron_id in self._neuron_ids:
            self._neuron_ids.remove(neuron_id)
            self._rebuild()

    def _on_synapse_changed(self, key: SynapseKey, name: str, _value: Any) -> None:
        if tuple(key) in self._synapse_keys:
            if (name == "plasticity" and self._stdp_fields_change()) or name == "kind":
                self._rebuild()  # the rule's numbers, or the fields of a current synapse, appear or go
                return
            self._refresh("synapse", name)

    def _on_params_changed(self, changes: list) -> None:
        for what, key, name, value in changes:
            if what == "neuron":
                self._on_neuron_changed(key, name, value)
            else:
                self._on_synapse_changed(key, name, value)

    def _on_structure_changed(self, change: Any) -> None:
        """A batch edit: rebuilt once if it took away something shown."""
        gone = set(change.removed_neurons)
        removed = set(change.removed_synapses)
        ids = [nid for nid in self._neuron_ids if nid not in gone]
        keys = [key for key in self._synapse_keys if key not in removed]
        if (ids, keys) != (self._neuron_ids, self._synapse_keys):
            self._neuron_ids, self._synapse_keys = ids, keys
            self._rebuild()

    def _on_synapse_removed(self, key: SynapseKey) -> None:
        if tuple(key) in self._synapse_keys:
            self._synapse_keys.remove(tuple(key))
            self._rebuild()

    def _on_network_changed(self, name: str, _value: Any) -> None:
        if name == "model":  # every section's fields depend on the model
            self._rebuild()
        else:
            self._refresh("network", name)

    def _refresh(self, kind: str, param: str) -> None:
        for section in self._sections:
            if section.kind == kind:
                for field in section.fields:
                    if field.param == param or field.key == param:
                        field.show(self._values(section, field))

    # ---- building -----------------------------------------------------------------------
    def _rebuild(self) -> None:
        for section in self._sections:
            for field in section.fields:
                field.sink = None  # late signals from the old widgets are ignored
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()  # not deleted now: we may be inside one of its signals
        body = QWidget()
        column = QVBoxLayout(body)
        self._sections = self._make_sections()
        if self._network is None:
            column.addWidget(QLabel(self.tr("No network is open.")))
        for section in self._sections:
            group = QGroupBox(section.title)
            form = QFormLayout(group)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in section.fields:
                field.sink = self
                if isinstance(field, SliderFloatField):
                    field.live = len(section.targets) == 1
                tip = self._tooltip(field)
                field.set_tooltip(tip)
                label = QLabel(self._words.label(field.key))
                label.setToolTip(tip)
                label.setBuddy(field.widget)
                form.addRow(label, field.widget)
                field.show(self._values(section, field))
            column.addWidget(group)
        column.addStretch(1)
        self._scroll.setWidget(body)

    def _make_sections(self) -> list[_Section]:
        network = self._network
        if network is None:
            return []
        if not self._neuron_ids and not self._synapse_keys:
            section = _Section("network", [None], self.tr("Network"))
            keys = ["name", "description", "model", "update" if network.model == "rate" else "dt_ms"]
            section.fields = [self._make_field(key) for key in keys]
            return [section]
        sections = []
        if self._neuron_ids:
            sections.append(self._neuron_section(network))
        if self._synapse_keys:
            count = len(self._synapse_keys)
            title = (self.tr("Synapse (connection)") if count == 1
                     else self.tr("%n synapses (connections)", "", count))
            section = _Section("synapse", list(self._synapse_keys), title)
            synapses = [network.synapse(key) for key in self._synapse_keys]
            keys = ["ends"] if count == 1 else []
            section.fields = [self._make_field(key) for key in keys + synapse_field_keys(network, synapses)]
            sections.append(section)
            if learning_applies(network, synapses):
                learning = _Section("synapse", list(self._synapse_keys), self.tr("STDP (learning by spike timing)"))
                learning.fields = stdp_fields(synapses, self.tr("learns while the network plays"))
                sections.append(learning)
        return sections

    def _neuron_section(self, network: Network) -> _Section:
        neurons = [network.neuron(nid) for nid in self._neuron_ids]
        kinds = [neuron_field_keys(network.model, n) for n in neurons]
        shared = [key for key in kinds[0] if all(key in other for other in kinds[1:])]
        if len(neurons) == 1:
            title = self._words.neuron_title(neurons[0].kind, neurons[0].label)
            keys = ["id", "label", "kind", *shared]
        else:
            title = self.tr("%n neurons", "", len(neurons))
            keys = ["kind", *shared]
        section = _Section("neuron", list(self._neuron_ids), title)
        section.fields = [self._make_field(key) for key in keys]
        return section

    def _make_field(self, key: str) -> Field:
        if key == "id":
            return ReadOnlyField("id", lambda neuron: neuron.id)
        if key == "ends":
            return ReadOnlyField("ends", self._ends_text)
        if key == "bias":
            return FloatField("bias", NEURON_PARAMS["threshold"], "threshold", step=STEPS["bias"], sign=-1.0)
        if key == "sensor":
            return CheckField("sensor", NEURON_PARAMS["value"], "value", text=self.tr("on (fires)"))
        if key == "synapse_kind":  # "kind" names the neuron's kind
            spec = SYNAPSE_PARAMS["kind"]
            return ChoiceField(key, spec, [(c, self._words.choice(key, c)) for c in spec.choices], "kind")
        spec = _spec(key)
        if spec.kind == "choice":
            return ChoiceField(key, spec, [(c, self._words.choice(key, c)) for c in self._choices(key)])
        if spec.kind == "str":
            return LongTextField(key, spec) if key == "description" else TextField(key, spec)
        if key == "weight":
            if self._network is not None and self._network.model == "spiking":
                spec = replace(spec, unit="mV")  # a spike adds its weight to the target's v
            return SliderFloatField(key, spec, slider_range=WEIGHT_SLIDER_RANGE, step=STEPS[key])
        if key == "value":
            return ToggleFloatField(key, spec, step=STEPS[key])
        if key == "v_mV":
            return FloatField(key, spec, none_text=self.tr("at rest"))
        if key in ("v_min_mV", "v_max_mV"):
            return FloatField(key, spec, none_text=self.tr("no bound"))
        return FloatField(key, spec, step=STEPS.get(key, 1.0), whole=spec.kind == "int")

    def _choices(self, key: str) -> tuple[str, ...]:
        choices = _spec(key).choices
        if key == "kind" and self._network is not None and self._network.model != "spiking":
            return tuple(c for c in choices if c != "generator")
        return choices

    # ---- reading the model --------------------------------------------------------------
    def _stdp_fields_change(self) -> bool:
        """Would the STDP section now show other fields (all selected synapses learn, or not)?"""
        network = self._network
        shown = any(isinstance(f, StdpNumberField) for s in self._sections for f in s.fields)
        learn = network is not None and all(network.synapse(key).plasticity is not None
                                            for key in self._synapse_keys)
        return shown != learn

    def _section_of(self, field: Field) -> _Section | None:
        return next((s for s in self._sections if field in s.fields), None)

    def _objects(self, section: _Section) -> list[Any]:
        network = self._network
        assert network is not None
        if section.kind == "network":
            return [network]
        if section.kind == "neuron":
            return [network.neuron(nid) for nid in section.targets]
        return [network.synapse(key) for key in section.targets]

    def _values(self, section: _Section, field: Field) -> list[Any]:
        return [field.read(obj) for obj in self._objects(section)]

    def _command(self, kind: str, target: Any, name: str, value: Any,
                 merge_key: object | None) -> ModelCommand:
        network = self._network
        assert network is not None
        if kind == "neuron":
            return SetNeuronParamCommand(network, target, name, value, merge_key=merge_key)
        if kind == "synapse":
            return SetSynapseParamCommand(network, target, name, value, merge_key=merge_key)
        if name == "model":
            return set_model_command(network, value)  # converts the parameters (model/conversion.py)
        return SetNetworkParamCommand(network, name, value, merge_key=merge_key)

    def _ends_text(self, synapse: Any) -> str:
        network = self._network
        assert network is not None
        return f"{network.neuron(synapse.source).label} → {network.neuron(synapse.target).label}"

    # ---- messages -----------------------------------------------------------------------
    def _refuse(self, text: str, field: Field) -> None:
        """Say why at the field (red frame, tooltip), under the fields and in the status bar."""
        field.show_refusal(text)
        self._set_error(text)
        self.message.emit(text)

    def _set_error(self, text: str) -> None:
        self._error.setText(text)
        self._error.setVisible(bool(text))

    def _tooltip(self, field: Field) -> str:
        if isinstance(field, FloatField):
            low, high = field.view_range()
            return self._words.help(field.key, field.spec.doc, low, high, field.spec.unit)
        return self._words.help(field.key, field.spec.doc)
