"""Settings: sound and voice, the count-down, text size, contrast, flash and warm-ups."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from upright.core.settings import Settings
from upright.core.value import replace
from upright.ui.scrolling import scrolling_content
from upright.ui.theme import set_relative_font


def _slider(low: int, high: int, name: str) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(low, high)
    slider.setAccessibleName(name)
    slider.setMinimumHeight(36)
    return slider


class SettingsPage(QWidget):
    """Shows a Settings value and emits a new one on every change; holds no state of its own."""

    changed = Signal(object)  # Settings
    back_requested = Signal()
    test_sound_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._settings = Settings()
        self._loading = False
        title = QLabel("Settings")
        set_relative_font(title, 2.0, bold=True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("notice")  # the theme's colours, high contrast too
        self.status_label.hide()

        self.voice_box = QCheckBox("Speak the cues (voice)")
        self.tones_box = QCheckBox("Play tones")
        self.volume = _slider(0, 100, "Volume")
        self.rate = _slider(-10, 10, "Speech rate")
        self.voice_choice = QComboBox()
        self.voice_choice.setAccessibleName("Voice")
        self.count_from = QSpinBox()
        self.count_from.setRange(0, 10)
        self.count_from.setAccessibleName("Count down the last seconds of a hold from")
        self.count_from.setSpecialValueText("off")
        self.text_scale = _slider(100, 200, "Text size in percent")
        self.text_scale.setSingleStep(10)
        self.text_scale.setPageStep(25)
        self.text_scale_label = QLabel()
        self.contrast_box = QCheckBox("High-contrast colours")
        # Two lines: a check box cannot wrap, and one line is wider than a small screen at 200%.
        self.flash_box = QCheckBox("Flash the screen at each new phase\n(for missed sounds)")
        self.warmups_box = QCheckBox("Start each session with the warm-ups")
        test = QPushButton("Play a test sound")
        test.clicked.connect(self.test_sound_requested.emit)

        form = QFormLayout()
        form.setVerticalSpacing(14)
        # Each label above its control: the sliders get the page's whole width, and nothing is
        # squeezed at large text on a small screen.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.voice_box)
        form.addRow(self.tones_box)
        form.addRow("Volume", self.volume)
        form.addRow("Speech rate", self.rate)
        form.addRow("Voice", self.voice_choice)
        form.addRow("Count down the last seconds from", self.count_from)
        size_row = QHBoxLayout()
        size_row.addWidget(self.text_scale, 1)
        size_row.addWidget(self.text_scale_label)
        form.addRow("Text size", size_row)
        form.addRow(self.contrast_box)
        form.addRow(self.flash_box)
        form.addRow(self.warmups_box)
        form.addRow(test)

        back = QPushButton("Back  (Esc)")
        back.clicked.connect(self.back_requested.emit)
        note = QLabel(
            "Every number in your programme is a starting point that you or your therapist "
            "can change."
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout = QVBoxLayout(scrolling_content(self))
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(title)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)

        for box in (
            self.voice_box,
            self.tones_box,
            self.contrast_box,
            self.flash_box,
            self.warmups_box,
        ):
            box.toggled.connect(self._emit)
        for slider in (self.volume, self.rate):
            slider.valueChanged.connect(self._emit)
        self.text_scale.sliderReleased.connect(self._emit)
        self.text_scale.valueChanged.connect(self._text_scale_moved)
        self.count_from.valueChanged.connect(self._emit)
        self.voice_choice.currentTextChanged.connect(self._emit)

    def show_settings(self, settings: Settings) -> None:
        self._loading = True
        self._settings = settings
        self.voice_box.setChecked(settings.voice)
        self.tones_box.setChecked(settings.tones)
        self.volume.setValue(round(settings.volume * 100))
        self.rate.setValue(round(settings.speech_rate * 10))
        self.count_from.setValue(settings.count_down_from)
        self.text_scale.setValue(round(settings.text_scale * 100))
        self.text_scale_label.setText(f"{round(settings.text_scale * 100)}%")
        self.contrast_box.setChecked(settings.high_contrast)
        self.flash_box.setChecked(settings.flash)
        self.warmups_box.setChecked(settings.warmups)
        index = self.voice_choice.findText(settings.voice_name)
        self.voice_choice.setCurrentIndex(max(index, 0))
        self._loading = False

    def set_voices(self, names: list[str]) -> None:
        self._loading = True
        self.voice_choice.clear()
        self.voice_choice.addItems(["Default voice", *names])
        self._loading = False
        self.show_settings(self._settings)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _text_scale_moved(self, value: int) -> None:
        self.text_scale_label.setText(f"{value}%")
        if not self.text_scale.isSliderDown():
            self._emit()  # keyboard changes apply at once; dragging applies on release

    def _emit(self) -> None:
        if self._loading:
            return
        voice = self.voice_choice.currentText()
        self._settings = replace(
            self._settings,
            voice=self.voice_box.isChecked(),
            tones=self.tones_box.isChecked(),
            volume=self.volume.value() / 100,
            speech_rate=self.rate.value() / 10,
            voice_name="" if voice == "Default voice" else voice,
            count_down_from=self.count_from.value(),
            text_scale=self.text_scale.value() / 100,
            high_contrast=self.contrast_box.isChecked(),
            flash=self.flash_box.isChecked(),
            warmups=self.warmups_box.isChecked(),
        )
        self.changed.emit(self._settings)
