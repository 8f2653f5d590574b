"""Start the desktop app (Qt is imported only here and below, never by the model)."""

from __future__ import annotations


def run_app(path: str | None = None, look: str | None = None, play: bool = False,
            select: list[str] | None = None, lang: str | None = None,
            example: str | None = None, start_page: bool = False, train: int | None = None,
            train_step: bool = False, speed: float | None = None, lesson: str | None = None, page: int = 1,
            present: bool = False) -> int:
    from neuron_sim.ui.window.launch import run

    return run(path, look=look, play=play, select=select or [], lang=lang, example=example,
               start_page=start_page, train=train, train_step=train_step,
               speed=speed, lesson=lesson, page=page, present=present)
