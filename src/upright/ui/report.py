"""The progress report: a PDF a patient can bring to a clinician (charts, sessions, prescription).

Made with Qt's own PDF support (QPdfWriter and a QTextDocument), so it needs no display: the
charts are drawn offscreen into images, and every word is real text a reader can search.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageSize, QTextDocument
from PySide6.QtWidgets import QWidget

from upright import __version__
from upright.core.progress import (
    Progress,
    ProgressSource,
    exercises,
    hold_series,
    load_progress,
)
from upright.core.progress_queries import endings
from upright.core.session_table import SessionSummary, session_summaries
from upright.core.weeks import ChartRange, day_text
from upright.ui.chart_base import Chart, render_image
from upright.ui.charts import ConsistencyChart, FeelingChart, HoldChart, TimeHeldChart
from upright.ui.home_page import ENDED_WORDS
from upright.ui.pdf_file import check_written, pdf_writer
from upright.ui.progress_cards import (
    EACH_BAR,
    EACH_POINT,
    FEELING_SCALES,
    NO_CHECKINS,
    TIME_HELD,
    streak_text,
)

CHART_SIZE = QSize(780, 360)  # logical pixels, drawn at twice that; about 18 cm wide on A4
CHART_PT = 15.0  # prints at about 10 pt
RECENT_SESSIONS = 20

STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 12pt; color: #1d1d1f; }
h1 { font-size: 20pt; margin-bottom: 10px; }
h2 { font-size: 15pt; margin-top: 18px; margin-bottom: 2px; }
p { margin-top: 4px; margin-bottom: 8px; }
.muted { color: #55565c; }
.newpage { page-break-before: always; }
.nowrap { white-space: nowrap; }
table { border-collapse: collapse; }
th { background: #ecebe6; text-align: left; font-size: 9.5pt; }
td { font-size: 9.5pt; border-bottom: 1px solid #dddad2; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _chart_image(chart: Chart) -> QImage:
    chart.resize(CHART_SIZE)
    chart.show()  # offscreen: lays the chart out so it renders at its full size
    image = render_image(chart, 2.0)
    chart.hide()
    # A plain image of twice the pixels, sized by the HTML: QTextDocument's printing clips an
    # image that carries a device pixel ratio of its own.
    image.setDevicePixelRatio(1.0)
    return image


def _n(value: float | None) -> str:
    return "–" if value is None else f"{round(value, 1):g}"


def _session_rows(rows: list[SessionSummary], source: ProgressSource) -> str:
    # Widths fixed here: Qt's automatic widths break short words such as "Effort" in two.
    columns = (
        ("Date", 15),
        ("Exercise", 25),
        ("Reps held in full", 11),
        ("Hold (s): planned / typical / best", 17),
        ("Pain: before / after", 11),
        ("Effort", 9),
        ("How it ended", 12),
    )
    head = "<tr>" + "".join(f"<th width='{w}%'>{t}</th>" for t, w in columns) + "</tr>"
    body = "".join(
        "<tr>"
        f"<td class='nowrap'>{_e(day_text(r.day, weekday=False))}</td>"
        f"<td>{_e(', '.join(source.name(x) for x in r.exercises) or '–')}"
        f" ({_e(r.level.title())})</td>"
        f"<td>{r.reps_done} of {r.reps_planned}</td>"
        f"<td class='nowrap'>{_n(r.planned_hold_s)} / {_n(r.median_s)} / {_n(r.best_s)}</td>"
        f"<td>{_n(r.pain_before)} / {_n(r.pain_after)}</td><td>{_n(r.effort)}</td>"
        f"<td>{_e(ENDED_WORDS[r.ended_how.value])}</td>"
        "</tr>"
        for r in rows
    )
    return f"<table width='100%' cellspacing='0' cellpadding='4'>{head}{body}</table>"


def period_text(p: Progress, ended: dict[str, int]) -> str:
    """'In this period: 40 sessions (1 stopped for pain, 2 stopped early).'"""
    total = sum(ended.values())
    parts = [
        f"{ended[how]} {ENDED_WORDS[how]}"
        for how in ("pain", "stopped", "interrupted")
        if ended.get(how)
    ]
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"In this period: {total} session{'s' if total != 1 else ''}{detail}."


def report_html(
    source: ProgressSource,
    p: Progress,
    images: list[tuple[str, str, str]],
    rows: str,
    width: int,
    ended: dict[str, int],
) -> str:
    """The report's text. ``images``: (title, plain-words line, resource name) per chart;
    ``width``: the page's text width in CSS pixels."""
    period = f"{day_text(p.start)} to {day_text(p.today)} ({p.chart_range.label.lower()})"
    reason = source.reason or "No progression decision has been recorded yet."
    height = round(width * CHART_SIZE.height() / CHART_SIZE.width())
    # Two charts a page (the first page also has the summary), each with its heading.
    charts = "".join(
        f"<h2 class='{'newpage' if i >= 2 and i % 2 == 0 else ''}'>{_e(title)}</h2>"
        f"<p class='muted'>{_e(line)}</p>"
        f"<p><img src='{name}' width='{width}' height='{height}'></p>"
        for i, (title, line, name) in enumerate(images)
    )
    return (
        "<html><body>"
        "<h1>Upright progress report</h1>"
        f"<p><b>Person:</b> {_e(source.profile)}<br>"
        f"<b>Period:</b> {_e(period)}<br>"
        f"<b>Report made on:</b> {_e(day_text(source.today))}</p>"
        f"<p><b>Current prescription:</b> {_e(source.prescription or '–')}<br>"
        f"<b>Last progression reason:</b> {_e(reason)}</p>"
        f"<p>{_e(period_text(p, ended))}<br>{_e(streak_text(p))}</p>"
        f"{charts}"
        f"<h2 class='newpage'>Recent sessions</h2>{rows}"
        f"<p class='muted'>Made with Upright {__version__}. Pain and effort are the person's own "
        "answers, 0 to 10. Upright does not replace clinical advice.</p>"
        "</body></html>"
    )


