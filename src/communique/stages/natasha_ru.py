"""Russian person names and dependency parse with natasha (models bundled in the
package), as `Dep` records in document offsets, like the French spaCy parse."""

from __future__ import annotations

from functools import cache

from ..records import Dep, Sentence


@cache
def _models():
    from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return Segmenter(), NewsSyntaxParser(emb), NewsNERTagger(emb)


def analyse(sentences: tuple[Sentence, ...]):
    """(person spans by sentence, parse by sentence)."""
    from natasha import Doc

    segmenter, parser, tagger = _models()
    people: dict[int, list[tuple[int, int]]] = {}
    syntax: dict[int, tuple[Dep, ...]] = {}
    for sent in sentences:
        doc = Doc(sent.text)
        doc.segment(segmenter)
        doc.parse_syntax(parser)
        doc.tag_ner(tagger)
        for span in doc.spans:
            if span.type == "PER":
                people.setdefault(sent.index, []).append((sent.start + span.start,
                                                          sent.start + span.stop))
        tokens = doc.tokens
        position = {t.id: i for i, t in enumerate(tokens)}
        heads = [position.get(t.head_id, i) for i, t in enumerate(tokens)]
        left = [t.start for t in tokens]
        right = [t.stop for t in tokens]
        # Widen each token's span to its subtree: children pass their spans up.
        for _ in range(len(tokens)):
            changed = False
            for i, h in enumerate(heads):
                if h != i:
                    if left[i] < left[h]:
                        left[h], changed = left[i], True
                    if right[i] > right[h]:
                        right[h], changed = right[i], True
            if not changed:
                break
        o = sent.start
        syntax[sent.index] = tuple(
            Dep(o + t.start, o + t.stop, t.rel, heads[i], i, o + left[i], o + right[i])
            for i, t in enumerate(tokens))
    return people, syntax
