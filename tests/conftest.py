"""Fixtures shared by the question, distractor and MC tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import Bank, load_bank

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
