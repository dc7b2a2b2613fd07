"""Readers: paths, directories and stdin in; raw pages (or a reason why not) out.

The format is decided from the content (gzip magic, a WARC version line, JSON
objects per line, HTML markup), the extension only breaking ties. Readers never
raise for bad input: they yield a ``Failure`` carrying a one-line reason and
go on with the next input.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsgraph.ingest.decode import decode_bytes, looks_binary

# A single page larger than this is not a news article but a dump or a mistake;
# 20 MB is about a hundred times the largest page of the extraction benchmark.
MAX_PAGE_BYTES = 20 * 1024 * 1024
# How much of a file is sniffed to decide its format.
SNIFF_BYTES = 64 * 1024


@dataclass
class RawPage:
    """One page as read, before cleaning."""

    content: str
    kind: str  # "text" or "html": what the cleaner gets
    origin: str  # the container format: text|html|warc|wet|jsonl
    path: str | None = None
    uri: str | None = None
    published: str | None = None
    title: str | None = None
    crawl_date: str | None = None  # when an archive fetched it; only a bound on publication
    warnings: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """An input that could not be read, with a one-line reason."""

    where: str
    reason: str


Item = RawPage | Failure


def read_paths(paths: Iterable[str]) -> Iterator[Item]:
    """Every page of every path; ``-`` reads stdin; directories recursively."""
    for given in paths:
        if given == "-":
            yield from read_stream(_stdin_bytes(), "<stdin>")
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not child.name.startswith("."):
                    yield from read_file(child)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Failure(given, "no such file or directory")


def _stdin_bytes() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def read_file(path: Path) -> Iterator[Item]:
    where = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield Failure(where, "empty file")
            return
        with open(path, "rb") as handle:
            yield from read_stream(handle, where, size=size)
    except OSError as exc:
        yield Failure(where, f"cannot read file: {exc.strerror or exc}")


def read_stream(handle: BinaryIO, where: str, size: int | None = None) -> Iterator[Item]:
    head = handle.read(SNIFF_BYTES)
    if not head:
        yield Failure(where, "empty input")
        return
    if head[:2] == b"\x1f\x8b":
        rest = _Rewound(head, handle)
        if _gzip_holds_warc(head):
            yield from _read_warc(rest, where)
            return
        try:
            data = _gunzip_page(rest)
        except (EOFError, OSError, zlib.error) as exc:
            yield Failure(where, f"truncated or corrupt gzip: {exc}")
            return
        if data is None:
            yield Failure(where, f"decompressed page larger than {MAX_PAGE_BYTES // 2**20} MB")
            return
        if not data:
            yield Failure(where, "empty input (gzip holds no data)")
            return
        yield from _read_plain(io.BytesIO(data), data[:SNIFF_BYTES], where, None)
        return
    yield from _read_plain(_Rewound(head, handle), head, where, size)


def _read_plain(handle: BinaryIO, head: bytes, where: str, size: int | None) -> Iterator[Item]:
    if head.lstrip().startswith(b"WARC/"):
        yield from _read_warc(handle, where)
        return
    if _looks_jsonl(head):
        yield from _read_jsonl(handle, where)
        return
    data = handle.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES or (size is not None and size > MAX_PAGE_BYTES):
        shown = (size or len(data)) / 2**20
        yield Failure(where, f"file too large for one page ({shown:.1f} MB > "
                             f"{MAX_PAGE_BYTES // 2**20} MB)")
        return
    if looks_binary(head):
        yield Failure(where, "binary file, not a text, HTML, WARC or JSON Lines page")
        return
    text, warnings = decode_bytes(data)
    if not text.strip():
        yield Failure(where, "no text in input")
        return
    kind = "html" if _looks_html(text, where) else "text"
    yield RawPage(text, kind, kind, path=where, warnings=warnings)


def _looks_html(text: str, where: str) -> bool:
    start = text[:4096].lower()
    if "<html" in start or "<!doctype html" in start or "<body" in start or "<head" in start:
        return True
    if where.lower().endswith((".html", ".htm", ".html.gz", ".htm.gz")):
        return "<" in start and ">" in start
    return start.count("<p>") + start.count("<div") + start.count("<p ") >= 3


def _looks_jsonl(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _read_jsonl(handle: BinaryIO, where: str) -> Iterator[Item]:
    for number, raw_line in enumerate(handle, start=1):
        line_where = f"{where}#{number}"
        if not raw_line.strip():
            continue
        text, warnings = decode_bytes(raw_line)
        try:
            obj = json.loads(text)
        except ValueError as exc:
            yield Failure(line_where, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield Failure(line_where, "JSON line is not an object")
            continue
        content, kind = obj.get("html"), "html"
        if not content:
            content, kind = obj.get("text"), "text"
        if not isinstance(content, str) or not content.strip():
            yield Failure(line_where, "JSON line has no 'text' or 'html'")
            continue
        yield RawPage(content, kind, "jsonl", path=line_where, uri=_str_or_none(obj.get("url")),
                      published=_str_or_none(obj.get("published")),
                      title=_str_or_none(obj.get("title")), warnings=warnings)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _read_warc(handle: BinaryIO, where: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(handle):
            number += 1
            item = _warc_record_page(record, f"{where}#{number}")
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        yield Failure(f"{where}#{number + 1}", f"broken WARC record: {_one_line(str(exc))}")
    except (EOFError, OSError, zlib.error) as exc:
        yield Failure(f"{where}#{number + 1}", f"truncated or corrupt archive: {_one_line(str(exc))}")
    except Exception as exc:  # warcio fails in many ways on malformed headers: lose the record, not the batch
        yield Failure(f"{where}#{number + 1}",
                      f"broken WARC record: {type(exc).__name__}: {_one_line(str(exc))}")


def _warc_record_page(record, where: str) -> Item | None:
    rec_type = record.rec_type
    if rec_type not in ("response", "resource", "conversion"):
        return None
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    warc_date = (headers.get_header("WARC-Date") or "")[:10] or None
    content_type = ""
    if rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return Failure(where, f"HTTP status {status} for {uri}")
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        return Failure(where, f"record larger than {MAX_PAGE_BYTES // 2**20} MB")
    if not data.strip():
        return Failure(where, f"empty {rec_type} record for {uri or 'a record with no URI'}")
    if looks_binary(data[:SNIFF_BYTES]) or content_type.startswith(("image/", "application/pdf")):
        return Failure(where, f"non-text {rec_type} record ({content_type or 'binary'}) for {uri}")
    text, warnings = decode_bytes(data, _charset(content_type))
    if rec_type == "conversion" or content_type.startswith("text/plain"):
        kind, origin = "text", "wet" if rec_type == "conversion" else "warc"
    else:
        kind, origin = "html" if _looks_html(text, uri or "") or "html" in content_type else "text", "warc"
    return RawPage(text, kind, origin, path=where, uri=uri, crawl_date=warc_date,
                   warnings=warnings)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def _gzip_holds_warc(head: bytes) -> bool:
    try:
        inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except zlib.error:
        return False
    return inflated.startswith(b"WARC/")


def _gunzip_page(handle: BinaryIO) -> bytes | None:
    with gzip.GzipFile(fileobj=handle) as unzipped:
        data = unzipped.read(MAX_PAGE_BYTES + 1)
    return None if len(data) > MAX_PAGE_BYTES else data


class _Rewound(io.RawIOBase):
    """A stream that replays the sniffed head before the rest of the handle."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = io.BytesIO(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        got = self._head.readinto(buffer)
        if got:
            return got
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        if size is None or size < 0:
            return self._head.read() + self._rest.read()
        first = self._head.read(size)
        if len(first) < size:
            first += self._rest.read(size - len(first))
        return first


__all__ = ["Failure", "Item", "RawPage", "read_file", "read_paths", "read_stream",
           "MAX_PAGE_BYTES"]
