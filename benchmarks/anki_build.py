"""Build time and peak memory of `quizgen anki` on a 5,000-fact bank.

    python -m benchmarks.anki_build [FACTS]

The aim is under 3 seconds for loading and building a 5,000-fact bank. The bank is generated (every
kind, a cloze, a source quote, tags and some notes per fact) in a temporary folder, then:
  1. first build: no ledger yet, every note is new, the ledger is written;
  2. rebuild: nothing changed, the ledger is read and left alone;
  3. rebuild after editing 1% of the facts: those notes get a new stamp.
Each is timed from load_bank to the .apkg on disk (median of 3 runs). Peak memory is measured in a
separate pass with tracemalloc (Python allocations), and the process's peak RSS is printed at the end.
For scale, the time Anki itself takes to import the package is printed too (when `anki` is installed).
"""

from __future__ import annotations

import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from quizgen.anki import build_apkg
from quizgen.anki.ledger import ledger_path
from quizgen.bank import load_bank

TARGET_S = 3.0
KINDS = ("date", "person", "place", "work", "term", "number", "event")


def make_bank(n: int) -> str:
    lines = ["id: bench-bank", 'title: "Benchmark bank"', 'deck: "Bench::Generated"',
             "sources:", "  doc: {title: Generated document}", "facts:"]
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        lines += [
            f"  - id: fact-{i:05d}",
            f"    kind: {kind}",
            f'    question: "Which generated answer belongs to question number {i} about topic {i % 97}?"',
            f'    answer: "Answer {i} & <co>"',
            *([f'    when: "{1800 + i % 200}"'] if kind == "date" else []),
            f'    cloze: "Sentence {i} says the answer is {{{{Answer {i}}}}}, in topic {i % 97}."',
            f'    source: {{doc: doc, quote: "The document says answer {i} holds for topic {i % 97}."}}',
            *([f'    note: "Some accounts differ on detail {i}."'] if i % 5 == 0 else []),
            f"    tags: [topic-{i % 97}, part-{i % 7}]",
        ]
    return "\n".join(lines) + "\n"


def build(bank_path: Path, out: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    report = build_apkg([load_bank(bank_path)], out)
    return time.perf_counter() - start, report.notes, report.cards


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    tmp = Path(tempfile.mkdtemp(prefix="quizgen-anki-bench-"))
    try:
        bank_path = tmp / "bench.yaml"
        text = make_bank(n)
        bank_path.write_text(text, encoding="utf-8")
        out = tmp / "bench.apkg"
        print(f"bank: {n} facts, {len(text) / 1e6:.1f} MB of YAML")

        first = []
        for _ in range(3):
            ledger_path(bank_path).unlink(missing_ok=True)
            first.append(build(bank_path, out))
        t_first, notes, cards = statistics.median(r[0] for r in first), first[0][1], first[0][2]
        t_load = statistics.median(_time(lambda: load_bank(bank_path)) for _ in range(3))
        t_same = statistics.median(build(bank_path, out)[0] for _ in range(3))
        edits = []
        for run in range(3):
            edited = text.replace("in topic 1.", f"in topic 1 (edit {run}).")  # every 97th cloze: ~1%
            bank_path.write_text(edited, encoding="utf-8")
            edits.append(build(bank_path, out)[0])
        t_edit = statistics.median(edits)
        size = out.stat().st_size

        ledger_path(bank_path).unlink()
        tracemalloc.start()
        build(bank_path, out)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        print(f"package: {notes} notes, {cards} cards, {size / 1e6:.2f} MB; "
              f"ledger {ledger_path(bank_path).stat().st_size / 1e3:.0f} kB")
        print(f"load_bank alone:               {t_load:6.2f} s")
        print(f"first build (load + build):    {t_first:6.2f} s   target < {TARGET_S:.0f} s: "
              f"{'met' if t_first < TARGET_S else 'MISSED'}")
        print(f"rebuild, nothing changed:      {t_same:6.2f} s")
        print(f"rebuild, ~1% of facts edited:  {t_edit:6.2f} s")
        print(f"peak Python memory (tracemalloc, first build): {peak / 2**20:.0f} MiB")
        _anki_import(out, tmp)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process: {rss:.0f} MiB")
        return 0 if t_first < TARGET_S else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _anki_import(apkg: Path, tmp: Path) -> None:
    try:
        from anki.collection import Collection, ImportAnkiPackageRequest
    except ImportError:
        return
    col = Collection(str(tmp / "student.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(apkg),
                                           options=col._backend.get_import_anki_package_presets())
        elapsed = _time(lambda: col.import_anki_package(request))
        print(f"for scale, Anki importing it:  {elapsed:6.2f} s ({col.note_count()} notes)")
    finally:
        col.close()


if __name__ == "__main__":
    sys.exit(main())
