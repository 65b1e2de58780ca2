"""The held-out evaluation set: real articles written by others, kept as locators.

No article text is committed. `eval/heldout/<lang>.locators.jsonl` says where each
article is (a public repository, a commit, a path and a record in that file), and
`eval/heldout/<lang>.gold.jsonl` holds our annotation, with evidence given as
character spans of the article's text. `build` reads the texts from local bare clones
of those repositories and writes, into the git-ignored `eval/heldout/build/`, the input
records and the gold (evidence text filled in) for each part:

    python scripts/heldout.py build --mirrors DIR   # DIR/<owner>+<name>[/repo]: bare clones
    communique run eval/heldout/build/dev.jsonl --db dev.duckdb
    communique eval eval/heldout/build/dev.gold.jsonl --db dev.duckdb

The `dev` part may be read to improve the system; the `test` part is scored to report
only. `check` validates the files without the clones.

A locator:
    {"id": "ho-fr-001", "lang": "fr", "split": "dev", "published": "2021-01-22",
     "title": "…", "url": "…", "licence": "CC BY 2.5",
     "source": {"repo": "owner/name", "commit": "<40 hex>", "path": "data/x.jsonl",
                "record": {"line": 12, "field": "text"}},
     "sha256": "<of the article text>"}
`record` picks the text out of the file: absent for the whole file; {"line": N,
"field": F} for line N (1-based) of a JSON-lines file; {"pointer": "/a/3/text"} for a
JSON document; {"row": N, "field": F} for row N (1-based, after the header) of a CSV
file. "format": "html" in `source` marks an HTML text.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

from mirrors import read_blob

from communique.evaluation import read_jsonl

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "eval" / "heldout"
SPLITS = ("dev", "test")


def locators() -> list[dict]:
    return [loc for p in sorted(HELDOUT.glob("*.locators.jsonl")) for loc in read_jsonl(p)]


def gold() -> dict[str, dict]:
    return {g["doc_id"]: g for p in sorted(HELDOUT.glob("*.gold.jsonl")) for g in read_jsonl(p)}


def _pointer(doc, pointer: str):
    for part in pointer.strip("/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


def extract(raw: str, record: dict | None) -> str:
    """The article's text out of the file's content."""
    if not record:
        return raw
    if "line" in record:
        return json.loads(raw.splitlines()[record["line"] - 1])[record["field"]]
    if "pointer" in record:
        return _pointer(json.loads(raw), record["pointer"])
    if "row" in record:
        rows = list(csv.DictReader(io.StringIO(raw)))
        return rows[record["row"] - 1][record["field"]]
    raise SystemExit(f"unknown record selector {record}")


def fetch_text(mirrors: Path, loc: dict) -> str:
    src = loc["source"]
    raw = read_blob(mirrors, src["repo"], src["commit"], src["path"]).decode("utf-8")
    text = extract(raw, src.get("record"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if loc.get("sha256") and digest != loc["sha256"]:
        raise SystemExit(f"{loc['id']}: the text at its locator has changed (sha256 {digest})")
    return text


def _gold_with_text(g: dict, text: str) -> dict:
    out = dict(g)
    out["events"] = []
    for e in g["events"]:
        e = dict(e)
        start, end = e.pop("evidence_span")
        e["evidence"] = text[start:end]
        out["events"].append(e)
    return out


def build(mirrors: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    golds = gold()
    parts: dict[str, tuple[list, list]] = {s: ([], []) for s in SPLITS}
    for loc in locators():
        text = fetch_text(mirrors, loc)
        key = "html" if loc["source"].get("format") == "html" else "text"
        record = {"id": loc["id"], key: text, "lang": loc["lang"],
                  "published": loc.get("published"), "url": loc.get("url"),
                  "title": loc.get("title")}
        inputs, gold_rows = parts[loc["split"]]
        inputs.append(record)
        if loc["id"] in golds:
            gold_rows.append(_gold_with_text(golds[loc["id"]], text))
    for split, (inputs, gold_rows) in parts.items():
        for name, rows in ((f"{split}.jsonl", inputs), (f"{split}.gold.jsonl", gold_rows)):
            (out / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                            for r in rows), encoding="utf-8")
        print(f"{split}: {len(inputs)} articles, {len(gold_rows)} annotated, "
              f"{sum(len(g['events']) for g in gold_rows)} gold events")


def check() -> int:
    """Problems with the locator and gold files, printed; their number."""
    problems = []
    locs = locators()
    ids = [loc["id"] for loc in locs]
    problems += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for loc in locs:
        if loc.get("split") not in SPLITS:
            problems.append(f"{loc['id']}: split must be dev or test")
        src = loc.get("source") or {}
        if len(src.get("commit", "")) != 40 or not src.get("repo") or not src.get("path"):
            problems.append(f"{loc['id']}: source needs repo, a 40-hex commit and path")
    golds = gold()
    problems += [f"gold for unknown article {i}" for i in sorted(set(golds) - set(ids))]
    for g in golds.values():
        for e in g["events"]:
            if "evidence" in e or len(e.get("evidence_span") or []) != 2:
                problems.append(f"{g['doc_id']}: events carry evidence_span only")
    for p in problems:
        print(p, file=sys.stderr)
    test = sum(1 for loc in locs if loc.get("split") == "test")
    print(f"{len(locs)} articles ({test} test), {len(golds)} annotated; "
          f"{len(problems)} problems")
    return len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="rebuild texts and gold from bare clones")
    b.add_argument("--mirrors", type=Path, required=True,
                   help="folder holding bare clones named <owner>+<name>")
    b.add_argument("--out", type=Path, default=HELDOUT / "build")
    sub.add_parser("check", help="validate the locator and gold files")
    args = parser.parse_args()
    if args.command == "build":
        build(args.mirrors, args.out)
    else:
        sys.exit(1 if check() else 0)


if __name__ == "__main__":
    main()
