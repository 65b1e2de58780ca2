"""What each argument rule is worth: switch one rule off at a time and report how many
rule cases (tests/data/rules) fail and how the lenient F1 on the annotated samples
changes. Each article is analysed once; only event coding is repeated per rule.

    python scripts/rule_ablation.py
"""

from __future__ import annotations

from pathlib import Path

from rule_effects import outcome

from communique.datafiles import read_yaml
from communique.evaluation import read_jsonl, score_events
from communique.ingest import iter_inputs
from communique.pipeline import Pipeline
from communique.records import Document, Event
from communique.stages.events import RULES, code_events

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "communique" / "samples" / "articles.jsonl"
GOLD = ROOT / "eval" / "samples.gold.jsonl"
CASES = ROOT / "tests" / "data" / "rules"


def _as_exported(e: Event) -> dict:
    return {"doc_id": e.doc_id, "event_type": e.event_type, "date": str(e.date or ""),
            "source": {"country": e.source.country}, "target": {"country": e.target.country},
            "status": e.status}


def _case_failures(pipeline, docs, rules) -> int:
    failed = 0
    for (expected, _), doc in docs.items():
        got = outcome(code_events(doc, pipeline.kb, pipeline.version, rules))
        failed += got != sorted(expected)
    return failed


def _case_docs(pipeline) -> dict:
    docs = {}
    for path in sorted(CASES.glob("*.yaml")):
        for kind in ("handles", "leaves"):
            for i, case in enumerate(read_yaml(path, {}).get(kind) or []):
                doc = pipeline.analyse(Document(doc_id=f"{path.stem}-{kind}-{i}",
                                                text=case["text"], lang=case["lang"],
                                                published=case.get("published")))
                docs[(tuple(map(tuple, case["events"])), doc.doc_id)] = doc
    return docs


def _f1(pipeline, samples, gold, rules) -> float:
    events = [_as_exported(e) for d in samples
              for e in code_events(d, pipeline.kb, pipeline.version, rules)
              if e.status in ("occurred", "planned")]
    return score_events(gold, events, strict=False)["overall"].f1


def main() -> None:
    cases = Pipeline(use_classifier=False).initialize()
    full = Pipeline().initialize()
    case_docs = _case_docs(cases)
    samples = [full.analyse(d) for d in iter_inputs([str(SAMPLES)])
               if isinstance(d, Document)]
    gold = read_jsonl(GOLD)
    base = _f1(full, samples, gold, RULES)
    print(f"{len(case_docs)} rule cases, {len(samples)} sample articles; "
          f"samples lenient F1 with every rule: {base:.3f}")
    print(f"{'rule switched off':38} {'cases failing':>13} {'samples F1':>11}")
    for name in RULES.names():
        rules = RULES.without(name)
        failing = _case_failures(cases, case_docs, rules)
        print(f"{name:38} {failing:>13} {_f1(full, samples, gold, rules):>11.3f}")


if __name__ == "__main__":
    main()
