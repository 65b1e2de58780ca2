-- PLOVER contexts of an event (diplomatic, economic, energy, military, ...).
ALTER TABLE events ADD COLUMN contexts VARCHAR[];
