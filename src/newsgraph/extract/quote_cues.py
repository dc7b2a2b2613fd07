"""Attributions found from the dependency parse: a cue, its source and its content.

Each reporting verb with a complement clause, an infinitive, a direct object or
a cue preposition ("called for") yields an attribution; so does a passive with
its agent ("was endorsed by X"), a speech verb standing as a parenthetical
inside or after its content ("..., officials said, ..."), and "according to X".
The verbs are the hand-written lists of ``quote_lexicon`` (less those PolNeAR
train shows are seldom cues) and the verbs and verb+preposition pairs learned
from PolNeAR train (``quote_learned``); a classifier over the verb's parse frame
(``quote_model``, also trained on PolNeAR train) adds verbs outside those lists
and vetoes listed verbs in frames unlike a cue's. Nominal cues are in ``quote_nouns``,
layout cues ("SMITH: ...", "― Name") in ``quote_layout``; quotation marks are
matched separately (``quote_marks``) and joined to these in ``quotes``. The cue-verb
vocabulary is gathered in ``quote_verbs``, and the cuts that end a content before an
attribution of its own in ``quote_cuts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.extract.quote_clauses import clause_beside_citing, misattached_clause
from newsgraph.extract.quote_cuts import (
    _before_aside,
    _before_conjoined_cue,
    _before_contrasting_cue,
    _before_trailing_participle,
)
from newsgraph.extract.quote_learned import learned_counts
from newsgraph.extract.quote_lexicon import (
    CREDITED_DATELINE,
    CUE_VERBS,
    DATELINE_PLACE,
    PARENTHETICAL_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from newsgraph.extract.quote_marks import DOUBLE_MARKS
from newsgraph.extract.quote_model import cue_probability
from newsgraph.extract.quote_verbs import (  # noqa: F401  (re-exported: tests and other modules read them here)
    HAND_LISTED_FLOOR,
    HAND_LISTED_MIN_SEEN,
    LEARNED_VERB_PRECISION,
    _is_cue_verb,
    _is_preposition_cue,
    _pair_preposition,
    _pair_verbs,
    _rarely_cues,
    learned_pairs,
    learned_verbs,
    trim,
)

Span = tuple[int, int]

_VERB_GROUP_DEPS = {"aux", "auxpass", "neg", "prt"}
# Adverbs kept in the cue when they sit right next to the verb ("also said").
_CUE_ADVERBS = {"also", "later", "previously", "repeatedly", "publicly", "privately", "again",
                "recently", "often", "already", "then", "still", "reportedly", "once", "never",
                "flatly", "quickly", "separately", "further", "earlier", "frequently"}
# Speech verbs whose infinitive complement is not what is said ("is said to be", "wrote to
# ask", "added to the pressure"); every other cue verb takes one ("vowed to punish").
_NO_INFINITIVE_VERBS = frozenset({"say", "write", "add", "report", "post", "continue", "tweet"})
# Verbs of impression: in PolNeAR train 173 of 179 of their attributions have no source
# ("Rosalind seems to have vanished"), and the content is the subject with the complement.
RAISING_VERBS = frozenset({"seem", "appear"})
# Verbs whose direct object is the addressee, not the content ("told reporters").
_RECIPIENT_VERBS = {"tell", "ask", "inform", "assure", "urge", "advise", "warn", "remind", "order", "answer"}
# Prepositions after a stance verb's object that carry the stance ("blasted the council for
# being lazy", "dismissed the plan as hollow", "accused him of lying", "likened
# the rules to ...", "charged him with ..."). In PolNeAR train the object and such a
# phrase make one content ("accuse ... of": 54 of 60; "compare ... to": 6 of 7).
_PREDICATE_PREPOSITIONS = frozenset({"as", "for", "of", "to", "with"})
# Channels of a statement kept in the cue after the verb ("said in a statement").
_CHANNEL_NOUNS = {"statement", "interview", "tweet", "post", "letter", "speech", "email", "video"}
# The learned cue model (``quote_model``, PolNeAR train) adds a verb outside the lexicons
# as a cue at this probability, and drops a lexicon verb below the veto probability (its
# frame unlike a cue's: "I know him", "want a deal"). Calibrated on PolNeAR dev soft F1:
# add 0.3 / 0.4 / 0.5 / 0.6 / 0.7 / 0.85 by veto 0 / 0.2 / 0.25 / 0.35 / 0.5; 0.5 and 0.35 best
# for cue and source (0.3 adds too many, vetoing at 0.5 loses more cues than it clears).
# Retuned in round 4 (adjectival and as-clause cues added): add 0.4 / 0.45 / 0.5 / 0.55 /
# 0.6 / 0.7 gave cue soft F1 0.745 / 0.748 / 0.748 / 0.750 / 0.748 / 0.749, source flat.
MODEL_CUE_THRESHOLD = 0.6
MODEL_VETO_THRESHOLD = 0.35
# A listed verb with a subject but no complement the parse shows stays a candidate (for a
# quotation beside it, or its sentence as content) at this model probability. 0.7 / 0.8 /
# 0.9 gave the same PolNeAR dev cue soft F1 (0.761); at 0.9 train cue 0.729 -> 0.730.
SURE_CUE_PROBABILITY = 0.9


@dataclass
class Found:
    """One attribution in character offsets; ``source`` is the text as written, or None."""

    cue: Span
    content: list[Span] = field(default_factory=list)
    source: Span | None = None
    source_token: int | None = None  # head token of the source, for speaker resolution
    cue_token: int | None = None
    kind: str = "indirect"
    nested: bool = False
    modelled: bool = False  # a cue only because the learned model says so (``quote_model``)


# How reliable a hand-listed cue verb is, where the learned lexicon has no figure.
HAND_LISTED_RELIABILITY = 0.8


def cue_reliability(found: Found, parsed) -> float:
    """Share of its uses that the cue's word was a gold cue in PolNeAR train (1.0 for a quotation)."""
    if found.cue_token is None or parsed is None:
        return 1.0  # colon and dash speakers, quotation marks: layout, not a word
    lemma = parsed[found.cue_token].lemma_.lower()
    counts = learned_counts("verb").get(lemma)
    if counts:
        return counts[0] / max(counts[1], 1)
    return HAND_LISTED_RELIABILITY if _is_cue_verb(lemma) else 0.0


