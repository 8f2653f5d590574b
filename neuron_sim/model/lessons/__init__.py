"""Guided lessons as data: pages with a network, a look, highlights, a text and a checked task."""

from neuron_sim.model.lessons.lesson import Highlight, Lesson, Page, Task, Text, load_lesson, load_lessons

__all__ = ["Highlight", "Lesson", "Page", "Task", "Text", "load_lesson", "load_lessons"]