def write_report(
    path: Path, source: ProgressSource, chart_range: ChartRange = ChartRange.MONTHS_3
) -> None:
    """Write the report to ``path``: raises OSError if the file cannot be written."""
    path = path.expanduser()
    p = load_progress(source, chart_range, source.current_exercise, CHART_SIZE.width())
    rows = (
        session_summaries(source.db, source.profile, RECENT_SESSIONS, p.start, p.today)
        if source.db
        else []
    )
    keep: list[QWidget] = []  # the charts must outlive their rendering
    figures: list[tuple[str, str, QImage]] = []
    for exercise in exercises(source):
        holds = hold_series(source, exercise, p.start, p.view_end, CHART_SIZE.width())
        if not holds.sessions and exercise != source.current_exercise:
            continue  # not done in this period
        chart = HoldChart(CHART_PT)
        chart.show_series(holds, p.start, p.view_end)
        line = "Each mark is one session. The black line is the hold planned."
        figures.append((f"Holds: {source.name(exercise)}", line, _chart_image(chart)))
        keep.append(chart)
    days = ConsistencyChart(CHART_PT)
    days.show_series(p.weeks, p.start, p.today)
    line = f"Days with at least one rep. {EACH_BAR[p.weeks.grain]}"
    figures.append(("Days a week", line, _chart_image(days)))
    felt = FeelingChart(CHART_PT)
    felt.show_series(p.feelings, p.start, p.today)
    line = (
        f"{FEELING_SCALES} {EACH_POINT[p.feelings.grain]}" if p.feelings.recorded else NO_CHECKINS
    )
    figures.append(("How it felt", line, _chart_image(felt)))
    held = TimeHeldChart(CHART_PT)
    held.show_series(p.weeks, p.start, p.today)
    line = f"{TIME_HELD} {EACH_BAR[p.weeks.grain]}"
    figures.append(("Time holding", line, _chart_image(held)))
    keep += [days, felt, held]

    doc = QTextDocument()
    images = []
    for i, (title, line, image) in enumerate(figures):
        name = f"chart{i}.png"
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        images.append((title, line, name))
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    writer = pdf_writer(path, f"Upright progress report: {source.profile}", a4, 15, 300)
    # Laid out on the writer itself, in its pixels: the page is exactly the printable area,
    # with no extra margins, and images are sized as they will print.
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(STYLE)
    # Rich text sizes images in CSS pixels (1/96 inch), whatever the device.
    width = round(writer.width() * 96 / writer.resolution())
    ended = endings(source.db, source.profile, p.start, p.today) if source.db else {}
    doc.setHtml(report_html(source, p, images, _session_rows(rows, source), width, ended))
    doc.print_(writer)
    del writer  # finishes the file
    check_written(path)
    for widget in keep:
        widget.deleteLater()
