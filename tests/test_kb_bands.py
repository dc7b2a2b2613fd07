"""LSH band rows kept in two tables (recent rows merged into the big one): same reprints either way."""

from __future__ import annotations

import sqlite3

from conftest import build_old_schema
from newsgraph.kb import open_kb
from newsgraph.kb.bench import Generator
from newsgraph.kb.index import forget, snapshot
from newsgraph.kb.migrations import SQLITE_MIGRATIONS
from newsgraph.kb.queries import decisions
from newsgraph.kb.reprints import band_keys, gram_set, merge_all_bands, merge_bands, share, shingles
from newsgraph.record import Document, Source

STORY = ("The river burst its banks before dawn and flooded the lower town, where rescue teams "
         "worked through the night to reach families trapped on the roofs of their houses.\n\n"
         "Local officials said the water had reached the second floor of the old market building "
         "and that the main bridge to the capital would stay closed for several days at least.")


def _count(conn, table: str, rowid: int | None = None) -> int:
    if rowid is None:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc = ?", (rowid,)).fetchone()[0]


def test_gram_sets_are_the_shingles_as_word_tuples():
    text = "One two three four five six, seven!"
    assert gram_set(text) == {tuple(s.split()) for s in shingles(text)}
    assert len(gram_set(text)) == 3
    assert gram_set("Only three words") == {("only", "three", "words")}
    assert gram_set(" ... ") == set()
    assert share(gram_set("a b c d e f"), gram_set("b c d e f g")) == 0.5
    assert share(set(), gram_set("a b c d e")) == 0.0


def test_recent_bands_are_merged_when_a_batch_crosses_a_multiple_of_merge_docs(tmp_path, monkeypatch):
    monkeypatch.setattr("newsgraph.kb.reprints.MERGE_DOCS", 100)
    with open_kb(tmp_path / "kb.db") as kb:
        kb.conn.execute("INSERT INTO lsh_recent_bands (key, doc) VALUES (7, 1)")
        assert not merge_bands(kb.conn, 1, 99)
        assert not merge_bands(kb.conn, 101, 150)
        assert _count(kb.conn, "lsh_recent_bands") == 1
        assert merge_bands(kb.conn, 81, 120)
        assert merge_bands(kb.conn, 100, 100)
        assert [tuple(r) for r in kb.conn.execute("SELECT key, doc FROM lsh_doc_bands")] == [(7, 1)]
        assert _count(kb.conn, "lsh_recent_bands") == 0


def _span(rowids: set[int]) -> tuple[int, int] | None:
    return (min(rowids), max(rowids)) if rowids else None


def _load(path, docs: list[Document], batch: int) -> tuple[dict, list]:
    with open_kb(path) as kb:
        for start in range(0, len(docs), batch):
            kb.add_batch(docs[start:start + batch])
        recent = {r[0] for r in kb.conn.execute("SELECT DISTINCT doc FROM lsh_recent_bands")}
        merged = {r[0] for r in kb.conn.execute("SELECT DISTINCT doc FROM lsh_doc_bands")}
        state = snapshot(kb.conn)
        state["recent"], state["merged"] = _span(recent), _span(merged)
        return state, decisions(kb.conn)


def test_merging_bands_mid_load_finds_the_same_reprints(tmp_path, monkeypatch):
    docs = list(Generator().documents(240))
    whole, whole_decisions = _load(tmp_path / "whole.db", docs, 40)
    assert whole["merged"] is None and whole["recent"] == (1, 240)  # no multiple of 10,000 crossed
    monkeypatch.setattr("newsgraph.kb.reprints.MERGE_DOCS", 100)
    docs = list(Generator().documents(240))
    merged, merged_decisions = _load(tmp_path / "merged.db", docs, 40)
    # Batches end at 40, 80, 120 (crosses 100), 160, 200 (crosses 200), 240.
    assert merged["merged"] == (1, 200) and merged["recent"] == (201, 240)
    assert len(whole["reprints"]) >= 3
    for state in (whole, merged):
        del state["recent"], state["merged"]
    assert merged == whole
    assert merged_decisions == whole_decisions


