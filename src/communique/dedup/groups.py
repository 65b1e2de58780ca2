"""Groups from pairwise links (connected components), each named after its anchor: the
member reported first, so that later reports join a group without renaming it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable


def components(nodes: Iterable[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for n in parent:
        groups.setdefault(find(n), []).append(n)
    return [sorted(g) for g in groups.values()]


def anchor(members: list[str], order: Callable[[str], tuple]) -> str:
    return min(members, key=lambda m: (order(m), m))


def story_id(anchor_doc: str) -> str:
    return "st-" + hashlib.sha1(anchor_doc.encode("utf-8")).hexdigest()[:16]


def merged_id(anchor_event: str) -> str:
    """The merged event takes its anchor report's id with an `m` ("ev-…" → "evm-…")."""
    return "evm-" + anchor_event.removeprefix("ev-")


def split_by_date(members: list[str], links: set[tuple[str, str]],
                  dated: dict[str, tuple], window: int) -> list[list[str]]:
    """Cut a linked group so that no merged event spans more than `window` days.

    Pairwise links chain: a spokesman's daily accusations, each a day after the last,
    would otherwise become one event lasting months. Reports dated to the day are taken
    in date order and cut into runs starting at most `window` days after the run's first
    date; a report dated only to the month or year joins the earliest run it is linked
    to. Each run is then split again into what its own links connect. `dated[m]` is
    (date, precision, published) for every member.
    """
    def key(m: str) -> tuple:
        date, _, published = dated[m]
        return (date is None, date, published is None, published, m)

    runs: list[list[str]] = []
    start = None
    for m in sorted((m for m in members if dated[m][1] == "day"), key=key):
        if start is None or (dated[m][0] - start).days > window:
            start = dated[m][0]
            runs.append([])
        runs[-1].append(m)
    run_of = {m: i for i, run in enumerate(runs) for m in run}
    neighbours: dict[str, set[str]] = {}
    for a, b in links:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    for m in sorted((m for m in members if m not in run_of), key=key):
        linked = [run_of[n] for n in neighbours.get(m, ()) if n in run_of]
        if linked:
            run_of[m] = min(linked)
            runs[run_of[m]].append(m)
        else:
            run_of[m] = len(runs)
            runs.append([m])
    inside: dict[int, list[tuple[str, str]]] = {}
    for a, b in links:
        if run_of.get(a) is not None and run_of.get(a) == run_of.get(b):
            inside.setdefault(run_of[a], []).append((a, b))
    out: list[list[str]] = []
    for i, run in enumerate(runs):
        out.extend(components(run, inside.get(i, ())))
    return out
