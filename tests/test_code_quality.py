"""The codebase's own rules: ruff clean, the core type-checks, the supported stack cannot crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
needs_checkout = pytest.mark.skipif(
    not (ROOT / "src" / "upright").is_dir(), reason="needs the source checkout"
)


@needs_checkout
def test_ruff_is_clean() -> None:
    targets = [p for p in ("src", "tests", "tools", "bench", "packaging") if (ROOT / p).exists()]
    for args in (["check"], ["format", "--check"]):
        out = subprocess.run(
            [sys.executable, "-m", "ruff", *args, *targets],
            cwd=ROOT,
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stdout + out.stderr


@needs_checkout
def test_core_type_checks() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_python_311_never_gets_the_pyside6_612_crash() -> None:
    """PySide6 6.12.0 on Python 3.11 aborts (none_dealloc); pyproject pins 3.11 below 6.12."""
    import PySide6

    if sys.version_info < (3, 12):
        assert tuple(PySide6.__version_info__[:2]) < (6, 12)
