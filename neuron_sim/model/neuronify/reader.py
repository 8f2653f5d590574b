"""Reading a Neuronify file into its nodes and edges, before anything is mapped: the JSON of
file format versions 1 to 4 (and the script of the earliest files), with the same safety rules as
our own files (regular files only, bounded size and nesting, every count bounded).

Version 1 and 2 nodes keep their properties at the top of the node (`fileName`, `engine`, and
some engine properties beside it); versions 3 and 4 keep them in `savedProperties` (`filename`,
`savedProperties.engine`). Edges name their nodes by index (`from`, `to`); an edge without a file
name is a plain `Edge.qml`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from neuron_sim.model.entities import ModelError, _show
from neuron_sim.model.file_reading import parse_json
from neuron_sim.model.fileformat import MAX_NEURONS, MAX_SYNAPSES
from neuron_sim.model.neuronify.records import WorkspaceView

NEWEST_VERSION = 4
SCRIPT_VERSION = 0  # the files Neuronify wrote as a script of createEntity() calls, before version 1
# The window the early Neuronify opened in, to turn its workspace offset and scale into a view.
_SCRIPT_WINDOW = (1280.0, 800.0)
MAX_SCRIPT_LINES = MAX_NEURONS + MAX_SYNAPSES + 16


@dataclass
class RawNode:
    index: int
    type: str  # Neuronify's QML file, e.g. "neurons/LeakyNeuron.qml"
    props: dict[str, Any]  # x, y, label, inhibitory, text, width, height …
    engine: dict[str, Any]  # the engine's properties (capacitance, threshold …)
    place: str

    def value(self, key: str) -> Any:
        """An engine property, looked for where each version keeps it (version 1 and 2 files
        keep some of them, such as resistance, beside the engine)."""
        return self.engine[key] if key in self.engine else self.props.get(key)


@dataclass
class RawEdge:
    index: int
    type: str
    source: int
    target: int
    engine: dict[str, Any]
    place: str


@dataclass
class NfyDocument:
    version: int
    nodes: list[RawNode] = field(default_factory=list)
    edges: list[RawEdge] = field(default_factory=list)
    view: WorkspaceView | None = None


def parse_document(text: str) -> NfyDocument:
    """The nodes and edges of a Neuronify file's text; ModelError names the place of a problem."""
    stripped = text.lstrip()
    if stripped.startswith("var ") or stripped.startswith("workspace."):
        return _parse_script(text)
    if sketch := _SKETCH_SECTION.match(stripped):
        raise ModelError("this is a sketch of a file format ({section} in braces), not a circuit: no version of "
                         "Neuronify reads it", section=sketch.group(1))
    if not stripped.startswith(("{", "[")):
        raise ModelError("this is not a Neuronify file: Neuronify's .nfy files are JSON objects with "
                         "\"nodes\" and \"edges\"")
    return _from_json(parse_json(text, None))


# ---- JSON (versions 1 to 4) ----------------------------------------------------------------------
def _from_json(data: Any) -> NfyDocument:
    if not isinstance(data, dict):
        raise ModelError("this is not a Neuronify file: expected a JSON object at the top")
    version = _version(data.get("fileFormatVersion", 1))
    if "nodes" not in data:
        raise ModelError("the field {name!r} is missing; this is not a Neuronify circuit", name="nodes")
    nodes_data = _list(data["nodes"], "nodes", MAX_NEURONS)
    edges_data = _list(data.get("edges", []), "edges", MAX_SYNAPSES)
    document = NfyDocument(version)
    for i, entry in enumerate(nodes_data):
        document.nodes.append(_node(entry, i))
    for i, entry in enumerate(edges_data):
        document.edges.append(_edge(entry, i, len(document.nodes)))
    document.view = _view(data.get("workspace"))
    return document