# Adverbs before the verb that link the clause to the text around it rather than modify the
# verb; with question words ("when he said"), they stay out of the cue. Every other adverb
# right before a gold cue's verb was part of the cue in PolNeAR train ("now" 51 of 57, "just"
# 29 of 30, "even" 28 of 31, "first" 25 of 27, "long" 19 of 19; "when" 0 of 41, "so" 7 of 14,
# "instead" 2 of 6).
_LINKING_ADVERBS = frozenset({"so", "instead", "however", "overall", "thus", "therefore", "meanwhile",
                              "why", "how", "when", "where", "whenever", "hence", "otherwise"})


def _is_cue_adverb(token) -> bool:
    """An adverb right before the verb ("flatly denied", "has long said", "now says") or a
    listed one."""
    if token.lower_ in _CUE_ADVERBS:
        return True
    return (token.pos_ == "ADV" and token.i < token.head.i and token.tag_ != "WRB"
            and token.lower_ not in _LINKING_ADVERBS)


# A date right after the cue verb stays out of the cue ("said Friday" -> "said"): PolNeAR
# train is split on it, slightly the other way (a weekday after "said", "told", "announced"
# and the like is in the gold cue 56 times in 130, "last week" once in 10). Leaving dates out
# gained 10 soft cue matches on train and 2 on dev. An adverb after the verb is kept (184 of
# 219 in train).


