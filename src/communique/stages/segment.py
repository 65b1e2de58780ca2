"""Words of scripts written without spaces, from a dictionary-based segmenter (jieba for
Chinese): where a name ends, and whether the text after a role starts with a name at
all. Loaded on first use; the profile names the segmenter (`lang/scripts.yaml`)."""

from __future__ import annotations

from functools import cache

WINDOW = 24  # characters read after the start of a candidate name


@cache
def _jieba_posseg():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # its dictionary-loading messages are not ours to print
    return jieba.posseg


def words(segmenter: str, text: str) -> list[tuple[int, int, str]]:
    """(start, end, part-of-speech tag) of each word of `text`."""
    if segmenter != "jieba":
        raise ValueError(f"unknown segmenter {segmenter!r}")
    out, at = [], 0
    for w in _jieba_posseg().cut(text):
        out.append((at, at + len(w.word), w.flag))
        at += len(w.word)
    return out


def name_end(segmenter: str, text: str, start: int, shape_end: int,
             not_name_tags: tuple[str, ...]) -> int | None:
    """Where a name starting at `start` ends, given the longest stretch of a name's shape
    (`shape_end`): at the last word boundary inside it, and for a transcribed name with
    middle dots, after the first word past the last dot. None when the first word is
    one no name starts with."""
    found = words(segmenter, text[start:start + max(WINDOW, shape_end - start + 8)])
    if not found or found[0][2] in not_name_tags:
        return None
    span = text[start:shape_end]
    last_dot = max(span.rfind("·"), span.rfind("・"))
    if last_dot >= 0:
        after = [e for s, e, _ in found if s > last_dot]
        return start + after[0] if after and after[0] <= len(span) else None
    ends = [e for _, e, _ in found if e <= len(span)]
    return start + ends[-1] if ends and ends[-1] >= 2 else None
