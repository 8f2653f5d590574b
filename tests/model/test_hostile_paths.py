"""Paths that are not network files: a FIFO, a device, a link loop, an empty name, a long name.

Opening a FIFO once blocked for ever (open() waits for a writer), and a link loop raised
RuntimeError. Each is now one NetworkFileError naming the file. The FIFO case runs in a subprocess
with a timeout, so that a regression hangs that process and not the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from neuron_sim.model import Network, Neuron
from neuron_sim.model.atomic_write import check_target, write_atomically
from neuron_sim.model.fileformat import NetworkFileError, load, save
from tests.hang_guard import guarded_fifo

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")


@posix_only
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    script = textwrap.dedent(f"""
        from neuron_sim.model.fileformat import NetworkFileError, load
        try:
            load({str(fifo)!r})
        except NetworkFileError as error:
            print(error)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{fifo}: is not a regular file (a pipe, a device or a socket), so it cannot be a network file"


@posix_only
def test_saving_onto_a_fifo_is_refused_and_does_not_block(tmp_path):
    network = Network()
    network.add_neuron(Neuron("x1", kind="input"))
    with guarded_fifo(tmp_path / "p.json") as fifo, \
            pytest.raises(NetworkFileError, match="could not save: not a regular file"):
        save(network, fifo)
    assert fifo.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]


@posix_only
def test_a_link_loop_is_refused_with_a_message(tmp_path):
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    with pytest.raises(NetworkFileError, match=r"a\.json: could not read: Too many levels of symbolic links"):
        load(tmp_path / "a.json")


def test_an_empty_name_is_not_called_a_folder():
    with pytest.raises(NetworkFileError, match="^no file name was given$"):
        load("")


@pytest.mark.parametrize("letters", [76, 83])  # 233 and 254 bytes of Hangul: valid names, too long for 100 letters' worth
def test_a_long_korean_name_can_be_saved(tmp_path, letters):
    name = "가" * letters + ".json"
    assert len(os.fsencode(name)) <= 255
    network = Network()
    network.add_neuron(Neuron("x1", kind="input"))
    save(network, tmp_path / name)
    assert load(tmp_path / name) == network
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_name_longer_than_the_file_system_allows_is_refused_cleanly(tmp_path):
    name = "가" * 90 + ".json"  # 275 bytes
    with pytest.raises(OSError, match="File name too long"):
        check_target(tmp_path / name)
    with pytest.raises(OSError):
        write_atomically(tmp_path / name, b"{}")
    assert list(tmp_path.iterdir()) == []
