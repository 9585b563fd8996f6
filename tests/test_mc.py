"""`quizgen mc` and quizgen.mcsets: versions, letter balance, answer key, determinism, the command."""

from __future__ import annotations

import collections
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import load_bank
from quizgen.commands.mc import command
from quizgen.mcsets import build_mc_sets, plan_mc_sets, version_code, write_mc_sets
from quizgen.questions import MCQuestion, item_defects

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
SYNTH = Path(__file__).resolve().parent / "data" / "mc" / "synthetic.yaml"


def test_structure_is_the_documented_one(deck):
    data = build_mc_sets(deck, versions=3, questions=10, seed=5)
    assert list(data) == ["deck", "seed", "versions"]
    assert data["deck"] == deck.id and data["seed"] == 5
    assert [v["code"] for v in data["versions"]] == ["A", "B", "C"]
    for version in data["versions"]:
        assert list(version) == ["code", "questions"]
        assert len(version["questions"]) == 10
        for q in version["questions"]:
            assert list(q) == ["id", "kind", "question", "options", "answer_index"]
            fact = deck.fact(q["id"])
            assert q["kind"] == fact.kind and q["question"] == fact.question
            assert q["options"][q["answer_index"]] == fact.answer


def test_every_version_has_the_same_questions_and_options_in_its_own_order(deck):
    data = build_mc_sets(deck, versions=6, questions=20, seed=11)
    first = data["versions"][0]["questions"]
    orders = set()
    for version in data["versions"]:
        qs = version["questions"]
        assert sorted(q["id"] for q in qs) == sorted(q["id"] for q in first)
        orders.add(tuple(q["id"] for q in qs))
        for q in qs:
            same = next(f for f in first if f["id"] == q["id"])
            if q["kind"] not in ("date", "number"):  # dates/numbers pick neighbours for the answer's rank
                assert sorted(q["options"]) == sorted(same["options"])
    assert len(orders) == 6


@pytest.mark.parametrize("path", [DECK, SYNTH], ids=["deck", "synthetic"])
def test_letters_are_balanced_within_each_version(path):
    bank = load_bank(path)
    for seed in range(25):
        for k in (4, 7, 13, 20, 40):
            for version in build_mc_sets(bank, 2, k, seed)["versions"]:
                counts = collections.Counter(q["answer_index"] for q in version["questions"])
                spread = [counts.get(i, 0) for i in range(4)]
                assert max(spread) - min(spread) <= 1, (seed, k, spread)


def test_the_acceptance_run_has_400_questions_and_no_defect(deck):
    data = build_mc_sets(deck, versions=20, questions=20, seed=7)
    items = [q for v in data["versions"] for q in v["questions"]]
    assert len(items) == 400
    for q in items:
        fact = deck.fact(q["id"])
        mcq = MCQuestion(q["id"], q["kind"], q["question"], q["options"], q["answer_index"], fact)
        assert item_defects(mcq, deck) == []


def test_questions_drawn_across_kinds(deck):
    data = build_mc_sets(deck, versions=1, questions=14, seed=3)
    kinds = collections.Counter(q["kind"] for q in data["versions"][0]["questions"])
    assert set(kinds) == {f.kind for f in deck.approved()}  # 7 kinds, 2 each by round-robin
    assert max(kinds.values()) - min(kinds.values()) <= 1


def test_tags_and_kinds_filter(deck):
    data = build_mc_sets(deck, versions=2, questions=50, seed=1, tags=["purges"], kinds=["person"])
    ids = {q["id"] for q in data["versions"][0]["questions"]}
    assert ids
    for fact_id in ids:
        fact = deck.fact(fact_id)
        assert fact.kind == "person" and "purges" in fact.tags


def test_more_questions_than_the_pool_uses_all_and_reports_skips(synth):
    sets = plan_mc_sets(synth, versions=2, questions=500, seed=1)
    assert sets.selected == sets.pool == len(sets.data["versions"][0]["questions"])
    skipped = {line.split(":")[0] for line in sets.skipped}
    assert {"gaul-country", "egypt-country"} <= skipped
    assert "candidate-fact" not in {q["id"] for q in sets.data["versions"][0]["questions"]}
    assert sets.pool + len(sets.skipped) == len(synth.approved())


