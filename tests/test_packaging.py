"""The wheel carries its templates, deck and seed, and works from a folder that is not the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    # (pure Python: compiling quizgen/extract takes a minute, and CI's install has compiled it already)
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                         capture_output=True, text=True, timeout=600, env={**os.environ, "QUIZGEN_PURE_PYTHON": "1"})
    if out.returncode != 0:
        pytest.fail(f"pip wheel failed: {out.stderr[-2000:]}")
    (found,) = dist.glob("quizgen-*.whl")
    return found


def test_wheel_holds_the_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "quizgen/_data/decks/trotsky-stalin.yaml" in names
    assert "quizgen/_data/decks/trotsky-stalin.anki-ledger.json" in names
    assert "quizgen/_data/seeds/trotsky-stalin.txt" in names
    templates = {n for n in names if n.startswith("quizgen/_data/templates/")}
    assert "quizgen/_data/templates/worksheet.css" in templates
    assert {Path(t).name for t in templates} >= {p.name for p in (ROOT / "templates").iterdir() if p.is_file()}


def test_installed_wheel_builds_the_shipped_deck_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "SOURCE_DATE_EPOCH": "1764000000"}

    def quizgen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=work, env=env, capture_output=True,
                              text=True, timeout=300)

    where = subprocess.run([sys.executable, "-c", "import quizgen; print(quizgen.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target))
    deck = target / "quizgen" / "_data" / "decks" / "trotsky-stalin.yaml"
    assert quizgen("validate", str(deck)).returncode == 0
    built = quizgen("build", "--versions", "2", "--questions", "10")
    assert built.returncode == 0, built.stderr
    out = work / "out"
    assert (out / "trotsky-stalin.apkg").is_file()
    assert (out / "trotsky-stalin" / "mc" / "mc-sets.json").is_file()
    pdfs = sorted(p.name for p in (out / "trotsky-stalin" / "worksheets").glob("*.pdf"))
    assert pdfs == ["trotsky-stalin-A.pdf", "trotsky-stalin-B.pdf", "trotsky-stalin-key.pdf"]
    for line in built.stdout.splitlines()[1:]:
        assert line.startswith("  wrote out/")
