"""communique: political event data from diplomatic news in many languages."""

from __future__ import annotations

import datetime as dt

from .version import __version__

__all__ = ["__version__", "extract"]

_default = None


def extract(text: str, published: dt.date | str | None = None, lang: str | None = None,
            doc_id: str | None = None):
    """Events found in one text: a list of `communique.records.Event`.

    `published` is the article's date (events are dated against it, never against
    today); `lang` skips language identification.
    """
    global _default
    from .ingest import content_id
    from .pipeline import Pipeline
    from .records import Document

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    if _default is None:
        _default = Pipeline().initialize()
    doc = Document(doc_id=doc_id or content_id(text), text=text, published=published, lang=lang)
    return list(_default.process(doc).events)
