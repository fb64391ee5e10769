"""The handout PDF read back: pdftotext finds every step, number and warning; pdftoppm's pages
show every figure where the layout put it; no word is under 14 pt; the tick boxes are empty."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPageSize, QPdfWriter
from PySide6.QtWidgets import QApplication

from upright.core.catalog import load_builtin_catalog
from upright.core.handout_content import (
    Handout,
    HandoutExercise,
    Section,
    build_handout,
    from_level,
)
from upright.core.handout_weeks import RampRow
from upright.core.key_poses import key_pose
from upright.core.value import replace
from upright.core.weeks import day_text
from upright.ui.handout import print_handout, write_handout
from upright.ui.handout_layout import BODY_PT, H1_PT, MARGIN_MM, HandoutLayout, Text, font

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="needs pdftotext and pdftoppm (poppler-utils)",
)
CATALOG = load_builtin_catalog()
TUESDAY = date(2026, 3, 3)
LEVELS = [level.id for level in CATALOG.levels]
RENDER_DPI = 72
NOTE = "Keep the pillow under your tummy if your back aches."


def normalised(text: str) -> str:
    """One line; ligatures as letters; a word broken at a line-end hyphen joined again."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(re.sub(r"(\w)-\n(\w)", r"\1\2", text).split())


RAMP_LINE = re.compile(r"^(\d+)(?: to (\d+))? +(\w{3} \d+ \w{3} \d{4}) +(\d+) +([\d.]+) ?s", re.M)


def first_week(section: Section, row: RampRow) -> int:
    """The first week of the run of weeks at ``row``'s numbers: the line that prints its date."""
    week = row.week
    while week > 1 and (section.ramp[week - 2].reps, section.ramp[week - 2].hold_s) == (
        row.reps,
        row.hold_s,
    ):
        week -= 1
    return week


def loose(text: str) -> str:
    """A pattern for ``text`` whatever the spacing: pdftotext -layout sets "5 s" as "5s"."""
    return r"\s*".join(re.escape(word) for word in text.split())


def pdf_text(path: Path, *options: str) -> str:
    out = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def two_exercises() -> list[HandoutExercise]:
    press, legs = CATALOG.exercise("forearm-press-up"), CATALOG.exercise("chest-raise-legs")
    assert press.defaults is not None and legs.defaults is not None
    return [
        HandoutExercise(press, replace(press.defaults, hold_s=15.0), NOTE),
        HandoutExercise(legs, replace(legs.defaults, sessions_per_week=3)),
    ]


@pytest.fixture(scope="module")
def written(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Handout, HandoutLayout, Path]]:
    """Every built-in level, and a two-exercise programme, written once for the module."""
    folder = tmp_path_factory.mktemp("handouts")
    out = {}
    programmes = {lv: from_level(CATALOG, lv) for lv in LEVELS} | {"two": two_exercises()}
    for name, items in programmes.items():
        handout = build_handout(CATALOG, items, TUESDAY, "Ann Example")
        path = folder / f"{name}.pdf"
        out[name] = (handout, write_handout(path, handout), path)
    return out


@needs_poppler
@pytest.mark.parametrize("name", [*LEVELS, "two"])
def test_every_step_number_and_warning_is_in_the_pdf(
    written: dict[str, tuple[Handout, HandoutLayout, Path]], name: str
) -> None:
    handout, layout, path = written[name]
    text = normalised(pdf_text(path))
    for section in handout.sections:
        assert normalised(section.heading) in text
        for step in section.steps:
            assert normalised(step) in text, step
        for cue in section.cues:
            assert cue in text
    for line in (handout.extension_note, handout.rule, handout.red_flags_intro):
        assert normalised(line) in text
    for line in (*handout.red_flags, *handout.closing, *handout.programme):
        assert normalised(line) in text
    assert "Person: Ann Example" in text and "Made on: Tue 3 Mar 2026" in text
    pages = len(layout.pages)
    assert [f"Page {n} of {pages}" in text for n in range(1, pages + 1)] == [True] * pages
    assert "bend forward" not in text.lower()
    # The person's numbers, each beside its label (the -layout text keeps a table's rows).
    rows = pdf_text(path, "-layout")
    for section in handout.exercises:
        for label, value in section.numbers:
            assert re.search(rf"{loose(label)} +{loose(value)}", rows), (label, value)
    # The ramp tables, in order: a line per week, or one for weeks in a row at the same numbers.
    printed = []
    for first, last, day, reps, hold in RAMP_LINE.findall(rows):
        for week in range(int(first), int(last or first) + 1):
            printed.append((week, int(reps), float(hold), day if week == int(first) else ""))
    assert printed == [
        (r.week, r.reps, r.hold_s, day_text(r.starts) if r.week == first_week(s, r) else "")
        for s in handout.exercises
        for r in s.ramp
    ]


