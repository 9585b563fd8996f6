"""The compiled extraction gives exactly the pure-Python output.

`pip install .` compiles quizgen/extract with mypyc where a C compiler is at hand (hatch_build.py). CI installs
the package that way and runs the suite against the installed copy, so every extract test there exercises the
compiled code; this file also runs the same documents through both builds and compares the banks byte for byte.
From a checkout or an editable install (pure Python) the comparison is skipped.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.extract import tokens

ROOT = Path(__file__).resolve().parent.parent

# Each document of the repository, whole, then 40 variants of it cut short and damaged with odd characters
# (the kinds of input the fuzz tests use): a typed path the tests never took fails here as a crash or a diff.
_SCRIPT = r"""
import json, random, sys
from pathlib import Path
from quizgen.bank import dumps_bank
from quizgen.extract import tokens
from quizgen.extract.documents import Document, text_paragraphs
from quizgen.extract.pipeline import extract, extract_docs

paths = [Path(p) for p in sys.argv[1:]]
out = {"compiled": tokens.COMPILED, "where": tokens.__file__, "banks": []}
for path in paths:
    out["banks"].append(dumps_bank(extract([path]).bank))
rng = random.Random(11)
odd = ["é", "’", "“", "—", "ſ", "İ", "\u00a0", "1924", "1927-1929", "'", "Mr. ", "(", ",", "\n\n", "ß", "ﬁ"]
words = " ".join(p.read_text(encoding="utf-8") for p in paths if p.suffix == ".txt").split(" ")
for k in range(40):
    start = rng.randrange(len(words) - 400)
    chunk = words[start:start + rng.randrange(30, 400)]
    for _ in range(rng.randrange(0, 25)):
        i = rng.randrange(len(chunk))
        chunk[i] = rng.choice([chunk[i] + rng.choice(odd), rng.choice(odd) + chunk[i], rng.choice(words)])
    doc = Document(f"m{k}", f"m{k}.txt", f"M{k}", text_paragraphs(" ".join(chunk))[1])
    out["banks"].append(dumps_bank(extract_docs([doc]).bank))
print(json.dumps(out))
"""


def _documents() -> list[str]:
    docs = [ROOT / "seeds" / "trotsky-stalin.txt", *sorted((ROOT / "tests" / "data" / "extract").iterdir()),
            *sorted((ROOT / "benchmarks" / "data").glob("*.txt"))]
    return [str(p) for p in docs]


def _run(cwd: Path, pythonpath: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run([sys.executable, "-c", _SCRIPT, *_documents()], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_extract_is_compiled_where_the_build_must_compile_it() -> None:
    # .ci/run installs with QUIZGEN_REQUIRE_COMPILED=1: a build that fell back to pure Python would pass every
    # other test and lose the speed without a word
    if os.environ.get("QUIZGEN_REQUIRE_COMPILED") != "1":
        pytest.skip("QUIZGEN_REQUIRE_COMPILED is not set")
    assert tokens.COMPILED, f"quizgen.extract runs as pure Python here ({tokens.__file__})"


@pytest.mark.skipif(not tokens.COMPILED, reason="quizgen.extract is pure Python here (a checkout or an editable "
                                                "install): there is no compiled build to compare")
def test_compiled_extract_gives_the_pure_python_banks(tmp_path: Path) -> None:
    compiled = _run(tmp_path, None)  # (from another folder: the installed, compiled package)
    pure = _run(tmp_path, str(ROOT))  # the checkout's sources come first on the path
    assert compiled["compiled"] and not pure["compiled"], (compiled["where"], pure["where"])
    assert len(compiled["banks"]) == len(pure["banks"]) == len(_documents()) + 40
    for n, (a, b) in enumerate(zip(compiled["banks"], pure["banks"], strict=True)):
        assert a == b, f"input {n}: the compiled bank differs from the pure-Python one"


def test_extract_type_checks_so_that_mypyc_can_compile_it() -> None:
    # A type error makes the build fall back to pure Python (or fail, where it must compile): found here first,
    # with the mypy arguments the build uses (hatch_build.py)
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(["--ignore-missing-imports", "--follow-imports=silent", "--cache-dir", os.devnull,
                                *map(str, _compiled_files())])
    assert status == 0, out + err


def _compiled_files() -> list[Path]:
    """The modules hatch_build.py compiles: quizgen/extract/*.py but its SKIP set (read from the file: the hook
    imports hatchling, which the tests do not install)."""
    tree = ast.parse((ROOT / "hatch_build.py").read_text(encoding="utf-8"))
    skip = next(ast.literal_eval(node.value) for node in tree.body
                if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "SKIP" for t in node.targets))
    files = [p for p in sorted((ROOT / "quizgen" / "extract").glob("*.py")) if p.name not in skip]
    assert len(files) >= 20 and "tokens.py" in {p.name for p in files}
    return files
