"""Reading the data files shipped inside the package (lexicons, model weights, gazetteer entries)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_packaged_json(relative: str, default: Any = None) -> Any:
    """The JSON file at ``relative`` (e.g. "models/incident_roles.json") inside the package, or
    ``default`` when it is missing or unreadable: a stage without its shipped file runs with
    its rules alone instead of failing every page."""
    try:
        text = resources.files("newsgraph").joinpath(relative).read_text(encoding="utf-8")
        return json.loads(text)
    except (FileNotFoundError, OSError, json.JSONDecodeError):
        return default