@needs_poppler
def test_the_two_exercise_programme_has_its_note_and_both_ramps(
    written: dict[str, tuple[Handout, HandoutLayout, Path]],
) -> None:
    handout, _, path = written["two"]
    text = normalised(pdf_text(path))
    assert f"Note from your therapist: {NOTE}" in text
    assert "Exercise 1: Forearm press-up (Beginner)" in text
    assert "Exercise 2: Chest raise with legs (Advanced + legs)" in text
    assert "Forearm press-up (Beginner): 10 reps, 15 s holds, 5 sessions a week" in text
    assert "Chest raise with legs (Advanced + legs): 8 reps, 3 s holds, 3 sessions a week" in text
    assert handout.log_rows[0].week_heading in text


def test_no_text_is_smaller_than_14_pt(
    written: dict[str, tuple[Handout, HandoutLayout, Path]],
) -> None:
    for _, layout, _ in written.values():
        sizes = [t.point_size for _, t in layout.texts()]
        assert min(sizes) == BODY_PT == 14
        assert max(sizes) == H1_PT  # the title, and the headings between
        headings = [t for _, t in layout.texts() if t.text.startswith("Exercise 1:")]
        assert headings and all(t.point_size > BODY_PT and t.bold for t in headings)


@needs_poppler
def test_every_word_in_the_pdf_is_at_least_14_pt(
    written: dict[str, tuple[Handout, HandoutLayout, Path]], tmp_path: Path
) -> None:
    # pdftotext -bbox gives each word's box: the font's ascent plus descent, at its size.
    points = QPdfWriter(str(tmp_path / "metrics.pdf"))
    points.setResolution(72)
    fm = QFontMetricsF(font(BODY_PT), points)
    body_h = fm.ascent() + fm.descent()
    for name in ("advanced", "two"):
        boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', pdf_text(
            written[name][2], "-bbox"))  # fmt: skip
        heights = [float(y1) - float(y0) for y0, y1 in boxes]
        assert len(heights) > 500
        assert min(heights) >= body_h * 0.98  # 13 pt would be 7 % shorter
        assert max(heights) >= body_h * H1_PT / BODY_PT * 0.98


def render(path: Path, folder: Path) -> list[QImage]:
    subprocess.run(
        ["pdftoppm", "-r", str(RENDER_DPI), "-png", str(path), str(folder / "page")], check=True
    )
    return [QImage(str(p)) for p in sorted(folder.glob("page-*.png"))]


def ink(image: QImage, rect: QRectF, scale: float, threshold: int = 235) -> int:
    """How many pixels in ``rect`` (layout pixels) are not paper white."""
    r = QRectF(rect.x() * scale, rect.y() * scale, rect.width() * scale, rect.height() * scale)
    count = 0
    for y in range(round(r.top()), round(r.bottom())):
        for x in range(round(r.left()), round(r.right())):
            if QColor(image.pixel(x, y)).lightness() < threshold:
                count += 1
    return count


