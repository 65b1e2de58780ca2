import codecs
import io
import json

import pytest

from communique import ingest
from communique.errors import InputError
from communique.records import Document, Rejection


def _one(path):
    items = list(ingest.iter_inputs([path]))
    assert len(items) == 1
    return items[0]


def test_jsonl_records_and_bad_lines(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "text": "Le ministre a parlé.", "published": "2021-01-22"}),
        "{not json",
        json.dumps({"id": "b", "text": "   "}),
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "x", "published": "yesterday"}),
        json.dumps(["a list"]),
    ]), encoding="utf-8")
    items = list(ingest.iter_inputs([f]))
    assert isinstance(items[0], Document) and items[0].doc_id == "a"
    assert items[0].published.isoformat() == "2021-01-22"
    reasons = [(r.origin, r.reason) for r in items[1:]]
    assert all(isinstance(r, Rejection) for r in items[1:])
    assert reasons[0][0].endswith("in.jsonl:2") and "invalid JSON" in reasons[0][1]
    assert reasons[1][0].endswith(":3") and reasons[1][1] == "empty text"
    assert "neither 'text' nor 'html'" in reasons[2][1]
    assert "not an ISO date" in reasons[3][1]
    assert "JSON object" in reasons[4][1]


def test_txt_id_is_file_stem(tmp_path):
    f = tmp_path / "article-7.txt"
    f.write_text("Le Kazakhstan et la Chine ont signé un accord.", encoding="utf-8")
    doc = _one(f)
    assert doc.doc_id == "article-7" and doc.published is None


@pytest.mark.parametrize("encoding,bom", [("latin-1", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_other_encodings_are_decoded(tmp_path, encoding, bom):
    text = "Le président français a reçu à l'Élysée le ministre kazakh des Affaires étrangères."
    f = tmp_path / "enc.txt"
    f.write_bytes(bom + text.encode(encoding))
    assert _one(f).text == text


def test_binary_file_is_rejected(tmp_path):
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 40)
    r = _one(f)
    assert isinstance(r, Rejection) and "binary" in r.reason


def test_unsupported_suffix_is_rejected(tmp_path):
    f = tmp_path / "photo.png"
    f.write_bytes(b"\x89PNG\r\n")
    r = _one(f)
    assert isinstance(r, Rejection) and "unsupported file type .png" in r.reason


def test_huge_document_is_rejected(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text("Le ministre a parlé. " * 2_500_000, encoding="utf-8")  # ~52 MB
    r = _one(f)
    assert isinstance(r, Rejection) and "too large" in r.reason


def test_huge_jsonl_record_is_rejected_and_batch_goes_on(tmp_path):
    f = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "a" * (ingest.MAX_CHARS + 1)})
    ok = json.dumps({"id": "ok", "text": "Le ministre a parlé."})
    f.write_text(big + "\n" + ok + "\n", encoding="utf-8")
    items = list(ingest.iter_inputs([f]))
    assert isinstance(items[0], Rejection) and "too large" in items[0].reason
    assert isinstance(items[1], Document) and items[1].doc_id == "ok"


def test_html_goes_through_trafilatura(tmp_path):
    html = """<html><head><title>Talks in Astana</title>
    <meta property="article:published_time" content="2023-11-07T10:00:00Z"></head>
    <body><nav>Home | World | Share</nav><article><h1>Talks in Astana</h1>
    <p>Kazakhstan's First Deputy Foreign Minister Kairat Umarov welcomed US Assistant
    Secretary of State Donald Lu in Astana on Monday for the annual strategic partnership
    dialogue between the two countries, the ministry said in a statement.</p>
    <p>The two delegations discussed regional security, trade and investment, critical
    minerals and the C5+1 format, and agreed to continue consultations next year.</p>
    </article><footer>Copyright 2023. All rights reserved.</footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    doc = _one(f)
    assert isinstance(doc, Document)
    assert "Kairat Umarov" in doc.text and "All rights reserved" not in doc.text
    assert doc.published is not None and doc.published.isoformat() == "2023-11-07"


def test_folder_is_read_recursively(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Premier texte.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Second texte.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("caché", encoding="utf-8")
    ids = sorted(d.doc_id for d in ingest.iter_inputs([tmp_path]))
    assert ids == ["one", "two"]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(ingest.iter_inputs([tmp_path / "nope.jsonl"]))


def test_stdin_plain_text_and_jsonl():
    docs = list(ingest.read_stdin(io.StringIO("Le ministre a parlé.\n")))
    assert docs[0].doc_id.startswith("sha1-")
    docs = list(ingest.read_stdin(io.StringIO('{"id": "s1", "text": "Hello."}\n')))
    assert docs[0].doc_id == "s1"
