#!/usr/bin/env python3
"""Rebuild samples/archive/crawl.warc.gz and crawl.wet.gz from samples/archive/src/.

    .venv/bin/python samples/make_archives.py

Inputs (all in samples/archive/src/):
  records.json   {"warc": [{source, uri, date}, ...], "wet": [{source, uri, date}, ...]}
                 "date" is the capture time (WARC-Date), not the publication date.
  warc/*.html    one saved page per WARC response record (publication date in its meta tags)
  wet/*.txt      one extracted plain-text page per WET conversion record

The WARC holds a warcinfo record, then a request/response pair per page, in the
order of records.json. The WET holds a warcinfo record, then one conversion
record per page. Record ids are derived from the URI, and gzip members carry no
timestamp, so running the script twice gives byte-identical archives.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
ARCHIVE = HERE / "archive"
SRC = ARCHIVE / "src"
CRAWLER = "newsgraph-demo-crawler/0.1 (+https://example.org/newsgraph)"
NAMESPACE = uuid.UUID("5b1f3c52-8f6e-4c53-9d5b-2f1c2a7e0b11")


def record_id(*parts: str) -> str:
    return "<urn:uuid:%s>" % uuid.uuid5(NAMESPACE, "|".join(parts))


def http_date(iso: str) -> str:
    when = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return format_datetime(when, usegmt=True)


def warcinfo(writer: WARCWriter, filename: str, first_date: str, description: str) -> None:
    fields = (
        "software: newsgraph samples/make_archives.py (warcio)\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf\r\n"
        f"http-header-user-agent: {CRAWLER}\r\n"
        "robots: obey\r\n"
        f"description: {description}\r\n"
    ).encode("utf-8")
    record = writer.create_warc_record(
        "", "warcinfo", payload=BytesIO(fields), length=len(fields),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": record_id(filename, "warcinfo"),
                           "WARC-Date": first_date, "WARC-Filename": filename})
    writer.write_record(record)


def build_warc(entries: list[dict], out: Path) -> int:
    with open(out, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        warcinfo(writer, out.name, entries[0]["date"], "newsgraph demo corpus: saved news pages")
        for entry in entries:
            body = (SRC / entry["source"]).read_bytes()
            uri, date = entry["uri"], entry["date"]
            host = uri.split("/")[2]
            path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
            request_head = StatusAndHeaders(f"GET {path} HTTP/1.1", [
                ("Host", host), ("User-Agent", CRAWLER),
                ("Accept", "text/html,application/xhtml+xml"), ("Accept-Encoding", "identity"),
                ("Connection", "close")], is_http_request=True)
            request = writer.create_warc_record(
                uri, "request", payload=BytesIO(b""), length=0, http_headers=request_head,
                warc_headers_dict={"WARC-Record-ID": record_id(uri, "request"), "WARC-Date": date,
                                   "WARC-Concurrent-To": record_id(uri, "response")})
            response_head = StatusAndHeaders("200 OK", [
                ("Date", http_date(date)), ("Server", "nginx"),
                ("Content-Type", "text/html; charset=UTF-8"), ("Content-Length", str(len(body))),
                ("Cache-Control", "max-age=300"), ("Connection", "close")], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), length=len(body), http_headers=response_head,
                warc_headers_dict={"WARC-Record-ID": record_id(uri, "response"), "WARC-Date": date,
                                   "WARC-IP-Address": "203.0.113.%d" % (sum(map(ord, host)) % 250 + 1)})
            writer.write_record(request)
            writer.write_record(response)
    return len(entries)


def build_wet(entries: list[dict], out: Path) -> int:
    with open(out, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        warcinfo(writer, out.name, entries[0]["date"], "newsgraph demo corpus: plain text extracted from news pages")
        for entry in entries:
            text = (SRC / entry["source"]).read_bytes()
            uri = entry["uri"]
            record = writer.create_warc_record(
                uri, "conversion", payload=BytesIO(text), length=len(text),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Record-ID": record_id(uri, "conversion"), "WARC-Date": entry["date"],
                                   "WARC-Refers-To": record_id(uri, "response"),
                                   "WARC-Identified-Content-Language": "eng"})
            writer.write_record(record)
    return len(entries)


def main() -> None:
    records = json.loads((SRC / "records.json").read_text(encoding="utf-8"))
    n_warc = build_warc(records["warc"], ARCHIVE / "crawl.warc.gz")
    n_wet = build_wet(records["wet"], ARCHIVE / "crawl.wet.gz")
    print(f"wrote {ARCHIVE / 'crawl.warc.gz'} ({n_warc} response records)")
    print(f"wrote {ARCHIVE / 'crawl.wet.gz'} ({n_wet} conversion records)")


if __name__ == "__main__":
    main()
