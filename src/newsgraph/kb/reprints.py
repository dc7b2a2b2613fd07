"""Republished copies: MinHash signatures with LSH banding kept in SQLite, exact containment to confirm.

Each paragraph of a body gets a MinHash signature over its word shingles; the
signature is cut into bands and each band's hash is stored (``lsh_recent_bands``, merged
into ``lsh_doc_bands`` every MERGE_DOCS documents). Two documents sharing a band hash
are candidates; working per paragraph finds an
article quoted at length inside another, which a whole-document signature would
miss (half of a body reused gives a Jaccard of about a third), and it ignores
blog chrome around a copied text. Candidates are then confirmed by the exact
share of the copy's shingles found in the original (containment).
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5  # word n-grams; 5 words rarely repeat by chance across unrelated news stories
NUM_PERM = 32  # permutations per paragraph signature (the first BANDS * BAND_ROWS are used)
# 6 bands of 4 rows find a paragraph copied with small edits (Jaccard 0.8) 96% of the time
# and one half rewritten (0.5) 32% of the time; a copy of several paragraphs is found when
# any one of them is (two edited paragraphs: 99.8%). Unrelated paragraphs (0.1) collide
# under 0.1% of the time. 8 bands (98%, 40%) cost a third more index rows, the largest
# table written while loading, for no reprint missed on the demo corpus either way.
BAND_ROWS = 4
BANDS = 6
MIN_PARAGRAPH_WORDS = 12  # shorter lines ("Comments", captions) carry no evidence of copying
MAX_PARAGRAPHS = 40  # bounds the index size per document
# Share of the copy's shingles found in the original. Unrelated stories on the same
# event share under 0.1 (stock phrases, names); a text quoted at length, 0.3 and more.
MIN_CONTAINMENT = 0.25
FULL_COPY = 0.9  # above this share the copy is the whole original text, not an excerpt
# Affine permutations (a * h + b mod 2**32) of the shingle hashes, one pair per signature
# value: fixed odd multipliers and offsets (any distinct random odd values do; these came from
# datasketch's seeded generator once, and are constants so that stored band keys stay comparable).
_PERMUTATION_A = (
    3582191691, 4270784983, 1892572953, 3715639441, 982527, 1100580627, 2597016983, 4286725387,
    1260623519, 2027988865, 793182497, 3406602499, 1599963033, 3332127887, 2968344027, 1458107385,
    3408206605, 3741252147, 333433189, 2974788137, 3600853501, 2690998987, 1591023397, 210867113,
    1756231447, 3809231353, 3248004053, 1972053305, 235257659, 295613213, 1464304741, 3555906697)
_PERMUTATION_B = (
    1792310487, 1963679703, 2399554537, 1849836273, 602957303, 4033523166, 850839392, 3343156310,
    3439171725, 3075069929, 4158651785, 3447817223, 1346146623, 398576445, 2973502998, 2225448249,
    3764062721, 3715233664, 3842306364, 3561158865, 365262088, 3563119320, 167739021, 1172740723,
    729416111, 254447594, 3771593337, 2879896008, 422396446, 2547196999, 1808643459, 2884732358)
MAX_CANDIDATES = 50  # most-similar candidates confirmed per document
# Recent band rows are merged into the big band table once per this many documents stored:
# about 360,000 rows, some 6 MiB, well inside the page cache (where the small table's random
# inserts stay cheap), and few enough merges that rewriting the big table's pages at each
# costs little (at 20,000 documents: 0.19 ms a document writing it directly; see migration 8).
MERGE_DOCS = 10_000
RECOMPUTE_DOCS = 2_000  # documents read per step when all band keys are computed again

_WORD = re.compile(r"\w+", re.UNICODE)
_PARAGRAPH = re.compile(r"\n\s*\n")
_PERMUTATIONS: tuple[np.ndarray, np.ndarray] | None = None
# MurmurHash3's 32-bit finalizer (shift, multiplier, shift, multiplier, shift): spreads each
# shingle hash over all bits before its permutations.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
# SplitMix64's finalizer, the same role for a band's 64-bit key.
_MIX64 = (30, 0xBF58476D1CE4E5B9, 27, 0x94D049BB133111EB, 31)
# Odd multipliers of the order-sensitive folds (words into a shingle, values into a band):
# the 32- and 64-bit FNV primes, any large odd constant would do.
_FOLD32 = 0x01000193
_FOLD64 = 0x100000001B3


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str) -> set[str]:
    return _grams(words(text))


def _grams(tokens: list[str]) -> set[str]:
    if len(tokens) < SHINGLE_WORDS:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = (np.asarray(_PERMUTATION_A, dtype=np.uint32),
                         np.asarray(_PERMUTATION_B, dtype=np.uint32))
    return _PERMUTATIONS


def _finalise(values: np.ndarray, steps: tuple[int, int, int, int, int]) -> np.ndarray:
    """A xor-shift-multiply finalizer (``_FMIX32`` or ``_MIX64``) in the values' own unsigned width."""
    width = values.dtype.type
    s1, m1, s2, m2, s3 = (width(step) for step in steps)
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def _word_hashes(tokens: list[str]) -> np.ndarray:
    return np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint32, count=len(tokens))


