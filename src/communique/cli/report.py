"""Readable terminal output for `demo` and `eval`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..analytics import MERGED_EVENTS
from ..store import Store


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
    langs = con.execute("SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY lang"
                        ).fetchall()
    out.print("languages: " + ", ".join(f"{lang} {n}" for lang, n in langs), highlight=False)
    counts = store.counts()
    out.print(f"{counts['events']} event reports make {counts['merged_events']} events "
              f"(each counted once however many articles told it)", highlight=False)
    table = Table("source", "target", "events", "reports", "types", "mean Goldstein",
                  title="events per country pair")
    rows = con.execute(f"""
        SELECT source_country, target_country, count(*) AS n, sum(reports),
               string_agg(DISTINCT event_type, ', ' ORDER BY event_type),
               round(avg(goldstein), 2)
        FROM {MERGED_EVENTS} WHERE status IN ('occurred', 'planned')
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 15""").fetchall()
    for src, tgt, n, reports, types, gold in rows:
        table.add_row(src, tgt, str(n), str(reports), types,
                      f"{gold:+.2f}" if gold is not None else "")
    out.print(table)
    out.print("[bold]a few events with their evidence[/]")
    sample = con.execute("""
        SELECT lang, event_type, mode, coalesce(source_name, source_country), source_country,
               coalesce(target_name, target_country), target_country, date, evidence_text
        FROM events QUALIFY row_number() OVER (PARTITION BY lang ORDER BY confidence DESC,
                                               doc_id, evidence_start) = 1
        ORDER BY lang""").fetchall()
    for lang, etype, mode, src, sc, tgt, tc, day, evidence in sample:
        mode_txt = f" ({mode})" if mode else ""
        out.print(escape(f"[{lang}] ") + f"[bold]{escape(etype + mode_txt)}[/] " +
                  escape(f"{src} [{sc}] → {tgt} [{tc}] {day or 'undated'}"), highlight=False)
        snippet = evidence[:220] + ("…" if len(evidence) > 220 else "")
        out.print("      « " + escape(snippet) + " »", highlight=False, style="dim")
