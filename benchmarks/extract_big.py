"""`quizgen extract` on a 50 MB file: time, peak memory, and that the result is a correct, capped bank.

    python -m benchmarks.extract_big           # 50 MB
    python -m benchmarks.extract_big 10        # another size, in MB
    python -m benchmarks.extract_big --installed   # the installed package (compiled by `pip install .`)

The file is generated in a temporary folder from the seed, the three test documents and the two
development articles, each copy with its names and numbers varied (a syllable added to capitalised
words, years and counts shifted), so that no sentence repeats and nothing can be skipped. The CLI runs
in a child process; its peak resident memory comes from resource.getrusage(RUSAGE_CHILDREN).
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "seeds" / "trotsky-stalin.txt",
    *sorted((ROOT / "tests" / "data" / "extract").glob("*.*")),
    ROOT / "benchmarks" / "data" / "victoria-australia.txt",
    ROOT / "benchmarks" / "data" / "southern-california.txt",
]
_SYLLABLES = ["", "ov", "an", "ski", "er", "ez", "ini", "berg", "ton", "ard", "elli", "son", "ek"]
_CAP = re.compile(r"\b([A-Z][a-z]{3,})\b")
_NUM = re.compile(r"\b(1[0-9]{3}|[1-9][0-9]?)\b")
_TAGS = re.compile(r"<[^>]+>")


def base_texts() -> list[str]:
    out = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = _TAGS.sub(" ", text)  # crude, but only to make prose for the generator
        out.append(text)
    return out


def variant(text: str, k: int) -> str:
    """Copy k of a text: names get a syllable (the same word, the same syllable, within a copy),
    years and small numbers shift."""
    if k == 0:
        return text

    def name(m: re.Match[str]) -> str:
        w = m.group(1)
        return w + _SYLLABLES[(zlib.crc32(w.encode()) + k) % len(_SYLLABLES)]

    def num(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return str(n + k % 37) if n >= 1000 else str(n + k % 7)

    return _NUM.sub(num, _CAP.sub(name, text))


def make_file(path: Path, megabytes: float) -> int:
    texts = base_texts()
    target = int(megabytes * 2**20)
    with path.open("w", encoding="utf-8") as fh:
        k = 0
        while fh.tell() < target:
            fh.write(variant(texts[k % len(texts)], k // len(texts)))
            fh.write("\n\n")
            k += 1
    return path.stat().st_size


_WHICH = ("import quizgen.extract.tokens as t; print('quizgen.extract:', 'compiled by mypyc' if t.COMPILED else "
          "'pure Python', t.__file__)")


def main(argv: list[str]) -> int:
    installed = "--installed" in argv
    argv = [a for a in argv if a != "--installed"]
    megabytes = float(argv[0]) if argv else 50.0
    # the CLI of the checkout (its sources first on the path) or of the installed package (run from elsewhere)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} if installed else \
        {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        size = make_file(path, megabytes)
        words = sum(len(line.split()) for line in path.open(encoding="utf-8"))
        out = Path(tmp) / "out.yaml"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "quizgen", "extract", str(path), "-o", str(out),
                               "--no-progress"], capture_output=True, text=True, cwd=tmp if installed else ROOT,
                              env=env)
        seconds = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KB on Linux
        where = subprocess.run([sys.executable, "-c", _WHICH], capture_output=True, text=True,
                               cwd=tmp if installed else ROOT, env=env)
        print(where.stdout.strip() or where.stderr.strip()[-300:])
        print(f"{size / 2**20:.1f} MB file, {words:,} words, through the CLI: exit {proc.returncode} in "
              f"{seconds:.1f} s ({words / seconds:,.0f} words/s), peak memory {peak:,.0f} MB")
        print(f"  output written: {out.exists()} ({out.stat().st_size / 1024:,.0f} KB)" if out.exists()
              else "  output written: False")
        print(f"  traceback: {'Traceback' in proc.stderr}")
        print(f"  {proc.stderr.strip()[-600:]}")
        if out.exists():
            from quizgen.bank import load_bank

            bank = load_bank(out)
            kinds: dict[str, int] = {}
            for f in bank.facts:
                kinds[f.kind] = kinds.get(f.kind, 0) + 1
            print(f"  bank loads: {len(bank.facts)} facts {kinds}, {len(bank.people)} people, "
                  f"{len(bank.works)} works; ids unique: {len({f.id for f in bank.facts}) == len(bank.facts)}")
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
