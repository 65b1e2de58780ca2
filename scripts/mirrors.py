"""Files of public repositories, read from local bare clones: a folder holding one
clone per repository, named `<owner>+<name>` (optionally with the git directory in a
`repo` subfolder, or ending in `.git`). Used by the held-out set and the training data;
nothing read here is copied into the project."""

from __future__ import annotations

import subprocess
from pathlib import Path


def clone(mirrors: Path, repo: str) -> Path:
    base = mirrors / repo.replace("/", "+")
    for candidate in (base / "repo", base, base.with_suffix(".git")):
        if (candidate / "HEAD").exists():
            return candidate
    raise SystemExit(f"no bare clone of {repo} under {mirrors}")


def read_blob(mirrors: Path, repo: str, commit: str, path: str) -> bytes:
    """The file `path` of `repo` at `commit`."""
    return subprocess.run(["git", "--git-dir", str(clone(mirrors, repo)), "show",
                           f"{commit}:{path}"], capture_output=True, check=True).stdout
