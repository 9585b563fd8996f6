"""How long `quizgen worksheet` takes for a class set: 30 versions of the shipped deck plus the key.

    python -m benchmarks.worksheet_speed            # 30 versions, 20 MC questions, A4
    python -m benchmarks.worksheet_speed 10 3       # 10 versions, best of 3 runs

Reports the wall time of each phase (planning the versions, rendering the HTML, making the PDFs) and
of the whole library call, best of N runs, with and without parallel PDF rendering. Aim: under 10 s
for 30 versions on a 2-core machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from quizgen.bank import load_bank
from quizgen.resources import data_dir
from quizgen.worksheet import pdf as pdf_module
from quizgen.worksheet import write_worksheets
from quizgen.worksheet.context import build_plan
from quizgen.worksheet.fonts import harfbuzz_subsetting, with_small_fonts
from quizgen.worksheet.render import Templates
from quizgen.worksheet.writer import plan_documents

AIM_SECONDS = 10.0


def best_of(runs: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str]) -> int:
    versions = int(argv[0]) if argv else 30
    runs = int(argv[1]) if len(argv) > 1 else 2
    bank = load_bank(data_dir("decks") / "trotsky-stalin.yaml")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"deck: {bank.id} ({len(bank.approved())} approved facts); {versions} versions x 20 MC questions "
          f"+ key; {cpus} CPUs; best of {runs}")

    start = time.perf_counter()
    import weasyprint  # noqa: F401  (counted apart: a one-off cost per run of the command)
    print(f"  import weasyprint          {time.perf_counter() - start:6.2f} s")

    templates = Templates()
    css = templates.stylesheet("a4")
    plan_t = best_of(runs, lambda: build_plan(bank, versions, 20, 7))
    plan = build_plan(bank, versions, 20, 7)
    docs = plan_documents(plan, Path("unused"))
    html_t = best_of(runs, lambda: [templates.render(d.template, **d.context) for d in docs])
    htmls = [templates.render(d.template, **d.context) for d in docs]
    fonts_t = best_of(1, lambda: with_small_fonts(css, htmls))
    css = with_small_fonts(css, htmls)
    serial_t = best_of(1, lambda: list(pdf_module.render_pdfs(htmls, css, workers=1)))
    parallel_t = best_of(runs, lambda: list(pdf_module.render_pdfs(htmls, css)))
    print(f"  plan versions              {plan_t:6.2f} s")
    print(f"  render HTML ({len(htmls)} docs)      {html_t:6.2f} s")
    print(f"  cut-down fonts             {fonts_t:6.2f} s  (HarfBuzz subsetting "
          f"{'present: skipped' if harfbuzz_subsetting() else 'absent: fontTools subsets each PDF'})")
    print(f"  PDFs, one process          {serial_t:6.2f} s  ({serial_t / len(htmls) * 1000:.0f} ms per document)")
    print(f"  PDFs, parallel             {parallel_t:6.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        total = best_of(runs, lambda: write_worksheets(bank, tmp, versions, 20, 7))
        sizes = sorted(p.stat().st_size for p in Path(tmp).glob("*.pdf"))
    print(f"  write_worksheets (total)   {total:6.2f} s  (aim < {AIM_SECONDS:.0f} s: "
          f"{'met' if total < AIM_SECONDS else 'NOT met'})")
    print(f"  PDF sizes: {sizes[0] // 1024}-{sizes[-1] // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