def verb_group(verb) -> Span:
    """The cue span of a verb: the verb with its contiguous auxiliaries, negation, particles."""
    members = {verb.i}
    for child in verb.children:
        if child.dep_ in _VERB_GROUP_DEPS or (child.dep_ == "advmod" and _is_cue_adverb(child)):
            members.add(child.i)
        elif child.i > verb.i and child.dep_ == "advmod" and child.pos_ == "ADV":
            members.add(child.i)  # "said sarcastically", "wrote recently"
    low = high = verb.i
    while low - 1 in members:
        low -= 1
    while high + 1 in members:
        high += 1
    doc = verb.doc
    # "said in a statement", "told reporters in an interview": the channel stays with the cue
    after = doc[high + 1: high + 5]
    if len(after) == 4 and after[0].lower_ == "in" and after[0].head.i == verb.i and (
            after[1].lower_ in ("a", "an") and after[2].lower_ in _CHANNEL_NOUNS):
        high = after[2].i
    return doc[low].idx, doc[high].idx + len(doc[high])


def subtree_span(token, text: str, exclude: set[int] | None = None) -> Span:
    """Character span of a token's subtree, cut before any excluded token, trimmed."""
    exclude = exclude or set()
    tokens = sorted(t.i for t in token.subtree)
    start = end = token.i
    while start - 1 in tokens and start - 1 not in exclude:
        start -= 1
    while end + 1 in tokens and end + 1 not in exclude:
        end += 1
    doc = token.doc
    return trim(text, doc[start].idx, doc[end].idx + len(doc[end]))


# Clauses that, set off by a comma after the source's head, describe the source rather
# than name it ("Ms. Brandt, who stressed that ...", "Okafor, speaking to nurses"):
# PolNeAR sources stop before them.
_SOURCE_ASIDE_DEPS = frozenset({"relcl", "acl"})


def _before_source_aside(token, start: int, end: int, text: str) -> int:
    for child in token.children:
        if child.i > token.i and child.dep_ in _SOURCE_ASIDE_DEPS and child.left_edge.i > 0 and (
                _is_cue_verb(child.lemma_.lower()) or cue_probability(child) >= MODEL_CUE_THRESHOLD
                # a participle set off by a comma ("Okafor, speaking at a market,"): left out
                # of 37 of 38 PolNeAR train sources
                or (child.dep_ == "acl" and child.tag_ == "VBG")):
            before = token.doc[child.left_edge.i - 1]
            if before.text in (",", "(", "—", "―", "–"):
                cut = trim(text, start, before.idx)[1]
                if cut > start:
                    return min(end, cut)
    return end


