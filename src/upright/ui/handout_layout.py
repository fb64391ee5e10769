"""Large-print page layout: words wrapped into lines, blocks flowed onto pages, every rect kept.

Everything is measured on the paint device that will print it (a QPdfWriter or a QPrinter), in
its own pixels, and drawn line by line: what the layout measured is exactly what is printed, and
a test can find every figure and every word size on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageSize, QPaintDevice

from upright.core.handout_content import Picture
from upright.core.value import replace, value

FONT_FAMILY = "DejaVu Sans"
BODY_PT = 14.0  # the smallest text anywhere on the handout
H1_PT, H2_PT, H3_PT = 26.0, 20.0, 16.0
LINE_SPACING = 1.4  # line height as a multiple of the font size: generous for older eyes
MARGIN_MM = 15.0
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


@value
class Text:
    """One line of words. ``rect`` is its line box; the glyphs sit on ``baseline``."""

    rect: QRectF
    baseline: float
    text: str
    point_size: float
    bold: bool = False


@value
class Figure:
    rect: QRectF
    picture: Picture


@value
class Frame:
    """A rectangle: a tick box, a table cell's border, a shaded panel (``fill``) or a rule."""

    rect: QRectF
    pen_mm: float = 0.35  # 0: no border
    fill: str = ""  # "#rrggbb", or "" for none
    tick_box: bool = False


Item = Text | Figure | Frame


def moved(item: Item, dx: float, dy: float) -> Item:
    rect = item.rect.translated(dx, dy)
    if isinstance(item, Text):
        return replace(item, rect=rect, baseline=item.baseline + dy)
    return replace(item, rect=rect)


@dataclass
class Block:
    """Items placed relative to the block's top-left; pages break only between blocks."""

    height: float
    items: list[Item] = field(default_factory=list)
    keep_with_next: bool = False  # never the last block on a page (headings, figures)
    together: bool = False  # on the next one's page if the run fits on a page, else anywhere
    new_page: bool = False
    carry: bool = False  # repeated at the top of the next page when its run breaks there

    def add(self, other: Block, dx: float = 0.0) -> None:
        """Appends ``other`` below what this block holds."""
        self.items += [moved(i, dx, self.height) for i in other.items]
        self.height += other.height


@dataclass
class Page:
    size: QSizeF  # device pixels
    landscape: bool
    items: list[Item] = field(default_factory=list)


@dataclass
class HandoutLayout:
    pages: list[Page]
    dpi: float

    def figures(self) -> list[tuple[int, Figure]]:
        return [(n, i) for n, p in enumerate(self.pages) for i in p.items if isinstance(i, Figure)]

    def texts(self) -> list[tuple[int, Text]]:
        return [(n, i) for n, p in enumerate(self.pages) for i in p.items if isinstance(i, Text)]

    def tick_boxes(self) -> list[tuple[int, Frame]]:
        return [
            (n, i)
            for n, p in enumerate(self.pages)
            for i in p.items
            if isinstance(i, Frame) and i.tick_box
        ]


