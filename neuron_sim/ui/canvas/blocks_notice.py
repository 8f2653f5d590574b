"""What the status line and the export dialog say when the blocks look draws a network schematic.

The rule is model/blocks.py's `blocks_fit`; this words its reason in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from neuron_sim.model.blocks import BlocksFit

from neuron_sim.ui.i18n.filling import fill


def fit_text(fit: BlocksFit) -> str:
    """Why blocks are not drawn, or "" when they are."""
    if fit.reason == "spiking":
        return QCoreApplication.translate(
            "BlocksNotice", "Blocks show the arithmetic of rate neurons, a = f(Σ w·x − θ); a spiking cell adds up "
            "its input over time instead, so this network is drawn schematic.")
    if fit.reason == "neurons":
        return fill(QCoreApplication.translate(
            "BlocksNotice", "Blocks are drawn for up to %1 computing neurons; this network has %2, so it is drawn "
            "schematic."), fit.limit, fit.count)
    if fit.reason == "inputs":
        return fill(QCoreApplication.translate(
            "BlocksNotice", "Blocks are drawn for up to %1 synapses into one neuron; %2 has %3, so the network is "
            "drawn schematic."), fit.limit, fit.label, fit.count)
    return ""


def blocks_notice(scene) -> str:
    """The notice for a scene (a DisplayScene): "" unless blocks were chosen and do not fit."""
    if scene.look != "blocks":
        return ""
    return fit_text(scene.blocks_fit)
