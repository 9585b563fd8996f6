"""`quizgen review` as a user meets it: through a pipe, in a real terminal (pexpect), and with the
non-interactive flags."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from quizgen.bank import load_bank

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "review"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    return tmp_path


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return {**out, "PYTHONPATH": str(ROOT), "TERM": "xterm", **extra}


def review(work: Path, *args: str, input: str | None = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quizgen", "review", "candidates.yaml", *args], cwd=work,
                          capture_output=True, text=True, input=input, env=env(), timeout=120)


def statuses(path: Path) -> dict[str, str]:
    return {f.id: f.status for f in load_bank(path).facts}


# --- through a pipe: one command per line --------------------------------------------------------------


def test_piped_review_writes_decisions_and_summary(work: Path) -> None:
    out = review(work, "--into", "decks/mine.yaml", input="a\nr\ne\nWho was dismissed?\n\ns\nq\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("6 candidates to review from candidates.yaml into decks/mine.yaml.\n")
    assert "decks/mine.yaml: approved 2 (1 edited), rejected 1, skipped 1, left 2" in out.stdout
    assert "Run the same command again to review the 3 undecided." in out.stdout
    assert "\x1b[" not in out.stdout and out.stderr == ""
    bank = load_bank(work / "decks" / "mine.yaml")
    assert (bank.id, bank.title) == ("revolution-1789", "The French Revolution, 1789")
    assert statuses(work / "decks" / "mine.yaml") == {
        "bastille-stormed": "approved", "estates-general-meets": "rejected", "necker-role": "approved"}
    assert bank.fact("necker-role").question == "Who was dismissed?"  # type: ignore[union-attr]
    # the new bank sits in decks/: its source path still points at the same document
    assert bank.sources["notes"].file == "../docs/revolution.txt"
    assert (work / "decks" / bank.sources["notes"].file).resolve() == (work / "docs" / "revolution.txt").resolve()


def test_second_piped_run_continues_where_the_first_stopped(work: Path) -> None:
    review(work, "--into", "mine.yaml", input="a\nr\n")
    out = review(work, "--into", "mine.yaml", input="q\n")
    assert "4 candidates to review from candidates.yaml into mine.yaml (2 already decided)." in out.stdout
    assert "-- 1/4 necker-role" in out.stdout
    review(work, "--into", "mine.yaml", input="a\na\na\na\n")
    out = review(work, "--into", "mine.yaml", input="")
    assert out.returncode == 0
    assert out.stdout == "Nothing to review: all 6 candidates are already decided in mine.yaml.\n"


def test_teachers_file_keeps_comments_through_the_command(work: Path) -> None:
    out = review(work, "--into", "teacher-bank.yaml", input="a\na\na\na\n")
    assert "(2 already decided)" in out.stdout
    text = (work / "teacher-bank.yaml").read_text()
    assert "# My 1789 deck: I keep my own notes here. Do not lose this comment!" in text
    assert "status: rejected  # too easy for my class" in text
    assert len(load_bank(work / "teacher-bank.yaml").facts) == 7


# --- in a real terminal --------------------------------------------------------------------------------


def spawn(work: Path, into: str, **extra: str) -> pexpect.spawn:
    return pexpect.spawn(sys.executable, ["-m", "quizgen", "review", "candidates.yaml", "--into", into],
                         cwd=str(work), env=env(**extra), encoding="utf-8", timeout=30, dimensions=(40, 100))


def test_terminal_review_single_keys_prefilled_edit_and_quit(work: Path) -> None:
    child = spawn(work, "tty.yaml", NO_COLOR="1")
    child.expect_exact("-- 1/6 bastille-stormed")
    child.expect_exact("[?]help > ")
    child.send("a")  # one key, no Enter
    child.expect_exact("approved")
    child.expect_exact("-- 2/6 estates-general-meets")
    child.expect_exact("[?]help > ")
    child.send("e")
    child.expect_exact("Question (Enter keeps it): ")
    child.send("\x15In which year did the Estates-General meet?\r")  # Ctrl-U clears the pre-filled text
    child.expect_exact("Answer (Enter keeps it): ")
    child.send("\r")  # keeps the pre-filled answer
    child.expect_exact("edited and approved")
    child.expect_exact("[?]help > ")
    child.send("z")
    child.expect_exact("Unknown command 'z': press ? for help")
    child.send("q")
    child.expect_exact("tty.yaml: approved 2 (1 edited), rejected 0, skipped 0, left 4")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "\x1b[3" not in child.before  # NO_COLOR: no colours
    bank = load_bank(work / "tty.yaml")
    fact = bank.fact("estates-general-meets")
    assert fact is not None and (fact.question, fact.answer) == (
        "In which year did the Estates-General meet?", "1789")


def test_terminal_review_has_colours_and_ctrl_c_keeps_decisions(work: Path) -> None:
    child = spawn(work, "tty.yaml")
    child.expect_exact("[?]help")
    assert "\x1b[" in child.before  # colours on a terminal
    child.send("r")
    child.expect_exact("rejected")
    child.expect_exact("[?]help")
    child.sendintr()
    child.expect_exact("Interrupted; saved so far: approved 0, rejected 1, skipped 0, left 5")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert statuses(work / "tty.yaml") == {"bastille-stormed": "rejected"}


def test_keys_typed_ahead_are_not_lost_and_ctrl_d_quits(work: Path) -> None:
    child = spawn(work, "tty.yaml", NO_COLOR="1")
    child.expect_exact("[?]help > ")
    child.send("ara")  # faster than the screens come: every key still counts
    child.expect_exact("-- 4/6 third-estate-pamphlet")
    child.expect_exact("[?]help > ")
    child.send("\x04")
    child.expect_exact("tty.yaml: approved 2, rejected 1, skipped 0, left 3")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert statuses(work / "tty.yaml") == {"bastille-stormed": "approved", "estates-general-meets": "rejected",
                                           "necker-role": "approved"}


# --- non-interactive -----------------------------------------------------------------------------------


def test_approve_all_above_leaves_the_rest_undecided(work: Path) -> None:
    out = review(work, "--into", "mine.yaml", "--approve-all-above", "0.8", input=None)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "mine.yaml: approved 2, rejected 0, left 4"
    assert statuses(work / "mine.yaml") == {"bastille-stormed": "approved", "estates-general-meets": "approved"}
    out = review(work, "--into", "mine.yaml", "--approve-all-above", "0.6", "--reject-below", "0.3")
    assert out.stdout.splitlines()[-1] == "mine.yaml: approved 1, rejected 1, left 2"
    assert statuses(work / "mine.yaml")["tennis-court-oath-place"] == "rejected"


def test_approve_all_and_reject_all_with_ids(work: Path) -> None:
    out = review(work, "--into", "mine.yaml", "--reject-all", "--ids", "necker-role, great-fear-term")
    assert out.stdout.splitlines()[-1] == "mine.yaml: approved 0, rejected 2, left 0"
    review(work, "--into", "mine.yaml", "--approve-all")
    assert statuses(work / "mine.yaml") == {
        "necker-role": "rejected", "great-fear-term": "rejected", "bastille-stormed": "approved",
        "estates-general-meets": "approved", "third-estate-pamphlet": "approved",
        "tennis-court-oath-place": "approved"}


def test_dry_run_prints_the_plan_and_writes_nothing(work: Path) -> None:
    out = review(work, "--into", "mine.yaml", "--approve-all-above", "0.8", "--reject-below", "0.3", "--dry-run")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert "  would approve bastille-stormed (date, 0.95): When was the Bastille stormed?" in lines
    assert "  would reject  tennis-court-oath-place (place, 0.20): Where did the deputies swear the Tennis " \
           "Court Oath?" in lines
    assert "  would leave   great-fear-term (term,   - ): What name is given to the rural panic of summer 1789?" \
        in lines
    assert lines[-1] == "Would approve 2, reject 1, leave 3 undecided. Nothing written (--dry-run)."
    out = review(work, "--into", "mine.yaml", "--dry-run", "--ids", "necker-role")
    assert out.stdout.splitlines()[-3:] == [
        "Would ask about:", "  necker-role (person, 0.70): Which finance minister's dismissal angered Paris?",
        "Nothing written (--dry-run)."]
    assert not (work / "mine.yaml").exists()


def test_new_bank_id_and_title_options(work: Path) -> None:
    review(work, "--into", "mine.yaml", "--approve-all", "--bank-id", "year-9", "--title", "Year 9: 1789")
    bank = load_bank(work / "mine.yaml")
    assert (bank.id, bank.title) == ("year-9", "Year 9: 1789")


@pytest.mark.parametrize(("args", "message"), [
    (["--into", "mine.yaml", "--approve-all", "--reject-all"],
     "Error: --approve-all and --reject-all cannot be used together"),
    (["--into", "mine.yaml", "--approve-all-above", "0.4", "--reject-below", "0.5"],
     "Error: --reject-below 0.5 is above --approve-all-above 0.4: a candidate cannot be both"),
    (["--into", "mine.yaml", "--ids", "necker"], "Error: --ids: no candidate 'necker' in candidates.yaml "
                                                 "(did you mean 'necker-role'?)"),
    (["--into", "teacher-bank.yaml", "--title", "New"], "Error: --bank-id/--title name a new bank, and "
                                                        "teacher-bank.yaml exists: edit its id or title there"),
    (["--into", "mine.yaml", "--bank-id", "Not A Slug"],
     "Error: --bank-id: 'Not A Slug' must be a lowercase slug (letters, digits, dashes)"),
    (["--into", "candidates.yaml"], "Error: candidates.yaml: the candidates file and --into are the same file; "
                                    "review candidates into a separate bank"),
])
def test_bad_options_are_one_line_errors(work: Path, args: list[str], message: str) -> None:
    out = review(work, *args)
    assert out.returncode == 1
    assert out.stderr.strip() == message
    assert not (work / "mine.yaml").exists()


def test_out_of_range_confidence_is_a_usage_error(work: Path) -> None:
    out = review(work, "--into", "mine.yaml", "--approve-all-above", "1.5")
    assert out.returncode == 2 and "1.5 is not in the range 0.0<=x<=1.0" in out.stderr


def test_broken_bank_or_candidates_report_file_and_line(work: Path) -> None:
    (work / "bad.yaml").write_text("id: x\ntitle: X\nfacts:\n  - id: a\n    kind: battle\n    question: Q?\n"
                                   "    answer: A\n")
    out = review(work, "--into", "bad.yaml", input="a\n")
    assert out.returncode == 1
    assert out.stderr.strip() == ("Error: bad.yaml:5: facts[0]: kind 'battle' is not one of date, person, place, "
                                  "work, term, number, event")
    out = subprocess.run([sys.executable, "-m", "quizgen", "review", "missing.yaml", "--into", "x.yaml"],
                         cwd=work, capture_output=True, text=True, env=env(), timeout=60)
    assert out.returncode == 1 and out.stderr.strip() == "Error: missing.yaml: no such file"


def test_into_is_required(work: Path) -> None:
    out = review(work)
    assert out.returncode == 2 and "Missing option '--into'" in out.stderr