class Measure:
    """Fonts and units of one paint device."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.dpi = float(device.logicalDpiY())
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0

    def metrics(self, point_size: float, bold: bool = False) -> QFontMetricsF:
        key = (point_size, bold)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font(point_size, bold), self.device)
        return self._metrics[key]

    def line_height(self, point_size: float) -> float:
        return self.pt(point_size * LINE_SPACING)

    def width(self, text: str, point_size: float = BODY_PT, bold: bool = False) -> float:
        return self.metrics(point_size, bold).horizontalAdvance(text)

    def wrap(self, text: str, width: float, point_size: float, bold: bool = False) -> list[str]:
        """Greedy word wrap at spaces (never at a no-break space); a word wider than ``width``
        gets a line of its own."""
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            if not word:
                continue
            trial = f"{current} {word}" if current else word
            if current and self.width(trial, point_size, bold) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        return [*lines, current] if current else lines

    def text(
        self, text: str, width: float, point_size: float = BODY_PT, bold: bool = False
    ) -> Block:
        """A paragraph as one block of wrapped lines."""
        fm = self.metrics(point_size, bold)
        line_h = self.line_height(point_size)
        # Centre the glyphs' height in the line box; the spare height is the line gap.
        ascent = (line_h - (fm.ascent() + fm.descent())) / 2 + fm.ascent()
        block = Block(0.0)
        for line in self.wrap(text, width, point_size, bold):
            rect = QRectF(0.0, block.height, self.width(line, point_size, bold), line_h)
            block.items.append(Text(rect, block.height + ascent, line, point_size, bold))
            block.height += line_h
        return block


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


def page_size(paper: QPageSize, landscape: bool, m: Measure) -> QSizeF:
    size = paper.size(QPageSize.Unit.Millimeter)
    w, h = (size.height(), size.width()) if landscape else (size.width(), size.height())
    return QSizeF(m.mm(w), m.mm(h))


def paginate(
    blocks: list[Block],
    size: QSizeF,
    landscape: bool,
    m: Measure,
    footer_h: float,
    lead: Block | None = None,
    repeat: Block | None = None,
) -> list[Page]:
    """Flows blocks onto pages inside the margins, above a footer of ``footer_h``.

    A run of blocks joined by ``keep_with_next`` or ``together`` moves to a new page as a
    whole when it does not fit where it is but would fit on a page of its own. ``lead`` opens
    the first page; ``repeat`` (a table's header row) follows it there and opens every later
    page.
    """
    margin = m.mm(MARGIN_MM)
    bottom = size.height() - margin - footer_h
    pages: list[Page] = []
    fresh_y = margin + (repeat.height if repeat else 0.0)  # where a later page's blocks start

    def open_page() -> float:
        pages.append(Page(size, landscape))
        y = margin
        for header in (lead if len(pages) == 1 else None, repeat):
            if header is not None:
                pages[-1].items += [moved(i, margin, y) for i in header.items]
                y += header.height
        return y

    y = open_page()
    page_top = y
    i = 0
    while i < len(blocks):
        run = [blocks[i]]
        while (run[-1].keep_with_next or run[-1].together) and i + len(run) < len(blocks):
            if blocks[i + len(run)].new_page:
                break  # a run never reaches into the next page-opening section
            run.append(blocks[i + len(run)])
        run_h = sum(b.height for b in run)
        if y > page_top and (
            blocks[i].new_page or (y + run_h > bottom and fresh_y + run_h <= bottom)
        ):
            y = page_top = open_page()
        for k, block in enumerate(run):
            # A block kept with the next one needs room for both (a run too long for one
            # page still never leaves a heading at the foot of a page).
            kept = block.keep_with_next and k + 1 < len(run)
            need = block.height + (run[k + 1].height if kept else 0.0)
            if y + need > bottom and y > page_top:
                y = page_top = open_page()
                if k > 0 and run[0].carry:
                    pages[-1].items += [moved(item, margin, y) for item in run[0].items]
                    y = page_top = y + run[0].height
            pages[-1].items += [moved(item, margin, y) for item in block.items]
            y += block.height
        i += len(run)
    return pages


def add_footers(pages: list[Page], m: Measure, left: str) -> None:
    """'Page 2 of 5' on every page (right), ``left`` beside it (shortened with "…" if long)."""
    margin = m.mm(MARGIN_MM)
    for n, page in enumerate(pages, start=1):
        right = f"Page {n} of {len(pages)}"
        y = page.size.height() - margin - m.line_height(BODY_PT)
        width = page.size.width() - 2 * margin
        right_w = m.width(right)
        room = width - right_w - m.mm(10)
        short = m.metrics(BODY_PT).elidedText(left, Qt.TextElideMode.ElideRight, room)
        page.items += [moved(i, margin, y) for i in m.text(short, room + 1).items]
        page.items += [
            moved(i, margin + width - right_w, y) for i in m.text(right, right_w + 1).items
        ]
        page.items.append(Frame(QRectF(margin, y - m.mm(2), width, m.mm(0.3)), 0.0, "#000000"))
