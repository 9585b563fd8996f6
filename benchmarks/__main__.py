"""Run every benchmark in its own process and print its report, then a table of wall time and peak memory.

    python -m benchmarks              # all of them
    python -m benchmarks anki_build   # some of them, by module name
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_"))


def run_one(name: str) -> tuple[int, float, float]:
    """Run `python -m benchmarks.NAME`; return its exit code, wall seconds and peak RSS in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", f"benchmarks.{name}"], cwd=HERE.parent)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.perf_counter() - start, usage.ru_maxrss / 1024


def main(argv: list[str]) -> int:
    names = argv or discover()
    unknown = sorted(set(names) - set(discover()))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(discover())}", file=sys.stderr)
        return 2
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}\n")
    rows = []
    for name in names:
        print(f"== {name} ==", flush=True)
        code, seconds, peak = run_one(name)
        rows.append((name, code, seconds, peak))
        print(flush=True)
    print(f"{'benchmark':<22} {'exit':>4} {'wall s':>8} {'peak MiB':>9}")
    for name, code, seconds, peak in rows:
        print(f"{name:<22} {code:>4} {seconds:>8.2f} {peak:>9.1f}")
    return max((r[1] for r in rows), default=0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
