"""Fixtures shared by the question, distractor and MC tests; the hypothesis profile for CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from quizgen.bank import Bank, load_bank

# On a developer's machine every run tries new random examples (that is how the fuzz tests find bugs);
# in CI (CI set in the environment, as .ci/run and most CI services do) the examples are fixed, so a
# landing never fails on an input nobody has seen before.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
SYNTH = Path(__file__).resolve().parent / "data" / "mc" / "synthetic.yaml"


@pytest.fixture
def deck() -> Bank:
    """The shipped deck, loaded afresh for each test so no test sees another's changes."""
    return load_bank(DECK)


@pytest.fixture
def synth() -> Bank:
    """A synthetic bank on another period, so nothing passes by knowing the seed."""
    return load_bank(SYNTH)
