"""What a rebuilt main window takes over from the one it replaces (a language change rebuilds it).

The document (network, file, undo stack) moves as it is; this is the rest the person arranged:
the window's size and docks, the canvas's zoom, centre and look, the view toggles, the selection,
the tool, the playback speed, how much of the past the Traces dock shows, the framework the code
panel writes for and the example shown above the canvas. The run, the lesson and the training go
on too (`hand_over`, `go_on`); the playback waits, paused. Works on any window with the main
window's parts (it is passed in, never imported).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, QPointF, QRectF, QSize
from PySide6.QtGui import QTransform

from neuron_sim.ui.examples import example_in_ui_language

TOGGLES = ("weights_action", "thresholds_action", "grid_action", "snap_action")


@dataclass
class WindowState:
    position: QPoint
    size: QSize
    docks: QByteArray
    maximized: bool
    transform: QTransform
    centre: QPointF
    fitted: bool
    fitted_area: QRectF | None  # what a fitted view keeps in sight (None: the network)
    look: str
    toggles: dict[str, bool]
    name_parts: bool
    neuron_ids: list[str]
    synapse_keys: list[Any]
    tool: str
    speed_index: int
    trace_opened: bool
    weights_opened: bool
    train_dock_shown: bool  # built when first shown: restoreState alone does not bring it
    trace_windows: dict[str, float]  # the Traces dock's "Show the last", by unit
    code_target: str | None  # the code panel's framework (None: the panel was never built)
    example_file: str | None  # the example whose text shows above the canvas


def capture(window) -> WindowState:
    view, scene = window.view, window.scene
    info = window.example_info
    tool = next((name for name, action in window.tool_actions.items() if action.isChecked()), "select")
    return WindowState(
        position=window.pos(), size=window.size(), docks=window.saveState(), maximized=window.isMaximized(),
        transform=view.transform(), centre=view.mapToScene(view.viewport().rect().center()),
        fitted=view.fitted, fitted_area=view.fitted_area(), look=scene.look,
        toggles={name: getattr(window, name).isChecked() for name in TOGGLES},
        name_parts=window.name_parts.action.isChecked(),
        neuron_ids=scene.selected_neuron_ids(), synapse_keys=scene.selected_synapse_keys(),
        tool=tool, speed_index=window.playback_controls.speed_box.currentIndex(),
        trace_opened=window.instruments.opened_on_play,
        weights_opened=window.instruments.weights_opened_on_play,
        train_dock_shown=window.training.dock_action.isChecked(),
        trace_windows=window.instruments.trace_dock.windows(),
        code_target=window.code.panel.target() if window.code.built else None,
        example_file=info.example.file if info.example is not None and info.isVisibleTo(window) else None,
    )


def restore(window, state: WindowState) -> None:
    """Arrange `window` (built for the same document, not yet shown) as `state` says, but for the
    view (`restore_view`)."""
    # Its own size and place (restoreGeometry would fit them to the screen, moving a window that fits).
    window.resize(state.size)
    window.move(state.position)
    window.restoreState(state.docks)
    if state.train_dock_shown:
        window.training.show_dock()  # where the replaced window had it (restoreDockWidget)
    window.look_actions[state.look].trigger()
    for name, on in state.toggles.items():
        action = getattr(window, name)
        if action.isChecked() != on:
            action.trigger()
    window.set_tool(state.tool)
    window.playback_controls.speed_box.setCurrentIndex(state.speed_index)
    window.instruments.opened_on_play = state.trace_opened
    window.instruments.trace_dock.set_windows(state.trace_windows)
    if state.code_target is not None:
        window.code.panel.set_target(state.code_target)
    window.instruments.weights_opened_on_play = state.weights_opened
    example = example_in_ui_language(state.example_file) if state.example_file else None
    if example is not None:  # its text again, in the new language
        window.example_info.show_example(example)
    window.scene.select(state.neuron_ids, state.synapse_keys)
    if state.name_parts:
        window.name_parts.action.setChecked(True)


@dataclass
class WorkUnderWay:
    """What a window is doing, for the one that replaces it to go on with."""

    run: Any  # model.player.RunState: the engine's state, the stage, the recording
    lesson: Any  # window.lessons.LessonProgress, or None without a lesson
    training: Any  # panels.training.session.TrainingSession, or None if nothing was trained or set


def hand_over(window) -> WorkUnderWay:
    """Stop `window`'s work where it is (paused) and say where that is."""
    window.playback.pause()
    return WorkUnderWay(window.playback.player.run_state(), window.lessons.hand_over(), window.training.hand_over())


def go_on(window, work: WorkUnderWay) -> None:
    """`window` (built for the same document) goes on with `work`."""
    window.playback.continue_run(work.run)
    window.lessons.resume(work.lesson)
    window.training.take_over(work.training)


def restore_view(window, state: WindowState) -> None:
    """The canvas's zoom and centre: once `window` is shown and its canvas has its size. A fitted
    view is fitted again to what it kept in sight (an imported circuit's framing, or the network),
    so it goes on refitting as docks open."""
    view = window.view
    if state.fitted:
        view.fit() if state.fitted_area is None else view.fit_area(state.fitted_area)
        return
    view.setTransform(state.transform)
    view.centerOn(state.centre)
    view.fitted = False
    view.zoom_changed.emit(view.zoom())
