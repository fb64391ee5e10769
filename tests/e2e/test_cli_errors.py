"""The command line: bad arguments exit 2 with one clear line; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upright import __version__
from upright.app import main
from upright.cli import UsageError, build_parser, one_line, parse

from .launch import run_upright


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"upright {__version__}"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--time-scale", "0"], "--time-scale must be above 0"),
        (["--time-scale", "fast"], "--time-scale must be a number"),
        (["bogus"], "invalid choice"),
        (["export"], "--csv"),
        (["export", "--csv", "/nonexistent-folder/x.csv"], "does not exist"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    argv: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("upright: ") and words in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "", "export", "--csv", "{out}"],
        ["--data-dir= ", "export", "--csv", "{out}"],
        ["report", "--data-dir", "", "--pdf", "{out}"],
    ],
)
def test_an_empty_data_folder_is_refused_not_taken_for_the_usual_one(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--data-dir "$DIR"` with DIR unset: before, the command read the usual folder."""
    usual = tmp_path / "usual"
    monkeypatch.setenv("UPRIGHT_DATA_DIR", str(usual))
    out = tmp_path / "out"
    assert main([a.format(out=out) for a in argv]) == 2
    assert "--data-dir: A folder is needed." in capsys.readouterr().err
    assert not out.exists() and not usual.exists()


@pytest.mark.parametrize("command", ["report", "handout"])
def test_a_bad_name_after_a_command_is_refused_like_one_before_it(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    assert main([command, "--profile", "two\nlines", "--pdf", str(out)]) == 2
    assert "--profile: A name can use letters" in capsys.readouterr().err and not out.exists()


def test_export_takes_its_data_folder_and_person_after_the_command_too(tmp_path: Path) -> None:
    """As report, handout and program do: `upright export --data-dir D --csv F`."""
    from datetime import UTC, datetime

    from history_builder import add_session
    from upright.core.history import History

    history = History(tmp_path / "history.sqlite3")
    add_session(history, datetime(2026, 3, 2, 9, tzinfo=UTC), [5.0, 5.0], profile="Bea")
    history.close()
    out = tmp_path / "reps.csv"
    argv = ["export", "--data-dir", str(tmp_path), "--profile", "Bea", "--csv", str(out)]
    assert main(argv) == 0
    assert len(out.read_text().splitlines()) == 1 + 2  # a heading, then Bea's two reps


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "upright",
            "--data-dir",
            str(tmp_path),
            "export",
            "--csv",
            str(tmp_path / "none" / "x.csv"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.count("\n") == 1


FIXTURE_OK = [HealthCheck.function_scoped_fixture]
words = st.sampled_from(
    [
        "start",
        "export",
        "--csv",
        "--data-dir",
        "--profile",
        "--time-scale",
        "--fullscreen",
        "report",
        "-x",
        "--",
        "",
        "1e9",
        "nan",
        "-1",
        "0.5",
        "x.csv",
        "--version",
    ]
)


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(words | st.text(max_size=12), max_size=6))
def test_any_command_line_parses_or_is_refused_cleanly(argv: list[str]) -> None:
    try:
        args = parse(argv)
    except UsageError as exc:
        assert str(exc) and "\n" not in one_line(str(exc))
    except SystemExit as exc:  # --version prints and exits 0
        assert exc.code == 0
    else:
        assert 0 < args.time_scale <= 1000


def test_no_arguments_mean_what_the_parser_says_they_mean() -> None:
    # parse([]) answers without building the parser: it must answer as the parser would.
    assert vars(parse([])) == vars(build_parser().parse_args([]))
    assert vars(parse([])) == vars(build_parser(commands_too=False).parse_args([]))
    assert parse([]) is not parse([])  # a fresh one each time: callers may change theirs


def test_no_display_is_said_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    out = run_upright(tmp_path, env)
    assert out.returncode == 1
    assert out.stderr.startswith("upright: no display") and out.stderr.count("\n") == 1
