"""Dates and time expressions: find them, normalise them TimeML-style, fill ``doc.dates``.

The grammar (``date_grammar``) finds spans; the resolver (``date_resolve``)
turns each into a TIMEX3 value against the publication date. Two things come
from the surrounding text: whether the clause points to the future ("will meet
Friday" is the coming Friday), and the last year and quarter mentioned, for
anaphoric phrases ("that year", "a year earlier" beside quarterly results).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsgraph.extract.date_grammar import Candidate, find_candidates
from newsgraph.extract.date_resolve import ResolveContext, resolve
from newsgraph.record import DateMention, Document

NO_PUBLICATION_WARNING = "dates: no publication date; relative dates left unresolved"

# Words that put a clause in the future. "would" counts: in reported speech ("said it would
# meet Friday") it is the future seen from the past, which TimeBank annotates as ahead.
_FUTURE_WORDS = re.compile(
    r"\b(?:will|'ll|shall|won't|wo|going\s+to|scheduled|expected\s+to|plans?\s+to|planned|due\s+to|"
    r"would|set\s+to|intends?\s+to|hopes?\s+to|until|by|upcoming|starting|beginning)\b", re.IGNORECASE)
_PAST_WORDS = re.compile(
    r"\b(?:said|was|were|had|did|reported|told|announced|ago|earlier|last|yesterday|\w+ed)\b",
    re.IGNORECASE)
_FIRM_FUTURE = re.compile(r"\b(?:will|shall)\b|'ll\b", re.IGNORECASE)
# A preposition right before the expression that sets a deadline or a start ahead of now.
_DEADLINE_CUE = re.compile(r"\b(?:until|till|as\s+(?:soon|early)\s+as|starting)\s+(?:on\s+|at\s+)?$",
                           re.IGNORECASE)
# The ones that put even a weekday ahead ("as soon as Tuesday"; "until Thursday, they had not" is past).
_EARLIEST_CUE = re.compile(r"\bas\s+(?:soon|early)\s+as\s+(?:on\s+)?$", re.IGNORECASE)
# Words that put the event they govern on a schedule, ahead of when it is reported: "is scheduled
# to close Monday", "planned a demonstration on Saturday", "payable Jan. 2", "effective Feb. 1".
_SCHEDULE_LEMMAS = frozenset({"schedule", "slate", "plan", "postpone", "delay", "due", "payable",
                              "effective"})
# ... and two that do so only as participles: "is set to resume Monday", "is expected in December"
# (but "set a record Tuesday" and "expected Monday that ..." are past).
_SCHEDULE_PARTICIPLES = frozenset({"set", "expect"})
# Verbs whose infinitive complement is an intended event: "planned to leave Thursday", "is to
# resume trading Tuesday", "is scheduled to close Monday" (not "celebrations to mark Friday's entry").
# ("decided to weigh in on Monday", "agreed to ...") report what was done, so they are left out.
_INTENTION_LEMMAS = frozenset({"plan", "schedule", "set", "be", "expect", "intend", "hope", "want",
                               "prepare", "aim", "due", "slate", "go"})
# How far back from an expression the tense cue is looked for (characters), within its sentence.
# 60 characters is about ten words: the verb governing a date adverb is nearly always that close.
TENSE_WINDOW = 60

# Rules whose value never depends on the publication date.
_ABSOLUTE_VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def _sentence_window(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before the expression back to its sentence start (at most TENSE_WINDOW) and after it."""
    before = text[max(0, start - TENSE_WINDOW):start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "),
              before.rfind("; "))
    if cut >= 0:
        before = before[cut + 1:]
    after = text[end:end + TENSE_WINDOW]
    stop = re.search(r"[.;?!\n]", after)
    if stop:
        after = after[:stop.start()]
    return before, after


