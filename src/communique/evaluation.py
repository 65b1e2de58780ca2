"""Score exported events and entities against a gold file.

Rules (the project's evaluation contract): inside one document a system event matches a
gold event when the types are equal and the actors' country codes are equal, in either
order for CONSULT, AGREE, COOPERATE and gold events marked joint, in order otherwise;
each gold event matches at most one system event; "strict" also asks for the gold date
where the gold gives one. People: B-cubed over the gold PERSON surface forms.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .records import SYMMETRIC_TYPES


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float
    tp: int
    system: int
    gold: int


def prf(tp: int, n_sys: int, n_gold: int) -> PRF:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(round(p, 3), round(r, 3), round(f, 3), tp, n_sys, n_gold)


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _code(actor) -> str | None:
    c = (actor or {}).get("country")
    return c.upper() if isinstance(c, str) else None


def _same(gold: dict, sys_ev: dict, strict: bool) -> bool:
    if gold["event_type"] != sys_ev.get("event_type"):
        return False
    g = (_code(gold.get("source_actor")), _code(gold.get("target_actor")))
    s = (_code(sys_ev.get("source")), _code(sys_ev.get("target")))
    if gold["event_type"] in SYMMETRIC_TYPES or gold.get("joint"):
        ok = sorted(map(str, g)) == sorted(map(str, s))
    else:
        ok = g == s
    return ok and not (strict and gold.get("date") and gold["date"] != sys_ev.get("date"))


def score_events(gold_docs: list[dict], events: list[dict], strict: bool) -> dict:
    by_doc = defaultdict(list)
    for e in events:
        by_doc[e.get("doc_id")].append(e)
    totals = [0, 0, 0]
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for doc in gold_docs:
        system = list(by_doc.get(doc["doc_id"], []))
        lang = doc.get("lang", "?")
        totals[1] += len(system)
        totals[2] += len(doc["events"])
        per_lang[lang][1] += len(system)
        per_lang[lang][2] += len(doc["events"])
        for s in system:
            per_type[s.get("event_type")][1] += 1
        for g in doc["events"]:
            per_type[g["event_type"]][2] += 1
            hit = next((i for i, s in enumerate(system) if _same(g, s, strict)), None)
            if hit is not None:
                del system[hit]
                totals[0] += 1
                per_type[g["event_type"]][0] += 1
                per_lang[lang][0] += 1
    return {"overall": prf(*totals),
            "per_type": {t: prf(*v) for t, v in sorted(per_type.items(), key=lambda x: str(x[0]))},
            "per_lang": {k: prf(*v) for k, v in sorted(per_lang.items())}}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("’", "'").split())


def score_entities(gold_docs: list[dict], entities: list[dict]) -> dict | None:
    found = defaultdict(list)
    for ent in entities:
        if ent.get("type") not in (None, "PERSON"):
            continue
        for m in ent.get("mentions", []):
            found[m.get("doc_id")].append((_norm(m.get("text", "")), ent["entity_id"]))
    items = []
    n_found = 0
    for doc in gold_docs:
        for ent in doc.get("entities", []):
            if ent.get("type") != "PERSON":
                continue
            for form in ent["surface_forms"]:
                f = _norm(form)
                hit = next((eid for t, eid in found.get(doc["doc_id"], [])
                            if t and (t == f or t in f or f in t)), None)
                n_found += hit is not None
                items.append((ent["canonical"], hit))
    if not items:
        return None
    p_sum = r_sum = 0.0
    for gold, sys_id in items:
        if sys_id is None:
            continue
        same_sys = [x for x in items if x[1] == sys_id]
        same_gold = [x for x in items if x[0] == gold]
        both = sum(1 for x in same_sys if x[0] == gold)
        p_sum += both / len(same_sys)
        r_sum += both / len(same_gold)
    p, r = p_sum / len(items), r_sum / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "forms_found": n_found, "forms": len(items)}


def evaluate(gold_docs: list[dict], events: list[dict], entities: list[dict] | None) -> dict:
    return {"lenient": score_events(gold_docs, events, strict=False),
            "strict": score_events(gold_docs, events, strict=True),
            "entities": score_entities(gold_docs, entities) if entities is not None else None}
