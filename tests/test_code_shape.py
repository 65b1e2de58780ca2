"""Limits that keep the code readable: no function over 60 lines or 8 parameters."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "communique"
MAX_LINES = 60
MAX_PARAMS = 8


def _functions():
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield path.relative_to(SRC), node


def _params(fn: ast.FunctionDef) -> list[str]:
    a = fn.args
    names = [p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)]
    names += [p.arg for p in (a.vararg, a.kwarg) if p is not None]
    return [n for n in names if n not in ("self", "cls")]


@pytest.mark.parametrize("limit", ["lines", "params"])
def test_functions_stay_small(limit):
    too_big = []
    for path, fn in _functions():
        size = fn.end_lineno - fn.lineno + 1 if limit == "lines" else len(_params(fn))
        if size > (MAX_LINES if limit == "lines" else MAX_PARAMS):
            too_big.append(f"{path}:{fn.lineno} {fn.name} ({size} {limit})")
    assert not too_big, "\n".join(too_big)
