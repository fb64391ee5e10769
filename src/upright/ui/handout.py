"""The printable handout: lays a Handout out on pages and paints it into a PDF or on a printer.

Qt's own PDF and print support, no display needed. Figures are vectors (paint_pose), every word
is real text, and the layout that was painted is returned so callers and tests can find each
figure, word and tick box on its page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

from upright.core.handout_content import Handout
from upright.ui.handout_blocks import Blocks, safety_blocks, section_blocks, title_blocks
from upright.ui.handout_layout import (
    BODY_PT,
    MARGIN_MM,
    PAPERS,
    Figure,
    Frame,
    HandoutLayout,
    Item,
    Measure,
    Text,
    add_footers,
    font,
    page_size,
    paginate,
)
from upright.ui.handout_log import log_blocks
from upright.ui.illustration_view import paint_pose
from upright.ui.pdf_file import check_written, pdf_writer

RESOLUTION = 600  # PDF coordinates per inch: fine enough for hairlines and exact boxes
INK = QColor("#000000")
PORTRAIT, LANDSCAPE = QPageLayout.Orientation.Portrait, QPageLayout.Orientation.Landscape


def layout_handout(h: Handout, device: QPagedPaintDevice, paper: QPageSize) -> HandoutLayout:
    """Measures and places everything, on ``device``'s own units."""
    m = Measure(device)
    footer_h = m.line_height(BODY_PT) + m.mm(4)
    portrait = page_size(paper, False, m)
    b = Blocks(m, portrait.width() - 2 * m.mm(MARGIN_MM))
    blocks = title_blocks(h, b)
    for section in h.sections:
        blocks += section_blocks(section, b)
    blocks += safety_blocks(h, b)
    pages = paginate(blocks, portrait, False, m, footer_h)
    # The log sheet is landscape: a session's columns need the width.
    wide = page_size(paper, True, m)
    lead, header, rows = log_blocks(h, Blocks(m, wide.width() - 2 * m.mm(MARGIN_MM)))
    pages += paginate(rows, wide, True, m, footer_h, lead, header)
    who = f" for {h.person}" if h.person else ""
    add_footers(pages, m, f"Upright exercise handout{who}")
    return HandoutLayout(pages, m.dpi)


def paint_layout(device: QPagedPaintDevice, layout: HandoutLayout) -> None:
    """Paints every page, switching orientation where the layout does (OSError if the device
    cannot)."""
    painter = QPainter()
    m = Measure(device)
    for n, page in enumerate(layout.pages):
        orientation = LANDSCAPE if page.landscape else PORTRAIT
        # An orientation change applies to the page begun next (Qt's QPagedPaintDevice rule).
        if not device.setPageOrientation(orientation):
            raise OSError(f"the printer cannot print page {n + 1} {orientation.name.lower()}")
        if n == 0:
            if not painter.begin(device):
                raise OSError("could not start drawing the handout")
        else:
            device.newPage()
        for item in page.items:
            _paint(painter, item, m)
    painter.end()


def _paint(painter: QPainter, item: Item, m: Measure) -> None:
    if isinstance(item, Text):
        painter.setFont(font(item.point_size, item.bold))
        painter.setPen(INK)
        painter.drawText(QPointF(item.rect.left(), item.baseline), item.text)
    elif isinstance(item, Figure):
        p = item.picture
        paint_pose(
            painter, item.rect, p.pose_id, highlight_muscles=p.highlight, mirrored=p.mirrored
        )
    elif isinstance(item, Frame):
        painter.setBrush(QColor(item.fill) if item.fill else QColor(0, 0, 0, 0))
        if item.pen_mm > 0:
            painter.setPen(QPen(INK, m.mm(item.pen_mm)))
        else:
            painter.setPen(QPen(QColor(0, 0, 0, 0), 0))
        painter.drawRect(item.rect)


def paper_size(paper: str) -> QPageSize:
    """ "a4" or "letter" (KeyError otherwise)."""
    return QPageSize(PAPERS[paper])


def write_handout(path: Path, h: Handout, paper: str = "a4") -> HandoutLayout:
    """Writes the handout to ``path`` (OSError if it cannot) and returns its layout."""
    path = path.expanduser()
    size = paper_size(paper)
    title = "Upright exercise handout" + (f": {h.person}" if h.person else "")
    writer = pdf_writer(path, title, size, 0, RESOLUTION)  # the layout keeps its own margins
    layout = layout_handout(h, writer, size)
    paint_layout(writer, layout)
    del writer  # finishes the file
    check_written(path)
    return layout


def print_handout(printer: QPagedPaintDevice, h: Handout) -> HandoutLayout:
    """Prints on a QPrinter set up by a print dialog (full page), on the paper chosen there."""
    layout = layout_handout(h, printer, printer.pageLayout().pageSize())
    paint_layout(printer, layout)
    return layout
