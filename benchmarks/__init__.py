"""Repeatable speed and quality measurements: `python -m benchmarks` runs them all."""
