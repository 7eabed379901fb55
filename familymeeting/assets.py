"""Finding shipped resources (fonts, icons, translations).

In an installed wheel they live in ``familymeeting/resources/``; in a source
checkout (editable install, running from the tree) in ``resources/`` at the top.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "README.md").is_file():
            return candidate
    raise FileNotFoundError("familymeeting's resources folder is missing from this installation")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
