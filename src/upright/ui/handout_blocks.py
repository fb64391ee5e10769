"""The handout's parts as blocks: title page, exercises with figures, ramp tables, safety, log."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from upright.core.figure import BOXES
from upright.core.handout_content import (
    LOG_TICKS,
    RAMP_INTRO,
    SCALES,
    Handout,
    LogRow,
    Picture,
    RampRow,
    Section,
)
from upright.core.key_poses import key_pose
from upright.core.progression import seconds_text
from upright.core.weeks import day_text
from upright.ui.handout_layout import (
    BODY_PT,
    H1_PT,
    H2_PT,
    H3_PT,
    Block,
    Figure,
    Frame,
    Measure,
    moved,
)

PANEL = "#eeeeee"  # light enough for any printer, dark enough to set a box apart
HEADER_FILL = "#dddddd"
FIGURE_MAX_H_MM = 72.0
TICK_MM, TICK_PITCH_MM = 7.0, 9.0  # a box big enough to tick with a pen, and the gap between
TICKS_PER_LINE = 10
CELL_PAD_MM = 1.5
MIN_LINE_MM = 12.0  # a log line tall enough to write a number by hand


class Blocks:
    """Makes blocks ``width`` device pixels wide with the measures of one device."""

    def __init__(self, m: Measure, width: float) -> None:
        self.m = m
        self.width = width

    def space(self, mm: float) -> float:
        return self.m.mm(mm)

    def para(
        self, text: str, pt: float = BODY_PT, bold: bool = False, indent: float = 0.0
    ) -> Block:
        block = Block(0.0)
        block.add(self.m.text(text, self.width - indent, pt, bold), indent)
        block.height += self.space(2.5)
        return block

    def heading(self, text: str, pt: float = H2_PT, above_mm: float = 4.0) -> Block:
        block = Block(self.space(above_mm), keep_with_next=True)
        block.add(self.m.text(text, self.width, pt, bold=True))
        block.height += self.space(1.5)
        return block

    def marked(self, mark: str, text: str, bold: bool = False) -> Block:
        """A numbered step or a bullet: the mark in the margin, the words indented."""
        indent = self.m.width("00.  ")
        block = Block(0.0)
        block.add(self.m.text(mark, indent, BODY_PT, bold=True))
        block.height = 0.0
        block.add(self.m.text(text, self.width - indent, BODY_PT, bold), indent)
        block.height += self.space(1.8)
        return block

    def panel(
        self, fill: str = PANEL, pen_mm: float = 0.5
    ) -> tuple[Blocks, Callable[[list[Block]], Block]]:
        """Blocks for inside a shaded, bordered box, and the function that boxes them."""
        pad = self.space(4)
        inner = Blocks(self.m, self.width - 2 * pad)

        def box(blocks: list[Block]) -> Block:
            body = Block(pad)
            for b in blocks:
                body.add(b, pad)
            body.height += pad - self.space(2.5)  # the last paragraph's space is the padding
            frame = Frame(QRectF(0, 0, self.width, body.height), pen_mm, fill)
            return Block(body.height + self.space(3), [frame, *body.items])

        return inner, box

    def pairs(self, rows: Sequence[tuple[str, str]]) -> Block:
        label_w = max(self.m.width(label, bold=True) for label, _ in rows) + self.space(6)
        block = Block(0.0)
        for label, value in rows:
            row = Block(0.0)
            row.add(self.m.text(label, label_w, BODY_PT, bold=True))
            left = row.height
            row.height = 0.0
            row.add(self.m.text(value, self.width - label_w, BODY_PT), label_w)
            row.height = max(row.height, left)
            block.add(row)
        block.height += self.space(2.5)
        return block

    def figures(self, pictures: Sequence[Picture]) -> Block:
        """The pictures in a grid, each with its caption below, as large as the page allows."""
        box = BOXES[key_pose(pictures[0].pose_id).view]
        aspect = box[2] / box[3]
        columns = min(len(pictures), 3 if aspect < 1 else 2)
        gap = self.space(6)
        w = (self.width - gap * (columns - 1)) / columns
        h = min(w / aspect, self.space(FIGURE_MAX_H_MM))
        w = h * aspect
        x0 = (self.width - (w * columns + gap * (columns - 1))) / 2
        block = Block(self.space(2), keep_with_next=True)
        for start in range(0, len(pictures), columns):
            row = pictures[start : start + columns]
            caption_h = 0.0
            indent = (columns - len(row)) * (w + gap) / 2  # a short last row is centred
            for c, picture in enumerate(row):
                x = x0 + indent + c * (w + gap)
                block.items.append(Figure(QRectF(x, block.height, w, h), picture))
                caption = self.m.text(picture.caption, w, BODY_PT, bold=True)
                for item in caption.items:
                    block.items.append(
                        moved(item, x + (w - item.rect.width()) / 2, block.height + h)
                    )
                caption_h = max(caption_h, caption.height)
            block.height += h + caption_h + self.space(4)
        return block

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> Block:
        """A ruled table; ``widths`` are fractions of the width."""
        pad = self.space(1.5)
        cols = [self.width * f for f in widths]
        block = Block(0.0)
        for r, cells in enumerate([header, *rows]):
            texts = [
                self.m.text(t, w - 2 * pad, BODY_PT, bold=r == 0)
                for t, w in zip(cells, cols, strict=True)
            ]
            row_h = max(t.height for t in texts) + 2 * pad
            x = 0.0
            for text, w in zip(texts, cols, strict=True):
                fill = HEADER_FILL if r == 0 else ""
                block.items.append(Frame(QRectF(x, block.height, w, row_h), 0.3, fill))
                block.items += [moved(i, x + pad, block.height + pad) for i in text.items]
                x += w
            block.height += row_h
        block.height += self.space(3)
        return block


def title_blocks(h: Handout, b: Blocks) -> list[Block]:
    person = f"Person: {h.person}" if h.person else "Name: ______________________________"
    inner, box = b.panel()
    blocks = [
        b.heading("Your back-extension exercises", H1_PT, above_mm=0),
        b.para(person, bold=True),
        b.para(f"Made on: {h.made_on_text}"),
        b.heading("Your programme", H3_PT),
        *[b.marked("•", line) for line in h.programme],
        box([inner.para(h.extension_note, bold=True), inner.para(h.rule, bold=True)]),
        b.heading("Before each session"),
    ]
    for question, advice in h.before_session:
        blocks += [b.marked("?", question, bold=True), b.marked("", advice)]
    blocks.append(b.heading("Each session"))
    steps = [", ".join(w.heading.split(": ", 1)[1] for w in h.warmups), h.get_down.heading]
    steps = [s for s in steps if s] + [e.heading.split(": ", 1)[1] for e in h.exercises]
    blocks += [b.marked(f"{n}.", text) for n, text in enumerate(steps, start=1)]
    return blocks


def section_blocks(s: Section, b: Blocks) -> list[Block]:
    first = b.heading(s.heading, H2_PT, above_mm=0)
    first.new_page = True
    blocks = [first, b.para(s.summary), b.figures(s.pictures), b.heading("Steps", H3_PT)]
    steps = [b.marked(f"{n}.", step) for n, step in enumerate(s.steps, start=1)]
    for block in blocks:
        block.keep_with_next = True  # the figures stay with the first step at least ...
    for block in steps[:-1]:
        block.together = True  # ... and with all of them when they fit on one page
    blocks += steps
    if s.numbers:
        blocks += [b.heading("Your numbers", H3_PT), b.pairs(s.numbers)]
    if s.note:
        inner, box = b.panel()
        blocks.append(box([inner.para("Note from your therapist:", bold=True), inner.para(s.note)]))
    if s.cues:
        cues = [b.heading("While you exercise", H3_PT), *[b.marked("•", c) for c in s.cues]]
        for block in cues[:-1]:
            block.together = True
        blocks += cues
    if s.ramp:
        ramp = [b.heading("Week by week", H3_PT), b.para(RAMP_INTRO), ramp_table(s.ramp, b)]
        for block in ramp:
            block.keep_with_next = True  # the table with its heading and the rule below it
        blocks += [*ramp, b.para(s.ramp_rule)]
    return blocks


def ramp_table(rows: Sequence[RampRow], b: Blocks) -> Block:
    cells = [
        (
            str(r.week),
            day_text(r.starts),
            str(r.reps),
            seconds_text(r.hold_s) + (" (your target)" if r.at_target else ""),
        )
        for r in rows
    ]
    header = ("Week", "Starting", "Reps", "Hold")
    return b.table(header, cells, (0.12, 0.3, 0.12, 0.36))


def safety_blocks(h: Handout, b: Blocks) -> list[Block]:
    inner, box = b.panel(fill="#ffffff", pen_mm=1.0)
    flags = [inner.para(h.red_flags_intro, bold=True), *[inner.marked("•", f) for f in h.red_flags]]
    return [
        b.heading("Stay safe"),
        box(flags),
        *[b.para(line) for line in h.closing],
    ]


@dataclass(frozen=True)
class Column:
    name: str
    width: float
    per_exercise: bool  # one cell per exercise of a session; else one cell for the session
    content: str = ""  # what is printed in it: "name", "ticks", or "" (written by hand)


def log_columns(h: Handout, b: Blocks) -> list[Column]:
    reps = max(t.reps for r in h.log_rows for t in r.targets)
    ticks_w = b.space(TICK_PITCH_MM * min(reps, TICKS_PER_LINE) + 2)
    multi = len(h.exercises) > 1
    ticks = "Reps done: tick each" if multi else f"{h.log_rows[0].targets[0].name}: tick each rep"
    columns = [Column("Date", b.space(28), False)]
    if multi:
        columns.append(Column("Exercise", b.space(40), True, "name"))
    columns += [
        Column(ticks, ticks_w, True, "ticks"),
        Column("Longest hold (s)", b.space(24), True),
        *[Column(name, b.space(20), False) for name in ("Pain before", "Pain after", "Effort")],
    ]
    return [*columns, Column("Notes", b.width - sum(c.width for c in columns), False)]


def log_blocks(h: Handout, b: Blocks) -> tuple[Block, Block, list[Block]]:
    """The log sheet: its title and instructions, the column names for the top of every page,
    and the rows: each week's heading and its sessions, kept on one page."""
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
