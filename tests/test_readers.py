"""Readers: every input kind, format sniffed from content, bad input as reasons not crashes."""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest.readers import MAX_PAGE_BYTES, Failure, RawPage, read_paths, read_stream

HTML = b"""<!doctype html><html><head><title>Flood in Lagos</title></head>
<body><article><p>Heavy rain flooded parts of Lagos on Tuesday.</p></article></body></html>"""


def read_one(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_paths([str(path)]))


def write_warc(path, records, gz=True):
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for uri, payload, rec_type, content_type in records:
            http = None
            if rec_type == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(payload), http_headers=http,
                warc_content_type=None if rec_type == "response" else content_type)
            writer.write_record(record)


def test_plain_text_page(tmp_path):
    [page] = read_one(tmp_path, "a.txt", b"Storm hits coast\n\nWinds of 120 km/h.")
    assert isinstance(page, RawPage)
    assert (page.kind, page.origin, page.content) == ("text", "text", "Storm hits coast\n\nWinds of 120 km/h.")


def test_html_detected_from_content_not_extension(tmp_path):
    [page] = read_one(tmp_path, "page.dat", HTML)
    assert (page.kind, page.origin) == ("html", "html")


def test_gzipped_html(tmp_path):
    [page] = read_one(tmp_path, "page.html.gz", gzip.compress(HTML))
    assert page.kind == "html"
    assert "Heavy rain flooded" in page.content


def test_jsonl_lines_with_text_or_html_and_metadata(tmp_path):
    lines = [
        {"url": "https://ex.org/a", "published": "2016-03-22", "title": "A", "text": "Body one."},
        {"url": "https://ex.org/b", "html": HTML.decode()},
        {"url": "https://ex.org/c"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode() + b"\nnot json\n"
    items = read_one(tmp_path, "export.jsonl", data)
    assert [type(i).__name__ for i in items] == ["RawPage", "RawPage", "Failure", "Failure"]
    assert (items[0].uri, items[0].published, items[0].title, items[0].kind) == (
        "https://ex.org/a", "2016-03-22", "A", "text")
    assert items[1].kind == "html" and items[1].origin == "jsonl"
    assert items[2].reason == "JSON line has no 'text' or 'html'"
    assert items[3].where.endswith("export.jsonl#4") and items[3].reason.startswith("invalid JSON")


def test_warc_response_resource_and_conversion_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://ex.org/1", HTML, "response", "text/html; charset=utf-8"),
        ("https://ex.org/2", b"Plain resource text about a flood.", "resource", "text/plain"),
        ("https://ex.org/3", b"Converted text of a page.", "conversion", "text/plain"),
        ("https://ex.org/4", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "resource", "image/png"),
    ])
    items = list(read_paths([str(path)]))
    assert [(i.uri, i.kind, i.origin) for i in items[:3]] == [
        ("https://ex.org/1", "html", "warc"), ("https://ex.org/2", "text", "warc"),
        ("https://ex.org/3", "text", "wet")]
    assert isinstance(items[3], Failure) and items[3].reason.startswith("non-text resource record")


def test_uncompressed_warc_detected_by_content(tmp_path):
    path = tmp_path / "crawl.bin"
    write_warc(path, [("https://ex.org/1", HTML, "response", "text/html")], gz=False)
    [page] = read_paths([str(path)])
    assert page.origin == "warc" and page.uri == "https://ex.org/1"


def test_broken_warc_record_keeps_earlier_records(tmp_path):
    path = tmp_path / "broken.warc"
    write_warc(path, [("https://ex.org/1", HTML, "response", "text/html")], gz=False)
    with open(path, "ab") as handle:
        handle.write(b"GARBAGE WHERE A RECORD SHOULD START\r\n\r\n")
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawPage", "Failure"]
    assert items[1].where.endswith("broken.warc#2")
    assert items[1].reason == "broken WARC record: Invalid WARC record, first line: GARBAGE WHERE A RECORD SHOULD START"


def test_warc_response_without_uri_is_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "nouri.warc"
    write_warc(path, [("https://ex.org/1", HTML, "response", "text/html")], gz=False)
    with open(path, "ab") as handle:
        handle.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nshort\r\n\r\n")
    items = list(read_paths([str(path)]))
    assert isinstance(items[0], RawPage)
    assert isinstance(items[1], Failure) and items[1].reason.startswith("broken WARC record: AttributeError")


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second page text.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Nested page text.", encoding="utf-8")
    (tmp_path / ".hidden").write_text("ignored", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [i.content for i in items] == ["Second page text.", "Nested page text."]


def test_stdin_stream():
    [page] = read_stream(io.BytesIO(b"From a pipe."), "<stdin>")
    assert page.content == "From a pipe." and page.path == "<stdin>"


def test_empty_file(tmp_path):
    [failure] = read_one(tmp_path, "empty.txt", b"")
    assert failure.reason == "empty file"


def test_missing_path():
    [failure] = read_paths(["/nonexistent/newsgraph/page.txt"])
    assert failure.reason == "no such file or directory"


def test_binary_file(tmp_path):
    [failure] = read_one(tmp_path, "image.txt", bytes(range(256)) * 40)
    assert failure.reason == "binary file, not a text, HTML, WARC or JSON Lines page"


def test_truncated_gzip(tmp_path):
    data = gzip.compress(HTML * 50)
    [failure] = read_one(tmp_path, "page.html.gz", data[: len(data) // 2])
    assert failure.reason.startswith("truncated or corrupt gzip")


def test_file_over_the_page_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # 100 MB, sparse: instant to make
    with open(path, "r+b") as handle:
        handle.write(b"Some text at the start.")
    [failure] = read_paths([str(path)])
    assert failure.reason == f"file too large for one page (100.0 MB > {MAX_PAGE_BYTES // 2**20} MB)"


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    [page] = read_one(tmp_path, "bad.txt", "Café in Zürich ".encode() + b"\xff\xfe bad" + b" end")
    assert page.content.startswith("Café in Zürich")
    assert page.warnings == ["invalid UTF-8 at byte 17; undecodable bytes replaced"]


def test_windows_1252_is_detected(tmp_path):
    text = "“We will rebuild,” said Hélène, the mayor of Orléans, who visited the café on Tuesday. " * 3
    [page] = read_one(tmp_path, "cp1252.txt", text.encode("cp1252"))
    assert page.content == text
    assert page.warnings == ["input is not UTF-8; decoded as cp1252"]