# A paragraph's dateline that the parse ran into the subject after it ("WASHINGTON -- President
# Obama, dedicating ..., said"; "ANKARA (Meridian) - Police said"): a dash, never a colon
# ("SMITH: ..." lines are a transcript's speakers).
_DATELINE_BEFORE_SUBJECT = re.compile(rf"{DATELINE_PLACE}\s*(?:\([^()\n]{{1,40}}\)\s*)?(?:[—–]|-{{1,2}})\s+")
_CREDIT_BEFORE_SUBJECT = re.compile(CREDITED_DATELINE)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where a source that runs over its paragraph's dateline begins once the dateline is left
    out (the parse may also start it inside the dateline: ") - Harbour officials")."""
    paragraph = text.rfind("\n", 0, start) + 1
    for pattern in (_DATELINE_BEFORE_SUBJECT, _CREDIT_BEFORE_SUBJECT):
        match = pattern.match(text, paragraph, end)
        if match is None or not start < match.end() < end:
            continue
        # a second dash after it makes the first one open an aside ("NATO - the alliance - said")
        dash = match.group(0).rstrip()[-1]
        if dash not in text[match.end():end + 3]:
            return match.end()
    return start


def source_span(token, text: str, exclude: set[int] | None = None, verb=None) -> Span | None:
    """A source's words: its subtree, kept inside the paragraph of its head word (the parse
    sometimes joins a headline or a time stamp above: "9 p.m.\n\nEllen Voss").

    When the head word lies in an earlier paragraph than the cue ``verb`` (a dateline
    parsed as the subject of the story's first verb: "HARTFORD (HPA) — Updates ...
    \n\n9 p.m.\n\nEllen Voss is questioning"), the source is the part of the subtree in
    the verb's paragraph before the verb, or None when there is none."""
    if verb is not None and token.i < verb.i and "\n" in text[token.idx:verb.idx]:
        paragraph_start = text.rfind("\n", 0, verb.idx) + 1
        words = [t for t in token.subtree if t.idx >= paragraph_start and t.i < verb.i and not t.is_space]
        if not words:
            return None
        return trim(text, words[0].idx, words[-1].idx + len(words[-1]))
    start, end = subtree_span(token, text, exclude)
    start = after_dateline(text, start, end)
    end = _before_source_aside(token, start, end, text)
    paragraph_start = text.rfind("\n", start, token.idx) + 1
    paragraph_end = text.find("\n", token.idx, end)
    if paragraph_start > start or paragraph_end >= 0:
        start = max(start, paragraph_start)
        end = paragraph_end if paragraph_end >= 0 else end
        return trim(text, start, end)
    return start, end


def _subject(verb):
    """The subject of a cue verb; shared subjects of conjoined or embedded verbs are followed up."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head, False  # "a statement condemning the raid": the noun speaks
    current = verb
    if _conjoined_to_reporting(verb):
        current = verb.head.head  # "said she would go and warned ...": the sayer warned
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # the nearest of two: a headline or dateline above may be parsed as a second
            # subject ("The Latest: ...\n\n2:45 p.m.\n\nOhio's budget director says").
            # One before the verb wins over one after it: that is the content's own subject
            # misattached ("Ozturk, who ..., said evidence gathered overnight pointed to ..."),
            # unless a quotation mark stands between: then the one before is a word of the
            # quotation ('"..., it will," said Acton') and the speaker follows the verb.
            # (the words between are read as tokens: ``Doc.text`` rebuilds the page on each read)
            before = [c for c in subjects if c.i < current.i
                      and not any(t.text in DOUBLE_MARKS for t in current.doc[c.i:current.i])]
            return min(before or subjects, key=lambda c: abs(c.i - current.i)), False
        for child in current.children:
            if child.dep_ == "nsubjpass":
                return None, True
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return (objects[0] if objects else None), True
        shares_subject = current.dep_ in ("conj", "xcomp") or (
            current.dep_ == "advcl" and current.tag_ == "VBG")  # "he said, adding that ..."
        if current.dep_ == "acomp" and current.pos_ == "ADJ":
            shares_subject = True  # "Voss will be unable to ... accuse": the copula's subject
        if current.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            shares_subject = True  # "mayors met Tuesday to discuss ...": a purpose
        if (current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep"
                and current.head.head.pos_ in ("VERB", "AUX") and current.head.head.i != current.head.i):
            current = current.head  # "pitched himself by telling them ...": the verb's subject tells
            shares_subject = True
        if shares_subject and current.head.i != current.i:
            current = current.head
            if verb.dep_ == "advcl":
                # "X reported that ..., citing Y": the participle may hang on the content's
                # verb; its subject is the reporting verb's above it
                climb = current
                for _ in range(3):
                    if _is_cue_verb(climb.lemma_.lower()) or climb.head.i == climb.i:
                        break
                    climb = climb.head
                if _is_cue_verb(climb.lemma_.lower()):
                    current = climb
        else:
            break
    return None, False


def _subjectless_finite_clause(verb, complement) -> bool:
    """A finite verb right after the cue, read as its clause but with no subject of its own:
    the cue is a participle modifying the noun before it ("Volumes offered fell", "the shares
    sold rose"), which the parse took for the main verb. A reported clause has its subject."""
    return (complement is not None and complement.dep_ == "ccomp" and complement.i == verb.i + 1
            and complement.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in complement.children))


# Verbs that also state a price: "traders quoted the naira at 345 to the dollar", "shares
# were quoted at $12". With "at" and a number they report a market, not anyone's words.
PRICE_VERBS = frozenset({"quote"})


def _states_a_price(verb) -> bool:
    if verb.lemma_.lower() not in PRICE_VERBS:
        return False
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(p.dep_ == "prep" and p.lower_ == "at" and any(t.like_num or t.ent_type_ == "MONEY"
                                                             for t in p.subtree)
               for holder in holders for p in holder.children)


def _conjoined_to_reporting(verb) -> bool:
    """A cue verb the parse joins to the content's verb rather than to the reporting verb
    above it ("said she would go and warned ..."): it has the reporting verb's tense, not
    the content verb's (see ``_before_conjoined_cue``)."""
    head = verb.head
    return (verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i != head.i
            and verb.tag_ != head.tag_ and verb.tag_ == head.head.tag_
            and _is_cue_verb(head.head.lemma_.lower()))


def _complement(verb, modelled: bool = False):
    lemma = verb.lemma_.lower()
    if lemma == "cite":
        # "citing two officials, that ...": what is cited is the object; a clause after it
        # is the content of the reporting verb beside (``clause_beside_citing``)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects:
            return objects[0]
    for dep in ("ccomp", "xcomp", "dobj", "oprd"):  # oprd: "called Oz a quack" read without an object
        for child in verb.children:
            if child.dep_ != dep:
                continue
            if dep == "xcomp" and (lemma in _NO_INFINITIVE_VERBS or not (modelled or _is_cue_verb(lemma))):
                continue
            pronoun_object = child.pos_ == "PRON" and lemma not in STANCE_VERBS | learned_verbs()  # "said it"
            if dep == "dobj" and (lemma in _RECIPIENT_VERBS or pronoun_object):
                continue
            return child
    for child in verb.children:
        # "warned of more attacks", "called for calm", "complained about the delay"
        if child.dep_ == "prep" and _is_preposition_cue(lemma, child.lower_):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return child
    for child in verb.children:
        # "called for the council to act": the parse may read the preposition as the mark
        # of a clause (in PolNeAR train such a verb was a gold cue 28 times in 30)
        if child.dep_ == "advcl" and child.i > verb.i and _pair_mark(verb, child) is not None:
            return child
    if lemma in SPEECH_VERBS:
        # "tweeted in the early hours that ...", "reported, citing two officials, that ..."
        return misattached_clause(verb) or clause_beside_citing(verb)
    return None


def _pair_mark(verb, clause):
    """The clause's opening mark when it makes a cue pair with the verb and only adverbs or
    particles stand between them ("calling for", "pressed privately for")."""
    mark = clause.left_edge
    if mark.dep_ != "mark" or mark.head.i != clause.i:
        return None
    if not _is_preposition_cue(verb.lemma_.lower(), mark.lower_):
        return None
    if any(verb.doc[j].dep_ not in ("advmod", "prt", "neg") for j in range(verb.i + 1, mark.i)):
        return None
    return mark


def _minus(outer: Span, inner: Span, text: str) -> list[Span]:
    """``outer`` without ``inner``: up to two trimmed pieces."""
    pieces = [trim(text, outer[0], inner[0]), trim(text, inner[1], outer[1])]
    return [p for p in pieces if p[1] - p[0] > 1]


def find_in_parse(parsed, text: str) -> list[Found]:
    """Every attribution the parse shows, in text order, nested ones included."""
    found: list[Found] = []
    for token in parsed:
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            item = _according_to(token, text)
        elif token.pos_ in ("VERB", "AUX") and (_is_cue_verb(token.lemma_.lower())
                                                or token.lemma_.lower() in _pair_verbs()):
            item = _from_verb(token, text) if _model_keeps(token) else None
        elif token.pos_ == "VERB" and cue_probability(token) >= MODEL_CUE_THRESHOLD:
            item = _from_verb(token, text, modelled=True)
        else:
            item = None
        if item is not None:
            found.append(item)
    return found


def _model_keeps(verb) -> bool:
    """A lexicon verb stays a cue unless the model finds its frame very unlike a cue's."""
    return cue_probability(verb) >= MODEL_VETO_THRESHOLD if verb.pos_ == "VERB" else True


def _from_verb(verb, text: str, modelled: bool = False) -> Found | None:
    subject, passive = _subject(verb)
    if subject is not None and subject.lower_ == "there":
        return None
    lemma = verb.lemma_.lower()
    complement = _complement(verb, modelled)
    if subject is None and not passive and lemma not in CUE_VERBS and complement is not None and (
            complement.pos_ == "PRON"):
        return None  # "Thank you": a learned verb with neither source nor content of its own
    if _subjectless_finite_clause(verb, complement):
        return None  # "Volumes offered fell 10 per cent": a participle read as the main verb
    if _states_a_price(verb):
        return None
    found = Found(cue=verb_group(verb), cue_token=verb.i, modelled=modelled)
    if lemma in RAISING_VERBS:
        return _raised(verb, subject, complement, found, text)
    if subject is not None:
        found.source = source_span(subject, text, exclude={verb.i}, verb=verb)
        found.source_token = subject.i
        if found.source is None:
            found.source_token = None
        elif not found.source[0] <= subject.idx < found.source[1]:
            # re-anchored in the verb's paragraph: its last word heads it ("Ellen Voss")
            words = verb.doc.char_span(*found.source, alignment_mode="expand")
            found.source_token = words.root.i if words is not None else None
    if complement is not None:
        start, end = subtree_span(complement, text)
        if complement.dep_ == "prep":
            # one contiguous cue only, and only a preposition after the verb ("for which he
            # apologized" would give a cue ending before it starts)
            if complement.idx >= found.cue[1] and not text[found.cue[1]:complement.idx].strip():
                found.cue = (found.cue[0], complement.idx + len(complement))
            objects = [c for c in complement.children if c.dep_ in ("pobj", "pcomp")]
            start, end = subtree_span(objects[0], text)
        if complement.dep_ == "advcl":
            # "is calling for X to ...": the preposition joins the cue, the clause is the content
            mark = complement.left_edge
            if mark.idx >= found.cue[1] and not text[found.cue[1]:mark.idx].strip():
                found.cue = (found.cue[0], mark.idx + len(mark))
            start = trim(text, mark.idx + len(mark), end)[0]
        if complement.dep_ in ("dobj", "oprd"):
            # "called it a “shameful” day", "mocked Reyes for not filing ...", "dismissed
            # the port as being ...": the object with its predicate or the charge against it
            for sibling in complement.head.children:
                if lemma == "cite" and sibling.dep_ == "ccomp":
                    continue  # "citing two officials, that ...": the reporting verb's clause
                if sibling.i > complement.i and (sibling.dep_ in ("oprd", "xcomp", "ccomp") or (
                        sibling.dep_ == "prep" and sibling.lower_ in _PREDICATE_PREPOSITIONS)):
                    end = max(end, subtree_span(sibling, text)[1])
        if complement.dep_ == "xcomp":
            # keep the infinitive's "to" ("hopes to become"), which trim would keep anyway
            start = min(start, complement.left_edge.idx)
            # "urged volunteers to watch the ferry docks": the addressee belongs to the content
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < complement.i]
            if objects:
                start = min(start, subtree_span(objects[0], text)[0])
            # "called on the council to act": the cue takes its preposition (below), the
            # addressee goes with the content (PolNeAR train: "on" in 31 of 32 such "call on" cues)
            pair = _pair_preposition(verb, found.cue)
            if pair is not None and pair.i < complement.i:
                addressees = [c for c in pair.children if c.dep_ == "pobj"]
                if addressees:
                    start = min(start, subtree_span(addressees[0], text)[0])
        end = _before_trailing_participle(complement, start, end, text)
        end = _before_conjoined_cue(verb, complement, start, end, text)
        end = _before_contrasting_cue(complement, start, end, text)
        end = _before_aside(complement, start, end, text)
        found.content = [(start, end)]
        # a cue-pair preposition right after the verb stays in the cue whatever the content
        # ("focused on ... that", "spoke about it, saying"): PolNeAR train 37 of 49
        pair = _pair_preposition(verb, found.cue)
        if pair is not None:
            found.cue = (found.cue[0], pair.idx + len(pair))
        return found
    if passive:
        # "was backed by most of the guilds": the agent is the source, the passive
        # subject the content; "by" stays out of the cue (so in 41 of 60 such PolNeAR train
        # cues)
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = [c for c in verb.children if c.dep_ == "agent"]
        by_whom = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
        if patients and by_whom and _is_cue_verb(lemma):
            found.source = source_span(by_whom[0], text)
            found.source_token = by_whom[0].i
            found.content = [subtree_span(patients[0], text)]
            return found
        if patients and not agents and (modelled or _is_cue_verb(lemma)) and (
                cue_probability(verb) >= MODEL_CUE_THRESHOLD):
            # "The levy has been widely criticized": a stance with no source given; the
            # passive subject is its content (only where the model finds the frame cue-like)
            found.content = [subtree_span(patients[0], text)]
            return found
    parenthetical = lemma in PARENTHETICAL_VERBS and verb.dep_ in ("parataxis", "ccomp", "advcl")
    as_clause = _is_as_clause(verb) and (modelled or _is_cue_verb(lemma))
    if (parenthetical or as_clause) and subject is not None:
        head = verb.head
        if head.i == verb.i:
            return found
        outer = subtree_span(head, text)
        inner = (verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
        found.content = _minus(outer, inner, text)
        return found
    # No content from the parse: a quotation next to the cue may still supply it.
    # (a verb the model is sure of may take its sentence instead: ``quote_fallback``)
    sure = cue_probability(verb) >= SURE_CUE_PROBABILITY
    return found if (lemma in SPEECH_VERBS or modelled or sure) and subject is not None else None


def _is_as_clause(verb) -> bool:
    """"As one adviser pointed out, ...", "as a memo put it": the clause the "as" hangs on
    is what was said. In PolNeAR train a cue verb in such a clause, with its subject and
    no object, was a gold cue 73 times in 89."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _raised(verb, subject, complement, found: Found, text: str) -> Found | None:
    """"Rosalind seems to have vanished": an impression with no source; its content is the
    subject with the complement, around the cue."""
    if complement is None or complement.dep_ not in ("xcomp", "ccomp"):
        # "seemed certain", "seemed an insult" (read as a predicate, oprd), "seemed like a
        # trap": with the last two, PolNeAR train gained 32 cues for 55 more predictions
        acomps = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd") or (
            c.dep_ == "prep" and c.lower_ == "like")]
        if not acomps:
            return None
        complement = acomps[0]
    pieces = [subtree_span(complement, text)]
    if subject is not None and subject.i < verb.i and subject.lower_ not in ("it", "there"):
        pieces.insert(0, subtree_span(subject, text, exclude={verb.i}))
    found.content = [p for p in pieces if p[1] > p[0]]
    return found


def _according_to(token, text: str) -> Found | None:
    to = next(c for c in token.children if c.lower_ == "to")
    # "according to show crew members": the parse may read the source as a clause (pcomp)
    objects = [c for c in to.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    cue = (token.idx, to.idx + len(to))
    source = source_span(objects[0], text)
    found = Found(cue=cue, source=source, source_token=objects[0].i, cue_token=token.i)
    head = token.head
    inner = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
    if head.i == token.i:
        return found
    # The clause the phrase hangs on, without the phrase itself.
    clause = head
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head.i != clause.i:
        clause = clause.head
    outer = subtree_span(clause, text)
    found.content = _minus(outer, inner, text)
    return found
