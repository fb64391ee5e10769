"""Colours and type sizes: one palette (Okabe-Ito, colour-blind safe) and a text-scale factor."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

WINDOW_BG = "#f6f5f1"
INK = "#1d1d1f"
MUTED = "#55565c"
ACCENT = "#0072B2"
DANGER = "#B3261E"
NOTICE_BG = "#fff4d6"  # advice and hints: warm and calm, not alarming
NOTICE_BORDER = "#e0b400"

BASE_POINT_SIZE = 13.0

# The Okabe-Ito palette by name, for the charts: safe for every common colour-vision deficiency.
# Each series also has its own marker shape or line style, so colour is never the only signal.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}


def apply_text_scale(scale: float) -> None:
    """The whole app follows one text size (100% to 200%)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    QApplication.setFont(font)  # widgets made from now on start with it
    for widget in QApplication.allWidgets():
        if widget.isWindow():
            # Widgets under a style sheet do not follow the application font once polished,
            # but they do follow their window's: so each window carries the size too.
            widget.setFont(font)
        factor = widget.property("fontFactor")
        if factor:
            set_relative_font(widget, float(factor), widget.font().bold())


def set_relative_font(widget: QWidget, factor: float, bold: bool = False) -> None:
    """A heading or large label: a multiple of the app's text size, so it follows the setting."""
    font = QFont(widget.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    widget.setProperty("fontFactor", factor)


def set_pixel_font(widget: QWidget, pixels: int, bold: bool = False) -> None:
    """Size a label by pixels: the player's big type follows the window, not the text scale."""
    font = QFont(widget.font())
    font.setPixelSize(max(pixels, 8))
    font.setBold(bold)
    widget.setFont(font)


def color(hex_code: str) -> QColor:
    return QColor(hex_code)


# The shapes both looks share (no colours): a screen's words scroll without arrows, and the
# scale's numbered buttons are rounder and tighter than other buttons.
SHAPES = """
QScrollArea#screenText, QWidget#screenText { background: transparent; border: none; }
QScrollArea#screenText QScrollBar::add-line, QScrollArea#screenText QScrollBar::sub-line {
    height: 0;
}
QPushButton#scale { padding: 0; border-radius: 12px; }
"""

STYLESHEET = (
    SHAPES
    + f"""
QWidget#window, QWidget#page {{ background: {WINDOW_BG}; color: {INK}; }}
QPushButton {{
    padding: 0.5em 1.1em; border-radius: 10px; border: 2px solid #9a9a9a;
    background: #ffffff; color: {INK};
}}
QPushButton:focus {{ border: 3px solid {ACCENT}; }}
QPushButton:hover {{ background: #eef4fa; }}
QPushButton:checked {{ background: #d7e9f7; border: 3px solid {ACCENT}; }}
QPushButton:disabled {{ color: #9a9a9a; border-color: #d0d0d0; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton#primary:focus {{ border: 3px solid #1d1d1f; }}
QPushButton#primary:disabled {{ background: #c9d7e3; color: #5b6b78; border-color: #c9d7e3; }}
QPushButton#danger {{ background: {DANGER}; color: white; border-color: {DANGER}; }}
QPushButton#danger:focus {{ border: 3px solid #1d1d1f; }}
QLabel#muted {{ color: {MUTED}; }}
QCheckBox::indicator {{ width: 1em; height: 1em; }}  /* as big as its words, at any size */
QFrame#card {{ background: white; border-radius: 14px; border: 1px solid #dddad2; }}
QFrame#advice {{ background: {NOTICE_BG}; border: 2px solid {NOTICE_BORDER}; border-radius: 14px; }}
QLabel#hint {{
    background: {NOTICE_BG}; border: 2px solid {NOTICE_BORDER}; border-radius: 8px; padding: 8px;
}}
QLabel#notice {{
    background: {NOTICE_BG}; color: {INK}; border: 1px solid {NOTICE_BORDER}; border-radius: 8px;
    padding: 8px;
}}
QScrollArea#screenText QScrollBar:vertical {{
    width: 20px; background: #e4e2dc; border-radius: 10px; margin: 0;
}}
QScrollArea#screenText QScrollBar::handle:vertical {{
    background: {MUTED}; border-radius: 10px; min-height: 48px;
}}
QPushButton#primary QLabel, QPushButton#danger QLabel {{ color: white; }}
QPushButton#scale:checked {{ background: {ACCENT}; color: white; border: 3px solid {ACCENT}; }}
QPushButton#scale:checked:focus {{ border: 3px solid {INK}; }}
"""
)

# Yellow and white on black, thick outlines: for low vision and glare.
HIGH_CONTRAST_STYLESHEET = (
    SHAPES
    + """
QWidget#window, QWidget#page, QDialog { background: #000000; color: #ffffff; }
QLabel, QCheckBox, QRadioButton { color: #ffffff; }
QLabel#muted { color: #ffff00; }
QFrame#card { background: #000000; border: 3px solid #ffffff; border-radius: 14px; }
QLabel#notice {
    background: #000000; color: #ffffff; border: 3px solid #ffff00; border-radius: 8px;
    padding: 8px;
}
QPushButton {
    padding: 0.5em 1.1em; border-radius: 10px; border: 3px solid #ffffff;
    background: #000000; color: #ffffff;
}
QPushButton:focus { border: 4px solid #ffff00; }
QPushButton:checked { background: #ffff00; color: #000000; }
QPushButton#primary { background: #ffff00; color: #000000; border-color: #ffff00; }
QPushButton#primary:disabled { background: #000000; color: #9a9a9a; border-color: #9a9a9a; }
QPushButton#danger { background: #ff3b30; color: #000000; border-color: #ffffff; }
QListWidget, QComboBox, QSpinBox { background: #000000; color: #ffffff; border: 2px solid #ffffff; }
QListWidget::item:selected { background: #ffff00; color: #000000; }
QPushButton#primary QLabel, QPushButton#danger QLabel { color: #000000; }
QFrame#advice { background: #000000; border: 3px solid #ffff00; border-radius: 14px; }
QLabel#hint {
    background: #000000; color: #ffff00; border: 3px solid #ffff00; border-radius: 8px;
    padding: 8px;
}
QScrollArea#screenText QScrollBar:vertical {
    width: 20px; background: #000000; border: 2px solid #ffffff; border-radius: 10px; margin: 0;
}
QScrollArea#screenText QScrollBar::handle:vertical {
    background: #ffffff; border-radius: 8px; min-height: 48px;
}
QPushButton#scale:checked { background: #ffff00; color: #000000; border: 3px solid #ffff00; }
QPushButton#scale:checked:focus { border: 4px solid #ffffff; }
"""
)


def stylesheet(high_contrast: bool) -> str:
    return HIGH_CONTRAST_STYLESHEET if high_contrast else STYLESHEET
