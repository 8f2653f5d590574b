"""Exported figures with the Keras code and W (issue #15 point 14): Export figure's option and
`neuron-sim render --keras`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from neuron_sim.cli import main
from neuron_sim.model.fileformat import load
from neuron_sim.resources_path import examples_dir
from neuron_sim.ui.export import Figure, FigureError, FigureOptions

from .test_export_figure import ink, svg_texts

DENSE = examples_dir() / "dense-layer.json"
SVG = "{http://www.w3.org/2000/svg}"


def test_the_block_is_drawn_under_the_network_with_the_dense_line_and_w(qapp):
    network = load(DENSE)
    plain = Figure(network, FigureOptions(scale=1.0))
    figure = Figure(network, FigureOptions(scale=1.0, keras=True))
    block = figure.decorations[-1]
    rect = block.sceneBoundingRect()
    assert rect.top() > figure.content.bottom()  # under the network
    assert figure.bounds.height() > plain.bounds.height() + rect.height() - 1
    image = ink(figure.image())
    top, left = int(rect.top() - figure.bounds.top()), int(rect.left() - figure.bounds.left())
    inside = image[top + 12:int(top + rect.height()) - 4, left + 12:int(left + rect.width()) - 4]
    assert inside.mean() > 0.02  # letters and numbers, not an empty box
    texts = svg_texts(figure.svg_bytes())
    joined = "\n".join(texts)
    assert "In Keras" in joined and "Dense(2, input_shape=(3,))" in joined
    assert any(t.split() == ["x1", "−0.4", "1.2"] for t in texts)  # a row of W, from the file


def test_the_block_follows_the_network_and_the_legend_and_formula_stay_above_it(qapp):
    network = load(DENSE)
    network.set_synapse_param(("x1", "y2"), "weight", 2.25)
    figure = Figure(network, FigureOptions(scale=1.0, keras=True, legend=True, formula_neuron="y2"))
    legend, formula, block = figure.decorations[-3:]
    assert block.sceneBoundingRect().top() >= max(legend.sceneBoundingRect().bottom(),
                                                  formula.sceneBoundingRect().bottom())
    assert any(t.split() == ["x1", "−0.4", "2.25"] for t in svg_texts(figure.svg_bytes()))


def test_a_network_without_layers_is_refused(qapp):
    with pytest.raises(FigureError, match="feedforward rate networks"):
        Figure(load(examples_dir() / "spiking-chain.json"), FigureOptions(keras=True))


def test_the_export_dialog_offers_it_for_layered_rate_networks_only(window, qtbot):
    assert window.examples.open_example_named("dense-layer")
    dialog = window.figures.export_figure()
    assert dialog.keras_check.isEnabled() and not dialog.keras_check.isChecked()
    dialog.keras_check.setChecked(True)
    assert dialog.figure_options().keras
    assert "Dense(2, input_shape=(3,))" in "\n".join(svg_texts(dialog.build_figure().svg_bytes()))
    dialog.reject()
    assert window.examples.open_example_named("spiking-chain")
    dialog = window.figures.export_figure()
    assert not dialog.keras_check.isEnabled() and not dialog.figure_options().keras
    dialog.reject()


def test_render_keras(tmp_path, capsys):
    out = tmp_path / "dense.svg"
    assert main(["render", str(DENSE), "-o", str(out), "--keras"]) == 0
    texts = ["".join(t.itertext()).strip() for t in ET.parse(out).getroot().iter(SVG + "text")]
    assert "Dense(2, input_shape=(3,))" in texts
    capsys.readouterr()
    spiking = examples_dir() / "spiking-chain.json"
    assert main(["render", str(spiking), "-o", str(tmp_path / "chain.png"), "--keras"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "feedforward rate networks" in error
    assert not (tmp_path / "chain.png").exists()
