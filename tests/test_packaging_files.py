"""The packaging files agree with each other and with the app; validators run where installed."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from planner import __version__
from planner.storage.db import APPLICATION_ID, open_plan

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.opportunityplanner.OpportunityPlanner"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / "opportunity-planner-mime.xml"
MIME_TYPE = "application/x-opportunity-plan"
SVG = ROOT / "resources" / "icons" / "opportunity-planner.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SPECS = {
    "linux": LINUX / "opportunity-planner.spec",
    "windows": ROOT / "packaging" / "windows" / "opportunity-planner.spec",
    "macos": ROOT / "packaging" / "macos" / "opportunity-planner.spec",
}
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (`make package` installs it: system-deps.sh package)")
    return path


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_the_desktop_entry_launches_the_program_on_plan_files() -> None:
    entry = _desktop()
    assert entry["Name"] == "Opportunity Planner"
    assert entry["GenericName"] == "Deal planner"
    assert entry["Exec"] == "opportunity-planner %f"
    assert entry["Icon"] == "opportunity-planner"
    assert {"Office", "ProjectManagement"} <= set(entry["Categories"].split(";"))
    assert entry["MimeType"] == f"{MIME_TYPE};"
    assert entry["Comment"]
    assert entry["Keywords"].endswith(";")


def test_the_desktop_entry_validates() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    # desktop-file-validate exits 0 on warnings too; it prints nothing only for a clean file.
    assert result.returncode == 0, result.stdout + result.stderr
    assert not result.stdout.strip(), result.stdout


def test_the_metainfo_describes_this_desktop_entry_and_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "opportunity-planner"
    assert component.findtext("provides/mediatype") == MIME_TYPE
    # A version bump needs its release entry (software centres show it); the newest comes first.
    releases = component.findall("releases/release")
    assert releases
    assert releases[0].get("version") == __version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__


def test_the_metainfo_validates() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_mime_type_matches_plan_files_by_name_and_by_header(tmp_path: Path) -> None:
    mime = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    assert mime is not None
    assert mime.get("type") == MIME_TYPE
    assert [glob.get("pattern") for glob in mime.findall("m:glob", MIME_NS)] == ["*.plan"]
    sqlite = mime.find("m:magic/m:match", MIME_NS)
    assert sqlite is not None
    app_id = sqlite.find("m:match", MIME_NS)
    assert app_id is not None
    assert app_id.get("type") == "big32"
    assert int(app_id.get("value", ""), 16) == APPLICATION_ID
    # The bytes the magic rule looks for are in a real plan file.
    plan = open_plan(tmp_path / "real.plan", create=True)
    plan.close()
    header = (tmp_path / "real.plan").read_bytes()[:100]
    assert header[:16] == b"SQLite format 3\0"
    offset = int(app_id.get("offset", ""))
    assert struct.unpack(">I", header[offset : offset + 4])[0] == APPLICATION_ID


def test_the_mime_database_accepts_the_mime_type(tmp_path: Path) -> None:
    tool = _tool("update-mime-database")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / "opportunity-planner.xml")
    subprocess.run([tool, str(tmp_path / "mime")], check=True, capture_output=True)
    assert "*.plan" in (tmp_path / "mime" / "globs2").read_text()
    assert MIME_TYPE.encode() in (tmp_path / "mime" / "magic").read_bytes()


def _calls(spec: Path) -> dict[str, ast.Call]:
    """The spec's top-level calls by function name (Analysis, EXE, COLLECT, BUNDLE...)."""
    calls: dict[str, ast.Call] = {}
    for node in ast.walk(ast.parse(spec.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, node)
    return calls


def _keyword(call: ast.Call, name: str) -> ast.expr:
    return next(k.value for k in call.keywords if k.arg == name)


@pytest.mark.parametrize("platform", SPECS)
def test_each_spec_bundles_the_resources_package_and_names_the_program(platform: str) -> None:
    calls = _calls(SPECS[platform])
    datas = _keyword(calls["Analysis"], "datas")
    assert ast.unparse(datas) == "collect_data_files('resources')"
    assert "'resources'" in ast.unparse(_keyword(calls["Analysis"], "hiddenimports"))
    assert ast.unparse(calls["Analysis"].args[0]) == "[str(ROOT / 'packaging' / 'launcher.py')]"
    for step in ("EXE", "COLLECT"):
        assert ast.literal_eval(_keyword(calls[step], "name")) == "opportunity-planner"


@pytest.mark.parametrize("platform", ["windows", "macos"])
def test_the_windows_and_macos_specs_use_the_generated_icons(platform: str) -> None:
    calls = _calls(SPECS[platform])
    icon = ast.unparse(_keyword(calls["BUNDLE" if platform == "macos" else "EXE"], "icon"))
    name = "opportunity-planner.icns" if platform == "macos" else "opportunity-planner.ico"
    assert name in icon
    assert (SPECS[platform].parent / name).is_file()


def test_the_launcher_opens_the_plan_a_file_manager_passes(tmp_path: Path) -> None:
    # Exec=opportunity-planner %f runs `opportunity-planner /abs/path/x.plan`; the CLI wants --db.
    spec = importlib.util.spec_from_file_location("launcher", ROOT / "packaging" / "launcher.py")
    assert spec is not None
    assert spec.loader is not None
    launcher = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(launcher)
    existing = tmp_path / "renamed-plan"
    existing.write_bytes(b"")
    assert launcher.desktop_args([str(tmp_path / "q4.plan")]) == ["--db", str(tmp_path / "q4.plan")]
    assert launcher.desktop_args([str(existing)]) == ["--db", str(existing)]
    for unchanged in ([], ["--version"], ["demo"], ["demo", "--db", "x.plan"], ["--db", "x.plan"]):
        assert launcher.desktop_args(unchanged) == unchanged


def _render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_is_the_svg_rendered_at_its_size(qapp: QApplication, size: int) -> None:
    png = QImage(
        str(ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "opportunity-planner.png")
    )
    assert (png.width(), png.height()) == (size, size)
    png = png.convertToFormat(QImage.Format.Format_ARGB32)
    fresh = _render(size)
    # Compare the raw ARGB bytes: byte-wise differences of at most a few levels (a Qt upgrade
    # may antialias slightly differently); an edited SVG without `make icons` differs far more.
    a, b = bytes(png.constBits()), bytes(fresh.constBits())
    diffs = [abs(x - y) for x, y in zip(a, b, strict=True)]
    assert max(diffs) <= 16, "run `make icons`"
    assert sum(diffs) / len(diffs) < 0.5, "run `make icons`"


def test_the_ico_holds_every_windows_size_as_png(qapp: QApplication) -> None:
    ico = ROOT / "packaging" / "windows" / "opportunity-planner.ico"
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _, _, _, _, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert bits == 32
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    reader = QImageReader(str(ico))
    assert reader.imageCount() == count
    assert not reader.read().isNull()


def test_the_icns_holds_every_macos_size_as_png() -> None:
    data = (ROOT / "packaging" / "macos" / "opportunity-planner.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, at = [], 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack_from(">I", data, at + 4)[0]
        assert data[at + 8 : at + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind.decode())
        at += length
    assert at == len(data)
    assert {"icp4", "icp5", "ic07", "ic08", "ic09", "ic10", "ic13", "ic14"} <= set(kinds)


def test_install_script_puts_everything_in_a_home_and_removes_it(tmp_path: Path) -> None:
    # A stand-in program folder: the real one needs `make package`; the layout is the same.
    app = tmp_path / "built" / "opportunity-planner"
    app.mkdir(parents=True)
    (app / "opportunity-planner").write_text("#!/bin/sh\necho planner\n")
    (app / "opportunity-planner").chmod(0o755)
    stage = tmp_path / "stage"
    subprocess.run(["bash", str(LINUX / "stage.sh"), str(app), str(stage)], check=True)
    home = tmp_path / "home with space"
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    subprocess.run(["bash", str(stage / "install.sh")], check=True, env=env, capture_output=True)

    program = home / ".local" / "opt" / "opportunity-planner" / "opportunity-planner"
    assert program.is_file()
    assert (home / ".local" / "bin" / "opportunity-planner").resolve() == program
    data = home / ".local" / "share"
    installed = data / "applications" / DESKTOP.name
    text = installed.read_text()
    assert f'Exec="{program}" %f' in text
    assert f"TryExec={program}\n" in text
    for size in PNG_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "opportunity-planner.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "opportunity-planner.svg").is_file()
    assert (data / "mime" / "packages" / "opportunity-planner.xml").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(installed)], check=True)

    subprocess.run(
        ["bash", str(stage / "install.sh"), "--uninstall"], check=True, env=env, capture_output=True
    )
    assert not program.exists()
    assert not installed.exists()
    assert not (home / ".local" / "bin" / "opportunity-planner").is_symlink()
    assert not list((data / "icons").rglob("opportunity-planner.*"))


