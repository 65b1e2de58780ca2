"""Readers for labelled event data by others (training/sources.yaml), each turning one
file of a public repository into rows {"text", "type", "lang", "source"} with PLOVER 1.0
types. Files are read from bare clones: nothing of their text enters the project."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import yaml
from mirrors import read_blob

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "training" / "sources.yaml"
# PLOVER 0.5 names and misspellings in the sources, and CAMEO roots, as PLOVER 1.0 types.
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
           "SACTION": "SANCTION", "INVESTIGATE": "ACCUSE"}
CAMEO_ROOTS = {"01": "SUPPORT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT",
               "05": "COOPERATE", "06": "COOPERATE", "07": "AID", "08": "CONCEDE",
               "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
               "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
               "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}
TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                   "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                   "MOBILIZE", "COERCE", "ASSAULT"})
MIN_NONE_WORDS = 8
FIRST_SENTENCE = re.compile(r"^(.{40,400}?[.!?])(?:\s|$)", re.S)


def sources() -> dict[str, dict]:
    return yaml.safe_load(SOURCES.read_text(encoding="utf-8"))


def _plover(name: str) -> str | None:
    name = RENAMED.get(name.strip().upper(), name.strip().upper())
    return name if name in TYPES else None


def ngec_csv_zip(data: bytes, lang: str) -> list[dict]:
    """Synthetic wire stories, one type each: the story's first sentence tells it."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        text = z.read(name).decode("utf-8")
    csv.field_size_limit(10 ** 8)
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        lead = FIRST_SENTENCE.match(" ".join(r["text"].split()))
        kind = _plover(r["label"])
        if lead and kind:
            rows.append({"text": lead.group(1), "type": kind, "lang": lang})
    return rows


def up_validation_xml(data: bytes, lang: str) -> list[dict]:
    """UniversalPetrarch validation records: a sentence with one kind of coded event
    (by PLOVER name, else by CAMEO root), or none at all (NONE)."""
    rows = []
    for block in re.findall(r"<Sentence [^>]*>(.*?)</Sentence>", data.decode("utf-8"), re.S):
        text = re.search(r"<Text>\s*(.*?)\s*</Text>", block, re.S)
        if not text:
            continue
        plover = {p for p in re.findall(r'plover="([^"]+)"', block) if p.strip()}
        roots = {c[:2] for c in re.findall(r'eventcode="(\d{2,4})"', block)}
        kinds = {_plover(p) for p in plover} if plover else {CAMEO_ROOTS.get(r) for r in roots}
        sentence = " ".join(text.group(1).split()).lstrip(")")
        if not plover and not roots and "<EventCoding" not in block:
            if len(sentence.split()) < MIN_NONE_WORDS:
                continue  # fragments left by the source's own sentence splitter
            rows.append({"text": sentence, "type": "NONE", "lang": lang})
        elif len(kinds) == 1 and None not in kinds:
            rows.append({"text": sentence, "type": kinds.pop(), "lang": lang})
    return rows


def plover_gsr_json(data: bytes, lang: str) -> list[dict]:
    """PLOVER gold-standard records: one sentence, one event."""
    rows = []
    for r in json.loads(data.decode("utf-8")):
        kind = _plover(r.get("event", ""))
        if kind and r.get("text"):
            rows.append({"text": r["text"], "type": kind, "lang": lang})
    return rows


READERS = {"ngec_csv_zip": ngec_csv_zip, "up_validation_xml": up_validation_xml,
           "plover_gsr_json": plover_gsr_json}


def load(mirrors: Path, use: str) -> list[dict]:
    """Every row of the sources marked `use` (train or eval)."""
    rows = []
    for name, src in sources().items():
        if src["use"] != use:
            continue
        data = read_blob(mirrors, src["repo"], src["commit"], src["path"])
        found = READERS[src["reader"]](data, src["language"])
        rows.extend({**r, "source": name} for r in found)
    return rows
