"""The architecture rule: importing every upright.core module loads no Qt and no ui code."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import upright.core


def test_core_imports_no_qt() -> None:
    modules = [m.name for m in pkgutil.iter_modules(upright.core.__path__, "upright.core.")]
    assert len(modules) > 5
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6',"
        " 'pyqtgraph') or m.startswith('upright.ui')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == ""