def test_no_qt_module_the_planner_imports_is_left_out_of_the_build() -> None:
    # A module in the excludes list would be missing from the standalone program: the forecast
    # tab once failed there for want of QtCharts.
    spec = importlib.util.spec_from_file_location("spec_common", ROOT / "packaging" / "spec_common.py")
    assert spec is not None
    assert spec.loader is not None
    common = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(common)
    imported: set[str] = set()
    for path in [*(ROOT / "ui").rglob("*.py"), *(ROOT / "planner").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names if a.name.startswith("PySide6."))
    assert "PySide6.QtCharts" in imported
    assert imported.isdisjoint(common.QT_EXCLUDES)


def _system_deps(*args: str, path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": str(path)} if path is not None else None
    return subprocess.run(
        ["bash", str(LINUX / "system-deps.sh"), *args], capture_output=True, text=True, env=env, check=False
    )


def _system_deps_path(tmp_path: Path, leave_out: str = "", padding_lines: int = 0) -> Path:
    """A PATH with what system-deps.sh runs, whose apt-get and sudo only leave a mark in tmp_path.

    ldconfig and fc-list print this machine's listing followed by padding_lines more lines, as on
    a desktop with thousands of libraries and fonts.
    """
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "grep", "id", "pdftotext", "pdffonts", "pdftoppm", "desktop-file-validate"):
        found = shutil.which(tool)
        if found is None:
            pytest.skip(f"{tool} is not installed")
        if tool != leave_out:
            (bin_dir / tool).symlink_to(found)
    cat = shutil.which("cat")
    assert cat is not None
    padding = "".join(
        f"\tpadding{n}.so.0 (libc6,x86-64) => /lib/padding{n}.so.0\n" for n in range(padding_lines)
    )
    for tool, command in {
        "ldconfig": [shutil.which("ldconfig") or "/sbin/ldconfig", "-p"],
        "fc-list": ["fc-list"],
    }.items():
        listing = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        (tmp_path / tool).write_text(listing + padding, encoding="utf-8")
        (bin_dir / tool).write_text(f"#!/bin/sh\nexec {cat} {tmp_path / tool}\n", encoding="utf-8")
        (bin_dir / tool).chmod(0o755)
    for tool in ("apt-get", "sudo"):
        (bin_dir / tool).write_text(f"#!/bin/sh\necho {tool} >> {tmp_path / 'installed'}\n", encoding="utf-8")
        (bin_dir / tool).chmod(0o755)
    return bin_dir


def test_system_deps_finds_every_installed_library_every_time() -> None:
    # `make test` ran `system-deps.sh test` first, so everything is installed. The check once
    # piped `ldconfig -p` into `grep -q` under pipefail: grep stopped at the first match, ldconfig
    # died of SIGPIPE, and now and then a start reported a library missing and ran apt-get.
    for _ in range(30):
        result = _system_deps("--check", "test")
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_system_deps_installs_nothing_on_a_desktop_with_many_libraries(tmp_path: Path) -> None:
    # The same race, made certain: the listings are far longer than a pipe holds.
    path = _system_deps_path(tmp_path, padding_lines=50_000)
    result = _system_deps("test", path=path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (tmp_path / "installed").exists()


def test_system_deps_check_reports_what_is_missing_and_installs_nothing(tmp_path: Path) -> None:
    path = _system_deps_path(tmp_path, leave_out="pdftotext")
    result = _system_deps("--check", "test", path=path)
    assert (result.returncode, result.stdout) == (1, "Missing: poppler-utils\n")
    assert not (tmp_path / "installed").exists()
