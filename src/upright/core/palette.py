"""The illustration's colours for a light and a dark background (colour-blind-safe roles).

Meaning never rests on hue alone: near and far limbs differ in lightness, and the one colour
that carries meaning (the working muscles, Okabe-Ito vermillion) sits against the blue top,
a pair every common colour-vision deficiency still tells apart.
"""

from __future__ import annotations

from upright.core.value import value


@value
class Palette:
    background: str
    colours: dict[tuple[str, str], str]  # (role, tone) -> "#rrggbb" or "#rrggbbaa"

    def colour(self, role: str, tone: str) -> str:
        return self.colours.get((role, tone)) or self.colours[(role, "near")]


LIGHT = Palette(
    background="#f6f4ef",
    colours={
        ("skin", "near"): "#e7b692",
        ("skin", "far"): "#c28a67",
        ("top", "near"): "#2f7fb8",
        ("top", "far"): "#1d5a86",
        ("bottom", "near"): "#4a5668",
        ("bottom", "far"): "#2f3845",
        ("hair", "near"): "#a3a6ad",
        ("eye", "near"): "#2b2f36",
        ("muscle", "near"): "#d55e00",
        ("muscle", "far"): "#f0a46f",
        ("mat", "near"): "#7fbfae",
        ("pillow", "near"): "#e9d58a",
        ("floor", "near"): "#cfc9bd",
        ("shadow", "near"): "#00000014",
        ("cue", "near"): "#5b6470",
    },
)

DARK = Palette(
    background="#1f2328",
    colours={
        ("skin", "near"): "#e3b08b",
        ("skin", "far"): "#a8795b",
        ("top", "near"): "#56b4e9",
        ("top", "far"): "#2f7fb8",
        ("bottom", "near"): "#8c9bb0",
        ("bottom", "far"): "#5d6a7d",
        ("hair", "near"): "#c9ccd2",
        ("eye", "near"): "#1f2328",
        ("muscle", "near"): "#ff7a1a",
        ("muscle", "far"): "#b8642a",
        ("mat", "near"): "#3c8c79",
        ("pillow", "near"): "#c9b35e",
        ("floor", "near"): "#4a4f57",
        ("shadow", "near"): "#00000040",
        ("cue", "near"): "#aab1bc",
    },
)


def palette(dark: bool) -> Palette:
    return DARK if dark else LIGHT
