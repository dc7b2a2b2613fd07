"""A progress line on stderr for long runs; silent for short ones and in pipes."""

from __future__ import annotations

import sys
import time

# On a terminal the line is redrawn at most this often (seconds).
REDRAW_SECONDS = 0.25
# Without a terminal (logs, CI) a plain line is written this often, and only
# once a run has lasted that long: short runs stay silent.
LOG_SECONDS = 15.0


class Progress:
    def __init__(self, label: str, stream=None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.count = 0
        self.start = time.monotonic()
        self.last = self.start
        self.drawn = False

    def step(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if now - self.last >= (REDRAW_SECONDS if self.tty else LOG_SECONDS):
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.count / max(now - self.start, 1e-9)
        text = f"{self.label}: {self.count} pages, {rate:.1f} pages/s"
        self.stream.write(f"\r{text}" if self.tty else f"{text}\n")
        self.stream.flush()
        self.drawn = True

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.drawn and self.tty:
            self.stream.write("\n")
            self.stream.flush()