def _is_future_text(text: str, start: int, end: int) -> bool:
    before, after = _sentence_window(text, start, end)
    last_future = max((m.end() for m in _FUTURE_WORDS.finditer(before)), default=-1)
    last_past = max((m.end() for m in _PAST_WORDS.finditer(before)), default=-1)
    if last_future >= 0 or last_past >= 0:
        return last_future > last_past
    first_future = _FUTURE_WORDS.search(after)
    first_past = _PAST_WORDS.search(after)
    if first_future and (not first_past or first_future.start() < first_past.start()):
        return True
    return False


def _governor_path(sdoc: Any, start: int, end: int) -> list[Any]:
    """The expression's root and its heads up to the verb that governs it (the verb last)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    token = span.root
    path = [token]
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
        path.append(token)
    return path


def _scheduled(path: list[Any], start: int) -> bool:
    """A word before the expression, on the way from it to its verb, sets the event on a schedule
    ("planned a demonstration on Saturday"; not "On Friday, the government planned ...")."""
    for token in path[1:]:
        if token.idx >= start or token.pos_ not in ("VERB", "AUX", "ADJ"):
            continue  # the noun "plans" in "unveiled its plans at its Monday show" schedules nothing
        lemma = token.lemma_.lower()
        if lemma in _SCHEDULE_LEMMAS:
            return True
        if lemma in _SCHEDULE_PARTICIPLES and token.tag_ == "VBN":
            following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            if lemma == "expect" or following in ("to", "for"):  # "set for April", not "record set on"
                return True
    return False


def _infinitive_ahead(token: Any, helpers: list[Any]) -> bool:
    """ "to leave Thursday", "to be published in November": an infinitive (not "to have left")."""
    words = {c.lower_ for c in helpers}
    return "to" in words and "have" not in words and token.tag_ in ("VB", "VBN")


def _intended_infinitive(token: Any, helpers: list[Any]) -> bool:
    """An infinitive that complements a verb of intention or schedule, not in the past perfect
    ("had been due to expire Friday" is over)."""
    if not _infinitive_ahead(token, helpers) or token.head is token:
        return False
    head = token.head
    if token.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() not in _INTENTION_LEMMAS:
        return False
    for verb in (head, head.head):  # "had been due to expire": "had" hangs on the verb above "due"
        if any(c.lower_ in ("had", "'d") for c in verb.children if c.dep_ in ("aux", "auxpass")):
            return False
        if verb.lower_ in ("had", "'d"):
            return False
    return True


def _is_future_parse(path: list[Any], start: int) -> bool | None:
    """Tense of the verb that governs the expression (``path`` from ``_governor_path``); None if unknown."""
    if not path:
        return None
    if _scheduled(path, start):
        return True
    token = path[-1]
    if token.pos_ not in ("VERB", "AUX"):
        return None
    helpers = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "'ll", "shall", "wo", "would") for c in helpers):
        return True
    if _infinitive_ahead(token, helpers):
        return True
    if token.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in helpers):
        return False
    if token.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re", "am") for c in helpers):
        return True  # "is meeting Friday": present progressive for an arrangement
    return None


def _has_firm_future(path: list[Any], start: int) -> bool:
    """Whether the expression's verb firmly points ahead: "will"/"shall"/"'ll", an infinitive of
    intention ("planned to leave Thursday"), or a schedule ("is scheduled to close Monday")."""
    if not path or path[0].dep_ == "compound":
        return False  # "its Monday night performance": a day naming an event, like "Friday's raid"
    if _scheduled(path, start):
        return True
    token = path[-1]
    helpers = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if token.pos_ in ("VERB", "AUX") and _intended_infinitive(token, helpers):
        return True
    return any(c.lower_ in ("will", "'ll", "shall", "wo") for c in helpers)


_CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-Q(\d)|-(\d\d)(?:-(\d\d))?)?")


def _reference_update(ctx: ResolveContext, value: str | None) -> None:
    """Remember the last year, quarter, month and day the text mentioned (anaphora's anchors)."""
    if not value:
        return
    m = _CALENDAR_VALUE.match(value)
    if m is None:
        return
    year = int(m.group(1))
    ctx.reference_year = year
    if m.group(2):
        ctx.reference_quarter = (year, int(m.group(2)))
    if m.group(3):
        ctx.reference_month = (year, int(m.group(3)))
        if m.group(4):
            try:
                ctx.reference_day = dt.date(year, int(m.group(3)), int(m.group(4)))
            except ValueError:
                pass


def _mention(cand: Candidate, ctx: ResolveContext) -> DateMention:
    value, granularity, timex_type = resolve(cand.text, cand.rule, ctx)
    return DateMention(text=cand.text, span=[cand.start, cand.end], value=value,
                       granularity=granularity, type=timex_type)


def find_dates(text: str, published: str | None, sdoc: Any = None) -> list[DateMention]:
    """Every date and time expression in ``text``, resolved against ``published`` ("YYYY-MM-DD").

    ``sdoc`` is an optional spaCy Doc of ``text``; with it the tense of the governing verb
    comes from the parse, without it from nearby words.
    """
    if not text:
        return []
    ctx = ResolveContext(anchor=parse_published(published))
    mentions: list[DateMention] = []
    for cand in find_candidates(text):
        future = None
        path: list[Any] = []
        if sdoc is not None:
            try:
                path = _governor_path(sdoc, cand.start, cand.end)
            except (IndexError, ValueError):
                path = []
            future = _is_future_parse(path, cand.start)
        ctx.future = _is_future_text(text, cand.start, cand.end) if future is None else future
        deadline = bool(_DEADLINE_CUE.search(text[max(0, cand.start - 16):cand.start]))
        if deadline:
            ctx.future = True
        earliest = bool(_EARLIEST_CUE.search(text[max(0, cand.start - 16):cand.start]))
        if text.startswith(("'s", "\u2019s"), cand.end):
            ctx.firm_future = False  # "Friday's raid": an event named by its day, on or before publication
        elif sdoc is not None:
            ctx.firm_future = earliest or _has_firm_future(path, cand.start)
        else:
            before, _after = _sentence_window(text, cand.start, cand.end)
            ctx.firm_future = earliest or (ctx.future and bool(_FIRM_FUTURE.search(before)))
        ctx.following = text[cand.end:cand.end + 24]
        try:
            mention = _mention(cand, ctx)
        except (ValueError, OverflowError):
            mention = DateMention(text=cand.text, span=[cand.start, cand.end], value=None)
        mentions.append(mention)
        if cand.rule not in ("ago", "year_ago"):  # anchored on the reference: chaining would drift
            _reference_update(ctx, mention.value)
    return mentions


def resolve_date_text(text: str, published: str | None) -> tuple[str | None, str | None]:
    """(value, granularity) of a single expression such as "last Tuesday" or "22 March 2016".

    The longest expression found in ``text`` is the one resolved; (None, None) when there is none.
    """
    mentions = find_dates(text or "", published)
    if not mentions:
        return None, None
    best = max(mentions, key=lambda m: m.span[1] - m.span[0])
    return best.value, best.granularity


def _needs_anchor(mention: DateMention) -> bool:
    return mention.value is None and mention.type in ("DATE", "TIME")


def run(doc: Document) -> None:
    """The pipeline stage: fill ``doc.dates`` from ``doc.body`` against ``doc.published``."""
    body = doc.body or ""
    sdoc = doc._nlp
    if sdoc is not None and not body.startswith(getattr(sdoc, "text", None) or "\0"):
        sdoc = None  # a parse of other text would give wrong offsets (a cut body is still a prefix)
    published = doc.published
    if published and parse_published(published) is None:
        doc.warn(f"dates: publication date {published!r} is not YYYY-MM-DD; relative dates left unresolved")
        published = None
    doc.dates = find_dates(body, published, sdoc)
    if published is None and any(_needs_anchor(m) for m in doc.dates):
        doc.warn(NO_PUBLICATION_WARNING)
