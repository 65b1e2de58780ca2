"""Readable terminal output for `demo` and `eval`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..analytics import MERGED_EVENTS
from ..store import Store
from ..store.rows import fetch_dicts


def print_scores(out: Console, report: dict) -> None:
    for name in ("lenient", "strict"):
        o = report[name]["overall"]
        out.print(f"events {name}: P/R/F1 = {o.precision:.3f} / {o.recall:.3f} / {o.f1:.3f} "
                  f"(tp {o.tp}, system {o.system}, gold {o.gold})", highlight=False)
    table = Table("type", "P", "R", "F1", "gold n", title="per event type (lenient)")
    for t, v in report["lenient"]["per_type"].items():
        table.add_row(str(t), f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}", str(v.gold))
    out.print(table)
    table = Table("lang", "P", "R", "F1", "gold n", title="per language (lenient)")
    for lang, v in report["lenient"]["per_lang"].items():
        table.add_row(lang, f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}", str(v.gold))
    out.print(table)
    ent = report.get("entities")
    if ent:
        out.print(f"person resolution B-cubed P/R/F1 = {ent['precision']:.3f} / "
                  f"{ent['recall']:.3f} / {ent['f1']:.3f}, forms found "
                  f"{ent['forms_found']}/{ent['forms']}", highlight=False)


def print_demo(out: Console, store: Store, report, db) -> None:
    con = store.con
    out.print(f"[bold]communique demo[/]: {report.documents} sample articles, "
              f"{report.added} new, {report.unchanged} unchanged; database {db}")
    langs = fetch_dicts(con, "SELECT lang, count(*) AS n FROM documents GROUP BY lang "
                             "ORDER BY lang")
    out.print("languages: " + ", ".join(f"{r['lang']} {r['n']}" for r in langs),
              highlight=False)
    counts = store.counts()
    out.print(f"{counts['events']} event reports make {counts['merged_events']} events "
              f"(each counted once however many articles told it)", highlight=False)
    table = Table("source", "target", "events", "reports", "types", "mean Goldstein",
                  title="events per country pair")
    rows = fetch_dicts(con, f"""
        SELECT source_country, target_country, count(*) AS n, sum(reports) AS reports,
               string_agg(DISTINCT event_type, ', ' ORDER BY event_type) AS types,
               round(avg(goldstein), 2) AS gold
        FROM {MERGED_EVENTS} WHERE status IN ('occurred', 'planned')
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 15""")
    for r in rows:
        table.add_row(r["source_country"], r["target_country"], str(r["n"]), str(r["reports"]),
                      r["types"], f"{r['gold']:+.2f}" if r["gold"] is not None else "")
    out.print(table)
    out.print("[bold]a few events with their evidence[/]")
    sample = fetch_dicts(con, """
        SELECT lang, event_type, mode, coalesce(source_name, source_country) AS source,
               source_country, coalesce(target_name, target_country) AS target,
               target_country, date, evidence_text
        FROM events QUALIFY row_number() OVER (PARTITION BY lang ORDER BY confidence DESC,
                                               doc_id, evidence_start) = 1
        ORDER BY lang""")
    for e in sample:
        mode_txt = f" ({e['mode']})" if e["mode"] else ""
        out.print(escape(f"[{e['lang']}] ") + f"[bold]{escape(e['event_type'] + mode_txt)}[/] "
                  + escape(f"{e['source']} [{e['source_country']}] → {e['target']} "
                           f"[{e['target_country']}] {e['date'] or 'undated'}"),
                  highlight=False)
        evidence = e["evidence_text"]
        snippet = evidence[:220] + ("…" if len(evidence) > 220 else "")
        out.print("      « " + escape(snippet) + " »", highlight=False, style="dim")
