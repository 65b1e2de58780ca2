import datetime as dt

import pytest

import communique
from communique.errors import UnsupportedLanguageError
from communique.records import Document
from communique.runner import run
from communique.store import Store


def test_extract_api_returns_typed_events():
    events = communique.extract(
        "Le 21 janvier 2021, le ministre chinois des Affaires étrangères Wang Yi a eu un "
        "entretien téléphonique avec son homologue kazakh Mukhtar Tleuberdi.",
        published="2021-01-22")
    assert events, "no event found"
    ev = events[0]
    assert ev.event_type == "CONSULT" and ev.mode == "phone"
    assert {ev.source.country, ev.target.country} == {"CHN", "KAZ"}
    assert ev.date == dt.date(2021, 1, 21)
    assert ev.cameo == "040" and ev.quad_class == 1 and ev.goldstein == 1.0


def test_unsupported_language_is_named(pipeline):
    doc = Document(doc_id="it", text="Il ministro degli Esteri italiano ha incontrato ieri a "
                   "Roma il suo omologo francese per discutere della situazione in Libia e "
                   "della cooperazione economica tra i due paesi.")
    with pytest.raises(UnsupportedLanguageError, match="'it' is not supported"):
        pipeline.process(doc)


def test_declared_unsupported_language(pipeline):
    doc = Document(doc_id="x", text="Some text.", lang="sw")
    with pytest.raises(UnsupportedLanguageError, match="'sw' is not supported"):
        pipeline.process(doc)


def test_only_boilerplate_is_rejected(pipeline):
    with pytest.raises(UnsupportedLanguageError, match="no article text"):
        pipeline.process(Document(doc_id="b", text="Partagez cet article:\n\nPublicité\n"))


@pytest.mark.slow
def test_mixed_batch_goes_on_and_keeps_stored_rows(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "g1", "published": "2024-03-20", "text": "Le ministre chinois des '
                    'Affaires étrangères, Wang Yi, a rencontré mercredi à Pékin son homologue '
                    'kazakh Mourat Nourtléou."}\n', encoding="utf-8")
    bad = tmp_path / "mixed.jsonl"
    bad.write_text("\n".join([
        '{"id": "it1", "text": "Il ministro degli Esteri ha incontrato ieri a Roma il suo '
        'omologo per discutere della cooperazione economica tra i due paesi."}',
        "not json at all",
        '{"id": "e1", "text": ""}',
    ]) + "\n", encoding="utf-8")
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x00\x01\x02" * 1000)
    with Store(tmp_path / "s.duckdb") as store:
        run([str(good)], store)
        before = store.counts()
        report = run([str(bad), str(blob)], store)
        assert len(report.rejections) == 4
        reasons = " | ".join(f"{r.origin}: {r.reason}" for r in report.rejections)
        assert "mixed.jsonl:1" in reasons and "'it' is not supported" in reasons
        assert "mixed.jsonl:2" in reasons and "invalid JSON" in reasons
        assert "empty text" in reasons and "binary" in reasons
        after = store.counts()
        assert after["documents"] == before["documents"]
        assert after["events"] == before["events"]
        assert after["rejects"] == before["rejects"] + 4


def test_french_arguments_come_from_the_dependency_parse():
    [ev] = communique.extract("Le Kazakhstan soutient fermement la Chine sur la question de "
                              "Taïwan.", published="2024-03-20", lang="fr")
    assert (ev.event_type, ev.source.country, ev.target.country) == ("SUPPORT", "KAZ", "CHN")
    assert ev.resolution_reason == "dependency parse"


def test_russian_arguments_come_from_natasha():
    [ev] = communique.extract("В Вашингтоне координатор Совета национальной безопасности Белого "
                              "дома Джон Кирби в понедельник обвинил Бразилию в пособничестве.",
                              published="2023-04-18", lang="ru")
    assert (ev.event_type, ev.source.country, ev.target.country) == ("ACCUSE", "USA", "BRA")
    assert ev.resolution_reason == "dependency parse"
