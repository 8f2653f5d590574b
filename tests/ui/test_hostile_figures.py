"""Figures of small files at the format's extremes (positions ±1e7, hundreds of neurons on one
spot): the pixel size is decided before any pixel is allocated, vectors are written."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from neuron_sim.model.fileformat import loads
from neuron_sim.ui.export import FigureError, FigureOptions
from neuron_sim.ui.export.figure import MAX_PIXELS, Figure

from tests.model.loader_fuzzing import encode, heavy_documents


@settings(max_examples=25, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(heavy_documents())
def test_a_figure_is_sized_before_it_is_drawn(qapp, document):
    network = loads(encode(document))
    figure = Figure(network, FigureOptions(scale=2.0))
    try:
        size = figure.raster_size()
    except FigureError as error:
        assert "pixels is too large" in str(error)
    else:
        assert size.width() * size.height() <= MAX_PIXELS
    assert figure.svg_bytes().lstrip().startswith(b"<?xml")
