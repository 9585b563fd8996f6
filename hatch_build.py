"""Wheel build hook: compile the extraction package with mypyc where a C compiler is at hand.

`quizgen extract` is pure Python and runs as such everywhere. Compiled by mypyc (as black and mypy ship
themselves), the same source runs about 1.5x faster: the wheel then holds a C extension per module beside
its .py file, and Python imports the extension. When compiling is not possible (no C compiler, no Python
headers), the wheel is pure Python and a warning says so; nothing else changes.

    QUIZGEN_PURE_PYTHON=1        build a pure-Python wheel (skip compiling)
    QUIZGEN_REQUIRE_COMPILED=1   fail the build if compiling fails (CI: a silent fallback would hide a slowdown)

An editable install (`pip install -e .`) is never compiled: a developer's edits to the .py files take effect.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "quizgen/extract"
# not worth compiling: run once per document or per part, and they import HTML and YAML libraries
SKIP = {"__init__.py", "documents.py", "chunked.py"}

_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify

target, files = sys.argv[1], sys.argv[2:]
sys.argv = [sys.argv[0], "build_ext", "--build-lib", target + "/lib", "--build-temp", target + "/temp"]
setup(
    name="quizgen-extract-native",
    packages=[],
    ext_modules=mypycify(["--ignore-missing-imports", "--follow-imports=silent", *files],
                         opt_level="3", target_dir=target + "/c", group_name="quizgen_extract"),
)
"""


class MypycHook(BuildHookInterface):
    PLUGIN_NAME = "quizgen-mypyc"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("QUIZGEN_PURE_PYTHON") == "1":
            self.app.display_info("quizgen: QUIZGEN_PURE_PYTHON=1, building pure Python")
            return
        required = os.environ.get("QUIZGEN_REQUIRE_COMPILED") == "1"
        files = sorted(p.relative_to(self.root).as_posix() for p in Path(self.root, PACKAGE).glob("*.py")
                       if p.name not in SKIP)
        self._work = tempfile.TemporaryDirectory(prefix="quizgen-mypyc-")
        target = self._work.name
        self.app.display_info(f"quizgen: compiling {len(files)} modules of {PACKAGE} with mypyc (about a minute)")
        # in a copy of the package: setuptools, run in the project, would read its pyproject.toml as its own
        src = Path(target, "src")
        shutil.copytree(Path(self.root, "quizgen"), src / "quizgen", ignore=shutil.ignore_patterns("__pycache__"))
        run = subprocess.run([sys.executable, "-c", _SETUP, target, *files], cwd=src, capture_output=True, text=True)
        built = sorted(Path(target, "lib").rglob("*" + (sysconfig.get_config_var("EXT_SUFFIX") or ".so")))
        if run.returncode != 0 or not built:
            tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-15:])
            message = f"quizgen: compiling with mypyc failed, building pure Python (same results, slower):\n{tail}"
            if required:
                raise RuntimeError(message)
            self.app.display_warning(message)
            return
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(Path(target, "lib")).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            work.cleanup()
