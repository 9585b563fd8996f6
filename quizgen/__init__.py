"""quizgen: history documents -> curated question bank -> Anki, PDFs, MC sets, self-quiz."""

__version__ = "0.1.0"
