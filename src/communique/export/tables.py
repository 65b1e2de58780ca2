"""The exports that are one query each: mentions, country-pair aggregates and stories."""

from __future__ import annotations

from ..analytics import MERGED_EVENTS
from ..store.schema import MENTIONS

MENTIONS_SQL = f"SELECT {MENTIONS.select()} FROM mentions m ORDER BY doc_id, start_char"

# Country-pair aggregates: per month, directed pair and PLOVER type, over events that
# occurred or are planned (merged: each counted once, with its reports and the articles
# that told them), with their QuadClass and mean Goldstein.
PAIRS_SQL = f"""SELECT date_trunc('month', date)::DATE AS month, source_country,
    target_country, event_type, any_value(quad_class) AS quad_class, count(*) AS events,
    sum(reports)::INTEGER AS reports, round(avg(goldstein), 3) AS mean_goldstein,
    len(list_distinct(flatten(list(docs)))) AS articles
    FROM {MERGED_EVENTS} WHERE status IN ('occurred', 'planned') AND date IS NOT NULL
    GROUP BY ALL ORDER BY month, source_country, target_country, event_type"""

# Stories: every article with its story, the story's size, and how it is linked to the
# other articles of its story (copy, repost, translation, rewrite).
STORIES_SQL = """SELECT s.story_id, d.doc_id, d.published, d.lang, d.url, d.title,
    count(*) OVER (PARTITION BY s.story_id) AS story_articles,
    (SELECT string_agg(DISTINCT l.kind, ';' ORDER BY l.kind) FROM doc_links l
     WHERE l.doc_a = d.doc_id OR l.doc_b = d.doc_id) AS links
    FROM stories s JOIN documents d USING (doc_id)
    ORDER BY s.story_id, d.published NULLS LAST, d.doc_id"""

TABLE_SQL = {"mentions": MENTIONS_SQL, "pairs": PAIRS_SQL, "stories": STORIES_SQL}
# The tables that only exist once the database has been merged.
NEEDS_MERGING = frozenset({"pairs", "stories"})
