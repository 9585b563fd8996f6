"""Which quizgen a benchmark times: the checkout's sources (pure Python) or the installed package.

`pip install .` compiles quizgen/extract with mypyc where a C compiler is at hand (hatch_build.py); run from the
checkout, `python -m benchmarks...` imports the checkout's .py files instead. `--installed` times the installed
package: the checkout is taken off the import path before quizgen is imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def choose(argv: list[str]) -> list[str]:
    """Handle --installed (call before importing quizgen); return the other arguments."""
    if "--installed" not in argv:
        return argv
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
    return [a for a in argv if a != "--installed"]


def describe() -> str:
    from quizgen.extract import tokens

    kind = "compiled by mypyc" if tokens.COMPILED else "pure Python"
    return f"quizgen.extract: {kind} ({Path(tokens.__file__).parent})"