@needs_poppler
@pytest.mark.parametrize("name", ["beginner", "two"])
def test_every_illustration_is_drawn_where_the_layout_put_it(
    written: dict[str, tuple[Handout, HandoutLayout, Path]], name: str, tmp_path: Path
) -> None:
    handout, layout, path = written[name]
    images = render(path, tmp_path)
    assert len(images) == len(layout.pages)
    scale = RENDER_DPI / layout.dpi
    placed = [(f.picture.pose_id, f.picture.mirrored) for _, f in layout.figures()]
    wanted = [(p.pose_id, p.mirrored) for s in handout.sections for p in s.pictures]
    assert placed == wanted
    for page, figure in layout.figures():
        image = images[page]
        area = figure.rect.width() * figure.rect.height() * scale * scale
        assert ink(image, figure.rect, scale) > 0.03 * area, figure.picture
        mm = 25.4 / layout.dpi
        if key_pose(figure.picture.pose_id).view == "side":
            assert figure.rect.width() * mm >= 80  # lying figures about 8.5 cm wide
        else:
            assert figure.rect.height() * mm >= 70  # standing figures about 7 cm tall
    # The same count finds nothing in the empty margin beside the first figure.
    page, first = layout.figures()[0]
    margin = QRectF(0, first.rect.top(), layout.dpi * MARGIN_MM / 25.4 - 2, first.rect.height())
    assert ink(images[page], margin, scale) == 0


def test_an_exercises_figures_share_their_page_with_its_steps(
    written: dict[str, tuple[Handout, HandoutLayout, Path]],
) -> None:
    for handout, layout, _ in written.values():
        for section in handout.sections:
            pages = {n for n, f in layout.figures() if f.picture in section.pictures}
            first_words = " ".join(section.steps[0].split()[:3])
            step_pages = {n for n, t in layout.texts() if t.text.startswith(first_words)}
            assert len(pages) == 1 and pages <= step_pages, section.heading


def test_no_page_ends_with_a_heading(
    written: dict[str, tuple[Handout, HandoutLayout, Path]],
) -> None:
    for name, (_, layout, _) in written.items():
        for n, page in enumerate(layout.pages):
            footer_top = page.size.height() - layout.dpi * (MARGIN_MM + 10) / 25.4
            body = [t for t in page.items if isinstance(t, Text) and t.rect.top() < footer_top]
            last = max(body, key=lambda t: t.rect.bottom())
            assert last.point_size == BODY_PT, (name, n, last.text)


def test_nothing_is_outside_the_margins(
    written: dict[str, tuple[Handout, HandoutLayout, Path]],
) -> None:
    for _, layout, _ in written.values():
        margin = layout.dpi * MARGIN_MM / 25.4
        for page in layout.pages:
            inside = QRectF(0, 0, page.size.width(), page.size.height()).adjusted(
                margin - 1, margin - 1, 1 - margin, 1 - margin
            )
            for item in page.items:
                assert inside.contains(item.rect), item


