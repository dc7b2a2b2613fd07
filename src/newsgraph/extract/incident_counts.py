"""Casualty counts: "killing at least 12 and injuring about 80", "three people died", "left two dead".

Works on the raw sentence text with case-insensitive patterns, so lower- and
upper-case wire text read the same. Attackers' own deaths ("the two attackers
were also killed") are not casualties of the incident and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.record import Count

UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "another": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12, "dozens": 24,
          "scores": 40, "hundreds": 200}
NUMBER_WORDS = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
# Digits with thousands commas ("1,200"), never a trailing comma: in "Smith, 31, died" the 31 is an age.
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?!\d|,\d)|"
          rf"(?:{NUMBER_WORDS})(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORDS}))*)")
QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "a minimum of": "at_least",
    "about": "about", "around": "about", "approximately": "about", "nearly": "about", "almost": "about",
    "some": "about", "roughly": "about", "an estimated": "about", "close to": "about",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "at most": "at_most", "up to": "at_most", "less than": "less_than", "fewer than": "less_than",
    "under": "less_than",
}
QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
# Phrases like "dozens" have no exact value: they are at-least counts.
VAGUE_WORDS = {"dozens": 24, "scores": 40, "hundreds": 200}

KILLED_WORDS = (r"(?:killed|dead|died|murdered|slain|shot dead|shot and killed|lost their lives|"
                r"fatally shot|assassinated|massacred|executed|deaths|fatalities|bodies)")
# "critical" alone in "2 critical after gunfire", "two riders in critical condition" (not "a critical
# incident review").
INJURED_WORDS = (r"(?:injured|wounded|hurt|injuries|hospitali[sz]ed|casualties|shot and (?:wounded|injured)|"
                 r"critical(?=\s+(?:condition|after|following)\b|\s*[,.;]|\s*$))")
KILL_VERBS = (r"(?:killing|killed|kills|kill|leaving|left|claimed the lives of|murdering|slaying|"
              r"shot dead|shooting dead|gunned down|gunning down|shot and killed)")
INJURE_VERBS = r"(?:injuring|injured|wounding|wounded|injures|wounds|hurting|wound|injure)"
# Up to four words between a number and its verb ("12 people were"), never across "and"/"or".
# Nor across a clause opener or a pronoun: "He had turned 21 a week before he was slain".
NOUN_GAP = (r"(?:(?!and\b|or\b|but\b|before\b|after\b|when\b|while\b|since\b|because\b|until\b|"
            r"he\b|she\b|they\b|who\b)[a-z'\-]+\s+){0,4}?")
AUX = r"(?:(?:were|was|are|is|have been|has been|had been|being|been|also|reportedly|all|later)\s+)*"

_KILLED_AFTER = re.compile(rf"\b(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\s+(?P<noun>{NOUN_GAP})"
                           rf"{AUX}(?P<w>{KILLED_WORDS})\b", re.I)
# "Three people were shot": victims, dead and hurt together (not "shot at", "shot dead",
# "shot and killed", "shot to death", which say more).
# In running text the verb must be passive ("two men were shot"; "returned one shot" is a noun);
# a headline drops the auxiliary ("3 shot near ferry dock").
_SHOT_WORDS = r"(?P<w>shot)\b(?!\s+(?:at|dead|and killed|to death|and wounded|and injured)\b)"
_SHOT_GAP = r"(?:(?!and\b|or\b|that\b|who\b)[a-z'\-]+\s+){0,2}?"
_SHOT_AFTER = re.compile(rf"\b(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\s+(?P<noun>{_SHOT_GAP})"
                         rf"(?:were|was|have been|has been|had been|got)\s+(?:all\s+|also\s+)?{_SHOT_WORDS}",
                         re.I)
_HEADLINE_SHOT = re.compile(rf"\b(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\s+(?P<noun>{_SHOT_GAP})"
                            rf"(?:(?:were|was)\s+)?{_SHOT_WORDS}", re.I)
_INJURED_AFTER = re.compile(rf"\b(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\s+(?P<noun>{NOUN_GAP})"
                            rf"{AUX}(?P<w>{INJURED_WORDS})\b", re.I)
# "killing his five small daughters": a possessive may stand before the figure.
_POSSESSIVE = r"(?:(?:his|her|their)\s+)?"
_KILLED_BEFORE = re.compile(rf"\b{KILL_VERBS}\s+{_POSSESSIVE}(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\b"
                            rf"(?P<noun>(?:\s+[a-z'\-]+){{0,3}})", re.I)
_INJURED_BEFORE = re.compile(rf"\b{INJURE_VERBS}\s+{_POSSESSIVE}(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\b"
                             rf"(?P<noun>(?:\s+[a-z'\-]+){{0,3}})", re.I)
# "The death toll from a car bombing near a crowded depot in the town of X climbed to at least 13":
# up to twenty words between the noun and its figure.
_TOLL = re.compile(rf"\bdeath toll\s+(?:[\w'’-]+\s+){{0,20}}?(?:to|at|of|is|was|reached|stands at)\s+"
                   rf"(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\b", re.I)
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "twentieth": 20}
# "A tenth border guard has died": the toll is the ordinal.
_ORDINAL_DEATH = re.compile(rf"\b(?:a|the)\s+(?P<n>{'|'.join(ORDINALS)})\s+(?:[\w'’-]+\s+){{0,3}}?"
                            r"(?:has\s+|had\s+|have\s+)?(?:died|been killed|was killed|succumbed)\b", re.I)
# A sentence that counts over a period ("the highest tally since 2009, when 31 were killed",
# "seven deputies have been fatally shot so far this year") or recalls an older event ("killed
# four campers at a lake in the autumn of 2011") gives a statistic, not this incident's toll.
STATISTIC_CUES = re.compile(r"\b(?:since (?:[\w-]+ ){0,4}(?:19|20)\d\d|so far|this year|last year|"
                            r"each year|every year|a year|per year|annually|this month|"
                            r"(?:in|of) (?:19|20)\d\d)\b", re.I)
# Words naming the attackers: their deaths are not the incident's casualties.
ATTACKER_WORDS = re.compile(r"\b(?:attackers?|gunm[ae]n|bombers?|assailants?|shooters?|hijackers?|"
                            r"kidnappers?|terrorists?|militants?|suspects?|perpetrators?|guerrillas?|"
                            r"rebels?|insurgents?|robbers?|jihadists?)\b", re.I)
# Nouns after "killing three" that show the number is not people ("killing three birds" is rare
# in news; "left two weeks ago" is not): times and money.
NOT_PEOPLE = re.compile(r"^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|times?|percent|%|dollars?|"
                        r"miles?|kilometers?|km|meters?|feet|blocks?|o'clock|a\.m|p\.m|pm|am)\b", re.I)


@dataclass(frozen=True)
class CasualtyMention:
    kind: str  # killed | injured | shot (victims, dead and hurt together)
    count: Count
    start: int  # character offsets in the text given to find_casualties
    end: int
    is_total: bool  # False for one victim more ("a second man was also wounded")


def parse_number(text: str) -> int | None:
    """Digits or English number words: "12", "1,200", "twenty-one", "two hundred", "a dozen"."""
    cleaned = text.strip().lower().replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    words = [w for w in re.split(r"[\s-]+", cleaned) if w and w != "and"]
    if not words:
        return None
    if words[0] in {"no", "zero"}:
        return 0  # "no one was hurt" counts nobody
    total, current = 0, 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in VAGUE_WORDS and len(words) == 1:
            return VAGUE_WORDS[word]
        elif word in SCALES:
            scale = SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        elif word.isdigit():
            current += int(word)
        else:
            return None
    return total + current


def _count(match: re.Match) -> Count | None:
    value = parse_number(match.group("n"))
    if value is None:
        return None
    qualifier_text = (match.group("q") or "").lower()
    qualifier = QUALIFIERS.get(qualifier_text, "exact")
    if match.group("n").lower() in VAGUE_WORDS:
        qualifier = "at_least"
    high = value if qualifier in {"exact", "about"} else None
    low = value
    if qualifier in {"at_most", "less_than"}:
        low, high = None, value
    return Count(low=low, high=high, qualifier=qualifier, text=match.group(0).strip())


def find_casualties(text: str) -> list[CasualtyMention]:
    """Every killed/injured count stated in ``text`` (one sentence or a few)."""
    found: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []
    if STATISTIC_CUES.search(text):
        return found
    patterns = ((_TOLL, "killed", True), (_KILLED_BEFORE, "killed", True), (_INJURED_BEFORE, "injured", True),
                (_KILLED_AFTER, "killed", False), (_INJURED_AFTER, "injured", False),
                (_SHOT_AFTER, "shot", False))
    for pattern, default_kind, before in patterns:
        for match in pattern.finditer(text):
            start, end = match.span("n")
            if any(s < end and start < e for s, e in taken):
                continue
            if text[end:end + 1] == "-" and not match.group("n")[-1:].isalpha():
                continue  # "left 25-year-old Renata Oakes dead": an age, not a count
            noun = match.groupdict().get("noun") or ""
            if ATTACKER_WORDS.search(noun) or NOT_PEOPLE.match(noun):
                continue
            if before and pattern is not _TOLL and _is_attacker_object(text, match.end()):
                continue
            if pattern is _KILLED_BEFORE and _LEFT.match(match.group(0)):
                # "left three people wounded" is an injury toll, "left two weeks ago" none at all.
                after = text[match.end("n"):match.end("n") + 40]
                left_kind = _left_kind(after)
                if left_kind is None:
                    continue
                kind = left_kind
            else:
                kind = default_kind
            if match.group("n").lower() in {"a", "an", "no"} and pattern in (_KILLED_BEFORE, _INJURED_BEFORE):
                continue  # "killing a man" is counted from victims, "left no" is not a number
            count = _count(match)
            if count is None:
                continue
            taken.append((start, end))
            # "A second man was also wounded": one victim more, not the total.
            is_total = not _one_more_victim(text, match, noun)
            found.append(CasualtyMention(kind, count, match.start(), match.end(), is_total))
    for match in _ORDINAL_DEATH.finditer(text):
        value = ORDINALS[match.group("n").lower()]
        found.append(CasualtyMention("killed", Count(low=value, high=value, qualifier="exact",
                                                     text=match.group(0)), match.start(), match.end(), True))
    return sorted(found, key=lambda m: m.start)


_ORDINAL_START = re.compile(r"^\s*(?:second|third|fourth|fifth|other)\b", re.I)


def _one_more_victim(text: str, match: re.Match, noun: str) -> bool:
    """"A second man was also wounded", "Another woman was hurt" (opening a sentence or clause):
    a victim beside those already told, which the listing counts; "left one dead and another
    injured" is a total."""
    number = match.group("n").lower()
    if number in {"a", "an"}:
        # "a second man", not "one died and a second was hurt" (no noun: a total of one).
        return bool(_ORDINAL_START.match(noun)) and len(noun.split()) > 1
    if number == "another":
        before = text[:match.start("n")].rstrip()
        return bool(noun.strip()) and (not before or before[-1] in ".;:,")
    return False


