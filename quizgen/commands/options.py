"""Options and helpers shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from ..bank import Bank, load_bank

bank_argument = click.argument("bank", type=click.Path(dir_okay=False, path_type=Path))
banks_argument = click.argument("banks", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))


def load_banks(paths: list[Path] | tuple[Path, ...]) -> list[Bank]:
    return [load_bank(p) for p in paths]


def split_csv(value: str | None) -> list[str]:
    """`--tags a,b` and `--tags a --tags b` both give ['a', 'b']."""
    return [v.strip() for v in (value or "").split(",") if v.strip()]
