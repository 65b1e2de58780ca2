"""The document record and the declared order of the stages that fill it in."""

import dataclasses
import datetime as dt

import pytest

from communique import pipeline as pipeline_module
from communique.doc import Doc, SentenceAnalysis
from communique.pipeline import STAGES, Stage, check_order, select
from communique.records import Document
from communique.stages import dates

TEXT = ("Le ministre chinois des Affaires étrangères Wang Yi a eu mardi un entretien "
        "téléphonique avec son homologue kazakh Mukhtar Tleuberdi. Les deux ministres ont "
        "salué le développement des relations entre la Chine et le Kazakhstan.")


def test_the_declared_order_holds():
    check_order(STAGES)
    names = [s.name for s in STAGES]
    assert names.index("anchor") < names.index("resolve") < names.index("events")


def test_a_stage_needing_a_later_field_is_refused():
    early = Stage("early", lambda p, d: d, ("mentions",), ())
    with pytest.raises(ValueError, match="'early' needs mentions"):
        check_order((STAGES[0], early, *STAGES[1:]))


def test_a_selection_must_bring_what_it_needs():
    assert [s.name for s in select(("sentences", "language", "clean"))] == \
        ["clean", "language", "sentences"]
    with pytest.raises(ValueError, match="'events' needs"):
        select(("clean", "language", "sentences", "events"))
    with pytest.raises(ValueError, match="no such stage: nope"):
        select(("nope",))


def test_the_record_is_frozen():
    doc = Doc(document=Document(doc_id="d", text="x"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.lang = "fr"  # type: ignore[misc]
    assert doc.probs(0) == {} and doc.contexts(0) == ()
    filled = dataclasses.replace(doc, analysis={0: SentenceAnalysis({"CONSULT": 0.9},
                                                                    ("diplomatic",))})
    assert filled.probs(0)["CONSULT"] == 0.9 and filled.contexts(0) == ("diplomatic",)


def test_the_anchor_is_computed_once(pipeline, monkeypatch):
    calls = []
    real = dates.document_anchor

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(dates, "document_anchor", counting)
    doc = pipeline.analyse(Document(doc_id="a", text=TEXT, published=dt.date(2021, 1, 22)))
    assert len(calls) == 1
    assert doc.anchor == dt.date(2021, 1, 19)  # the Tuesday before publication
    assert {e.date for e in doc.events} == {dt.date(2021, 1, 19)}


def test_contexts_and_probabilities_live_on_the_record(pipeline):
    doc = pipeline.analyse(Document(doc_id="c", text=TEXT, published=dt.date(2021, 1, 22)))
    assert doc.analysis, "the classifier read no sentence"
    for e in doc.events:
        index = next(s.index for s in doc.sentences if s.start == e.evidence.start)
        assert e.contexts == doc.contexts(index)
    read = next(iter(doc.analysis.values()))
    assert abs(sum(read.probs.values()) - 1.0) < 1e-3


def test_process_keeps_what_analyse_found(pipeline):
    document = Document(doc_id="p", text=TEXT, published=dt.date(2021, 1, 22))
    doc, kept = pipeline.analyse(document), pipeline.process(document)
    assert kept.events == doc.events and kept.mentions == doc.mentions
    assert kept.lang == "fr" and kept.signature == doc.signature
    assert set(kept.event_vectors) == {e.event_id for e in doc.events}


def test_the_signature_alone_embeds_the_lead(pipeline):
    document = Document(doc_id="s", text=TEXT, lang="fr")
    full = pipeline.analyse(document)
    alone = pipeline.analyse(document, only=("clean", "language", "sentences", "signature"))
    assert alone.signature.text_hash == full.signature.text_hash
    assert float(alone.signature.vector @ full.signature.vector) > 0.999
    assert alone.events == () and alone.mentions == ()


def test_stage_timings_are_named(pipeline):
    assert set(pipeline.timings) <= {s.name for s in pipeline_module.STAGES}
