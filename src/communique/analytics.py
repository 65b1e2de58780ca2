"""Country-pair analytics from the store: events by period, PLOVER type and QuadClass,
mean Goldstein, for one pair of actors (in either direction) or all pairs of one actor,
and the network of who interacts with whom. Events are counted once however many
reports told them (merged events, see dedup/), with the reports counted beside them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import CommuniqueError
from .store import Store
from .store.rows import fetch_dicts

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}

# One row per merged event: its first report's row, the merged status (occurred if any
# report says so), the date of its first report dated to the day (as export/merged.py), the
# number of reports and the articles they come from. Reports not
# yet grouped count alone.
MERGED_EVENTS = """(SELECT * EXCLUDE (rank) FROM (
    SELECT e.* REPLACE (CASE WHEN bool_or(e.status = 'occurred') OVER w THEN 'occurred'
                             ELSE e.status END AS status,
                        first_value(e.date) OVER dated AS date,
                        first_value(e.date_precision) OVER dated AS date_precision),
           coalesce(g.merged_id, e.event_id) AS merged_id, count(*) OVER w AS reports,
           list(e.doc_id) OVER w AS docs,
           row_number() OVER (w ORDER BY d.published NULLS LAST, e.event_id) AS rank
    FROM events e JOIN documents d USING (doc_id) LEFT JOIN event_groups g USING (event_id)
    WINDOW w AS (PARTITION BY coalesce(g.merged_id, e.event_id)),
           dated AS (w ORDER BY coalesce(e.date_precision = 'day', false) DESC,
                     d.published NULLS LAST, e.event_id
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
    WHERE rank = 1)"""
BARS = "▁▂▃▄▅▆▇█"
# What a period or a pair of actors counts: merged events, their reports, events of
# each QuadClass, and the mean Goldstein value.
_COUNTS = """count(*) AS events, sum(reports) AS reports,
    count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
    count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
    avg(goldstein) AS mean_goldstein"""


@dataclass(frozen=True, slots=True)
class PeriodRow:
    period: dt.date
    events: int
    reports: int
    by_quad: tuple[int, int, int, int]
    mean_goldstein: float | None
    types: str


def _filters(where: list[str], a: str | None, b: str | None, start: dt.date | None,
             end: dt.date | None) -> tuple[list[str], list]:
    """WHERE clauses and parameters: events that occurred or are planned, between `a` and
    `b` in either direction (or of `a` with anyone), within the dates."""
    where = ["status IN ('occurred', 'planned')", *where]
    params: list = []
    if a and b:
        where.append("((source_country = ? AND target_country = ?) OR "
                     "(source_country = ? AND target_country = ?))")
        params += [a, b, b, a]
    elif a:
        where.append("(source_country = ? OR target_country = ?)")
        params += [a, a]
    if start:
        where.append("date >= ?")
        params.append(start)
    if end:
        where.append("date <= ?")
        params.append(end)
    return where, params


def dyad(store: Store, a: str, b: str | None = None, by: str = "month",
         start: dt.date | None = None, end: dt.date | None = None) -> list[PeriodRow]:
    """Events between `a` and `b` (either direction), or of `a` with anyone, per period.
    Negated, denied and hypothetical events are left out; undated events too."""
    if by not in PERIODS:
        raise CommuniqueError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    where, params = _filters(["date IS NOT NULL"], a, b, start, end)
    store.require("event_groups", "merged events")
    rows = fetch_dicts(store.con, f"""
        SELECT date_trunc('{PERIODS[by]}', date)::DATE AS period, {_COUNTS},
               string_agg(event_type || ':' || cnt, ' ' ORDER BY cnt DESC, event_type) AS types
        FROM (SELECT *, count(*) OVER (PARTITION BY date_trunc('{PERIODS[by]}', date),
                                       event_type) AS cnt FROM {MERGED_EVENTS}
              WHERE {' AND '.join(where)})
        GROUP BY 1 ORDER BY 1""", params)
    out = []
    for r in rows:
        seen: list[str] = []
        for t in (r["types"] or "").split():
            if t not in seen:
                seen.append(t)
        out.append(PeriodRow(r["period"], r["events"], int(r["reports"]), _by_quad(r),
                             _mean(r["mean_goldstein"]), " ".join(seen)))
    return out


def _by_quad(row: dict) -> tuple[int, int, int, int]:
    return (row["q1"], row["q2"], row["q3"], row["q4"])


def _mean(gold: float | None) -> float | None:
    return round(gold, 2) if gold is not None else None


def sparkline(values: list[float]) -> str:
    if not values:
        return ""
    top = max(values) or 1
    return "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1)))] for v in values)


@dataclass(frozen=True, slots=True)
class Tie:
    """Two actors and the events between them, in either direction."""

    a: str
    b: str
    events: int
    reports: int
    by_quad: tuple[int, int, int, int]
    mean_goldstein: float | None


def network(store: Store, actor: str | None = None, start: dt.date | None = None,
            end: dt.date | None = None, top: int | None = None) -> list[Tie]:
    """Who interacts with whom: one tie per pair of actors (countries, organisations),
    weighted by events; only the ties of `actor` when given; heaviest first."""
    store.require("event_groups", "merged events")
    where, params = _filters(["source_country IS NOT NULL", "target_country IS NOT NULL",
                              "source_country <> target_country"], actor, None, start, end)
    rows = fetch_dicts(store.con, f"""
        SELECT least(source_country, target_country) AS a,
               greatest(source_country, target_country) AS b, {_COUNTS}
        FROM {MERGED_EVENTS} WHERE {' AND '.join(where)}
        GROUP BY 1, 2 ORDER BY events DESC, 1, 2""", params)
    ties = [Tie(r["a"], r["b"], r["events"], int(r["reports"]), _by_quad(r),
                _mean(r["mean_goldstein"])) for r in rows]
    return ties[:top] if top else ties
