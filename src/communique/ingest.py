"""Read articles from JSONL, .txt, .html files, folders and stdin.

Each input yields `Document` records or `Rejection` records; a bad record never stops
the batch. Nothing here guesses a publication date from "today".
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import InputError
from .records import Document, Rejection

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# A news article is a few thousand characters; a document above this is a data dump
# or a mistake, and would hold up a worker for minutes.
MAX_CHARS = 2_000_000
PREFERRED_CODEPAGES = ("cp1252", "latin_1", "cp1251", "cp1256", "koi8_r", "gb18030", "big5",
                       "iso8859_15", "cp1250", "cp1254")


# A lone UTF-16 surrogate (JSON's "\ud800" escape without its partner) is a code point
# no UTF-8 text can hold: it would fail the whole batch when stored.
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(value: object) -> object:
    """A string with each lone surrogate replaced by U+FFFD, one character for one, so
    that offsets into it stay those of the original; anything else as it is."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode a file's bytes: BOMs first, then UTF-8, then a detected charset."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{origin}: not valid {enc} despite its byte-order mark") from exc
    if b"\x00" in data[:4096]:
        raise InputError(f"{origin}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    results = list(from_bytes(data))
    if not results:
        raise InputError(f"{origin}: unreadable bytes, no text encoding fits")
    # Legacy code pages often tie (cp1250 and cp1252 read French equally well by the
    # detector's measures); break ties towards the code pages news sites actually used.
    top = min((r.chaos, -r.coherence) for r in results)
    tied = [r for r in results if (r.chaos, -r.coherence) == top]
    best = min(tied, key=lambda r: PREFERRED_CODEPAGES.index(r.encoding)
               if r.encoding in PREFERRED_CODEPAGES else len(PREFERRED_CODEPAGES))
    text = str(best)
    # A "text" in which most characters are controls or replacement marks is binary.
    bad = sum(1 for c in text[:4096] if c == "\ufffd" or (ord(c) < 32 and c not in "\n\r\t"))
    if bad > 0.05 * max(1, len(text[:4096])):
        raise InputError(f"{origin}: binary file, not text")
    return text


def parse_published(value: object, origin: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError as exc:
            raise InputError(f"{origin}: 'published' is not an ISO date: {value!r}") from exc
    raise InputError(f"{origin}: 'published' must be a YYYY-MM-DD string, not {value!r}")


def _check_text(text: str, origin: str) -> None:
    if not text.strip():
        raise InputError(f"{origin}: empty text")
    if len(text) > MAX_CHARS:
        raise InputError(f"{origin}: document too large ({len(text):,} characters; "
                         f"limit {MAX_CHARS:,})")


def from_html(html: str, origin: str, doc_id: str, url: str | None = None,
              published: dt.date | None = None, lang: str | None = None) -> Document:
    """Extract an article's text and metadata from HTML with trafilatura."""
    import trafilatura  # imported here: only HTML inputs pay its start-up cost

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                            include_comments=False, favor_precision=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text:
        raise InputError(f"{origin}: no article text found in the HTML")
    title = getattr(extracted, "title", None)
    source = "record" if published else None
    if published is None:
        meta_date = getattr(extracted, "date", None)
        if meta_date:
            try:
                published = dt.date.fromisoformat(str(meta_date)[:10])
                source = "html-meta"
            except ValueError:
                published = None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    _check_text(text, origin)
    return Document(doc_id=doc_id, text=text, published=published, url=url,
                    lang=lang or getattr(extracted, "language", None) or None, title=title,
                    origin=origin, published_source=source)


def from_record(rec: object, origin: str) -> Document:
    """Turn one JSON object into a Document, or raise InputError saying why not."""
    if not isinstance(rec, dict):
        raise InputError(f"{origin}: a record must be a JSON object")
    doc_id = rec.get("id") or rec.get("doc_id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise InputError(f"{origin}: 'id' must be a string")
    published = parse_published(rec.get("published"), origin)
    url = rec.get("url")
    lang = rec.get("lang") or None
    text = rec.get("text")
    html = rec.get("html")
    if text is None and html is None:
        raise InputError(f"{origin}: record has neither 'text' nor 'html'")
    if text is not None and not isinstance(text, str):
        raise InputError(f"{origin}: 'text' must be a string")
    if text is None:
        if not isinstance(html, str):
            raise InputError(f"{origin}: 'html' must be a string")
        return from_html(html, origin, str(doc_id or content_id(html)), url, published, lang)
    _check_text(text, origin)
    return Document(doc_id=str(doc_id) if doc_id is not None else content_id(text), text=text,
                    published=published, url=url, lang=lang, title=rec.get("title"),
                    origin=origin, published_source="record" if published else None)


def read_jsonl_lines(lines: Iterable[str], name: str) -> Iterator[Document | Rejection]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if isinstance(rec, dict):
            rec = {k: replace_surrogates(v) for k, v in rec.items()}
        try:
            yield from_record(rec, origin)
        except InputError as exc:
            doc_id = rec.get("id") if isinstance(rec, dict) else None
            yield Rejection(origin, str(exc).removeprefix(f"{origin}: "),
                            str(doc_id) if doc_id is not None else None)


def read_file(path: Path) -> Iterator[Document | Rejection]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Rejection(origin, f"unsupported file type {suffix or '(none)'}; "
                                f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        return
    try:
        size = path.stat().st_size
        if suffix not in JSONL_SUFFIXES and size > 4 * MAX_CHARS:
            raise InputError(f"{origin}: document too large ({size:,} bytes)")
        text = decode_bytes(path.read_bytes(), origin)
    except OSError as exc:
        yield Rejection(origin, f"cannot read file: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield Rejection(origin, str(exc).removeprefix(f"{origin}: "))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_lines(text.splitlines(), origin)
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield from_html(text, origin, path.stem)
        else:
            _check_text(text, origin)
            yield Document(doc_id=path.stem, text=text, origin=origin)
    except InputError as exc:
        yield Rejection(origin, str(exc).removeprefix(f"{origin}: "), path.stem)


def read_stdin(stream=None) -> Iterator[Document | Rejection]:
    stream = stream or sys.stdin
    data = replace_surrogates(stream.read())  # surrogateescape gives bad bytes as such
    if data.lstrip().startswith("{"):
        yield from read_jsonl_lines(data.splitlines(), "<stdin>")
        return
    try:
        _check_text(data, "<stdin>")
    except InputError as exc:
        yield Rejection("<stdin>", str(exc).removeprefix("<stdin>: "))
        return
    yield Document(doc_id=content_id(data), text=data, origin="<stdin>")


def iter_inputs(inputs: Iterable[str | Path]) -> Iterator[Document | Rejection]:
    """All documents and rejections from the given paths ('-' is stdin), in order."""
    for item in inputs:
        if str(item) == "-":
            yield from read_stdin()
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and not any(part.startswith(".") for part in
                                                      p.relative_to(path).parts))
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            raise InputError(f"{path}: no such file or folder")
