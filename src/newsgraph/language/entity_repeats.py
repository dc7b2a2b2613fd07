"""Later mentions of a known name that the model did not tag.

The small model often misses a surname standing alone ("Lopez said ...") or an
acronym the story introduced ("... the PKK"), though it found the full form
earlier. Once the entities of a document are known, their names are looked up
word by word in the body (a dictionary probe per word: linear in the text) and
untagged occurrences become mentions of the entity they name.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from newsgraph.language.entity_merge import Cluster, Merger, is_acronym
from newsgraph.language.entity_rules import Mention, ParsedText
from newsgraph.language.entity_words import NOISE_WORDS, SURNAME_PARTICLES, TITLE_ONLY

# Words not starting with an ASCII small letter: names are capitalised, and
# skipping most words in the regex itself keeps the scan cheap.
_CAPITALISED_WORD = re.compile(r"(?<![\w'\u2019\-])[^\W\d_a-z][\w'\u2019\-]*")
# Surnames shorter than this are not searched for untagged ("Li", "Ng" are real
# surnames but also fragments of other words and initials).
MIN_REPEATED_SURNAME = 3
_SENTENCE_END = ".!?\"\u201c\u201d:;\n"
# Words that open a sentence before a name without being part of it ("But Lopez said").
_SENTENCE_OPENERS = frozenset({
    "but", "and", "so", "then", "when", "while", "after", "before", "as", "if", "since", "though",
    "although", "because", "meanwhile", "later", "earlier", "now", "still", "yet", "also", "instead",
    "here", "there", "however", "asked", "according", "said",
}) | NOISE_WORDS


def add_repeated_names(merger: Merger, text: ParsedText, mentions: list[Mention]) -> None:
    if text.casing != "mixed":
        return  # in all-capital or all-lower text a capital says nothing about names
    surnames, forms = _lookup_tables(merger)
    if not surnames and not forms:
        return
    body, parsed, tagged = text.body, text.parsed, text.tagged
    occupied = sorted({(m.start, m.end) for m in mentions} | {(e.start_char, e.end_char) for e in text.ents})
    starts = [s for s, _ in occupied]
    mention_starts = {c.key: sorted(m.start for m in c.mentions) for c in merger.roots()}
    added_until = 0  # end of the last repeat added: words inside it are taken
    for word in _CAPITALISED_WORD.finditer(body):
        found, start = word.group(0), word.start()
        if start < added_until or not found[0].isupper():
            continue
        for form, cluster in forms.get(found, []):
            end = start + len(form)
            matches = body.startswith(form, start) and not _continues(body, end)
            if matches and _free(occupied, starts, start, end):
                _add(cluster, Mention(start, end, form, cluster.current_type(), origin="repeat"))
                added_until = end
                break
        else:
            surname = _strip_possessive(found)
            holders = surnames.get(surname)
            if not holders:
                continue
            end = start + len(surname)
            if not _free(occupied, starts, start, end) or not _stands_alone(body, start, end, parsed, tagged):
                continue
            if tagged and not _is_proper_noun(parsed, start, end):
                continue
            cluster = _nearest_before(holders, mention_starts, start)
            if cluster is not None:
                _add(cluster, Mention(start, end, body[start:end], "PERSON", origin="repeat"))


def _lookup_tables(merger: Merger) -> tuple[dict[str, list[Cluster]], dict[str, list[tuple[str, Cluster]]]]:
    surnames: dict[str, list[Cluster]] = {}
    forms: dict[str, list[tuple[str, Cluster]]] = {}
    form_owner: dict[str, set[int]] = {}
    for cluster in merger.roots():
        for mention in cluster.mentions:
            words = mention.words
            if mention.label == "PERSON" and len(words) >= 2:
                for surname in _written_surnames(words[-1]):
                    holders = surnames.setdefault(surname, [])
                    if cluster not in holders:
                        holders.append(cluster)
            if len(words) >= 2 or (is_acronym(mention.text) and len(mention.text) >= 3):
                form_owner.setdefault(mention.text, set()).add(cluster.key)
                forms.setdefault(words[0], []).append((mention.text, cluster))
    for first, entries in forms.items():
        # A form two entities share says nothing; longest forms are tried first.
        unique = {text: cluster for text, cluster in entries if len(form_owner[text]) == 1}
        forms[first] = sorted(unique.items(), key=lambda item: -len(item[0]))
    return surnames, forms


def _written_surnames(last: str) -> list[str]:
    out = [last]
    for particle in SURNAME_PARTICLES:
        if last.lower().startswith(particle) and len(last) > len(particle) + 1:
            out.append(last[len(particle):])
    return [s for s in out if len(s) >= MIN_REPEATED_SURNAME and s[0].isupper()
            and s.lower() not in NOISE_WORDS and not TITLE_ONLY.match(s)]


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "\u2019s"):
        if word.endswith(suffix):
            return word[:-len(suffix)]
    return word


def _continues(body: str, end: int) -> bool:
    return end < len(body) and (body[end].isalnum() or body[end] == "-")


def _free(occupied: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end)
    return not (i > 0 and occupied[i - 1][1] > start) and not any(
        s < end and start < e for s, e in occupied[max(0, i - 3):i])


def _stands_alone(body: str, start: int, end: int, parsed: Any, tagged: bool) -> bool:
    """Not part of a longer untagged name ("Carlos Lopez"): no name word right before or after."""
    after = re.match(r"[ \t]+([^\W\d_])", body[end:end + 3])
    if after and after.group(1).isupper():
        return False
    before = body[max(0, start - 30):start]
    previous = re.search(r"([^\W\d_][\w'\u2019\-]*)[ \t]+$", before)
    if not previous or not previous.group(1)[0].isupper() or TITLE_ONLY.match(previous.group(1)):
        return True
    gap = before[:previous.start()].rstrip()
    if gap and gap[-1] not in _SENTENCE_END:
        return False  # a capitalised word mid-sentence: part of the name
    # At a sentence start the capital says nothing: ask the tagger, or the opener list.
    if tagged:
        offset = max(0, start - 30) + previous.start(1)
        return not _is_proper_noun(parsed, offset, offset + len(previous.group(1)))
    return previous.group(1).lower() in _SENTENCE_OPENERS


def _is_proper_noun(parsed: Any, start: int, end: int) -> bool:
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.pos_ == "PROPN"


def _nearest_before(holders: list[Cluster], mention_starts: dict[int, list[int]],
                    position: int) -> Cluster | None:
    """The holder named most recently before ``position``; with none before, the only holder."""
    best, best_start = None, -1
    for cluster in holders:
        starts = mention_starts.get(cluster.key, [])
        i = bisect.bisect_left(starts, position)
        if i > 0 and starts[i - 1] > best_start:
            best, best_start = cluster, starts[i - 1]
    if best is None and len(holders) == 1:
        return holders[0]
    return best


def _add(cluster: Cluster, mention: Mention) -> None:
    cluster.mentions.append(mention)
