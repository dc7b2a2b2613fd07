"""Where the checkout's own folders are: the demo samples, the docs, the shared datasets.

The package is installed editable from its checkout (``make install``), so these are
computed from this file's place in ``src/newsgraph``. NEWSGRAPH_DATASETS points the
benchmarks at another copy of the datasets.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES = REPO_ROOT / "samples"
DOCS = REPO_ROOT / "docs"
DATASETS = Path(os.environ.get("NEWSGRAPH_DATASETS", REPO_ROOT.parent / "shared" / "datasets"))
