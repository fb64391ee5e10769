"""The Linux desktop files: valid by the freedesktop tools, consistent with the app and its icon."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from upright import __version__
from upright.core.identity import APP_ID, APP_NAME

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
pytestmark = pytest.mark.skipif(not LINUX.is_dir(), reason="needs the source checkout")


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


def checked(*cmd: str | Path) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out


def desktop_entry(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser


def test_the_desktop_file_is_valid() -> None:
    out = checked(tool("desktop-file-validate", "desktop-file-utils"), DESKTOP)
    assert out.stdout.strip() == ""  # no hints or warnings either


def test_the_metainfo_is_valid() -> None:
    out = checked(tool("appstreamcli", "appstream"), "validate", "--no-net", METAINFO)
    assert "Validation was successful" in out.stdout
    assert "warnings" not in out.stdout and "errors" not in out.stdout


def test_the_desktop_file_names_the_app_its_icon_and_the_start_action() -> None:
    entry = desktop_entry(DESKTOP)
    main = entry["Desktop Entry"]
    assert main["Icon"] == APP_ID
    assert main["Exec"] == "upright"
    assert main["StartupWMClass"] == APP_NAME  # the X11 WM_CLASS class Qt gives the window
    assert main["Actions"].rstrip(";") == "start"
    action = entry["Desktop Action start"]
    assert action["Name"] == "Start today's session"
    assert action["Exec"] == "upright start"


def test_the_metainfo_matches_the_app() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "upright"
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert newest.find("description") is not None
    rating = component.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    assert list(rating) == []  # nothing flagged


def test_each_screenshot_url_names_a_file_of_the_stated_size() -> None:
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert len(images) >= 2
    for image in images:
        url = image.text or ""
        relative = url.split("/main/", 1)[1]  # as published from the repository's main branch
        picture = QImage(str(ROOT / relative))
        assert not picture.isNull(), url
        assert (picture.width(), picture.height()) == (
            int(image.get("width", 0)),
            int(image.get("height", 0)),
        )


def test_the_installed_entry_runs_the_given_command_and_stays_valid(tmp_path: Path) -> None:
    validate = tool("desktop-file-validate", "desktop-file-utils")
    prefix = tmp_path / "share"
    command = tmp_path / "my apps" / "upright"
    checked("bash", LINUX / "install-desktop.sh", "--prefix", prefix, "--exec", command)
    installed = prefix / "applications" / DESKTOP.name
    checked(validate, installed)
    entry = desktop_entry(installed)
    assert entry["Desktop Entry"]["Exec"] == f'"{command}"'
    assert entry["Desktop Action start"]["Exec"] == f'"{command}" start'
    for size in (16, 32, 256, 512):
        icon = QImage(str(prefix / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"))
        assert (icon.width(), icon.height()) == (size, size)
    assert (prefix / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (prefix / f"metainfo/{APP_ID}.metainfo.xml").is_file()
    checked("bash", LINUX / "install-desktop.sh", "--prefix", prefix, "--uninstall")
    assert not [p for p in prefix.rglob("*") if p.is_file()]


def test_the_icon_pngs_match_their_svg() -> None:
    checked(sys.executable, ROOT / "tools" / "make_icons.py", "--check")
