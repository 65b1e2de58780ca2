"""Language identification with lingua, restricted to a fixed set of languages.

The detector knows the languages we have data for plus a few frequent others, so that
an Italian or Japanese article is recognised as such and rejected instead of being
forced into the nearest supported language.
"""

from __future__ import annotations

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from ..errors import UnsupportedLanguageError
from ..lang import available_languages

# Recognised so they can be rejected by name rather than mistaken for a neighbour.
KNOWN_UNSUPPORTED = ("it", "pt", "nl", "pl", "ja", "ko", "hi", "sw", "vi", "id", "uz", "az",
                     "hy", "ka", "mn", "he", "ro", "cs", "sv")
SAMPLE_CHARS = 3000


def _language(iso: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, iso.upper()))
    except (AttributeError, ValueError):
        return None


class LanguageIdentifier:
    """Build with `initialize()`; pickles without its detector."""

    def __init__(self, supported: tuple[str, ...] | None = None):
        self.supported = supported or available_languages()
        self._detector: LanguageDetector | None = None

    def initialize(self) -> None:
        if self._detector is None:
            langs = {_language(i) for i in (*self.supported, *KNOWN_UNSUPPORTED)} - {None}
            self._detector = LanguageDetectorBuilder.from_languages(*langs).build()

    def __getstate__(self):
        return {"supported": self.supported, "_detector": None}

    def __setstate__(self, state):
        self.supported = state["supported"]
        self._detector = None

    def identify(self, text: str, declared: str | None = None) -> str:
        """ISO 639-1 code of `text`; the declared language wins when we support it."""
        if declared:
            iso = declared.lower().split("-")[0].split("_")[0]
            if iso not in self.supported:
                raise UnsupportedLanguageError(
                    f"language {declared!r} is not supported (supported: "
                    f"{', '.join(self.supported)})")
            return iso
        self.initialize()
        found = self._detector.detect_language_of(text[:SAMPLE_CHARS])
        if found is None:
            raise UnsupportedLanguageError("language could not be identified")
        iso = found.iso_code_639_1.name.lower()
        if iso not in self.supported:
            raise UnsupportedLanguageError(
                f"language {iso!r} is not supported (supported: {', '.join(self.supported)})")
        return iso
