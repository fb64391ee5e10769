"""`upright --self-check`: prove an installation works (assets, Qt parts, database, one frame)."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from upright import __version__
from upright.core.assets import AssetsMissingError, assets_dir
from upright.core.catalog import load_builtin_catalog
from upright.core.fields import ValidationError
from upright.core.inventory import AssetKind, KindReport, check_assets

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

# Qt modules the app cannot work without, and those it degrades without (no sound, no speech).
# A module absent from the installation (ModuleNotFoundError) is a broken package either way;
# an optional one failing for a missing system library (libpulse) is only reported.
REQUIRED_MODULES = ("PySide6.QtSvg", "pyqtgraph")
OPTIONAL_MODULES = ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech")
MIN_COLOURS = 16  # a rendered window has text, edges and buttons: far more colours than this


class Report:
    """Lines to print, and the problems that make the check fail."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.problems: list[str] = []

    def add(self, topic: str, text: str) -> None:
        self.lines.append(f"  {topic:<16}{text}")

    def fail(self, problem: str) -> None:
        self.problems.append(problem)


def use_offscreen_without_display() -> None:
    """With no X11 or Wayland display (a server, CI), draw offscreen instead of aborting."""
    if sys.platform.startswith(("win", "darwin")):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def svg_problem(path: Path) -> str | None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return "not a valid SVG image"
    return "the image is empty" if renderer.defaultSize().isEmpty() else None


def image_problem(path: Path) -> str | None:
    if path.suffix == ".svg":
        return svg_problem(path)
    from PySide6.QtGui import QImage

    return "not a readable image" if QImage(str(path)).isNull() else None


def _kind_line(report: KindReport) -> str:
    names = report.expected or report.found
    if not report.present:
        state = "required: FAILED" if report.required else "not part of this build yet"
        return f"folder missing ({len(names)} expected; {state})"
    text = f"{len(report.expected) - len(report.missing)} of {len(report.expected)} expected"
    extra = len(set(report.found) - set(report.expected))
    if extra:
        text += f", {extra} more file{'s' if extra != 1 else ''}"
    if report.missing:
        text += f"; missing {', '.join(report.missing)}"
    if report.broken:
        text += f"; broken: {'; '.join(report.broken)}"
    return text


def check_modules(report: Report, sounds: list[Path]) -> None:
    for name in REQUIRED_MODULES + OPTIONAL_MODULES:
        topic = name.removeprefix("PySide6.")
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            report.add(topic, f"MISSING ({exc})")
            report.fail(f"{name} is not in this installation")
        except ImportError as exc:
            report.add(topic, f"unavailable here ({exc})")
            if name in REQUIRED_MODULES:
                report.fail(f"{name} cannot be imported: {exc}")
        else:
            report.add(topic, f"ok {getattr(module, '__version__', '')}".rstrip())
    _speech_and_sound(report, sounds)


def _speech_and_sound(report: Report, sounds: list[Path]) -> None:
    try:
        from PySide6.QtMultimedia import QMediaDevices
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return  # already reported above
    engines = QTextToSpeech.availableEngines()
    report.add("speech", f"engines: {', '.join(engines) or 'none'}")
    outputs = QMediaDevices.audioOutputs()
    if not outputs:
        report.add("sound", "no audio output here, so no tone was tried")
    elif not sounds:
        report.add("sound", f"{outputs[0].description()}; no sound files to try")
    else:
        status = load_sound(sounds[0])
        report.add("sound", f"{outputs[0].description()}: {sounds[0].name} {status}")
        if status != "Ready":
            report.fail(f"{sounds[0].name} does not load on {outputs[0].description()}")


def load_sound(path: Path, timeout_ms: int = 5000) -> str:
    """Load a WAV into a QSoundEffect, as the app does, and say how that ended (never plays it)."""
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QSoundEffect

    effect = QSoundEffect()
    loop = QEventLoop()
    deadline = QTimer(singleShot=True)
    deadline.timeout.connect(loop.quit)
    effect.statusChanged.connect(loop.quit)
    deadline.start(timeout_ms)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    waiting = (QSoundEffect.Status.Null, QSoundEffect.Status.Loading)
    while effect.status() in waiting and deadline.isActive():
        loop.exec()
    return effect.status().name