def test_version_codes_continue_past_z():
    assert [version_code(i) for i in (0, 1, 25, 26, 27, 51, 52, 701)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ"]


def test_write_mc_sets_writes_json_and_answer_key(tmp_path, deck):
    paths = write_mc_sets(deck, tmp_path / "out", versions=2, questions=5, seed=9)
    assert [p.name for p in paths] == ["mc-sets.json", "answer-key.csv"]
    text = paths[0].read_text(encoding="utf-8")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data == build_mc_sets(deck, 2, 5, 9)
    rows = list(csv.reader(io.StringIO(paths[1].read_text(encoding="utf-8"))))
    assert rows[0] == ["version", "number", "fact_id", "letter", "answer"]
    assert len(rows) == 1 + 10
    for row in rows[1:]:
        version = next(v for v in data["versions"] if v["code"] == row[0])
        q = version["questions"][int(row[1]) - 1]
        assert row[2] == q["id"] and row[3] == "ABCD"[q["answer_index"]]
        assert row[4] == q["options"][q["answer_index"]]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temp files left


def _run_cli(args: list[str], hashseed: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    return subprocess.run([sys.executable, "-m", "quizgen", "mc", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=True)


def test_same_seed_gives_byte_identical_files_across_processes(tmp_path):
    for hashseed, out in (("1", "a"), ("4242", "b")):
        _run_cli([str(DECK), "--versions", "5", "--questions", "20", "--seed", "7", "-o", str(tmp_path / out)],
                 hashseed, tmp_path)
    for name in ("mc-sets.json", "answer-key.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    _run_cli([str(DECK), "--versions", "5", "--questions", "20", "--seed", "8", "-o", str(tmp_path / "c")],
             "1", tmp_path)
    assert (tmp_path / "a" / "mc-sets.json").read_bytes() != (tmp_path / "c" / "mc-sets.json").read_bytes()


def test_command_summary_and_files(tmp_path):
    result = CliRunner().invoke(command, [str(SYNTH), "--versions", "3", "--questions", "10", "--seed", "4",
                                          "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "3 versions (A-C) x 10 questions, seed 4" in result.output
    assert "skipped 2 without 3 good distractors" in result.output
    assert "gaul-country: too few other places of the same type (country)" in result.output
    assert "seed: " not in result.output
    assert (tmp_path / "mc-sets.json").exists() and (tmp_path / "answer-key.csv").exists()


def test_command_without_seed_prints_the_seed_that_regenerates(tmp_path):
    result = CliRunner().invoke(command, [str(SYNTH), "-n", "2", "-q", "5", "-o", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    seed = int(result.output.splitlines()[0].removeprefix("seed: "))
    again = CliRunner().invoke(command, [str(SYNTH), "-n", "2", "-q", "5", "--seed", str(seed),
                                         "-o", str(tmp_path / "y")])
    assert again.exit_code == 0
    assert (tmp_path / "x" / "mc-sets.json").read_bytes() == (tmp_path / "y" / "mc-sets.json").read_bytes()


def test_command_notes_when_the_pool_is_smaller(tmp_path):
    result = CliRunner().invoke(command, [str(SYNTH), "-q", "999", "--seed", "1", "--kinds", "event,term",
                                          "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "asked for 999 questions but only 7 facts are usable: all of them are used" in result.output


@pytest.mark.parametrize("args, message", [
    (["--kinds", "people"], "Error: --kinds: unknown kind 'people'"),
    (["--tags", "no-such-tag"], "no approved fact matching --tags/--kinds can make a multiple-choice question"),
    (["--versions", "0"], "Invalid value for '-n' / '--versions'"),
])
def test_command_errors_are_one_clear_line(tmp_path, args, message):
    proc = subprocess.run([sys.executable, "-m", "quizgen", "mc", str(SYNTH), "--seed", "1",
                           "-o", str(tmp_path / "o"), *args], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode != 0
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "o").exists()


def test_command_reports_a_bad_bank_with_its_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: X\nfacts:\n  - {id: a, kind: dates, question: q, answer: a}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "quizgen", "mc", str(bad), "--seed", "1", "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{bad}:4:" in proc.stderr and "kind 'dates'" in proc.stderr


def test_balance_is_as_even_as_the_allowed_positions_permit():
    import itertools
    import random

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from quizgen.mcsets import balance

    def spread(counts):
        return max(counts) - min(counts)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sets(st.integers(0, 3), min_size=1), min_size=1, max_size=7), st.integers(0, 10**6))
    def check(allowed_sets, seed):
        allowed = [sorted(a) for a in allowed_sets]
        got = balance(allowed, 4, random.Random(seed))
        assert all(p in a for p, a in zip(got, allowed, strict=True))
        best = min(spread([combo.count(p) for p in range(4)]) for combo in itertools.product(*allowed))
        assert spread([got.count(p) for p in range(4)]) == best

    check()
