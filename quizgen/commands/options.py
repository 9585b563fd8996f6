"""Options and helpers shared by several commands."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from ..bank import KINDS, Bank, load_bank
from ..errors import InputError

bank_argument = click.argument("bank", type=click.Path(dir_okay=False, path_type=Path))
banks_argument = click.argument("banks", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))


def load_banks(paths: list[Path] | tuple[Path, ...]) -> list[Bank]:
    return [load_bank(p) for p in paths]


def split_csv(value: str | None) -> list[str]:
    """`--tags a,b` and `--tags a --tags b` both give ['a', 'b']."""
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def parse_filters(tags: Iterable[str | None], kinds: Iterable[str | None]) -> tuple[list[str], list[str]]:
    """`--tags`/`--kinds` values (each comma-separated, options repeatable) as lists; unknown kinds refused."""
    tag_list = [t for v in tags for t in split_csv(v)]
    kind_list = [k for v in kinds for k in split_csv(v)]
    unknown = [k for k in kind_list if k not in KINDS]
    if unknown:
        raise InputError(f"--kinds: unknown kind {unknown[0]!r} (kinds: {', '.join(KINDS)})")
    return tag_list, kind_list
