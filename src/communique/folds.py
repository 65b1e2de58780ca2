"""The letter variants every lookup key folds (`lang/scripts.yaml`, `fold` of each
script): read here, below both the text utilities and the language loader, so that
neither has to import the other."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .datafiles import read_yaml
from .errors import DataFileError

SCRIPTS = Path(str(resources.files("communique") / "lang" / "scripts.yaml"))


def fold_table(scripts: dict[str, dict], where: str) -> dict[str, str | None]:
    """Every script's letter variants, as one table for `str.maketrans`."""
    table: dict[str, str | None] = {}
    for name, block in scripts.items():
        for src, dst in ((block or {}).get("fold") or {}).items():
            if len(str(src)) != 1 or (dst is not None and not isinstance(dst, str)):
                raise DataFileError(f"{where}: {name}: fold: {src!r} must be one character "
                                    "mapped to text or ~")
            table[str(src)] = dst
    return table


@cache
def letter_folds() -> dict[int, str | None]:
    """The shipped table, ready for `str.translate`."""
    return str.maketrans(fold_table(read_yaml(SCRIPTS, {}), str(SCRIPTS)))
