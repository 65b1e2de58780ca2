"""Reading the package's data files."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import DataFileError


def read_yaml(path: Path, default):
    """The YAML document at `path`, or `default` when the file is missing or empty."""
    if not path.exists():
        return default
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from exc
    return default if data is None else data
