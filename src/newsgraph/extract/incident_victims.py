"""One unnamed toll: local crime news often reports a single victim without a number.

"A man was shot and killed", "the victim died at the hospital", "a fatal shooting", "she was
shot in the leg", "listed in critical condition": no figure is stated, yet the story says one
person died or was hurt. These cues give a toll of one when the stated figures and the listed
victims give none, and turn a listed wounded victim into a death when the story says the
victim died. Cues under a negation ("no one was hurt", "was not injured") do not count.
"""

from __future__ import annotations

import re

from newsgraph.record import Count

FATAL_CUES = re.compile(
    r"\b(?:shot and killed|shot to death|shot dead|stabbed to death|beaten to death|"
    r"fatally (?:shot|wounded|injured|struck|stabbed)|fatal shooting|shooting death|"
    r"(?:was|were|been|being) (?:killed|murdered|slain)|killing (?:him|her)|"
    r"died|dies|pronounced dead|found dead|succumbed|"
    # "his body was found", not "the left side of his body" nor "her body armor"
    r"(?<!side of )(?<!part of )(?:his|her|man's|woman's|boy's|girl's) body(?! armor)|"
    r"murder of|homicide victim)\b", re.I)
INJURY_CUES = re.compile(
    r"\b(?:(?:was|were|been|got|is|are|being) (?:shot|wounded|injured|hurt|grazed|struck by (?:a )?"
    r"(?:bullet|gunfire|a stray bullet))|shot (?:and wounded|and injured|in the (?:leg|arm|chest|back|"
    r"head|stomach|abdomen|hand|foot|shoulder|neck|face|buttocks|side|torso|thigh))|"
    r"gunshot wounds?|(?:critical|stable|serious|fair|good) condition|non-life[- ]threatening|"
    r"hospitali[sz]ed|pistol[- ]whipped|(?:hit|struck|beaten) (?:\w+ )?(?:\w+ )?with (?:a|the|his|her) "
    r"(?:gun|handgun|pistol|rifle))\b", re.I)
# A negation shortly before a cue, in the same clause, cancels it.
_NEGATION_BEFORE = re.compile(r"\b(?:no one|nobody|none|not|n't|never|no|without)\b[^.;,]{0,30}$", re.I)
_NEGATION_AFTER = re.compile(r"^\s*(?:no one|nobody)\b", re.I)


def _cue(pattern: re.Pattern, texts: list[str]) -> str | None:
    for text in texts:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40):match.start()]
            if _NEGATION_BEFORE.search(before):
                continue
            if re.search(r"\b(?:not|n't|never)\s*$", text[max(0, match.start() - 12):match.start() + 4]):
                continue
            return match.group(0)
    return None


def single_victim_counts(texts: list[str], killed: Count, injured: Count,
                         injured_from_listing: bool) -> tuple[Count, Count]:
    """Fill an empty toll with one when the cues say a victim died or was hurt."""
    if killed.low is None and killed.high is None:
        fatal = _cue(FATAL_CUES, texts)
        if fatal is not None:
            if injured_from_listing and injured.low:
                # The wounded victim listed is the one who died.
                left = injured.low - 1
                injured = Count(low=left, high=left, qualifier="exact") if left else Count()
            return Count(low=1, high=1, qualifier="exact", text=fatal), injured
    # "was shot" also opens "was shot and killed": a hurt victim is looked for only when no
    # death is reported at all.
    no_deaths = killed.low is None and killed.high is None
    if no_deaths and injured.low is None and injured.high is None:
        hurt = _cue(INJURY_CUES, texts)
        if hurt is not None:
            injured = Count(low=1, high=1, qualifier="exact", text=hurt)
    return killed, injured