_LEFT = re.compile(r"^(?:left|leaving)\b", re.I)
_LEFT_KILLED = re.compile(rf"^(?:\s+[a-z'\-]+){{0,3}}?\s+{KILLED_WORDS}\b", re.I)
_LEFT_INJURED = re.compile(rf"^(?:\s+[a-z'\-]+){{0,3}}?\s+(?:{INJURED_WORDS}|in (?:critical|serious|stable) "
                           r"condition)\b", re.I)


def _left_kind(after: str) -> str | None:
    """What "left N ..." counts: the dead ("left two people dead"), the hurt ("left three
    people wounded"), or nothing ("left two weeks ago")."""
    if _LEFT_KILLED.match(after):
        return "killed"
    if _LEFT_INJURED.match(after):
        return "injured"
    return None


def _is_attacker_object(text: str, end: int) -> bool:
    return bool(ATTACKER_WORDS.match(text[end:end + 20].lstrip()))


def best_total(mentions: list[CasualtyMention]) -> tuple[Count, bool]:
    """The highest explicit total (tolls only grow as a story develops) and whether figures disagree."""
    if not mentions:
        return Count(), False
    best = max(mentions, key=lambda m: ((m.count.low or m.count.high or 0), m.start))
    values = {(m.count.low, m.count.high) for m in mentions}
    return best.count, len(values) > 1


