"""Exceptions raised by the library; the CLI turns each into a one-line message."""


class CommuniqueError(Exception):
    """Base class for every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input path or record cannot be read."""


class UnsupportedLanguageError(CommuniqueError):
    """The text is in a language communique has no data for."""


class StoreError(CommuniqueError):
    """The database cannot be opened, migrated or written."""


class DataFileError(CommuniqueError):
    """A bundled or user-supplied data file is malformed."""
