"""Country-pair analytics from the store: events by period, PLOVER type and QuadClass,
mean Goldstein, for one pair of actors (in either direction) or all pairs of one actor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import CommuniqueError
from .store import Store

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}
BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class PeriodRow:
    period: dt.date
    events: int
    by_quad: tuple[int, int, int, int]
    mean_goldstein: float | None
    types: str


def dyad(store: Store, a: str, b: str | None = None, by: str = "month",
         start: dt.date | None = None, end: dt.date | None = None) -> list[PeriodRow]:
    """Events between `a` and `b` (either direction), or of `a` with anyone, per period.
    Negated, denied and hypothetical events are left out; undated events too."""
    if by not in PERIODS:
        raise CommuniqueError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    where = ["status IN ('occurred', 'planned')", "date IS NOT NULL"]
    params: list = []
    if b:
        where.append("((source_country = ? AND target_country = ?) OR "
                     "(source_country = ? AND target_country = ?))")
        params += [a, b, b, a]
    else:
        where.append("(source_country = ? OR target_country = ?)")
        params += [a, a]
    if start:
        where.append("date >= ?")
        params.append(start)
    if end:
        where.append("date <= ?")
        params.append(end)
    rows = store.con.execute(f"""
        SELECT date_trunc('{PERIODS[by]}', date)::DATE AS period, count(*) AS n,
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               avg(goldstein),
               string_agg(event_type || ':' || cnt, ' ' ORDER BY cnt DESC, event_type)
        FROM (SELECT *, count(*) OVER (PARTITION BY date_trunc('{PERIODS[by]}', date),
                                       event_type) AS cnt FROM events
              WHERE {' AND '.join(where)})
        GROUP BY 1 ORDER BY 1""", params).fetchall()
    out = []
    for period, n, q1, q2, q3, q4, gold, types in rows:
        seen: list[str] = []
        for t in (types or "").split():
            if t not in seen:
                seen.append(t)
        out.append(PeriodRow(period, n, (q1, q2, q3, q4),
                             round(gold, 2) if gold is not None else None, " ".join(seen)))
    return out


def sparkline(values: list[float]) -> str:
    if not values:
        return ""
    top = max(values) or 1
    return "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1)))] for v in values)