def _story(path: str, extra: str = "") -> Document:
    return Document(body=STORY + extra, published="2020-03-01", published_basis="metadata",
                    source=Source(path=path))


def test_a_copy_of_a_merged_document_is_found_and_forget_clears_both_tables(tmp_path):
    with open_kb(tmp_path / "kb.db") as kb:
        original = _story("a.txt")
        kb.add_batch([original])
        merge_all_bands(kb.conn)
        assert _count(kb.conn, "lsh_doc_bands", 1) == len(band_keys(STORY)) == 12
        copy = _story("b.txt", "\n\nRepublished with permission.")
        copy.published = "2020-03-02"
        kb.add_batch([copy])
        assert _count(kb.conn, "lsh_recent_bands", 2) == 12
        assert [tuple(r) for r in kb.conn.execute("SELECT original, copy, kind FROM reprints")] == [
            (original.id, copy.id, "full")]
        assert forget(kb.conn, copy.id)
        # The original, indexed again, may hold its rows in both tables; they count once.
        assert _count(kb.conn, "lsh_recent_bands", 2) == 0 and snapshot(kb.conn)["bands"] == 12
        assert _count(kb.conn, "lsh_doc_bands", 1) == 12
        assert forget(kb.conn, original.id)
        assert _count(kb.conn, "lsh_doc_bands") == _count(kb.conn, "lsh_recent_bands") == 0


def _sha1_band_keys(body: str) -> set[int]:
    """Band keys as schema 8 and before stored them: datasketch MinHash values (SHA-1 of each
    shingle), each band's four values as little-endian uint64 bytes hashed with BLAKE2b."""
    import hashlib

    from datasketch import MinHash

    keys = set()
    paragraphs = [p for p in body.split("\n\n") if len(p.split()) >= 12]
    for paragraph in paragraphs:
        minhash = MinHash(num_perm=32, scheme="affine32")
        minhash.update_batch([g.encode("utf-8") for g in shingles(paragraph)])
        data = minhash.hashvalues[:24].astype("<u8").tobytes()
        for band in range(6):
            digest = hashlib.blake2b(bytes([band]) + data[band * 32:(band + 1) * 32], digest_size=8).digest()
            keys.add(int.from_bytes(digest, "little", signed=True))
    return keys


def _old_kb(path, version: int, keys_table: str) -> None:
    """A knowledge base at schema ``version`` holding STORY as 'old', with SHA-1 band keys."""
    conn = sqlite3.connect(path)
    build_old_schema(conn, version)
    conn.execute("INSERT INTO documents (id, format, published, published_basis, body, record) "
                 "VALUES ('old', 'text', '2020-03-01', 'metadata', ?, '{}')", (STORY,))
    conn.executemany(f"INSERT INTO {keys_table} (key, doc) VALUES (?, 1)", [(k,) for k in _sha1_band_keys(STORY)])
    conn.commit()
    conn.close()


def test_old_band_keys_are_replaced_by_the_current_ones_and_copies_still_found(tmp_path):
    old_keys = _sha1_band_keys(STORY)
    assert len(old_keys) == 12 and not old_keys & band_keys(STORY)  # the hashing did change
    for version, table in ((7, "lsh_doc_bands"), (8, "lsh_recent_bands")):
        path = tmp_path / f"old{version}.db"
        _old_kb(path, version, table)
        with open_kb(path) as kb:
            assert kb.schema_version() == SQLITE_MIGRATIONS[-1][0] >= 9  # 9 recomputed the keys
            stored = {r[0] for r in kb.conn.execute("SELECT key FROM lsh_doc_bands WHERE doc = 1")}
            assert stored == band_keys(STORY) and _count(kb.conn, "lsh_recent_bands") == 0
            copy = _story("b.txt", "\n\nRepublished with permission.")
            copy.published = "2020-03-02"
            assert kb.add_batch([copy]) == [True]
            assert [tuple(r) for r in kb.conn.execute("SELECT original, copy FROM reprints")] == [("old", copy.id)]
