"""Speed of `quizgen extract` against `dateparser.search.search_dates` on the same text, and a 50 MB file.

    python -m benchmarks.extract_speed               # 1x, 4x, 16x, the checkout's sources (pure Python)
    python -m benchmarks.extract_speed --installed   # the same, of the installed package (compiled by `pip install .`)

(the 50 MB file: python -m benchmarks.extract_big)

The text is the seed plus the three test documents (tests/data/extract/), joined. Two ways to grow it:
"copies" repeats the text as is (what a scrape with repeated pages looks like; extract drops the repeats),
"distinct" makes every copy's sentences differ (a parenthesis before each full stop, which the parser
sets aside), so nothing can be skipped: the worst case. Both programs run on the same string in the same
process, after a warm-up; times are the best of a few runs (dateparser, slower, runs once).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from benchmarks import _build

ARGS = _build.choose(sys.argv[1:]) if __name__ == "__main__" else []

from quizgen.extract import entities, folding, kinds, tokens, topic  # noqa: E402 (after choosing the build)
from quizgen.extract.documents import Document, text_paragraphs  # noqa: E402
from quizgen.extract.pipeline import extract_docs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "seeds" / "trotsky-stalin.txt", *sorted((ROOT / "tests" / "data" / "extract").glob("*.*"))]


def base_text() -> str:
    from quizgen.extract.documents import html_paragraphs, markdown_paragraphs

    parts = []
    for path in TEXTS:
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            paras = html_paragraphs(raw)[1]
        elif path.suffix == ".md":
            paras = markdown_paragraphs(raw)[1]
        else:
            paras = text_paragraphs(raw)[1]
        parts.append("\n\n".join(p.text for p in paras))
    return "\n\n".join(parts)


def grow(text: str, times: int, distinct: bool) -> str:
    if not distinct:
        return "\n\n".join([text] * times)
    return "\n\n".join(text if k == 0 else re.sub(r"([a-z0-9])\. ", rf"\1 (part {k}). ", text) for k in range(times))


def clear_caches() -> None:
    for fn in (folding.fold, folding.strip_accents, entities.name_key, kinds.structural_kind,
               topic.stem, tokens._FLAGS, kinds._name_traits, tokens._PIECES):
        fn.cache_clear()


def time_extract(text: str, runs: int = 3) -> tuple[float, int]:
    doc = Document("bench", "bench.txt", "Bench", text_paragraphs(text)[1])
    best = float("inf")
    facts = 0
    for _ in range(runs):
        clear_caches()
        t0 = time.perf_counter()
        result = extract_docs([doc])
        best = min(best, time.perf_counter() - t0)
        facts = len(result.bank.facts)
    return best, facts


def time_dateparser(text: str) -> tuple[float, int]:
    from dateparser.search import search_dates

    t0 = time.perf_counter()
    found = search_dates(text, languages=["en"]) or []
    return time.perf_counter() - t0, len(found)


def main(argv: list[str]) -> int:
    text = base_text()
    words = len(text.split())
    print(_build.describe())
    print(f"text: seed + {len(TEXTS) - 1} test documents = {words} words; warming up both programs")
    time_extract(text, 1)
    time_dateparser(text[:2000])
    print(f"{'input':<18} {'words':>8} {'extract s':>10} {'words/s':>9} {'dateparser s':>13} {'words/s':>9} "
          f"{'ratio':>6}")
    for distinct in (False, True):
        for times in (1, 4, 16):
            if times == 1 and distinct:
                continue
            big = grow(text, times, distinct)
            n = len(big.split())
            ex, _ = time_extract(big, 3 if times < 16 else 1)
            dp, _ = time_dateparser(big)
            label = f"{times}x {'distinct' if distinct else 'copies'}"
            print(f"{label:<18} {n:>8} {ex:>10.3f} {n / ex:>9.0f} {dp:>13.3f} {n / dp:>9.0f} {dp / ex:>5.1f}x")
    # The ratios above use dateparser's fastest call (English only). Called with no language, as most
    # code calls it, it first guesses the language of every piece: far slower, so shown for context only.
    ex, _ = time_extract(text)
    t0 = time.perf_counter()
    from dateparser.search import search_dates

    search_dates(text)
    dp = time.perf_counter() - t0
    print(f"context: search_dates(text) without languages=['en'] at 1x: {dp:.3f} s, {words / dp:.0f} words/s "
          f"(extract is {dp / ex:.0f}x that); the ratios above do not use it")
    return 0


if __name__ == "__main__":
    sys.exit(main(ARGS))
