"""Write src/communique/kb/data/officeholders.tsv: heads of state, heads of government
and foreign ministers of the world's states from 2010 on, with Wikidata QIDs and dates.

Sources (Wikidata query results, CC0 facts, published by the EveryPolitician project
in the GitHub organisation every-politician-scrapers, as of July 2022):
  - every-politician-scrapers/world-leaders-2021, data/wikidata.csv: the Wikidata
    offices held by each state's head of state and head of government;
  - every-politician-scrapers/world, sources/foreign/wikidata.csv: each state's
    foreign-minister office;
  - one repository per country (e.g. every-politician-scrapers/senegal-ministers):
    html/holders21.csv (every holder of each cabinet office, with dates and QIDs),
    wikidata/wanted-positions.csv (office QID -> the title used in holders21.csv) and
    meta.json (the country's QID).
The repositories are read from local bare clones (see scripts/mirrors.py):
  python scripts/build_officeholders.py --mirrors DIR [--out PATH]
Every country repository found under DIR is used; only facts are written.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mirrors import clone, read_blob  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "communique" / "kb" / "data"
OWNER = "every-politician-scrapers"
LEADERS = (f"{OWNER}/world-leaders-2021", "data/wikidata.csv")
FOREIGN = (f"{OWNER}/world", "sources/foreign/wikidata.csv")
SINCE = "2010-01-01"
# Countries whose repositories name the European part; countries.tsv has the realm.
REALMS = {"Q35": "DNK", "Q55": "NLD"}
DATE = re.compile(r"(\d{4}(-\d\d){0,2})?")
# Office labels of a head of government (the rest of the leaders' offices are heads of state).
HOG_LABEL = re.compile(r"prime minister|premier|chancellor|taoiseach|chief minister|"
                       r"chairman of the council of ministers|minister of state of monaco|"
                       r"executive yuan", re.I)
# Offices that are not one state leader: collegial, military, or a sub-national entity.
SKIP_OFFICES = {"Q11811941", "Q1402561", "Q6594693"}
# Offices whose roles the labels get wrong: Iran's President heads the government under
# the Supreme Leader; San Marino's two Captains Regent are heads of state only.
OVERRIDES = {"Q838380": {"head_of_government"}, "Q258045": {"head_of_state"}}
# Fallback titles, used only when a country's repository has none of the offices above;
# "{of}" is empty or " of" the country or the Republic.
FALLBACK = {"head_of_state": r"(President|King|Monarch|Grand Duke|Emir|Sultan){of}",
            "head_of_government": r"(Prime Minister|Premier|Head of Government){of}",
            "foreign_minister": r"Minist(er|ry) (of|for) Foreign Affairs{of}"}
SOLE = "sole"  # marks the only leader's office while reading a country's titles
COLUMNS = ["qid", "name", "country", "role", "start", "end", "source"]


def head(mirrors: Path, repo: str) -> str:
    return subprocess.run(["git", "--git-dir", str(clone(mirrors, repo)), "rev-parse", "HEAD"],
                          capture_output=True, check=True, text=True).stdout.strip()


def read_csv(mirrors: Path, repo: str, path: str) -> list[dict]:
    try:
        text = read_blob(mirrors, repo, "HEAD", path).decode("utf-8")
    except subprocess.CalledProcessError:
        return []
    return list(csv.DictReader(io.StringIO(text)))


def office_roles(mirrors: Path) -> dict[str, set[str]]:
    """Office QID -> project roles, from the world-wide leader and foreign-minister lists."""
    by_country: dict[str, dict[str, str]] = {}
    for row in read_csv(mirrors, *LEADERS):
        if row["position"] not in SKIP_OFFICES:
            by_country.setdefault(row["countryid"], {})[row["position"]] = row["positionLabel"]
    roles: dict[str, set[str]] = {}
    for offices in by_country.values():
        for qid, label in offices.items():
            if qid in OVERRIDES:
                roles[qid] = set(OVERRIDES[qid])
            elif HOG_LABEL.search(label):
                roles.setdefault(qid, set()).add("head_of_government")
            elif len(offices) == 1:  # the only leader: heads the government too, unless
                roles.setdefault(qid, set()).update({"head_of_state", SOLE})  # a PM exists
            else:
                roles.setdefault(qid, set()).add("head_of_state")
    for row in read_csv(mirrors, *FOREIGN):
        if row["position"]:
            roles.setdefault(row["position"], set()).add("foreign_minister")
    return roles


def country_repos(mirrors: Path) -> list[str]:
    """Every country repository cloned under `mirrors` (those with html/holders21.csv)."""
    out = []
    for path in sorted(mirrors.glob(f"{OWNER}+*")):
        repo = path.name.split(".git")[0].replace("+", "/", 1)
        if repo in (LEADERS[0], FOREIGN[0]):
            continue
        if read_csv(mirrors, repo, "html/holders21.csv"):
            out.append(repo)
    return out


def iso3_by_qid() -> dict[str, tuple[str, str]]:
    """Country QID -> (alpha-3, English name) of the states in countries.tsv."""
    out, names = {}, {}
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "iso3\t")):
            iso3, _, qid, name, _ = line.split("\t")
            names[iso3] = name
            if qid:
                out[qid] = (iso3, name)
    return out | {qid: (iso3, names[iso3]) for qid, iso3 in REALMS.items()}


def titles(mirrors: Path, repo: str, roles: dict[str, set[str]],
           country: str) -> dict[str, set[str]]:
    """Title used in the repository's holders21.csv -> project roles of that office."""
    wanted = read_csv(mirrors, repo, "wikidata/wanted-positions.csv")
    out: dict[str, set[str]] = {}
    for row in wanted:
        if row["position"] in roles:
            out.setdefault(row["title"], set()).update(roles[row["position"]])
    found = set().union(*out.values()) if out else set()
    of = rf"( of (the )?({re.escape(country)}|Republic))?"
    for role, pattern in FALLBACK.items():
        if role in found:
            continue
        title = next((r["title"] for r in wanted
                      if re.fullmatch(pattern.format(of=of), r["title"]) and r["title"] not in out),
                     None)
        if title:
            out[title] = {role}
            found.add(role)
    for roles_ in out.values():  # the only leader heads the government when no PM does
        if SOLE in roles_:
            roles_.discard(SOLE)
            if "head_of_government" not in found:
                roles_.add("head_of_government")
    return out