# Headline words: a headline says in a few words what the body may spread over paragraphs
# ("Man shot, killed in Ashgrove", "Teen boy dies after gunfire", "Teenager hurt as stray round ...").
HEADLINE_FATAL = re.compile(r"(?<!non-)\b(?:killed|kills|dies|died|dead|slain|fatal|fatally|shot to death|"
                            r"murdered|homicide)\b", re.I)
# "Shot at" misses: "Hunt for 2 men after pickup shot at", "driver who shot at deputies"; "shot
# fired" and "a shot" are no wound.
# The shooter's own act is no wound either: "the van they shot from was found", "he shot a
# round into the house".
HEADLINE_HURT = re.compile(r"\b(?:(?<!\ba )"
                           r"shot(?! at\b| fired\b| from\b| (?:a|an|one|two|three|several|multiple|\d+) "
                           r"(?:[\w-]+ )?(?:rounds?|shots|bullets?)\b)|wounded|wounds|injured|injures|hurt|"
                           r"hospitali[sz]ed|critical|critically|gunshot wound)\b", re.I)
MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4}
_HEADLINE_VICTIMS = re.compile(r"\b(double|triple|quadruple)[- ]shooting\b", re.I)
_HEADLINE_NEGATED = re.compile(r"\b(?:no one|nobody|none|not|no)\s+(?:\w+\s+){0,2}$", re.I)


