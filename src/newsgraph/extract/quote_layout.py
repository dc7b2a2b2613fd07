"""Attributions given by page layout rather than by a verb: transcript and headline
speakers ("SMITH: ...", "Poll: ...") and quotations signed with a dash ("“...” ― Name")."""

from __future__ import annotations

import re

from newsgraph.extract.quote_cues import Found, trim

# "SMITH: ..." or "Poll: ...": a short capitalised name and a colon opening a paragraph.
# A transcript quoted line by line may open with a quotation mark, but only before
# a name in capitals ('"WALLACE: ...'): a capitalised word and a colon inside a
# quotation ('"Look: ...') is speech, not a speaker.
_COLON_SPEAKER = re.compile(r"^([A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,3}):[ \t]+(?=\S)"
                            r"|^(?:[\"“]|'')([A-Z][A-Z.'’&-]+(?: [A-Z.'’&-]+){0,3}):[ \t]+(?=\S)",
                            re.MULTILINE)
# '“...” ― Sonya Herridge': a quotation signed with a dash and a name closing the line.
# Up to this many words of name (a description after a comma is left out).
SIGNATURE_MAX_WORDS = 6
# Editors' labels that open a paragraph with a colon like a speaker ("Correction: An
# earlier version ...", "Source: NATO."): the newspaper's notice or credit, not speech.
_EDITORIAL_LABELS = frozenset({"correction", "clarification", "update", "updated", "editor's note",
                               "editor’s note", "abstract", "full text", "note", "related",
                               "read more", "watch", "photo", "video", "source"})
_DASH_SIGNATURE = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*([A-Z][\w.'’-]*(?:[ \t][\w.'’-]+)"
                             rf"{{0,{SIGNATURE_MAX_WORDS - 1}}})[ \t\u00a0.]*(?:,[^\n]*)?$", re.MULTILINE)


def find_colon_speakers(text: str) -> list[Found]:
    """Transcript lines ("SMITH: ...") and headline attributions ("Poll: ...")."""
    found = []
    for match in _COLON_SPEAKER.finditer(text):
        group = 1 if match.group(1) else 2
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        colon = match.end(group)
        if text[match.start(group):colon].lower() in _EDITORIAL_LABELS:
            continue
        content = trim(text, match.end(), line_end)
        if content[1] - content[0] < 2:
            continue
        found.append(Found(cue=(colon, colon + 1), content=[content],
                           source=(match.start(group), colon), kind="direct"))
    return found


def find_dash_signature(text: str, quotation_end: int) -> Found | None:
    """A quotation ending at ``quotation_end`` and signed '― Name' at the end of its line."""
    match = _DASH_SIGNATURE.match(text, quotation_end)
    if match is None:
        return None
    dash = next(i for i in range(match.start(), match.start(1)) if text[i] in "―—–-")
    return Found(cue=(dash, dash + 1), source=trim(text, match.start(1), match.end(1)), kind="direct")