def _fold(hashes: list[np.ndarray]) -> np.ndarray:
    """Order-sensitive combination of aligned word-hash arrays (h = h * M xor next, mod 2**32)."""
    combined = hashes[0]
    for following in hashes[1:]:
        combined = (combined * np.uint32(_FOLD32)) ^ following
    return combined


def signatures(paragraphs: list[list[str]]) -> np.ndarray:
    """One MinHash signature per non-empty paragraph (given as its words; one row each).

    A shingle's hash combines the CRC-32 of its five words, so every word is hashed once and
    all shingles of all paragraphs are hashed, mixed and permuted in a few numpy passes (one
    SHA-1 per shingle string was a quarter of the time spent storing a document).
    """
    paragraphs = [tokens for tokens in paragraphs if tokens]
    if not paragraphs:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    flat = [token for tokens in paragraphs for token in tokens]
    word_hashes = _word_hashes(flat)
    total = len(flat)
    with np.errstate(over="ignore"):  # uint32 arithmetic wraps modulo 2**32 by design
        # The hash of the five words starting at each position (windows crossing a paragraph
        # end are computed too, and left out below).
        windows = (_fold([word_hashes[k:total - SHINGLE_WORDS + 1 + k] for k in range(SHINGLE_WORDS)])
                   if total >= SHINGLE_WORDS else np.zeros(0, dtype=np.uint32))
        parts: list[np.ndarray] = []
        starts: list[int] = []
        position = size = 0
        for tokens in paragraphs:
            count = len(tokens)
            starts.append(size)
            if count >= SHINGLE_WORDS:
                parts.append(windows[position:position + count - SHINGLE_WORDS + 1])
            else:  # a short paragraph is one shingle of all its words
                parts.append(_fold([word_hashes[position + k:position + k + 1] for k in range(count)]))
            size += len(parts[-1])
            position += count
        a, b = _permutations()
        mixed = _finalise(np.concatenate(parts), _FMIX32).reshape(-1, 1)
        permuted = mixed * a + b
    return np.minimum.reduceat(permuted, np.asarray(starts), axis=0)


def band_keys(body: str) -> set[int]:
    """The LSH band hashes of every long-enough paragraph of ``body`` (signed 64-bit values)."""
    paragraphs = [tokens for tokens in map(words, _PARAGRAPH.split(body))
                  if len(tokens) >= MIN_PARAGRAPH_WORDS]
    rows = signatures(paragraphs[:MAX_PARAGRAPHS])
    if not len(rows):
        return set()
    bands = rows[:, :BANDS * BAND_ROWS].astype(np.uint64).reshape(len(rows), BANDS, BAND_ROWS)
    with np.errstate(over="ignore"):  # uint64 arithmetic wraps modulo 2**64 by design
        # The band's number starts the combination: equal values in two different bands
        # make different keys.
        keys = np.arange(1, BANDS + 1, dtype=np.uint64)  # broadcast over the paragraphs
        for row in range(BAND_ROWS):
            keys = (keys * np.uint64(_FOLD64)) ^ bands[:, :, row]
        keys = _finalise(keys, _MIX64)
    return set(keys.view(np.int64).ravel().tolist())


def gram_set(text: str) -> set[tuple[str, ...]]:
    """The shingles of ``text`` as word tuples: the same set as ``shingles`` (words hold no
    spaces, so a tuple and its joined string stand for each other), built without joining."""
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return {tuple(tokens)} if tokens else set()
    return set(zip(*(tokens[i:] for i in range(SHINGLE_WORDS)), strict=False))  # shorter tails end it


def share(copy_grams: set, original_grams: set) -> float:
    """Share of the copy's shingles that occur in the original (0 for a copy without any)."""
    if not copy_grams:
        return 0.0
    return len(copy_grams & original_grams) / len(copy_grams)


def containment(copy_body: str, original_body: str) -> float:
    """Share of the copy's shingles that occur in the original."""
    return share(gram_set(copy_body), gram_set(original_body))


@dataclass
class Candidate:
    doc_id: str
    body: str
    published: str | None
    site_name: str | None
    uri: str | None
    rowid: int | None = None  # its row in ``documents``, the key of its per-document rows


