"""Reviewing extracted candidates into a curated bank.

Library first: `merge` (pure), `ReviewStore` (the bank file: validated atomic saves after every
decision), `run_review` (the interactive loop over an injectable `Environment`) and `Rules` (the
non-interactive --approve-all-above / --reject-below flags). `quizgen review` is a thin command over them.
"""

from .batch import Rules, plan
from .loop import Summary, run_review
from .merge import Decision, MergeResult, merge, new_bank, reviewable
from .store import ReviewStore
from .terminal import Environment

__all__ = ["Decision", "Environment", "MergeResult", "ReviewStore", "Rules", "Summary", "merge", "new_bank",
           "plan", "reviewable", "run_review"]
