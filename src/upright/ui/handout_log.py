"""The paper log sheet: one row per planned session, with empty boxes to tick for every rep."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from upright.core.handout_content import Handout
from upright.core.handout_weeks import LOG_TICKS, SCALES, LogRow
from upright.core.value import value
from upright.ui.handout_blocks import HEADER_FILL, PANEL, Blocks
from upright.ui.handout_layout import BODY_PT, H2_PT, Block, Frame, moved

TICK_MM, TICK_PITCH_MM = 7.0, 8.5  # a box big enough to tick with a pen, and the gap between
TICKS_PER_LINE = 10
CELL_PAD_MM = 1.5
MIN_LINE_MM = 12.0  # a log line tall enough to write a number by hand
NOTES_MIN_MM = 22.0


@value
class Column:
    name: str
    width: float
    per_exercise: bool  # one cell per exercise of a session; else one cell for the session
    content: str = ""  # what is printed in it: "name", "ticks", or "" (written by hand)


def log_columns(h: Handout, b: Blocks) -> list[Column]:
    """The columns across the page, each at least as wide as the longest word of its name;
    the tick boxes wrap onto more lines when the page is narrow rather than squeeze the notes."""
    pad = b.space(CELL_PAD_MM)

    def column(name: str, mm: float, per_exercise: bool, content: str = "") -> Column:
        widest = max(b.m.width(word, BODY_PT, bold=True) for word in name.split())
        return Column(name, max(b.space(mm), widest + 2 * pad + b.space(1)), per_exercise, content)

    multi = len(h.exercises) > 1
    ticks = "Reps done: tick each" if multi else f"{h.log_rows[0].targets[0].name}: tick each rep"
    columns = [column("Date", 26, False)]
    if multi:
        columns.append(column("Exercise", 38, True, "name"))
    columns += [
        column("Longest hold (s)", 24, True),
        *[column(name, 20, False) for name in ("Pain before", "Pain after", "Effort")],
    ]
    reps = max(t.reps for r in h.log_rows for t in r.targets)
    room = b.width - sum(c.width for c in columns) - b.space(NOTES_MIN_MM)
    ticks_w = min(b.space(TICK_PITCH_MM * min(reps, TICKS_PER_LINE) + 2), room)
    columns.insert(2 if multi else 1, Column(ticks, ticks_w, True, "ticks"))
    return [*columns, Column("Notes", b.width - sum(c.width for c in columns), False)]


def log_blocks(h: Handout, b: Blocks) -> tuple[Block, Block, list[Block]]:
    """The log sheet: its title and instructions, the column names for the top of every page,
    and the rows: each week's heading and its sessions, on one page where they fit."""
    columns = log_columns(h, b)
    pad = b.space(CELL_PAD_MM)
    lead = b.heading("Your exercise log", H2_PT, above_mm=0)
    lead.add(b.para(f"{LOG_TICKS} {SCALES}"))
    names = Block(0.0)
    x = 0.0
    cells = [b.m.text(c.name, c.width - 2 * pad, BODY_PT, bold=True) for c in columns]
    names.height = max(c.height for c in cells) + 2 * pad
    for column, cell in zip(columns, cells, strict=True):
        names.items.append(Frame(QRectF(x, 0, column.width, names.height), 0.35, HEADER_FILL))
        names.items += [moved(i, x + pad, pad) for i in cell.items]
        x += column.width
    rows: list[Block] = []
    for row in h.log_rows:
        if row.first_of_week:
            week = b.m.text(row.week_heading, b.width - 2 * pad, BODY_PT, bold=True)
            frame = Frame(QRectF(0, 0, b.width, week.height + 2 * pad), 0.35, PANEL)
            rows.append(Block(frame.rect.height(), [frame], keep_with_next=True, carry=True))
            rows[-1].items += [moved(i, pad, pad) for i in week.items]
        rows.append(session_row(row, b, columns))
        rows[-1].together = row.session < h.sessions_per_week
    return lead, names, rows


def tick_boxes(reps: int, width: float, b: Blocks) -> Block:
    """``reps`` empty boxes to tick, in lines of up to TICKS_PER_LINE."""
    pitch, size = b.space(TICK_PITCH_MM), b.space(TICK_MM)
    per_line = max(1, min(TICKS_PER_LINE, int((width + pitch - size) // pitch)))
    block = Block((reps + per_line - 1) // per_line * pitch - (pitch - size))
    for i in range(reps):
        line, col = divmod(i, per_line)
        rect = QRectF(col * pitch, line * pitch, size, size)
        block.items.append(Frame(rect, 0.45, "", tick_box=True))
    return block


def session_row(row: LogRow, b: Blocks, columns: list[Column]) -> Block:
    """One session: the date, pain, effort and notes span its exercises' lines."""
    pad = b.space(CELL_PAD_MM)
    contents: list[dict[int, Block]] = []
    for target in row.targets:
        cells: dict[int, Block] = {}
        for n, column in enumerate(columns):
            inner = column.width - 2 * pad
            if column.content == "name":
                cells[n] = b.m.text(target.name, inner, BODY_PT)
            elif column.content == "ticks":
                cells[n] = tick_boxes(target.reps, inner, b)
        contents.append(cells)
    heights = [
        max([b.space(MIN_LINE_MM), *(c.height + 2 * pad for c in cells.values())])
        for cells in contents
    ]
    block = Block(sum(heights))
    x = 0.0
    for n, column in enumerate(columns):
        if not column.per_exercise:
            block.items.append(Frame(QRectF(x, 0, column.width, block.height), 0.35))
        y = 0.0
        for cells, height in zip(contents, heights, strict=True):
            if column.per_exercise:
                block.items.append(Frame(QRectF(x, y, column.width, height), 0.35))
            if n in cells:
                top = y + (height - cells[n].height) / 2
                block.items += [moved(i, x + pad, top) for i in cells[n].items]
            y += height
        x += column.width
    return block
