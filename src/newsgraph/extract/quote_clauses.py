"""That-clauses the parse hangs on the wrong word.

"Voss posted in the late evening hours that Reyes was a fraud", "she told a
gathering of port officials that few people grasped the risks": the parser often
attaches the clause to the nearest noun (``hours``, ``officials``) as a relative clause,
and the verb of saying is left with no content. A relative clause never has a subject
of its own together with a "that" that is no argument of it; a clause that has both,
reached from the verb through its objects and prepositional phrases only, is the
verb's content.
"""

from __future__ import annotations

# How the parse hangs the clause on the noun.
_CLAUSE_DEPS = frozenset({"relcl", "acl"})
# Links from the verb of saying down to that noun: its object, a preposition and its
# object, a bare noun of time ("last week").
_PATH_DEPS = frozenset({"dobj", "prep", "pobj", "npadvmod"})
# Roles "that" takes when it only introduces the clause (the parse gives either).
_INTRODUCER_DEPS = frozenset({"mark", "advmod"})


def misattached_clause(verb):
    """The that-clause of ``verb`` that the parse hung on a noun after it, or None."""
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ not in _CLAUSE_DEPS:
            continue
        introduced = any(c.lower_ == "that" and c.dep_ in _INTRODUCER_DEPS and c.i < token.i
                         for c in token.children)
        if not introduced or not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            continue
        if _reached_through_objects(token.head, verb):
            return token
    return None


def _reached_through_objects(noun, verb) -> bool:
    current = noun
    while current.i != verb.i:  # tokens are compared by index: spaCy makes a new object per access
        if current.dep_ not in _PATH_DEPS or current.head.i == current.i:
            return False
        current = current.head
    return True


def clause_beside_citing(verb):
    """The that-clause of ``verb`` that the parse hung on a "citing" beside it: "the agency
    reported, citing two officials, that ..." reads the clause as what "citing" took, and the
    reporting verb is left with no content. The clause is the verb's when "citing" has its
    own object (the cited) before the clause."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.lemma_.lower() != "cite" or child.i < verb.i:
            continue
        objects = [c for c in child.children if c.dep_ == "dobj"]
        for clause in child.children:
            if (clause.dep_ == "ccomp" and objects and clause.i > objects[0].i
                    and any(c.lower_ == "that" and c.dep_ in _INTRODUCER_DEPS for c in clause.children)):
                return clause
    return None
