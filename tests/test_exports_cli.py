"""Every export of the shipped deck through the real command line, each file opened by its reader."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from pygiftparser import parser as giftparser
from test_exports_helpers import DECK, ROOT

from quizgen.exports import FORMATS

EXPORTS = [name for name in FORMATS if name != "json"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, env=env,
                          timeout=120)


def opened(fmt: str, data: bytes) -> int:
    """Open an export with its own reader; return how many questions it holds."""
    if fmt == "gift":
        return len(giftparser.parse(data.decode("utf-8")).questions)
    if fmt == "moodle-xml":
        return len(ET.fromstring(data).findall("question")) - 1
    if fmt == "qti":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = next(n for n in zf.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n)
            ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
            return len(ET.fromstring(zf.read(xml)).findall("q:assessment/q:section/q:item", ns))
    if fmt == "kahoot":
        import openpyxl

        ws = openpyxl.load_workbook(io.BytesIO(data)).active
        return sum(1 for r in range(9, ws.max_row + 1) if ws.cell(row=r, column=2).value)
    if fmt == "quizlet":
        lines = data.decode("utf-8").splitlines()
        assert all(len(line.split("\t")) == 2 for line in lines)
        return len(lines)
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len({len(row) for row in table}) == 1
    return len(table) - (1 if fmt == "csv" else 2)


@pytest.mark.parametrize("fmt", EXPORTS)
def test_cli_export_of_the_deck_opens_in_its_reader(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"deck{FORMATS[fmt][1]}"
    proc = run("export", str(DECK), "--format", fmt, "-o", str(out), "--seed", "5")
    assert proc.returncode == 0, proc.stderr.decode()
    err = proc.stderr.decode()
    wrote = next(line for line in err.splitlines() if line.startswith("wrote "))
    count = int(wrote.split("(")[1].split()[0])
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert f"{len(skipped)} skipped" in wrote
    assert all(": " in line for line in skipped)
    assert count > 0
    assert opened(fmt, out.read_bytes()) == count
    # same seed, same bytes, also from another folder
    again = tmp_path / "again"
    assert run("export", str(DECK), "--format", fmt, "-o", str(again), "--seed", "5", cwd=tmp_path).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_text_export_to_stdout() -> None:
    proc = run("export", str(DECK), "--format", "gift", "--seed", "1")
    assert proc.returncode == 0 and proc.stdout.startswith(b"// quizgen export of ")
    assert len(giftparser.parse(proc.stdout.decode("utf-8")).questions) > 0


@pytest.mark.parametrize("fmt", EXPORTS)
def test_text_that_tries_to_break_out_stays_in_its_field(fmt: str, tmp_path: Path) -> None:
    """A bank of markup, GIFT specials, CSV quotes and line breaks, formulas, right-to-left and combining
    text, loaded from YAML and exported through the CLI, opens in the format's reader whole."""
    from test_exports_helpers import DATA

    out = tmp_path / f"nasty{FORMATS[fmt][1]}"
    proc = run("export", str(DATA / "nasty.yaml"), "--format", fmt, "-o", str(out), "--seed", "2")
    assert proc.returncode == 0, proc.stderr.decode()
    count = int(proc.stderr.decode().split("wrote ")[1].split("(")[1].split()[0])
    data = out.read_bytes()
    assert opened(fmt, data) == count == 4
    if fmt in ("moodle-xml", "qti"):
        assert b"<script" not in data and b"<img" not in data
    if fmt == "gift":
        text = data.decode("utf-8")
        assert "<script>alert('x')</script>" in text  # [plain] text: Moodle shows it, never runs it
        assert "\\{GIFT\\} question \\~ \\= \\# \\:?{" in text
