"""The same documents give the same candidates in every process: nothing may follow the order of a set of
strings, which Python changes from one process to the next (hash randomisation)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trotsky-stalin.txt"
OTHERS = sorted((ROOT / "tests" / "data" / "extract").glob("*.*"))

_PROGRAM = """
import sys
from quizgen.bank import dumps_bank
from quizgen.extract.analysis import analyse
from quizgen.extract.documents import read_document
from quizgen.extract.pipeline import extract
a = analyse([read_document(sys.argv[1], "d")])
print(" ".join(str(s.index) for s in a.sentences if s.topic == "offtopic"))
for path in sys.argv[1:]:
    print(dumps_bank(extract([path]).bank))
"""


def _tied_document() -> str:
    """Many words that each occur exactly twice, so the topic model's cut of its central vocabulary falls
    among equals; sixteen short sentences each share one of those words and nothing else."""
    syllables = [c + v for c in "bdfgklmnprstv" for v in "aeiou"]
    pairs = list(itertools.product(syllables, syllables))
    words = [a + b + "n" for a, b in pairs[::31]][:120]
    fillers = [a + b + "t" for a, b in pairs[7::37]][:32]
    verbs = ["collapsed", "burned", "flooded", "thrived", "shrank", "prospered", "declined", "expanded", "closed",
             "reopened", "vanished", "survived", "crumbled", "endured", "flourished", "decayed"]
    probes, rest = words[66:82], words[:66] + words[82:]  # (the cut falls among them either way)

    def listing(group: list[str]) -> str:
        return f"The records of the {', '.join(group[:-1])} and {group[-1]} were catalogued in the registry."

    lines = [listing(rest[i:i + 8]) for i in range(0, 64, 8)]  # first seen before the probes' words
    lines.append(listing(probes))
    lines += [listing(rest[i:i + 8]) for i in range(64, 104, 8)]
    lines += [listing(rest[i:i + 8]) for i in range(4, 100, 8)]  # every other word's second use
    lines += [f"After the {fillers[2 * k]} of the {fillers[2 * k + 1]}, a {w} {verbs[k]}."
              for k, w in enumerate(probes)]
    return " ".join(lines)


def test_candidates_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    doc = tmp_path / "tied.txt"
    doc.write_text(_tied_document(), encoding="utf-8")
    found = set()
    for seed in ("1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        args = [sys.executable, "-c", _PROGRAM, str(doc), str(SEED), *map(str, OTHERS)]
        run = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
        found.add(run.stdout)
    assert len(found) == 1, found
    off_topic = found.pop().split("\n", 1)[0]
    assert off_topic.split(), "the document was built to leave some sentences off-topic"
