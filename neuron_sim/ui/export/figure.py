"""A figure of the network: a separate scene drawn for a slide, rendered to PNG, SVG or PDF.

The figure never draws the editor's scene. It builds its own `FigureScene` on a copy of the
network (only the selection, if asked), with the chosen look and labels, no selection handles,
hover marks or grid, and the figure-only items of decorations.py (title, legend, formula).
Activity comes from a Playback (the window's, or one the command line ran): the same
CanvasAnimator that lights the canvas lights the figure.

Every item's pixmap cache is switched off, so that SVG and PDF receive paths and text rather
than bitmaps, and so that a 4× PNG is drawn at 4×, not scaled up from a 1× cache.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter, QTransform
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem
import shiboken6

from neuron_sim.model import ModelError, Network
from neuron_sim.model.fileformat import from_dict, to_dict
from neuron_sim.model.atomic_write import check_target, write_atomically
from neuron_sim.model.messages import MessageError

from neuron_sim.ui.canvas.scene import DisplayScene
from neuron_sim.ui.styles import PALETTE
from neuron_sim.ui.export.decorations import place_decorations
from neuron_sim.ui.export.painting import content_rect, disable_caches, layout_dpi, render_region, set_dpi, with_font_fallbacks
from neuron_sim.ui.export.raster import png_bytes

FORMATS = ("png", "svg", "pdf")
SCOPES = ("network", "selection", "visible")
BACKGROUNDS = ("white", "transparent")
MAX_SCALE = 16.0
MAX_PIXELS = 400_000_000  # a PNG bigger than this (20,000 × 20,000) is refused, not attempted
PDF_POINTS_PER_UNIT = 0.75  # one scene unit is one pixel at 96 dpi, as in the 1× PNG


class FigureError(MessageError):
    """A figure that cannot be made (nothing to draw, too big, a file that cannot be written).

    Raised with a message template and its values (neuron_sim/model/messages.py), which the
    export dialog shows translated."""


@dataclass(frozen=True)
class FigureOptions:
    """What a figure shows and how. Scene units are pixels at 1×."""

    look: str = "biological"
    scope: str = "network"  # "network", "selection" or "visible"
    scale: float = 2.0
    background: str = "white"  # or "transparent"
    show_weights: bool = True
    show_thresholds: bool = True
    show_labels: bool = True  # neuron names
    legend: bool = False
    title: str = ""
    formula_neuron: str | None = None  # id of the neuron whose computation is written out
    parts: str | None = None  # Name the parts on this neuron; "" chooses one as the canvas does; None: no callouts
    keras: bool = False  # the Dense lines and each layer's W under the network (feedforward rate networks)
    activity: bool = True  # the playback's current state; False: the network at rest
    margin: float = 16.0

    def with_labels(self, shown: bool) -> FigureOptions:
        return replace(self, show_weights=shown, show_thresholds=shown, show_labels=shown)


def background_color(name: str) -> QColor | None:
    """White, or None for transparent. There is no dark background: the network's colours (dark
    text, brown membranes) are made for white, as slides and worksheets mostly are."""
    if name == "transparent":
        return None
    if name == "white":
        return QColor(PALETTE.background)
    raise FigureError("unknown background {name!r}: use white or transparent", name=name)


class FigureScene(DisplayScene):
    """The network as the options say, on a plain background (or none)."""

    def __init__(self, network: Network, options: FigureOptions):
        background = background_color(options.background)  # a wrong name is refused before any drawing
        super().__init__(network, options.look, show_weights=options.show_weights,
                         show_thresholds=options.show_thresholds, show_labels=options.show_labels)
        self.background: QColor | None = background

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt's name)
        if self.background is not None:
            painter.fillRect(rect, self.background)


def copy_network(network: Network, neuron_ids=None, synapse_keys=None, note_ids=()) -> Network:
    """An independent copy (the figure never touches the document), optionally only a part of it.

    With `neuron_ids`, only those neurons and the synapses among them (restricted further to
    `synapse_keys` when some synapses are selected too), and of the notes those in `note_ids`.
    """
    data = to_dict(network)
    if neuron_ids is not None:
        keep = set(neuron_ids)
        inside = {tuple(k) for k in synapse_keys or () if k[0] in keep and k[1] in keep}
        data["neurons"] = [n for n in data["neurons"] if n["id"] in keep]
        data["synapses"] = [s for s in data["synapses"] if s["source"] in keep and s["target"] in keep
                            and (not inside or (s["source"], s["target"]) in inside)]
        notes = set(note_ids)
        data["notes"] = [n for n in data.get("notes", []) if n["id"] in notes]
        if not data["notes"]:
            del data["notes"]
    return from_dict(data)


class Figure:
    """A figure ready to render. Build it, then call `image`, `svg_bytes`, `write_pdf` or `save`,
    and `close` it when done (or use it as a context manager: `with Figure(…) as figure:`).

    `playback`: where the activity comes from (its engine's current state); None or
    `options.activity == False` draws the network at rest. `selection`: (neuron ids, synapse keys)
    or (neuron ids, synapse keys, note ids) for the "selection" scope; `visible_rect`: the scene rectangle of the "visible" scope.
    """

    def __init__(self, network: Network, options: FigureOptions, playback=None,
                 selection: tuple[list, list] | None = None, visible_rect: QRectF | None = None):
        if options.scope not in SCOPES:
            raise FigureError("unknown scope {scope!r}", scope=options.scope)
        if not (0 < options.scale <= MAX_SCALE):
            raise FigureError("the scale must be more than 0 and at most {limit:g}, got {scale:g}", limit=MAX_SCALE,
                              scale=options.scale)
        self.options = options
        if options.scope == "selection":
            ids, keys, *notes = selection or ([], [])
            if not ids:
                raise FigureError("nothing is selected: select neurons to draw, or draw the whole network")
            self.network = copy_network(network, ids, keys, notes[0] if notes else ())
        else:
            self.network = copy_network(network)
        if not self.network.neurons:
            raise FigureError("the network is empty: there is nothing to draw")
        self.scene = FigureScene(self.network, options)
        self.animator = None
        try:
            self._build(playback, selection, visible_rect)
        except BaseException:
            self.close()  # a figure refused half-way frees its scene too
            raise

    def _build(self, playback, selection, visible_rect: QRectF | None) -> None:
        options = self.options
        if playback is not None and options.activity:
            self.show_state_of(playback)
        self.scene.flush()
        self.parts_overlay = None
        if options.parts is not None:
            self.name_parts(options.parts, (selection or ([], []))[0])
        if options.scope == "visible" and visible_rect is not None and not visible_rect.isEmpty():
            content = QRectF(visible_rect)
            self.clip_to_content = True
        else:
            content = content_rect(self.scene, self.scene.framed_rect())
            self.clip_to_content = False
        self.content = content
        self.playback = playback if options.activity else None
        self.decorations: list[QGraphicsItem] = []
        self.relayout()

    # ---- lifetime ------------------------------------------------------------------------
    def close(self) -> None:
        """Delete the figure's scene and everything on it now; the figure cannot draw after this.

        The scene and its CanvasAnimator hold each other (the animator is the scene's child and
        keeps the scene), so a figure merely dropped would be freed by the garbage collector at
        whatever moment it next runs, possibly while Qt is in the middle of something else. Taken
        apart here, while every item is whole, as throwaway scenes are. Closing twice does nothing."""
        if self.animator is not None:
            self.animator.stop_following()
            self.animator = None
        if shiboken6.isValid(self.scene):
            self.scene.clear()
            shiboken6.delete(self.scene)

    def __enter__(self) -> Figure:
        return self

    def __exit__(self, *_exception) -> None:
        self.close()

    def name_parts(self, neuron_id: str, selected=()) -> None:
        """Callouts naming a neuron's parts, as View → Name the parts draws them on the canvas:
        `neuron_id`'s, or with "" the one the canvas would choose (a selected computing neuron,
        else the one with inputs and outputs and the most inputs)."""
        from neuron_sim.ui.canvas.parts_overlay import PartsOverlay, parts_target
        from neuron_sim.ui.i18n.vocabulary import Vocabulary

        computing = {nid for nid, n in self.network.neurons.items() if n.kind == "neuron"}
        if neuron_id and neuron_id not in computing:
            raise FigureError("{id} is not a computing neuron of the figure: Name the parts labels one", id=neuron_id)
        target = neuron_id or parts_target(self.network, selected)
        if target is None:
            raise FigureError("the figure has no computing neuron whose parts could be named")
        overlay = PartsOverlay(Vocabulary(self.scene))
        self.scene.addItem(overlay)
        self.scene.annotations.append(overlay)
        overlay.neuron_id = target
        overlay.relayout()
        self.parts_overlay = overlay

    def relayout(self) -> None:
        """Place the title, legend and formula around the content (the formula with the current
        numbers) and compute the figure's bounds."""
        for item in self.decorations:
            self.scene.removeItem(item)
        engine = self.playback.engine if self.playback is not None else None
        try:
            self.decorations = place_decorations(self.scene, self.network, self.options, self.content, engine)
        except ModelError as error:
            raise FigureError(error) from None
        bounds = QRectF(self.content)
        for item in self.decorations:
            bounds = bounds.united(item.sceneBoundingRect())
        m = self.options.margin
        self.bounds = bounds.adjusted(-m, -m, m, m)
        disable_caches(self.scene)

    def include_labels(self) -> bool:
        """Grow the content to hold every neuron's text as it is now (a = … appears while playing).

        True if it grew; call `relayout` then."""
        if self.clip_to_content:
            return False
        grown = QRectF(self.content)
        for item in self.scene.neuron_items.values():
            grown = grown.united(item.mapRectToScene(item.label_rect()))
        if grown == self.content:
            return False
        self.content = grown
        return True

    # ---- activity ------------------------------------------------------------------------
    def show_state_of(self, playback, follow: bool = False) -> None:
        """Light the figure as `playback` is now (somas, a = …, pulses); with `follow`, keep
        following it as it advances (animations), until `detach`."""
        from neuron_sim.ui.canvas.animation import CanvasAnimator

        self.animator = CanvasAnimator(self.scene, playback)
        self.animator.show_state()
        if not follow:
            self.animator.stop_following()
        disable_caches(self.scene)

    def detach(self) -> None:
        """Stop following the playback (the figure keeps the state it shows)."""
        if self.animator is not None:
            self.animator.stop_following()

    def follow(self, playback) -> None:
        """Show `playback`'s state from now on (an animation restarts from a fresh copy)."""
        self.detach()
        if self.animator is not None:
            self.scene.removeItem(self.animator.pulse_layer)
            self.animator.deleteLater()
            self.animator = None
        self.playback = playback
        self.show_state_of(playback, follow=True)

    # ---- sizes ---------------------------------------------------------------------------
    def pixel_size(self, scale: float | None = None) -> QSize:
        s = self.options.scale if scale is None else scale
        return QSize(max(1, round(self.bounds.width() * s)), max(1, round(self.bounds.height() * s)))

    def raster_size(self, scale: float | None = None) -> QSize:
        """`pixel_size`, refused with a FigureError when it is too large to draw."""
        size = self.pixel_size(scale)
        if size.width() * size.height() > MAX_PIXELS:
            raise FigureError("{width} × {height} pixels is too large; choose a smaller scale", width=size.width(),
                              height=size.height())
        return size

    # ---- rendering -----------------------------------------------------------------------
    def paint_into(self, device, width: float, height: float, top: float = 0.0) -> None:
        """Draw the figure scaled to `width` × `height` device units and shifted up by `top` (a band
        of rows), its background first. Only the items that cross the device are painted
        (`render_region`): a band of a large figure skips the cells and labels of the other bands."""
        sx, sy = width / self.bounds.width(), height / self.bounds.height()
        transform = QTransform(sx, 0, 0, sy, -sx * self.bounds.left(), -sy * self.bounds.top() - top)
        painter = QPainter(device)
        background, self.scene.background = self.scene.background, None  # filled once, over the margins too
        try:
            if background is not None:
                painter.fillRect(QRectF(0, -top, width, height), background)
            render_region(self.scene, painter, transform, self.content if self.clip_to_content else None)
        finally:
            self.scene.background = background
            painter.end()

    def image(self, scale: float | None = None) -> QImage:
        s = self.options.scale if scale is None else scale
        image = QImage(self.raster_size(s), self.image_format())
        self.draw_rows(image, 0, s)
        return image

    def image_format(self) -> QImage.Format:
        # An opaque figure needs no alpha channel: a quarter less to write, and the PNG is smaller.
        return QImage.Format.Format_RGB32 if self.is_opaque() else QImage.Format.Format_ARGB32_Premultiplied

    def is_opaque(self) -> bool:
        return self.scene.background is not None and self.scene.background.alpha() == 255

    def draw_rows(self, image: QImage, top: int, scale: float | None = None) -> None:
        """Draw the rows of the figure at `scale` that start at row `top` into `image` (of the
        figure's width); rows drawn in bands are the same pixels as rows of a whole image."""
        s = self.options.scale if scale is None else scale
        size = self.raster_size(s)
        if not self.is_opaque():
            image.fill(QColor(0, 0, 0, 0))
        set_dpi(image, layout_dpi())  # text is laid out at the screen's DPI: paint at the same
        self.paint_into(image, size.width(), size.height(), top)
        set_dpi(image, 96.0 * s)  # then the same printed size at every scale

    def svg_bytes(self, title: str = "") -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._write_svg(buffer, title)
        buffer.close()
        return with_font_fallbacks(bytes(buffer.data()))

    def _write_svg(self, device, title: str) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(device)
        size = self.pixel_size(1.0)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setResolution(round(layout_dpi()))
        generator.setTitle(title or self.options.title or self.network.name or "neuron-sim")
        generator.setDescription("neuron-sim figure")
        self.paint_into(generator, size.width(), size.height())

    def pdf_bytes(self) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        self._write_pdf(writer)
        buffer.close()
        return bytes(buffer.data())

    def _write_pdf(self, writer: QPdfWriter) -> None:
        page = QSizeF(self.bounds.width() * PDF_POINTS_PER_UNIT, self.bounds.height() * PDF_POINTS_PER_UNIT)
        writer.setPageSize(QPageSize(page, QPageSize.Unit.Point, "figure", QPageSize.SizeMatchPolicy.ExactMatch))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0))
        writer.setResolution(round(layout_dpi()))  # vectors: the resolution only sizes the text
        writer.setTitle(self.options.title or self.network.name or "neuron-sim")
        writer.setCreator("neuron-sim")
        width = writer.width()
        self.paint_into(writer, width, width * self.bounds.height() / self.bounds.width())

    def data(self, fmt: str) -> bytes:
        """The figure as the bytes of a PNG, SVG or PDF file."""
        if fmt == "png":
            return png_bytes(self)
        if fmt == "svg":
            return self.svg_bytes()
        if fmt == "pdf":
            return self.pdf_bytes()
        raise FigureError("unknown format {format!r}: use one of {formats}", format=fmt, formats=", ".join(FORMATS))

    def save(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the figure; the format comes from the suffix unless given. Raises FigureError."""
        path = Path(path)
        fmt = (fmt or path.suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            raise FigureError("unknown format {suffix:w}; use .png, .svg or .pdf", place=path.name,
                              suffix=path.suffix or "(no suffix)")
        check_writable(path)  # before drawing: a large figure takes a while
        write_bytes(path, self.data(fmt))
        return path


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` atomically, as a network file is saved: a failure leaves the old file whole."""
    try:
        write_atomically(path, data)
    except OSError as error:
        raise FigureError("could not write {path}: {reason:w}", path=path, reason=error.strerror or error) from None
    except ValueError as error:  # a NUL character in the path
        raise FigureError("could not write {path}: {reason:w}", path=path, reason=error) from None


def check_writable(path: str | Path) -> None:
    """Refuse, before any work, a target that cannot become a file (a folder, a pipe, a device,
    a folder that does not exist, a name too long for the file system)."""
    try:
        check_target(path)
    except OSError as error:
        raise FigureError("could not write {path}: {reason:w}", path=Path(path), reason=error.strerror or error) from None
    except ValueError as error:
        raise FigureError("could not write {path}: {reason:w}", path=Path(path), reason=error) from None
