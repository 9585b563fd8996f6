"""Question forms from a bank: question/answer, cloze, multiple choice (with distractors), matching and
timeline ordering. Standard library only at import time: `quizgen quiz` starts through here.
"""

from __future__ import annotations

from .defects import item_defects
from .distractors import Plan, distractors, plan
from .forms import BLANK, cloze_text, matching_pairs, qa, timeline_events
from .mc import MCQuestion, make_mc

__all__ = ["BLANK", "MCQuestion", "Plan", "cloze_text", "distractors", "item_defects", "make_mc",
           "matching_pairs", "plan", "qa", "timeline_events"]
