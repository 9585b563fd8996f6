"""The command line as a user meets it: exit codes, one-line errors, no tracebacks, fast start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.bank import load_bank

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
BAD = Path(__file__).parent / "data" / "bad"


def run(*args: str, cwd: Path = ROOT, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True,
                          input=input, env=env, timeout=120)


def test_version_and_help() -> None:
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("quizgen, version ")
    helps = run("--help")
    assert helps.returncode == 0
    for name in ("build", "validate", "export", "stats", "extract", "review", "anki", "mc", "worksheet", "quiz"):
        assert f"  {name} " in helps.stdout


@pytest.mark.parametrize("name", ["validate", "export", "stats"])
def test_every_foundation_command_has_help(name: str) -> None:
    out = run(name, "--help")
    assert out.returncode == 0 and "Usage: quizgen " + name in out.stdout


def test_help_imports_no_heavy_library() -> None:
    code = ("import sys; from quizgen.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = {'weasyprint', 'genanki', 'anki', 'openpyxl', 'fsrs', 'ruamel', 'jinja2', 'selectolax', 'yaml'}\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_validate_ok() -> None:
    out = run("validate", str(DECK))
    assert out.returncode == 0
    assert out.stdout.startswith(f"{DECK}: ok (")


def test_validate_lists_every_bad_bank_without_traceback() -> None:
    banks = [BAD / "missing-answer.yaml", BAD / "wrong-kind.yaml", DECK]
    out = run("validate", *map(str, banks))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert lines == [f"Error: {BAD / 'missing-answer.yaml'}:9: facts[1]: missing 'answer'",
                     f"Error: {BAD / 'wrong-kind.yaml'}:5: facts[0]: kind 'battle' is not one of date, person, "
                     "place, work, term, number, event"]
    assert f"{DECK}: ok" in out.stdout


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.yaml")))
def test_bad_banks_give_one_error_line_per_problem(name: str) -> None:
    out = run("export", str(BAD / name), "--format", "json")
    assert out.returncode == 1
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    assert all(line.startswith("Error: ") for line in out.stderr.strip().splitlines())


def test_json_export_round_trip(tmp_path: Path) -> None:
    out = run("export", str(DECK), "--format", "json")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    bank = load_bank(DECK)
    assert data["id"] == bank.id and data["title"] == bank.title
    assert [i["id"] for i in data["items"]] == [f.id for f in bank.facts]
    for item, fact in zip(data["items"], bank.facts, strict=True):
        assert set(item) == {"id", "kind", "question", "answer", "accept", "cloze", "when", "source", "status", "tags"}
        assert (item["question"], item["answer"], item["accept"], item["when"], item["cloze"]) == (
            fact.question, fact.answer, fact.accept, fact.when, fact.cloze)
        assert item["source"] == {"doc": fact.source.doc, "quote": fact.source.quote}
    target = tmp_path / "deck.json"
    wrote = run("export", str(DECK), "--format", "json", "-o", str(target))
    assert wrote.returncode == 0 and json.loads(target.read_text(encoding="utf-8")) == data


def test_json_export_filters() -> None:
    data = json.loads(run("export", str(DECK), "--kinds", "date").stdout)
    assert data["items"] and {i["kind"] for i in data["items"]} == {"date"}
    bad = run("export", str(DECK), "--kinds", "battle")
    assert bad.returncode == 1 and bad.stderr.startswith("Error: --kinds: unknown kind 'battle'")


def test_unwritable_output_is_a_clean_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = run("export", str(DECK), "-o", str(blocker / "deck.json"))
    assert out.returncode == 1
    assert out.stderr.startswith(f"Error: cannot write {blocker / 'deck.json'}")
    assert "Traceback" not in out.stderr


def test_stats_counts_by_kind_tag_and_status(tmp_path: Path) -> None:
    out = run("stats", str(DECK), "--store", str(tmp_path / "none.sqlite3"))
    assert out.returncode == 0, out.stderr
    bank = load_bank(DECK)
    assert f"{len(bank.facts)} facts" in out.stdout
    n_dates = sum(f.kind == "date" for f in bank.facts)
    assert f"date {n_dates}" in out.stdout
    assert f"approved {len(bank.approved())}" in out.stdout
    assert not (tmp_path / "none.sqlite3").exists()
