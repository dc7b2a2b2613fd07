"""The analyst web UI and JSON API (`newsgraph serve`): a thin, read-only layer over kb.queries."""
