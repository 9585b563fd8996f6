"""`quizgen extract` as a teacher runs it: output file, summary line, bad input, no data loss."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from quizgen.bank import load_bank, save_bank

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trotsky-stalin.txt"
DATA = Path(__file__).parent / "data" / "extract"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "quizgen", "extract", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300)


def assert_clean_error(out: subprocess.CompletedProcess[str], *words: str) -> None:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), out.stderr
    for w in words:
        assert w in lines[0], lines[0]


def test_writes_a_candidates_bank_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "candidates.yaml"
    result = run(str(SEED), str(DATA / "french-revolution.html"), "-o", str(out), "--id", "revolutions",
                 "--title", "Revolutions")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"wrote {out}: ") and " candidates (" in result.stderr
    bank = load_bank(out)
    assert (bank.id, bank.title) == ("revolutions", "Revolutions")
    assert set(bank.sources) == {"trotsky-stalin", "french-revolution"}
    assert bank.sources["trotsky-stalin"].file == str(SEED)
    assert bank.facts and all(f.status == "candidate" and f.confidence is not None for f in bank.facts)
    assert bank.people and bank.works


def test_defaults_come_from_the_first_document(tmp_path: Path) -> None:
    out = tmp_path / "c.yaml"
    assert run(str(DATA / "norman-conquest.md"), "-o", str(out)).returncode == 0
    bank = load_bank(out)
    assert (bank.id, bank.title) == ("norman-conquest", "The Norman Conquest of England")


def test_rerunning_keeps_decisions_made_in_the_candidates_file(tmp_path: Path) -> None:
    out = tmp_path / "c.yaml"
    assert run(str(DATA / "american-civil-war.txt"), "-o", str(out)).returncode == 0
    bank = load_bank(out)
    first = bank.facts[0]
    first.status = "rejected"
    save_bank(bank, out)
    ids = [f.id for f in bank.facts]
    again = run(str(DATA / "american-civil-war.txt"), "-o", str(out))
    assert again.returncode == 0 and "kept 1 facts already approved or rejected" in again.stderr
    bank = load_bank(out)
    assert [f.id for f in bank.facts] == ids  # same ids on a re-run
    assert bank.fact(first.id).status == "rejected"


def test_bad_inputs_give_one_error_line_and_leave_the_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "c.yaml"
    out.write_text("precious: content\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    (tmp_path / "latin1.txt").write_bytes("Napol\xe9on entered Moscow in 1812.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    cases = [("binary.txt", "binary"), ("latin1.txt", "not UTF-8"), ("empty.txt", "empty"),
             ("missing.txt", "no such file")]
    for name, word in cases:
        assert_clean_error(run(str(tmp_path / name), "-o", str(out), "--force"), word)
        assert out.read_text(encoding="utf-8") == "precious: content\n"


def test_refuses_to_overwrite_an_input_or_a_curated_bank(tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text((DATA / "american-civil-war.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert_clean_error(run(str(doc), "-o", str(doc)), "input")
    deck = tmp_path / "deck.yaml"
    deck.write_text((ROOT / "decks" / "trotsky-stalin.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = deck.read_text(encoding="utf-8")
    assert_clean_error(run(str(doc), "-o", str(deck)), "approved or rejected")
    assert deck.read_text(encoding="utf-8") == before
    other = tmp_path / "notes.yaml"
    other.write_text("not: a bank\n", encoding="utf-8")
    assert_clean_error(run(str(doc), "-o", str(other)), "not a quizgen bank", "--force")
    assert run(str(doc), "-o", str(other), "--force").returncode == 0


def test_bad_options(tmp_path: Path) -> None:
    assert_clean_error(run(str(SEED), "-o", str(tmp_path / "c.yaml"), "--id", "Not A Slug"), "--id")
    assert_clean_error(run(str(SEED), "-o", str(tmp_path)), "folder")
    assert_clean_error(run(str(tmp_path), "-o", str(tmp_path / "c.yaml")), "folder")


def test_a_document_without_facts_writes_nothing(tmp_path: Path) -> None:
    doc = tmp_path / "plain.txt"
    doc.write_text("the weather was nice and we went for a walk along the river bank.\n", encoding="utf-8")
    result = run(str(doc), "-o", str(tmp_path / "c.yaml"))
    assert_clean_error(result, "no candidate facts")
    assert not (tmp_path / "c.yaml").exists()


def test_a_big_file_is_read_whole(tmp_path: Path) -> None:
    """About 5 MB: the seed repeated (repeats are dropped) plus enough new text to be worth extracting."""
    big = tmp_path / "big.txt"
    seed = SEED.read_text(encoding="utf-8")
    with big.open("w", encoding="utf-8") as fh:
        for i in range(int(5 * 2**20 / len(seed.encode())) + 1):
            fh.write(seed + "\n\n")
            if i % 50 == 0:
                fh.write(f"In {1800 + i} the archive of volume {i} was catalogued by the librarians.\n\n")
    assert big.stat().st_size > 5 * 2**20
    out = tmp_path / "c.yaml"
    result = run(str(big), "-o", str(out), "--no-progress")
    assert result.returncode == 0, result.stderr
    bank = load_bank(out)
    assert any(f.when == "1940-08-20" for f in bank.facts)
    assert "duplicate" in result.stderr