def _headline_cue(pattern: re.Pattern, headline: str) -> bool:
    return any(not _HEADLINE_NEGATED.search(headline[:m.start()]) for m in pattern.finditer(headline))


def with_headline(killed: int, injured: int, headline: str) -> tuple[int, int]:
    """The body's tolls, completed by what the headline says.

    A figure in the headline ("1 dead, 2 hurt") fills a toll the body left at zero. A headline
    death with no figure ("Man shot, killed") makes the body's lone victim a death: a story
    whose body reads "he suffered gunshot wounds" and whose headline says he was killed counts
    one dead, not one hurt. A headline injury fills an empty story with one hurt.
    """
    mentions = find_casualties(headline)
    stated = {kind: best_total([m for m in mentions if m.kind == kind])[0] for kind in ("killed", "injured")}
    head_killed = stated["killed"].low or stated["killed"].high or 0
    head_injured = stated["injured"].low or stated["injured"].high or 0
    # A headline figure beats a lower body count: the body's listing finds one victim where
    # the headline sums them up ("3 critical after gunfire").
    toll_in_headline = head_killed > 0
    killed, injured = max(killed, head_killed), max(injured, head_injured)
    if not (head_killed or head_injured):
        killed, injured = _with_headline_cues(killed, injured, headline)
    # ("a shot was fired" is no victim.)
    shot = max((parse_number(m.group("n")) or 0 for m in _HEADLINE_SHOT.finditer(headline)
                if not ATTACKER_WORDS.search(m.group("noun"))
                and m.group("n").lower() not in {"a", "an", "no"}), default=0)
    if shot > killed + injured:
        # "Three shot, one dead after vigil": the victims not said to have died were hurt.
        injured = shot - killed
    victims = _HEADLINE_VICTIMS.search(headline)
    if victims and toll_in_headline and killed <= MULTIPLE[victims.group(1).lower()] < killed + injured:
        # "Double shooting, 1 killed" over a body that counts two wounded: one of the two died
        # (a body that counts more victims than a plain "double shooting" keeps its count).
        injured = MULTIPLE[victims.group(1).lower()] - killed
    return killed, injured


def _with_headline_cues(killed: int, injured: int, headline: str) -> tuple[int, int]:
    """A headline with no figure: "double shooting", a death or an injury it names."""
    victims = _HEADLINE_VICTIMS.search(headline)
    if victims and killed + injured < MULTIPLE[victims.group(1).lower()]:
        # "Detectives probe Brackford double shooting": two victims, the dead among them.
        return killed, MULTIPLE[victims.group(1).lower()] - killed
    if not killed and _headline_cue(HEADLINE_FATAL, headline):
        return 1, max(injured - 1, 0)
    if not killed and not injured and _headline_cue(HEADLINE_HURT, headline):
        return 0, 1
    return killed, injured
