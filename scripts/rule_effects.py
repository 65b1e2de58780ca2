"""Which argument rules decide the events of a text: the events coded with every rule,
and for each rule, what changes when it alone is switched off.

    python scripts/rule_effects.py --lang fr "Le ministre ... a rencontré ..."
    python scripts/rule_effects.py --cases tests/data/rules/joint_subject.yaml
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from communique.datafiles import read_yaml
from communique.pipeline import Pipeline
from communique.records import Document
from communique.stages.events import RULES, code_events


def outcome(events) -> list[tuple[str, str, str]]:
    return sorted({(e.event_type, e.source.country, e.target.country) for e in events})


def effects(pipeline: Pipeline, text: str, lang: str, published: dt.date | None) -> None:
    doc = pipeline.analyse(Document(doc_id="case", text=text, lang=lang, published=published))
    print(f"  events: {outcome(doc.events)}")
    for e in doc.events:
        print(f"    {e.event_type} {e.source.country}->{e.target.country} [{e.trigger}] "
              f"{e.resolution_reason}")
    for name in RULES.names():
        changed = outcome(code_events(doc, pipeline.kb, pipeline.version, RULES.without(name)))
        if changed != outcome(doc.events):
            print(f"  without {name}: {changed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?")
    parser.add_argument("--lang")
    parser.add_argument("--published", type=dt.date.fromisoformat)
    parser.add_argument("--cases", help="a rule's case file")
    args = parser.parse_args()
    pipeline = Pipeline(use_classifier=False).initialize()
    if args.cases:
        for kind, cases in read_yaml(Path(args.cases), {}).items():
            for case in cases:
                print(f"{kind} [{case['lang']}] {case['text'][:70]}")
                effects(pipeline, case["text"], case["lang"], case.get("published"))
    else:
        effects(pipeline, args.text, args.lang, args.published)


if __name__ == "__main__":
    main()
