"""The terminal self-quiz: store (SQLite progress), scheduler (FSRS), matching (forgiving answer
checks), session (the loop), terminal (TTY/pipe I/O), report (progress lines for `quizgen stats`).

Nothing is imported here, so `quizgen quiz` loads only what its first question needs.
"""