def document_rowid(conn: sqlite3.Connection, doc_id: str) -> int | None:
    row = conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def index_and_find(conn: sqlite3.Connection, doc_id: str, body: str, rowid: int | None = None
                   ) -> list[Candidate]:
    """Store the band hashes of ``doc_id`` and return the stored documents sharing any of them."""
    if rowid is None:
        rowid = document_rowid(conn, doc_id)
    keys = sorted(band_keys(body))
    if rowid is None or not keys:
        return []
    conn.executemany("INSERT OR IGNORE INTO lsh_recent_bands (key, doc) VALUES (?, ?)",
                     [(key, rowid) for key in keys])
    # A (key, document) pair counts once even when a document indexed again (after a forget)
    # has it in both tables.
    pairs: set[tuple[int, int]] = set()
    for chunk_start in range(0, len(keys), 400):  # SQLite caps the number of bound parameters
        chunk = keys[chunk_start:chunk_start + 400]
        marks = ",".join("?" * len(chunk))
        pairs.update(conn.execute(
            f"SELECT key, doc FROM lsh_doc_bands WHERE key IN ({marks}) AND doc != ? UNION ALL "
            f"SELECT key, doc FROM lsh_recent_bands WHERE key IN ({marks}) AND doc != ?",
            (*chunk, rowid, *chunk, rowid)))
    hits: dict[int, int] = {}
    for _, other in pairs:
        hits[other] = hits.get(other, 0) + 1
    best = sorted(hits, key=lambda d: (-hits[d], d))[:MAX_CANDIDATES]
    out = []
    for other in best:
        row = conn.execute("SELECT id, body, published, site_name, uri FROM documents WHERE rowid = ?",
                           (other,)).fetchone()
        if row:
            out.append(Candidate(row[0], row[1], row[2], row[3], row[4], other))
    return out


def merge_bands(conn: sqlite3.Connection, first_rowid: int, last_rowid: int) -> bool:
    """Move the recent band rows into ``lsh_doc_bands`` when documents ``first_rowid``..``last_rowid``
    (one batch) crossed a multiple of MERGE_DOCS; True if they were merged. In key order,
    each page of the big table is written once per merge."""
    if last_rowid // MERGE_DOCS == (first_rowid - 1) // MERGE_DOCS:
        return False
    merge_all_bands(conn)
    return True


def merge_all_bands(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT OR IGNORE INTO lsh_doc_bands (key, doc) "
                 "SELECT key, doc FROM lsh_recent_bands ORDER BY key, doc")
    conn.execute("DELETE FROM lsh_recent_bands")


def recompute_band_keys(conn: sqlite3.Connection) -> None:
    """Store the band keys of every document again from its body (after a change of hashing),
    RECOMPUTE_DOCS documents at a time, then merge them into the big table in key order."""
    last = 0
    while True:
        rows = conn.execute("SELECT rowid, body FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
                            (last, RECOMPUTE_DOCS)).fetchall()
        if not rows:
            break
        conn.executemany("INSERT OR IGNORE INTO lsh_recent_bands (key, doc) VALUES (?, ?)",
                         [(key, rowid) for rowid, body in rows for key in band_keys(body)])
        last = rows[-1][0]
    merge_all_bands(conn)


def forget_bands(conn: sqlite3.Connection, rowid: int, body: str) -> None:
    """Remove a document's band rows (found by their keys, recomputed from its body)."""
    rows = [(key, rowid) for key in sorted(band_keys(body))]
    conn.executemany("DELETE FROM lsh_doc_bands WHERE key = ? AND doc = ?", rows)
    conn.executemany("DELETE FROM lsh_recent_bands WHERE key = ? AND doc = ?", rows)


def _names_of_outlet(site_name: str | None, uri: str | None) -> list[str]:
    names = []
    if site_name:
        names.append(site_name.lower())
    if uri:
        host = re.sub(r"^[a-z]+://(www\.)?", "", uri.lower()).split("/")[0]
        stem = host.split(".")[0]
        if len(stem) >= 4:
            names.append(stem)
    return names


def cites(body: str, site_name: str | None, uri: str | None) -> bool:
    """Whether ``body`` names the outlet given by ``site_name``/``uri`` ("as the Andes Courier reported")."""
    squashed = re.sub(r"[^a-z0-9]+", "", body.lower())
    for name in _names_of_outlet(site_name, uri):
        key = re.sub(r"^the", "", re.sub(r"[^a-z0-9]+", "", name))
        if len(key) >= 4 and key in squashed:
            return True
    return False


@dataclass
class Direction:
    original: str
    copy: str
    reason: str
    contradicts_dates: bool = False


def direction(a: Candidate, b: Candidate) -> Direction:
    """Which of two overlapping documents is the original.

    A copy that names the other outlet is the copy whatever the dates say (a
    wrong date on a republished page is common); otherwise the earlier
    publication is the original; on equal or unknown dates, the smaller id,
    so that the answer never depends on ingest order.
    """
    a_cites_b = cites(a.body, b.site_name, b.uri)
    b_cites_a = cites(b.body, a.site_name, a.uri)
    if a_cites_b != b_cites_a:
        original, copy = (b, a) if a_cites_b else (a, b)
        late = bool(original.published and copy.published and original.published > copy.published)
        return Direction(original.doc_id, copy.doc_id, "the copy names the original's outlet", late)
    if a.published and b.published and a.published != b.published:
        original, copy = (a, b) if a.published < b.published else (b, a)
        return Direction(original.doc_id, copy.doc_id, "published earlier")
    original, copy = (a, b) if a.doc_id < b.doc_id else (b, a)
    return Direction(original.doc_id, copy.doc_id, "same or unknown dates and no citation: smaller id")