def _version(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelError("expected a whole number, got {value}", place="fileFormatVersion", value=_show(value))
    if value > NEWEST_VERSION:
        raise ModelError("{value} is newer than the Neuronify files neuron-sim reads (versions 1 to {newest})",
                         place="fileFormatVersion", value=value, newest=NEWEST_VERSION)
    if value < 1:
        raise ModelError("{value} is not a valid version", place="fileFormatVersion", value=value)
    return value


def _list(value: Any, place: str, limit: int) -> list:
    if not isinstance(value, list):
        raise ModelError("expected a list, got {value}", place=place, value=_show(value))
    if len(value) > limit:
        raise ModelError("{count} entries is more than the {limit:,} a network may hold", place=place,
                         count=len(value), limit=limit)
    return value


def _object(value: Any, place: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ModelError("expected an object, got {value}", place=place, value=_show(value))
    return value


def _file_name(entry: dict[str, Any], props: dict[str, Any], place: str, default: str | None) -> str:
    for holder in (entry, props):
        for key in ("filename", "fileName"):
            if key in holder:
                name = holder[key]
                if not isinstance(name, str) or not name:
                    raise ModelError("expected the name of a Neuronify item, got {value}", place=f"{place}.{key}",
                                     value=_show(name))
                return normal_type(name)
    if default is None:
        raise ModelError("the node has no type (its \"filename\" is missing)", place=place)
    return default


def normal_type(name: str) -> str:
    """"qrc:/qml/neurons/LeakyNeuron.qml" and "neurons/LeakyNeuron.qml" name the same item."""
    for prefix in ("qrc:/qml/", "qrc:///qml/", "qml/"):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _node(entry: Any, index: int) -> RawNode:
    place = f"nodes[{index}]"
    entry = _object(entry, place)
    if "savedProperties" in entry:
        props = _object(entry["savedProperties"], f"{place}.savedProperties")
        props_place = f"{place}.savedProperties"
    else:
        props, props_place = entry, place
    engine = _object(props.get("engine"), f"{props_place}.engine")
    node_type = _file_name(entry, props, place, None)
    return RawNode(index, node_type, props, engine, place)


def _edge(entry: Any, index: int, node_count: int) -> RawEdge:
    place = f"edges[{index}]"
    entry = _object(entry, place)
    props = _object(entry.get("savedProperties"), f"{place}.savedProperties")
    engine = _object(props.get("engine", entry.get("engine")), f"{place}.engine")
    edge_type = _file_name(entry, props, place, "Edge.qml")
    ends = []
    for end in ("from", "to"):
        if end not in entry:
            raise ModelError("the field {name!r} is missing", place=place, name=end)
        value = entry[end]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ModelError("expected the index of a node, got {value}", place=f"{place}.{end}", value=_show(value))
        if not 0 <= value < node_count:
            raise ModelError("there is no node {index}: the file has {count} nodes (0 to {last})",
                             place=f"{place}.{end}", index=value, count=node_count, last=node_count - 1)
        ends.append(value)
    return RawEdge(index, edge_type, ends[0], ends[1], engine, place)


def _view(workspace: Any) -> WorkspaceView | None:
    if not isinstance(workspace, dict):
        return None
    rectangle = workspace.get("visibleRectangle")
    if not isinstance(rectangle, dict):
        return _offset_view(workspace) if "scale" in workspace else None
    values = [rectangle.get(key) for key in ("x", "y", "width", "height")]
    if not all(_finite(v) and abs(v) <= 1e7 for v in values) or values[2] <= 0 or values[3] <= 0:
        return None  # a view Neuronify could not have shown: the window fits the circuit instead
    return WorkspaceView(*(float(v) for v in values))


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# ---- the script of the earliest files ------------------------------------------------------------
# Neuronify ran these files as scripts. The first ones made each item with its own function
# (createNeuron, createVoltmeter, createTouchSensor) and connected them with connectNeurons,
# connectVoltmeterToNeuron and connectSensorToNeuron, their properties a script object ({x: 300});
# later ones with createEntity("neurons/….qml", {…}) and connectEntities. Each is read with a pattern.
_CREATE = re.compile(r'var\s+(\w+)\s*=\s*createEntity\(\s*"([^"]+)"\s*,\s*(\{.*\})\s*\)\s*;?')
_CREATE_ITEM = re.compile(r"var\s+(\w+)\s*=\s*create(Neuron|Voltmeter|TouchSensor)\(\s*(\{.*\})\s*\)\s*;?")
_EARLY_ITEMS = {"Neuron": "Neuron.qml", "Voltmeter": "Voltmeter.qml", "TouchSensor": "TouchSensor.qml"}
# A touch sensor's cell is connected as `entity3.cellAt(2)`: the connection starts at the sensor.
_CONNECT = re.compile(r"(?:var\s+\w+\s*=\s*)?connect(?:Entities|Neurons|VoltmeterToNeuron|SensorToNeuron)"
                      r"\(\s*(\w+)(?:\.cellAt\(\s*\d+\s*\))?\s*,\s*(\w+)\s*\)\s*;?")
_WORKSPACE = re.compile(r"workspace\.(x|y|scale)\s*=\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s*;?")
# A section of a file format sketched before Neuronify saved anything: `neurons{ {id:A …} }`.
_SKETCH_SECTION = re.compile(r"([A-Za-z_]\w*)\s*\{")
# In a script object, a key without quotes (x: 300) or a JSON string ("x": "a: b").
_SCRIPT_KEY = re.compile(r'"(?:[^"\\]|\\.)*"|(?<=[{,])(\s*)([A-Za-z_$][\w$]*)(\s*:)')


def _script_object(text: str) -> Any:
    """The properties of a created item: JSON, or a script object whose keys have no quotes."""
    quoted = _SCRIPT_KEY.sub(lambda m: m.group(0) if m.group(2) is None else f'{m.group(1)}"{m.group(2)}"{m.group(3)}',
                             text)
    return json.loads(quoted, parse_constant=float)


def _parse_script(text: str) -> NfyDocument:
    """The earliest Neuronify files are a script of three statements (no code is run here: each
    line must be one of them, read with a pattern)."""
    document = NfyDocument(SCRIPT_VERSION)
    names: dict[str, int] = {}
    workspace: dict[str, float] = {}
    lines = text.splitlines()
    if len(lines) > MAX_SCRIPT_LINES:
        raise ModelError("{count} lines is more than a network file may hold", count=len(lines))
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        place = f"line {number}"
        if not line:
            continue
        if created := _CREATE.fullmatch(line) or _CREATE_ITEM.fullmatch(line):
            name, item, props_text = created.groups()
            item = _EARLY_ITEMS.get(item, item)
            try:
                props = _script_object(props_text)
            except (json.JSONDecodeError, RecursionError):
                raise ModelError("the properties of {name} are not valid JSON", place=place, name=name) from None
            props = _object(props, place)
            names[name] = len(document.nodes)
            document.nodes.append(RawNode(len(document.nodes), normal_type(item), props, props, place))
        elif match := _CONNECT.fullmatch(line):
            source, target = match.groups()
            for end in (source, target):
                if end not in names:
                    raise ModelError("{name} is not created before it is connected", place=place, name=end)
            document.edges.append(RawEdge(len(document.edges), "Edge.qml", names[source], names[target], {}, place))
        elif match := _WORKSPACE.fullmatch(line):
            workspace[match.group(1)] = float(match.group(2))
        else:
            raise ModelError("not a statement of a Neuronify file: {text}", place=place, text=_show(line))
    document.view = _offset_view(workspace)
    return document


def _offset_view(workspace: dict[str, Any]) -> WorkspaceView | None:
    """Early files kept the workspace as an offset and a scale of the window."""
    scale = workspace.get("scale", 1.0)
    values = [workspace.get(key, 0.0) for key in ("x", "y")] + [scale]
    if not all(_finite(v) and abs(v) <= 1e7 for v in values) or scale <= 0.01:
        return None
    width, height = _SCRIPT_WINDOW[0] / scale, _SCRIPT_WINDOW[1] / scale
    return WorkspaceView(-values[0] / scale, -values[1] / scale, width, height)
