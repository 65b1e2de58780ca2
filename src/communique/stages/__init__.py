"""Pipeline stages, one module each: clean, language, sentences, dates, mentions,
resolve, events."""
