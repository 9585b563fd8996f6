"""Time from starting `quizgen quiz` to its first question on screen, in a pseudo-terminal and in a pipe.

    python -m benchmarks.quiz_startup [RUNS]

The target is half a second. Each run starts a fresh interpreter (`python -m quizgen quiz` on the
shipped deck), waits for the first question's "[1/" marker, then stops the process. The store holds
the history of an earlier session, as a returning student's would.
"""

from __future__ import annotations

import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
MARKER = b"[1/"
TARGET_S = 0.5


def _env(store: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QUIZGEN_NOW",)}
    return env | {"PYTHONPATH": str(ROOT), "QUIZGEN_STORE": str(store), "TERM": "xterm-256color"}


def _read_until(fd: int, deadline: float) -> bool:
    seen = b""
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            seen += chunk
            if MARKER in seen:
                return True
    return False


def time_pty(cmd: list[str], env: dict[str, str]) -> float:
    master, slave = os.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, close_fds=True)
    os.close(slave)
    ok = _read_until(master, start + 10)
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait()
    os.close(master)
    if not ok:
        raise RuntimeError(f"no question within 10 s from {' '.join(cmd)}")
    return elapsed


def time_pipe(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            cwd=ROOT)
    assert proc.stdout is not None
    ok = _read_until(proc.stdout.fileno(), start + 10)
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait()
    if not ok:
        raise RuntimeError(f"no question within 10 s from {' '.join(cmd)}")
    return elapsed


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 10
    cmd = [sys.executable, "-m", "quizgen", "quiz", str(DECK), "--count", "10"]
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "progress.sqlite3"
        env = _env(store)
        # an earlier session: 20 answers on record
        subprocess.run([*cmd[:-1], "20", "--mode", "type"], input="x\n" * 20, env=env, cwd=ROOT,
                       capture_output=True, check=True, text=True)
        time_pty(cmd, env)  # warm the OS file cache and .pyc files
        results = {"pty": [time_pty(cmd, env) for _ in range(runs)],
                   "pipe": [time_pipe(cmd, env) for _ in range(runs)]}
        baseline = [time_pipe([sys.executable, "-c", "print('[1/')"], env) for _ in range(runs)]
    print(f"time to first question, {runs} runs each (target {TARGET_S:.1f} s)")
    print(f"{'':<22} {'median':>8} {'min':>8} {'max':>8}")
    worst = 0.0
    for name, values in [*results.items(), ("bare python (floor)", baseline)]:
        print(f"{name:<22} {statistics.median(values):>7.3f}s {min(values):>7.3f}s {max(values):>7.3f}s")
        if name in results:
            worst = max(worst, statistics.median(values))
    verdict = "ok" if worst <= TARGET_S else "TOO SLOW"
    print(f"\nworst median {worst:.3f} s: {verdict}")
    return 0 if worst <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