@needs_poppler
def test_the_log_sheet_has_empty_boxes_to_tick_for_every_planned_rep(
    written: dict[str, tuple[Handout, HandoutLayout, Path]], tmp_path: Path
) -> None:
    handout, layout, path = written["two"]
    boxes = layout.tick_boxes()
    planned = sum(t.reps for row in handout.log_rows for t in row.targets)
    assert len(boxes) == planned == 4 * 5 * (10 + 8)
    mm = 25.4 / layout.dpi
    assert all(6.5 <= box.rect.width() * mm <= 8 for _, box in boxes)  # room for a pen's tick
    assert all(layout.pages[n].landscape for n, _ in boxes)
    images = render(path, tmp_path)
    scale = RENDER_DPI / layout.dpi
    inset = 0.25 * boxes[0][1].rect.width()
    for page, box in boxes[:: len(boxes) // 12]:
        assert ink(images[page], box.rect.adjusted(inset, inset, -inset, -inset), scale) == 0
        assert ink(images[page], box.rect.adjusted(-2, -2, 2, 2), scale, 160) > 10  # its border
    text = normalised(pdf_text(path))
    for label in ("Date", "Exercise", "Longest hold (s)", "Pain before", "Pain after", "Effort"):
        assert all(word in text for word in label.split()), label  # header cells wrap
    for n, page in enumerate(layout.pages):  # the column names head every log page
        words = {t.text for t in page.items if isinstance(t, Text)}
        assert page.landscape == ("Notes" in words and "Date" in words), n
    assert "Pain: 0 = no pain, 10 = worst possible pain." in text


def test_letter_paper(qapp: QApplication, tmp_path: Path) -> None:
    handout = build_handout(CATALOG, from_level(CATALOG, "beginner"), TUESDAY)
    layout = write_handout(tmp_path / "letter.pdf", handout, "letter")
    inch = layout.dpi
    first, last = layout.pages[0].size, layout.pages[-1].size
    assert (round(first.width() / inch, 2), round(first.height() / inch, 2)) == (8.5, 11.0)
    assert (round(last.width() / inch, 2), round(last.height() / inch, 2)) == (11.0, 8.5)
    assert any("Name: ____" in t.text for _, t in layout.texts())  # no name: a line for it


@needs_poppler
def test_printing_draws_the_same_handout_on_a_printer(qapp: QApplication, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    handout = build_handout(CATALOG, from_level(CATALOG, "intermediate"), TUESDAY, "ann")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    layout = print_handout(printer, handout)
    del printer  # finishes the file
    text = normalised(pdf_text(tmp_path / "printed.pdf"))
    for step in handout.exercises[0].steps:
        assert normalised(step) in text
    assert f"Page {len(layout.pages)} of {len(layout.pages)}" in text
    info = subprocess.run(
        ["pdfinfo", "-l", "99", str(tmp_path / "printed.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "612 x 792 pts (letter)" in info and "792 x 612 pts (letter)" in info


def test_pagination_keeps_headings_and_runs_together(qapp: QApplication, tmp_path: Path) -> None:
    from upright.ui.handout_layout import Block, Measure, page_size, paginate

    writer = QPdfWriter(str(tmp_path / "m.pdf"))
    writer.setResolution(72)  # one pixel a point
    m = Measure(writer)
    size = page_size(QPageSize(QPageSize.PageSizeId.A4), False, m)
    room = size.height() - 2 * m.mm(MARGIN_MM) - 20  # above a 20 pt footer

    def block(height: float, name: str, **flags: bool) -> Block:
        return Block(height, m.text(name, 400).items, **flags)

    def where(pages: list, name: str) -> list[int]:  # type: ignore[type-arg]
        return [n for n, p in enumerate(pages) for i in p.items if getattr(i, "text", "") == name]

    filler = block(room - 30, "filler")
    # A heading that would end page 1 goes over with the paragraph it heads.
    pages = paginate([filler, block(25, "heading", keep_with_next=True), block(25, "para")],
                     size, False, m, 20)  # fmt: skip
    assert (where(pages, "heading"), where(pages, "para")) == ([1], [1])
    pages = paginate([filler, block(25, "heading"), block(25, "para")], size, False, m, 20)
    assert (where(pages, "heading"), where(pages, "para")) == ([0], [1])
    # A run that fits on a page of its own moves there whole; a longer one breaks, and its
    # first block (a week's heading) is carried to the top of the next page.
    run = [block(20, "week", keep_with_next=True, carry=True)]
    run += [block(room / 4, f"row {i}", together=True) for i in range(3)] + [block(10, "end")]
    pages = paginate([block(room / 2, "first"), *run], size, False, m, 20)
    assert where(pages, "week") == [1] and where(pages, "end") == [1]
    long = [run[0], *[block(room / 4, f"row {i}", together=True) for i in range(6)]]
    pages = paginate([block(room / 2, "first"), *long], size, False, m, 20)
    assert where(pages, "week") == [0, 1, 2]
    assert [where(pages, f"row {i}") for i in range(6)] == [[0], [1], [1], [1], [2], [2]]
    # A new page, never an empty one; the lead opens the first page, the header every page.
    lead, header = block(30, "lead"), block(30, "header")
    fresh = block(10, "fresh", new_page=True)
    pages = paginate([fresh, *long[1:], fresh], size, False, m, 20, lead, header)
    assert where(pages, "fresh") == [0, 2]
    assert where(pages, "lead") == [0] and where(pages, "header") == [0, 1, 2]
