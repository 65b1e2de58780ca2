"""CAMEO code, QuadClass and Goldstein value for every event, from `kb/data/cameo.tsv`
(the CAMEO codebook's Goldstein weights) and `kb/data/plover_cameo.yaml` (the bridge)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from .kb import DATA


@dataclass(frozen=True, slots=True)
class Codes:
    cameo: str
    quad_class: int
    goldstein: float | None


@cache
def _tables() -> tuple[dict[str, tuple[str, float]], dict]:
    table = {}
    for line in (DATA / "cameo.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "code\t")):
            continue
        code, label, gold = line.split("\t")
        table[code] = (label, float(gold))
    bridge = yaml.safe_load((DATA / "plover_cameo.yaml").read_text(encoding="utf-8"))
    return table, bridge


def quad_class(cameo: str) -> int:
    """GDELT's QuadClass from the CAMEO root."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def goldstein(cameo: str) -> float | None:
    table, _ = _tables()
    for code in (cameo, cameo[:3], cameo[:2]):
        if code in table:
            return table[code][1]
    return None


def codes_for(event_type: str, mode: str | None, trigger_cameo: str | None) -> Codes:
    _, bridge = _tables()
    entry = bridge.get(event_type, {})
    cameo = trigger_cameo or (entry.get("modes") or {}).get(mode or "") or entry["default"]
    return Codes(cameo=cameo, quad_class=quad_class(cameo), goldstein=goldstein(cameo))