def colour_spread(image: QImage) -> tuple[int, float]:
    """How many colours an image has, and the share of its pixels in the commonest one."""
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(bytes(rgb.constBits())).cast("I")
    counts = Counter(pixels)
    return len(counts), max(counts.values()) / len(pixels) if counts else 1.0


def render_window(report: Report, data_dir: Path) -> None:
    """Build the real window through the composition root, on a fresh database, and draw it."""
    from upright.app import build_context
    from upright.core.clock import SystemClock
    from upright.core.paths import DataPaths
    from upright.ui.main_window import MainWindow

    ctx = build_context(DataPaths(data_dir), SystemClock())
    try:
        if ctx.history is None:
            report.fail("the history database could not be opened: " + " ".join(ctx.notices))
        else:
            report.add("database", f"temporary history opened (schema {ctx.history.version})")
        for notice in ctx.notices:
            report.add("notice", notice)
        window = MainWindow(ctx)
        window.resize(1024, 700)
        image = window.grab().toImage()
        colours, commonest = colour_spread(image)
        report.add("window", f"{image.width()}x{image.height()}, {colours} colours")
        if colours < MIN_COLOURS or commonest > 0.98:
            report.fail("the window rendered blank")
        window.close()
        window.deleteLater()
    finally:
        if ctx.history is not None:
            ctx.history.close()


def _step(report: Report, what: str, action: Callable[[], None]) -> None:
    try:
        action()
    except Exception as exc:  # the check reports every failure instead of stopping at the first
        report.fail(f"{what} failed: {type(exc).__name__}: {exc}")


def run_self_check(out: TextIO | None = None) -> int:
    """Check this installation, print what was found, and return 0 when all is well, else 1."""
    out = out or sys.stdout
    started = time.perf_counter()
    use_offscreen_without_display()
    report = Report()
    kind = "bundle" if getattr(sys, "frozen", False) else "Python " + sys.version.split()[0]
    print(f"Upright {__version__} self-check ({kind}, {sys.platform})", file=out)
    try:
        root = assets_dir()
        catalog = load_builtin_catalog()
    except (AssetsMissingError, ValidationError, OSError) as exc:
        print(f"  FAILED: {exc}", file=out)
        return 1
    report.add("assets", str(root))
    poses = sum(len(e.poses) for e in catalog.exercises)
    report.add(
        "programme",
        f"{len(catalog.exercises)} exercises, {len(catalog.levels)} levels, "
        f"{poses} pose references",
    )

    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from upright.ui.desktop import set_desktop_identity, set_window_icon

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    set_desktop_identity(app)
    set_window_icon(app)
    report.add("Qt", f"PySide6 {pyside_version}, platform {app.platformName()}")
    fonts = len(QFontDatabase.families())
    report.add("fonts", f"{fonts} families")
    if fonts == 0:
        report.fail("no fonts found: text would show as empty boxes (install fonts-dejavu-core)")
    loaders = {AssetKind.ILLUSTRATIONS: svg_problem, AssetKind.ICONS: image_problem}
    for kind_report in check_assets(root, catalog, loaders):
        report.add(kind_report.kind.value, _kind_line(kind_report))
        report.problems.extend(kind_report.problems)
    if app.windowIcon().isNull():
        report.fail("the window icon did not load")
    sounds = sorted((root / AssetKind.SOUNDS.value).glob("*.wav"))
    _step(report, "importing Qt modules", lambda: check_modules(report, sounds))
    with tempfile.TemporaryDirectory(prefix="upright-self-check-") as tmp:
        _step(report, "building the window", lambda: render_window(report, Path(tmp)))
    for line in report.lines:
        print(line, file=out)
    elapsed = time.perf_counter() - started
    if report.problems:
        print(f"FAILED ({elapsed:.1f} s):", file=out)
        for problem in report.problems:
            print(f"  - {problem}", file=out)
        return 1
    print(f"OK ({elapsed:.1f} s)", file=out)
    return 0
