"""Where exports go: a file (its folder made) or stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path


def prepare(out: str) -> str:
    """`out`, its folder made."""
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return out


@contextmanager
def open_output(out: str | None, newline: str | None = None):
    """A file to write (its folder made) or, without a name, stdout."""
    if not out:
        yield sys.stdout
        return
    with open(prepare(out), "w", encoding="utf-8", newline=newline) as f:
        yield f


def write_lines(lines: Iterable[str], out: str | None) -> int:
    n = 0
    with open_output(out) as stream:
        for line in lines:
            stream.write(line + "\n")
            n += 1
    return n


def write_jsonl(records: Iterable[dict], out: str | None, default=None) -> int:
    """One JSON object a line, non-ASCII text kept as it is."""
    return write_lines((json.dumps(r, ensure_ascii=False, default=default) for r in records),
                       out)
