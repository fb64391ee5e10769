"""Speech through the real speech daemon (speech-dispatcher with espeak-ng) and a PulseAudio null
sink, in a process of its own (tests/ui/speak_words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import speechd
from nullsink import NullSinkServer
from nullsink import missing_tools as missing_sound_tools

pytestmark = pytest.mark.slow


def test_the_window_never_waits_for_speech_to_start_and_then_it_speaks(tmp_path: Path) -> None:
    missing = missing_sound_tools() + speechd.missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    server = NullSinkServer(tmp_path / "pulse")
    try:
        server.start()
        result = speechd.speak(server.env, "Lift slowly")
    finally:
        server.stop()
    assert result["broken_at"] is None, result["message"]
    assert result["finished_at"] is not None, result["message"]
    # speechd takes a second or more to list its voices. Loaded on the window's thread, it held
    # the event loop (and the GIL) all that time: a 5 ms timer did not fire once before Ready.
    assert isinstance(result["turns_while_starting"], int)
    assert result["turns_while_starting"] > 10, result
