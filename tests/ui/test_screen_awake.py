"""ScreenAwake over a real private D-Bus session bus with a stand-in screen-saver service."""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from upright.ui.screen_awake import (
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    CaffeinateScreenAwake,
    DBusScreenAwake,
    NoScreenAwake,
    WindowsScreenAwake,
    make_screen_awake,
)

HERE = Path(__file__).resolve().parent


def read_line(process: subprocess.Popen[str], timeout_s: float = 15.0) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout_s):
            raise TimeoutError(f"no output within {timeout_s} s")
    return process.stdout.readline().strip()


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@pytest.fixture
def bus_address() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("needs dbus-daemon (Debian: dbus)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        yield read_line(daemon)
    finally:
        stop(daemon)


@pytest.fixture
def bus(bus_address: str) -> Iterator[QDBusConnection]:
    name = f"upright-test-{time.monotonic_ns()}"
    connection = QDBusConnection.connectToBus(bus_address, name)
    assert connection.isConnected(), connection.lastError().message()
    yield connection
    QDBusConnection.disconnectFromBus(name)


def start_service(bus_address: str, record: Path, path: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus_address, "QT_QPA_PLATFORM": "offscreen"}
    service = subprocess.Popen(
        [sys.executable, str(HERE / "fake_screensaver.py"), str(record), path],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = read_line(service)
    if line != "ready":
        stop(service)
        raise RuntimeError(f"stand-in screen saver did not start: {line}")
    return service


def calls(record: Path) -> list[dict[str, object]]:
    if not record.exists():
        return []
    return [json.loads(line) for line in record.read_text().splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/org/freedesktop/ScreenSaver", "/ScreenSaver"])
def test_inhibits_and_releases_with_the_same_cookie(
    bus_address: str, bus: QDBusConnection, tmp_path: Path, path: str
) -> None:
    record = tmp_path / "calls.jsonl"
    service = start_service(bus_address, record, path)
    try:
        awake = DBusScreenAwake(bus)
        assert awake.inhibit("Exercise session") is True, awake.message
        assert awake.active
        assert awake.inhibit("again") is True  # already active: no second Inhibit
        [inhibit] = calls(record)
        assert inhibit["call"] == "Inhibit"
        assert (inhibit["app"], inhibit["reason"]) == ("Upright", "Exercise session")

        awake.release()
        assert not awake.active
        awake.release()  # idempotent: no second UnInhibit
        assert calls(record) == [inhibit, {"call": "UnInhibit", "cookie": inhibit["cookie"]}]
    finally:
        stop(service)


@pytest.mark.slow
def test_no_service_on_the_bus_is_reported_not_raised(bus: QDBusConnection) -> None:
    awake = DBusScreenAwake(bus)
    assert awake.inhibit("Exercise session") is False
    assert not awake.active
    assert "No screen saver answered" in awake.message
    awake.release()


def test_no_bus_is_reported_not_raised() -> None:
    awake = DBusScreenAwake(QDBusConnection.connectToBus("unix:path=/nonexistent", "nowhere"))
    assert awake.inhibit("Exercise session") is False
    assert "no D-Bus session bus" in awake.message
    QDBusConnection.disconnectFromBus("nowhere")


def test_windows_sets_and_clears_the_execution_state() -> None:
    states: list[int] = []

    def set_state(flags: int) -> int:
        states.append(flags)
        return ES_CONTINUOUS

    awake = WindowsScreenAwake(set_state)
    assert awake.inhibit("Exercise session")
    awake.release()
    awake.release()
    assert len(states) == 2
    assert states[0] & ES_DISPLAY_REQUIRED and states[0] & ES_CONTINUOUS
    assert states[1] == ES_CONTINUOUS


def test_windows_refusal_is_reported() -> None:
    awake = WindowsScreenAwake(lambda flags: 0)
    assert awake.inhibit("Exercise session") is False
    assert "refused" in awake.message


def test_caffeinate_process_lives_while_active(tmp_path: Path) -> None:
    # A stand-in for caffeinate: like `caffeinate -w PID`, it runs until stopped.
    waiter = [sys.executable, "-c", "import sys, time; time.sleep(60)"]
    awake = CaffeinateScreenAwake(waiter)
    assert awake.inhibit("Exercise session")
    process = awake._process
    assert process is not None and process.poll() is None
    assert process.args[-1] == str(os.getpid())
    awake.release()
    assert process.poll() is not None
    awake.release()


def test_failures_inside_an_implementation_never_reach_the_caller() -> None:
    awake = CaffeinateScreenAwake(["/nonexistent/caffeinate"])
    assert awake.inhibit("Exercise session") is False
    assert "Could not keep the screen awake" in awake.message


def test_platform_choice() -> None:
    assert isinstance(make_screen_awake("linux"), DBusScreenAwake)
    assert isinstance(make_screen_awake("sunos5"), DBusScreenAwake)
    mac = make_screen_awake("darwin")
    assert isinstance(mac, CaffeinateScreenAwake | NoScreenAwake)
