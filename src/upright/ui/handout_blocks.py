"""The handout's parts as blocks: the title page, each exercise with its figures, steps, numbers
and ramp table, and the safety page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF

from upright.core.figure import BOXES
from upright.core.handout_content import Handout, Picture, Section
from upright.core.handout_weeks import RAMP_INTRO, RampRow, ramp_lines
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
SAFETY = "Stay safe"  # the heading of the safety page


class Blocks:
    """Makes blocks ``width`` device pixels wide with the measures of one device."""

    def __init__(self, m: Measure, width: float) -> None:
        self.m = m
        self.width = width

    def space(self, mm: float) -> float:
        return self.m.mm(mm)

    def para(self, text: str, bold: bool = False) -> Block:
        block = self.m.text(text, self.width, BODY_PT, bold)
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
        b.para(h.session_order),
        *[b.marked("•", line) for line in h.programme],
        box([inner.para(h.extension_note, bold=True), inner.para(h.rule, bold=True)]),
        b.heading("Before each session"),
    ]
    for question, advice in h.before_session:
        blocks += [b.marked("?", question, bold=True), b.marked("", advice)]
    blocks.append(b.para(f"When to stop and seek advice: see “{SAFETY}”, before the log sheet."))
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
            line.weeks_text,
            day_text(line.starts),
            str(line.reps),
            seconds_text(line.hold_s) + (" (your target)" if line.at_target else ""),
        )
        for line in ramp_lines(rows)
    ]
    header = ("Weeks", "Starting", "Reps", "Hold")
    return b.table(header, cells, (0.17, 0.3, 0.11, 0.34))


def safety_blocks(h: Handout, b: Blocks) -> list[Block]:
    inner, box = b.panel(fill="#ffffff", pen_mm=1.0)
    flags = [inner.para(h.red_flags_intro, bold=True), *[inner.marked("•", f) for f in h.red_flags]]
    blocks = [b.heading(SAFETY), box(flags), *[b.para(line) for line in h.closing]]
    for block in blocks[:-1]:
        block.together = True  # one section: on one page whenever it fits
    return blocks