def rows_of(mirrors: Path, repo: str, roles: dict[str, set[str]], iso3: dict):
    meta = json.loads(read_blob(mirrors, repo, "HEAD", "meta.json") or b"{}")
    country, name = iso3.get((meta.get("jurisdiction") or {}).get("id", ""), (None, None))
    if country is None:
        return [], None
    source = f"{repo}@{head(mirrors, repo)[:12]}"
    wanted = titles(mirrors, repo, roles, name)
    out = []
    for row in read_csv(mirrors, repo, "html/holders21.csv"):
        qid, start, end = (row.get(k) or "" for k in ("personID", "start", "end"))
        if not re.fullmatch(r"Q\d+", qid) or not DATE.fullmatch(start) or not DATE.fullmatch(end):
            continue
        if end and end < SINCE[:len(end)]:
            continue
        for role in sorted(wanted.get(row["position"], ())):
            out.append({"qid": qid, "name": row["person"].strip(), "country": country,
                        "role": role, "start": start, "end": end, "source": source})
    return out, source


def merge_terms(rows: list[dict]) -> list[dict]:
    """One row per term: a person's overlapping terms in one office become one (cabinets
    re-formed under the same leader are listed once per cabinet)."""
    out: list[dict] = []
    for row in sorted(rows, key=lambda r: (r["qid"], r["role"], r["start"])):
        last = out[-1] if out else None
        if (last and (last["qid"], last["role"]) == (row["qid"], row["role"])
                and (not last["end"] or row["start"][:len(last["end"])] <= last["end"])):
            if last["end"] and (not row["end"] or row["end"] > last["end"]):
                last["end"] = row["end"]
            continue
        out.append(dict(row))
    return out


def header(sources: list[str]) -> list[str]:
    lines = ["# Generated by scripts/build_officeholders.py; do not edit.",
             "# Heads of state, heads of government and foreign ministers in office on or",
             f"# after {SINCE}. The facts (names, QIDs, offices, dates) come from Wikidata",
             "# (CC0) as queried by the EveryPolitician project from July 2022 (a few",
             "# repositories were refreshed up to January 2023) and published in the",
             "# repositories below (repository@commit; they carry no licence file). Offices",
             "# begun after mid-2022 may be only in persons.yaml. Dates keep the",
             "# precision of the source (YYYY, YYYY-MM or YYYY-MM-DD); end is empty when open.",
             f"# {LEADERS[0]}@{{leaders}}: office QIDs of heads of state and government",
             f"# {FOREIGN[0]}@{{foreign}}: office QIDs of foreign ministers",
             "# Office holders:"]
    return lines + [f"#   {s}" for s in sources]


def build(mirrors: Path) -> tuple[list[str], list[dict]]:
    roles, iso3 = office_roles(mirrors), iso3_by_qid()
    rows, sources = [], []
    for repo in country_repos(mirrors):
        found, source = rows_of(mirrors, repo, roles, iso3)
        if source is None:
            print(f"skipped {repo}: not a state of countries.tsv", file=sys.stderr)
            continue
        sources.append(source)
        rows.extend(merge_terms(found))
    rows.sort(key=lambda r: (r["country"], r["role"], r["start"], r["qid"]))
    lines = [line.format(leaders=head(mirrors, LEADERS[0])[:12],
                         foreign=head(mirrors, FOREIGN[0])[:12]) for line in header(sources)]
    return lines, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=DATA / "officeholders.tsv")
    args = parser.parse_args()
    lines, rows = build(args.mirrors)
    text = io.StringIO()
    text.write("\n".join(lines) + "\n" + "\t".join(COLUMNS) + "\n")
    for row in rows:
        text.write("\t".join(row[c].replace("\t", " ") for c in COLUMNS) + "\n")
    args.out.write_text(text.getvalue(), encoding="utf-8")
    states = {r["country"] for r in rows}
    print(f"{len(rows)} terms of {len({r['qid'] for r in rows})} persons in {len(states)} states "
          f"from {sum(line.startswith('#   ') for line in lines)} repositories -> {args.out}")


if __name__ == "__main__":
    main()
