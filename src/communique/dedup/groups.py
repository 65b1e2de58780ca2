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
