"""HTML → PDF with WeasyPrint, imported only here and only when a PDF is made.

One font configuration and one parsed stylesheet serve every document of a run. With several
documents and several CPUs, forked workers render in parallel: WeasyPrint's layout is pure Python and
holds the GIL, so threads would not help, and fork lets each worker start with WeasyPrint already loaded.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..errors import RenderError

# Below this many documents the cost of starting workers outweighs the gain.
PARALLEL_FROM = 4

_state: dict[str, Any] = {}


def _setup(css_text: str, base_url: str | None) -> None:
    import logging

    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint logs unsupported CSS at WARNING; a teacher's stylesheet is theirs to judge, and the
    # messages would cut through the progress bar.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fonts = FontConfiguration()
    _state.update(weasyprint=weasyprint, fonts=fonts, base_url=base_url,
                  css=weasyprint.CSS(string=css_text, font_config=fonts, base_url=base_url))


def _render(html: str) -> bytes:
    weasyprint = _state["weasyprint"]
    doc = weasyprint.HTML(string=html, base_url=_state["base_url"])
    try:
        return doc.write_pdf(stylesheets=[_state["css"]], font_config=_state["fonts"])
    except Exception as exc:  # WeasyPrint raises assorted errors for broken layouts
        raise RenderError(f"PDF rendering failed: {type(exc).__name__}: {exc}") from None


def _workers(count: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if count < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(cpus, count))


def render_pdfs(htmls: list[str], css_text: str, base_url: str | None = None,
                progress: Callable[[int], None] | None = None, workers: int | None = None) -> Iterator[bytes]:
    """Yield each document's PDF in order; `progress(1)` after each one."""
    try:
        _setup(css_text, base_url)
    except ImportError as exc:
        raise RenderError(f"PDF output needs WeasyPrint and its system libraries: {exc}") from None
    n = _workers(len(htmls)) if workers is None else workers
    if n <= 1:
        for html in htmls:
            pdf = _render(html)
            if progress:
                progress(1)
            yield pdf
        return
    # The largest documents (answer keys) go first so no worker is left with a long one at the end.
    order = sorted(range(len(htmls)), key=lambda i: -len(htmls[i]))
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {i: pool.submit(_render, htmls[i]) for i in order}
        for i in range(len(htmls)):
            pdf = futures[i].result()
            if progress:
                progress(1)
            yield pdf
