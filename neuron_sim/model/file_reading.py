"""Reading a network file's bytes and JSON text, before anything is a network: regular files
only, of bounded size, and JSON errors that say where (line, column, the object's path).
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from neuron_sim.model.entities import _show
from neuron_sim.model.limits import MAX_NEURONS, MAX_SYNAPSES
from neuron_sim.model.messages import MessageError
from neuron_sim.model.notes import MAX_NOTES
from neuron_sim.model.run_memory import memory_limit

# The longest entries the app can write (tests/model/test_file_limits.py builds them): a neuron with a
# 64-letter id of 3-byte letters, a 200-character label of escaped control characters and every
# number at its longest; a synapse between two such ids with an STDP rule; a note of 5,000 escaped
# control characters. With them a file of the most neurons, synapses and notes a network may hold
# is at most MAX_FILE_BYTES (1.69 GB).
MAX_NEURON_ENTRY_BYTES = 2_200
MAX_SYNAPSE_ENTRY_BYTES = 720
MAX_NOTE_ENTRY_BYTES = 30_400
MAX_HEAD_BYTES = 130_000  # the name, the description (20,000 characters, 6 bytes each when escaped), the rest
MAX_FILE_BYTES = (MAX_NEURONS * MAX_NEURON_ENTRY_BYTES + MAX_SYNAPSES * MAX_SYNAPSE_ENTRY_BYTES
                  + MAX_NOTES * MAX_NOTE_ENTRY_BYTES + MAX_HEAD_BYTES)
# Memory that opening a file takes, per byte of the file: the bytes read, the text, the parsed JSON
# and the network's objects. The tightest entries cost most per byte (18.2 for {"source":"ab",
# "target":"cd"}); the neurons, bounded in number, cost at most LOADING_NEURON_BYTES more.
LOADING_BYTES_PER_FILE_BYTE = 20
LOADING_NEURON_BYTES = 60_000_000
# A network file nests 4 levels deep (top → neurons → neuron → position); JSON too deep for the
# parser is refused with the place where it passes this depth.
MAX_NESTING = 64


class NetworkFileError(MessageError):
    """A file that is not a valid network. The message names the file and the place.

    `detail` is the message without the file; `NetworkFileError(model_error, path)` keeps the
    template of a ModelError (see messages.py) so that the UI can translate it.
    """

    def __init__(self, message: str | MessageError, path: str | os.PathLike | None = None, /, *,
                 place: str | None = None, **values: Any):
        self.path = None if path is None else str(path)
        super().__init__(message, place=place, **values)
        self.detail = self.render()
        if self.path:
            self.args = (f"{self.path}: {self.detail}",)


def loading_memory(size: int) -> int:
    """Upper bound of the memory opening a file of `size` bytes takes."""
    return size * LOADING_BYTES_PER_FILE_BYTE + LOADING_NEURON_BYTES


def file_byte_limit() -> int:
    """The largest file this computer opens: MAX_FILE_BYTES, or less where opening it would take
    more memory than run_memory lets one task use (half of the machine's)."""
    return max(0, min(MAX_FILE_BYTES, (memory_limit() - LOADING_NEURON_BYTES) // LOADING_BYTES_PER_FILE_BYTE))


def check_size(size: int | None, path: str | os.PathLike | None) -> None:
    """Refuse a file of `size` bytes (None: of unknown size, past the limit) larger than this
    computer opens, saying why and what to do."""
    if size is None or size > MAX_FILE_BYTES:
        raise too_large(size, path)
    if size > file_byte_limit():
        raise NetworkFileError("the file is {size:,.1f} MB, and opening it would take about {need:.1f} GB of memory; "
                               "at most {limit:.1f} GB may be used (half of this computer's memory). Open it on a "
                               "computer with more memory, or save the network there with fewer synapses",
                               path, size=size / 1e6, need=loading_memory(size) / 1e9, limit=memory_limit() / 1e9)


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file this computer can open (check_size). A pipe, a device or a
    socket is refused before it is read: a FIFO would block the open and the read for ever, a
    device never end."""
    _refuse_special(os.stat(path), path)  # before opening: opening a device can have effects of its own
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(descriptor, "rb", closefd=True) as handle:
        status = os.fstat(handle.fileno())  # the file opened, should it have been swapped since the stat
        _refuse_special(status, path)
        check_size(status.st_size, path)
        limit = file_byte_limit()
        raw = handle.read(limit + 1)  # a file that grows while read is still bounded
    if len(raw) > limit:
        check_size(len(raw), path)
    return raw


def read_named_file(path: str | os.PathLike) -> tuple[Path, bytes]:
    """The path and bytes of a file named by the user (read_regular_file), every failure a
    NetworkFileError that names the file and says what went wrong in plain words."""
    if not str(path).strip():  # Path("") is "." and would be reported as a folder
        raise NetworkFileError("no file name was given")
    path = Path(path)
    try:
        return path, read_regular_file(path)
    except IsADirectoryError:
        raise NetworkFileError("is a folder, not a network file", path) from None
    except FileNotFoundError:
        raise NetworkFileError("no such file", path) from None
    except PermissionError:
        raise NetworkFileError("permission denied", path) from None
    except OSError as error:
        raise NetworkFileError("could not read: {reason:w}", path, reason=error.strerror or error) from None
    except ValueError as error:  # e.g. a NUL character in the path
        raise NetworkFileError("could not read: {reason:w}", path, reason=error) from None


def decoded_text(raw: str | bytes, path: str | os.PathLike | None) -> str:
    """A file's contents as text, within this computer's size limit (check_size), refused when
    not UTF-8 or empty."""
    if isinstance(raw, bytes):
        check_size(len(raw), path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise NetworkFileError("not UTF-8 text (bad byte at offset {offset})", path, offset=error.start) from None
    else:
        text = raw
        check_size(len(text), path)  # in characters: at least as many bytes
    if not text or text.isspace():  # not text.strip(), which copies the text
        raise NetworkFileError("the file is empty", path)
    return text


def _refuse_special(status: os.stat_result, path: Path) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(status.st_mode):
        raise NetworkFileError("is not a regular file (a pipe, a device or a socket), so it cannot be a network file",
                               path)


def too_large(size: int | None, path: str | os.PathLike | None) -> NetworkFileError:
    limit = MAX_FILE_BYTES // 1_000_000
    if size:
        return NetworkFileError("the file is {size:.0f} MB, far too large to be a network (the limit is {limit} MB)",
                                path, size=size / 1e6, limit=limit)
    return NetworkFileError("the file is far too large to be a network (the limit is {limit} MB)", path, limit=limit)


def type_name(value: Any) -> str:
    """What a JSON value is, in the words of messages ("a list", "text", "true/false")."""
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def parse_json(text: str, path: str | os.PathLike | None) -> Any:
    """The parsed JSON of `text`; a NetworkFileError names where the text is not valid JSON."""
    duplicates: list[tuple[dict, str]] = []

    def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)  # in C; only an object with a repeated key is searched for it
        if len(result) != len(pairs) and not duplicates:
            seen: set[str] = set()
            key = next(key for key, _ in pairs if key in seen or seen.add(key))
            duplicates.append((result, key))
        return result

    try:
        # NaN, Infinity and integers too long to be numbers become floats here, so that the
        # validation below refuses them with the place they occur (neurons[2].threshold: …).
        data = json.loads(text, object_pairs_hook=no_duplicate_keys, parse_constant=float,
                          parse_int=_Integers().__getitem__)
    except json.JSONDecodeError as error:
        if _truncated(text, error):
            raise NetworkFileError("not valid JSON at line {line}, column {column}: the file ends too early "
                                   "(truncated?)", path, line=error.lineno, column=error.colno) from None
        raise NetworkFileError("not valid JSON at line {line}, column {column}: {reason:w}", path,
                               line=error.lineno, column=error.colno, reason=error.msg) from None
    except RecursionError:
        raise _too_deep(text, path) from None
    except ValueError as error:  # nothing else is known to raise this; kept as a safety net
        raise NetworkFileError("not valid JSON: {reason}", path, reason=error) from None
    if duplicates:
        holder, key = duplicates[0]
        place = _place_of(data, holder)
        raise NetworkFileError("the key {key} appears twice in one object", path, place=place, key=_show(key))
    return data


def _place_of(data: Any, wanted: dict) -> str:
    """The JSON path (neurons[2]) of the object `wanted` inside `data`; "" for the top level."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, place = stack.pop()
        if value is wanted:
            return place
        if isinstance(value, dict):
            stack.extend((item, f"{place}.{key}" if place else str(key)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{place}[{i}]") for i, item in enumerate(value))
    return ""


class _Integers(dict):
    """The value of each integer's digits, as the JSON parser asks for them: an int, or a float past
    20 digits (Python refuses to convert integers of more than 4300 digits; no parameter needs 20).
    Looked up in C when the same digits came before, as most do in a file (positions on a grid,
    whole-number parameters: 70,000 calls of a Python function took 9 ms of opening a
    10,000-neuron file, the lookups 1 ms); a file of integers all different takes longer (+70 ns
    each)."""

    __slots__ = ()
    LIMIT = 4096  # digits remembered, so that a file of distinct integers does not fill memory

    def __missing__(self, digits: str) -> int | float:
        value = int(digits) if len(digits) <= 20 else float(digits)
        if len(self) < self.LIMIT:
            self[digits] = value
        return value


_PARTIAL_TOKEN = re.compile(r"[0-9.eE+\-]+|t(r(ue?)?)?|f(a(l(se?)?)?)?|n(u(ll?)?)?|"
                            r"N(aN?)?|-?I(n(f(i(n(i(ty?)?)?)?)?)?)?")


def _truncated(text: str, error: json.JSONDecodeError) -> bool:
    """Did parsing fail because the text stops in the middle of a value?"""
    if error.msg.startswith("Unterminated string"):
        return True  # a string runs to the end of the text
    if error.msg.startswith("Invalid \\uXXXX escape") and '"' not in text[error.pos:]:
        return True  # a \u escape cut short in a string that never ends
    if error.msg.startswith("Extra data"):
        return False
    rest = text[error.pos:].rstrip()
    return not rest or bool(_PARTIAL_TOKEN.fullmatch(rest))


def _too_deep(text: str, path: str | os.PathLike | None) -> NetworkFileError:
    """Locate the first place nested more than MAX_NESTING deep, for the message."""
    depth = 0
    in_string = escaped = False
    line, line_start = 1, 0
    for position, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return NetworkFileError("not valid JSON at line {line}, column {column}: nested more than "
                                        "{limit} levels deep", path, line=line, column=position - line_start + 1,
                                        limit=MAX_NESTING)
        elif char in "]}":
            depth -= 1
        if char == "\n":
            line, line_start = line + 1, position + 1
    return NetworkFileError("not valid JSON: nested more than {limit} levels deep", path, limit=MAX_NESTING)


