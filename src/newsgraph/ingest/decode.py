"""Bytes to text: UTF-8 first, else a detected encoding, with a warning that says so."""

from __future__ import annotations

# Control bytes other than tab, newline, form feed and carriage return; a page
# with more than this share of them in its head is binary, not text.
BINARY_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


def looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head[:8192]:
        # UTF-16 text has NULs too; its byte-order mark says so.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = sum(1 for byte in head[:8192] if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / min(len(head), 8192) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data``; returns the text and warnings about how it was decoded."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared:
        try:
            return data.decode(declared), []
        except (LookupError, UnicodeDecodeError):
            pass
    replaced = data.decode("utf-8", errors="replace")
    if any(ord(ch) > 127 and ch != "\ufffd" for ch in replaced):
        # Real multi-byte UTF-8 elsewhere in the page: a few bad bytes, not another encoding.
        return replaced, [f"invalid UTF-8 at byte {utf8_error.start}; undecodable bytes replaced"]
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        # Ties are common between Windows code pages (cp1250 and cp1252 read English text the
        # same); windows-1252 is the usual legacy encoding of web pages, so it wins a tie.
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = next((m for m in tied if m.encoding == "cp1252"), best)
    if best is not None and best.encoding not in ("utf_8", "utf-8"):
        return str(best), [f"input is not UTF-8; decoded as {best.encoding}"]
    return data.decode("utf-8", errors="replace"), [
        f"invalid UTF-8 at byte {utf8_error.start}; undecodable bytes replaced"]
