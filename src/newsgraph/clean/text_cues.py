"""Cue phrases that give a plain-text block away as page furniture.

Each cue is a regular expression over one block's stripped text, written for the
family of wordings a site may use ("Leave a reply", "Leave a comment", "3 comments:",
"Join the conversation"), not for any one page. ``match_cue`` returns the kind the
first matching family implies, or None. Section markers (comments, related) are
separate: they end the article and colour what follows them.

Speed matters (a page has a few hundred blocks): patterns are written in lower case
and run over the block's lower-cased text without IGNORECASE, and each family is split
into whole-line forms (tried at the first character only, with ``match``) and forms
that may sit anywhere in the block (searched only when the block contains one of the
family's guard words). A handful of forms depend on capitals and read the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# News agencies and picture desks that sign photo credits (lower case: matched on lowered text).
_AGENCIES = (
    r"afp|reuters|ap|getty(?:\s+images)?|epa(?:-efe)?|xinhua|shutterstock|istock(?:photo)?|"
    r"alamy|bloomberg|pa(?:\s+images|\s+wire)?|anp|anadolu(?:\s+agency)?|sipa|"
    r"associated\s+press|agence\s+france-presse|pool|nurphoto|zuma(?:\s+press)?|wireimage|"
    r"corbis|reuters/[a-z][\w.]+|wikimedia(?:\s+commons)?|courtesy(?:\s+of)?\b[^.]{0,40}|"
    r"handout|file(?:\s+photo)?"
)
# The same agencies with their own capitals, for trailing credits where case tells a
# credit ("... | Getty Images") from prose ("... swimming pool").
_AGENCIES_CASED = (
    r"AFP|Reuters|AP|Getty(?:\s+Images)?|EPA(?:-EFE)?|Xinhua|Shutterstock|iStock(?:photo)?|"
    r"Alamy|Bloomberg|PA(?:\s+Images|\s+Wire)?|ANP|Anadolu(?:\s+Agency)?|Sipa|"
    r"Associated\s+Press|Agence\s+France-Presse|Pool|NurPhoto|Zuma(?:\s+Press)?|WireImage|"
    r"Corbis|Reuters/[A-Z][\w.]+|Wikimedia(?:\s+Commons)?|Courtesy(?:\s+of)?\b[^.]{0,40}|"
    r"Handout|File(?:\s+photo)?"
)


def _line(pattern: str) -> re.Pattern[str]:
    """A whole-line form: used with ``match``, so it is tried at the first character only."""
    return re.compile(pattern)


# A whole block that is a photo credit: "Photo: Jane Roe/AFP", "(AP Photo/John Doe)",
# "© Reuters / Pool", "Getty Images", "Image credit: NASA".
CREDIT = _line(
    r"\(?\s*(?:"
    r"(?:photo|image|picture|pic|video|illustration|graphic|photograph|credit)s?"
    r"(?:\s+(?:credit|by|courtesy))?\s*[:|/]\s*.{0,80}"
    r"|(?:ap|afp|reuters|epa)\s+photo\b.{0,60}"
    r"|[©℗]\s*.{0,80}"
    r"|(?:photo|image|picture)\s+(?:by|courtesy\s+of)\s+.{0,60}"
    r"|(?:" + _AGENCIES + r")(?:\s*(?:/|via|for)\s*[\w .'-]{0,40})?"
    r")\s*\)?\.?$"
)

# A credit at the end of a longer block marks that block as a caption:
# "Police at the scene on Monday. (Photo: Jane Roe/AFP)", "... Photo: Reuters",
# "... PHOTO | FILE", "... Credit: Jane Roe for the Observer". Searched on the lowered tail.
CAPTION_TAIL = re.compile(
    r"(?:[(\[]\s*(?:photo|image|picture|credit|file photo)\b[^)\]]{0,80}[)\]]\s*$"
    r"|\b(?:photo|image|picture|photograph)(?:\s+credit)?\s*[:/]\s*[^.]{0,60}$|\bphoto\s*\|\s*[^.|]{0,40}$"
    r"|\bcredit\s*:\s*[^.]{0,60}$"
    r"|[©]\s*[^.]{0,60}$)"
)
# A trailing agency credit needs a separator and the agency's own capitals:
# "... on Monday. (AP)", "... | Getty Images", "... - AFP/Jane Roe" but not "... swimming pool".
CAPTION_AGENCY_TAIL = re.compile(
    r"(?:[(\[|/]|\s[-–—]|[.,;:])\s*(?:" + _AGENCIES_CASED + r")\b\s*(?:/\s*[\w .'-]{0,40})?[)\]]?\s*$"
)
CAPTION_TAIL_GUARD = ("photo", "image", "picture", "credit", "©")
# Cased like the agency names: "AP" and "PA" in capitals are rare in prose.
CAPTION_AGENCY_GUARD = ("AFP", "Reuters", "AP", "Getty", "EPA", "Xinhua", "Shutterstock", "iStock",
                        "Alamy", "Bloomberg", "PA", "ANP", "Anadolu", "Sipa", "Associated", "Agence", "Pool",
                        "NurPhoto", "Zuma", "WireImage", "Corbis", "Wikimedia", "Courtesy", "Handout", "File")
# After the caption's last sentence, a picture desk's "Outlet/Photographer" credit in
# capitals: "... in Hayatabad. Indus Times/Asad Zaman".
CAPTION_DESK_TAIL = re.compile(
    r"[.!?]\s+(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$"
)
# A caption the renderer labels with the image it stands for: "[Photo] ...", "(Image) ...".
CAPTION_HEAD = _line(r"[\[(](?:photo|image|picture|video|graphic|illustration)s?[\])]\s*\S")

# Gallery and image-viewer chrome: "Image 1 of 23", "1 / 23", "Caption", "Close",
# "Back to Gallery", "Enlarge this image", "Hide caption", "Toggle caption".
GALLERY = _line(
    r"(?:(?:image|photo|picture|slide)\s+\d+\s*(?:of|/)\s*\d*|\d+\s*(?:/|of)\s*\d+"
    r"|caption|close|expand|enlarge(?:\s+this\s+image)?|(?:hide|show|toggle)\s+caption"
    r"|back\s+to\s+gallery|view\s+(?:gallery|slideshow|all\s+photos?)|next|previous|prev"
    r"|(?:\d+\s+)?(?:photos?|images?|videos?)|play\s+video|watch(?:\s+video)?|full\s*screen)$"
)

_MONTH_NAMES = (r"(?:january|february|march|april|may|june|july|august|september|october"
                r"|november|december)")
# Embedded social posts: tweet sign-offs "— Jane Roe (@jroe) March 2, 2019",
# short links, "A post shared by", Instagram and Facebook embed chrome.
EMBED_LINE = _line(
    r"\s*[—–-]?\s*\(?@\w{1,30}\)?\s+(?:on\s+)?" + _MONTH_NAMES + r"\b"
    r"|embedded (?:content|video|tweet)|(?:follow|tweet|retweet|reply|like)\s*$"
)
EMBED_INSIDE = re.compile(
    r"pic\.twitter\.com/|\bt\.co/\w|[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)"
    r"|a post shared by|view this post on instagram|instagram\.com/p/|twitter\.com/\w+/status"
)
EMBED_GUARD = ("pic.twitter", "t.co/", "(@", "a post shared", "instagram", "twitter.com/")

# Comments section headers; everything after one is comments.
COMMENTS_MARKER = _line(
    r"(?:(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)\s*(?:\(\d+\)|:)?\s*$"
    r"|(?:leave|post|add|write|submit)\s+(?:a|your|new)\s+(?:comment|reply|response)\b.{0,40}$"
    r"|(?:join|start)\s+the\s+(?:conversation|discussion|debate)\b.{0,30}$"
    r"|(?:show|view|read|see|load)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.{0,20}$"
    r"|(?:\d+|no|one)\s+(?:thoughts?|comments?|responses?)\s+(?:on|to)\b.{0,150}$"
    r"|comments?\s+(?:are\s+closed|policy|for\s+this\s+thread)\b.{0,60}$"
    r"|(?:have\s+your\s+say|what\s+do\s+you\s+think\??|discussion|conversation)\s*$"
    r"|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\b.{0,20}$)"
)

# Headers of lists of other stories. The block itself and the short items after it
# are "related"; a marker also ends the article when it stands after the core.
RELATED_MARKER = _line(
    r"(?:related|see\s+also|also\s+read|read\s+(?:more|also|next)|more\s+(?:from|on|about|in|news"
    r"|stories|articles|like\s+this|to\s+read)|popular\s+(?:posts?|stories|articles|now|on\b.{0,30})"
    r"|most\s+(?:read|popular|viewed|shared|emailed|commented|watched|recent)|trending(?:\s+now)?"
    r"|recommended(?:\s+for\s+you|\s+stories|\s+articles|\s+reading)?|you\s+(?:may|might)\s+(?:also\s+)?"
    r"(?:like|enjoy|be\s+interested)|don'?t\s+miss|up\s+next|what\s+to\s+read\s+next|top\s+stories"
    r"|latest(?:\s+(?:news|stories|articles|posts|videos))?|recent\s+(?:posts?|stories|articles|news)"
    r"|story\s+timeline|must\s+read|further\s+reading|in\s+(?:other|case\s+you\s+missed)\b.{0,20}"
    r"|editor'?s\s+picks?|around\s+the\s+web|from\s+(?:the\s+web|our\s+partners)|promoted\s+stories"
    r"|sponsored\s+(?:stories|links|content)|more\s+coverage|related\s+\w+(?:\s+\w+)?|suggested\s+\w+"
    r"|(?:other|similar)\s+(?:stories|articles|posts|news))\b[^.!?]{0,80}$"
)

# An inline "Related: Other story" or "READ MORE: ..." line within the article.
RELATED_INLINE = _line(
    r"(?:related|read\s+more|also\s+read|read\s+also|see\s+also|more|recommended|watch|listen"
    r"|click\s+here|(?:also|more)\s+on\s+\w+)\s*[:|>»-]\s*\S.{0,200}$"
)

# Site furniture: share and follow buttons, subscription and newsletter prompts,
# cookie and consent notices, sign-in, search, skip links, print/email tools.
NAVIGATION = _line(
    r"(?:(?:skip\s+to\s+(?:main\s+)?(?:content|navigation|search)|menu|main\s+menu|close\s+menu"
    r"|search|sections?|home|back\s+to\s+top|toggle\s+navigation|navigation|open\s+menu"
    r"|(?:sign|log)\s*(?:in|out|up)|register|my\s+account|subscribe|share|tweet|email|e-mail|print"
    r"|facebook|twitter|linkedin|pinterest|reddit|whatsapp|instagram|youtube|rss(?:\s+feed)?|tumblr"
    r"|google\+?|flipboard|telegram|messenger|sms|copy\s+link|comment|more|less|top|video|audio|"
    r"listen|save|follow(?:\s+us)?|shares?|\d+\s+shares?)\s*$"
    r"|(?:share|follow)\s+(?:this|on|us|via|the\s+story|article|story)\b.{0,40}$"
    r"|(?:\d+\.\s*)?(?:home|news)\s*(?:[>»/|]\s*[\w &'-]+)+$)"
)

FURNITURE_LINE = _line(
    r"(?:accept|agree|got\s+it|ok|i\s+agree|accept\s+(?:all|&\s+close|and\s+close|cookies))\s*$"
    r"|thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|reading)"
    r"|please\s+(?:enable|disable|check|enter)\b|(?:we|this\s+site)\s+use[s]?\s+cookies"
)
FURNITURE_INSIDE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:use|accept|consent|agree|policy|experience|settings)\b"
    r"|\bnewsletters?\b|\bsubscri(?:be|ption|bers?)\b.{0,80}\b(?:today|now|here|free|newsletter|inbox"
    r"|access|offer|month|year|trial|unlimited)\b|\bsign\s+up\b.{0,60}\b(?:free|newsletter|email|updates?"
    r"|alerts?|today|now)\b|\bunsubscribe\b"
    r"|\b(?:your|an?)\s+email\s+address\b|\bad\s*blocker\b"
    r"|\bjavascript\b.{0,40}\b(?:enable|disabled|required)\b"
    # appeals for money: "Support independent journalism", "Become a member today"
    r"|\bsupport\s+(?:our|independent|quality|local)\s+journalism\b"
    r"|\bbecome\s+a\s+(?:member|subscriber|supporter|patron)\b|\bdonate\s+(?:now|today)\b"
)
FURNITURE_GUARD = ("cookie", "newsletter", "subscri", "sign", "email", "blocker", "javascript",
                   "journalism", "become", "donate")

ADVERT = _line(
    r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad|ads|promoted|paid\s+content"
    r"|story\s+continues\s+(?:below|after)(?:\s+advertisement)?|continue\s+reading\s+(?:below|the\s+main\s+story)"
    r"|article\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advertisement)?|scroll\s+to\s+continue.{0,40}"
    r"|\(?adsbygoogle.*|ad\s+feedback|report\s+(?:this\s+)?ad)\s*$"
)

FOOTER_LINE = _line(
    r"(?:privacy(?:\s+(?:policy|notice|settings|statement))?|terms\s+"
    r"(?:of\s+(?:use|service)|and\s+conditions|&\s+conditions)|cookie\s+(?:policy|settings|preferences)"
    r"|contact(?:\s+us)?|about(?:\s+us)?|careers?|advertise(?:\s+with\s+us)?|site\s*map|accessibility"
    r"(?:\s+statement)?|help|faq|(?:code\s+of\s+)?ethics|corrections|feedback|legal(?:\s+\w+)?|imprint"
    r"|do\s+not\s+sell\s+my\s+(?:personal\s+)?info(?:rmation)?|ad\s*choices|rss\s+feeds?|archives?)\s*$"
)
FOOTER_INSIDE = re.compile(
    r"(?:[©]|\(c\)|copyright\b).{0,120}(?:\d{4}|rights|reserved|inc\b|ltd\b|llc\b|media|news|group)"
    r"|\ball\s+rights\s+reserved\b"
    r"|\b(?:privacy\s+policy|terms\s+of\s+(?:use|service))\b.{0,80}\b(?:privacy|terms|cookie|contact"
    r"|policy|about)\b"
)
FOOTER_GUARD = ("©", "(c)", "copyright", "rights", "privacy", "terms")

# Blog chrome: "Posted by Jane at 10:14 PM", "Labels: x, y", "Older Post Newer Post",
# "Subscribe to: Post Comments (Atom)", "Email This BlogThis! Share to Twitter".
BLOG_CHROME_LINE = _line(
    r"posted\s+(?:by|on|at|in)\b.{0,100}$|(?:labels|tags|categories|filed\s+under|topics|posted\s+in)"
    r"\s*:?\s.{0,200}$|subscribe\s+to\s*:.{0,60}$"
    r"|share\s+to\s+\w+|email\s+this\b|(?:home|powered\s+by\s+\w+.{0,40})$|(?:no|\d+)\s+comments?\s*$"
    r"|(?:permalink|reblog|(?:prev|next)(?:ious)?\s+(?:post|entry|article)\b.{0,80})$"
)
BLOG_CHROME_INSIDE = re.compile(r"\b(?:older|newer)\s+posts?\b|\bblogthis\b")
BLOG_CHROME_GUARD = ("older", "newer", "blogthis")

# Bylines and datelines: "By Jane Roe", "By Jane Roe | March 2, 2019", "Jane Roe, Staff Writer",
# "Updated 1:39 am EST", "Published: March 2, 2019", "Nov 18, 2019 at 9:24 pm ET • 2 min read".
BYLINE_LINE = _line(
    # "by" lines may hold initials ("By J. Roe") but do not end a sentence as prose does
    # ("By noon the market was empty."); "from" lines are short ("From staff reports").
    r"(?:by|written\s+by|words\s+by|reporting\s+by|posted\s+by)\s+[\w .,'’&@|•·/:-]{2,80}(?<![a-z0-9]{3}\.)$"
    r"|from\s+[\w ,'’&@|•·/:-]{2,40}$"
    r"|(?:published|updated|posted|last\s+(?:updated|modified)|first\s+published|created|modified)\b.{0,80}$"
    r"|[\w .'-]{2,40},\s+(?:staff|senior|special|contributing|\w+)\s+(?:writer|reporter|correspondent"
    r"|editor)\b.{0,40}$|\d{1,2}:\d{2}\s*(?:am|pm)?\b.{0,40}$"
)
BYLINE_INSIDE = re.compile(r"\b\d+\s+min(?:ute)?s?\s+read\b")
BYLINE_GUARD = ("read",)
# A name and the city the story was filed from, in capitals: "Can Yavuz - ISTANBUL",
# "Staff Reporter – PESHAWAR". Read on the original text: the capitals are the cue.
BYLINE_CITY = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*[-–—|]\s*[A-Z]{3,}(?:[\s,]+[A-Z]{2,}){0,2}$"
)

# A reporter and the place of filing, Guardian style: "Sophie Laurent in Gaziantep",
# "Staff and agencies in Beirut". Title-cased subheadings look the same ("Protests Erupt
# in Paris"), so this counts only next to a dateline (see ``textblocks``).
NAME_IN_PLACE = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:and\s+(?:[A-Za-z][\w.'’-]*\s+){1,3})?in\s+[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,2}$"
)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_FULL_DATE = (r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
              + r",?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})")
# A block that is just a date, a time or both.
DATE_ONLY = _line(
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
    + r",?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:t[\d:.z+-]+)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"(?:\s*(?:at|,|-|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?\s*$"
)
# A full date anywhere in a short block: "Staff Reporter • July 19, 2016 • 7:45 PM",
# "April 16, 2016 / 1:52 PM / Updated 36 minutes ago". Such a block is a dateline.
DATE_INSIDE = re.compile(r"\b" + _FULL_DATE + r"(?!\d)")
# A dateline is short: the date and a name, a time or a place.
DATELINE_MAX_WORDS = 10


@dataclass(frozen=True)
class CueFamily:
    kind: str
    line: re.Pattern[str] | None = None  # whole-line forms, tried with match
    inside: re.Pattern[str] | None = None  # forms anywhere in the block, searched...
    guard: tuple[str, ...] = ()  # ...only when the block contains one of these


CUE_FAMILIES: tuple[CueFamily, ...] = (
    CueFamily("advert", ADVERT),
    # a copyright line naming a year or "all rights reserved" is the site's footer, not a photo credit
    CueFamily("footer", FOOTER_LINE, FOOTER_INSIDE, FOOTER_GUARD),
    CueFamily("credit", CREDIT),
    CueFamily("embed", EMBED_LINE, EMBED_INSIDE, EMBED_GUARD),
    CueFamily("caption", GALLERY),
    CueFamily("navigation", NAVIGATION),
    CueFamily("other", BLOG_CHROME_LINE, BLOG_CHROME_INSIDE, BLOG_CHROME_GUARD),
    CueFamily("other", FURNITURE_LINE, FURNITURE_INSIDE, FURNITURE_GUARD),
    CueFamily("other", BYLINE_LINE, BYLINE_INSIDE, BYLINE_GUARD),
    CueFamily("other", DATE_ONLY),
)

# Every family's whole-line forms as one pattern, one named group per family in order:
# one match call instead of ten, and the first family that matches wins as before.
_ALL_LINES = re.compile("|".join(f"(?P<f{i}>{family.line.pattern})"
                                 for i, family in enumerate(CUE_FAMILIES) if family.line is not None))
_GUARDED = tuple((i, family) for i, family in enumerate(CUE_FAMILIES) if family.inside is not None)

# Cue families that only make sense on short blocks: a 60-word paragraph that
# mentions "newsletter" or "privacy policy" in passing is still a paragraph.
# 40 words is above every furniture line seen in the development dumps' notices.
CUE_MAX_WORDS = 40

# A caption's trailing credit is within its last 100 characters ("(Photo: ...)" at most 80).
CAPTION_TAIL_CHARS = 100


def match_cue(text: str, lowered: str, n_words: int) -> str | None:
    """The kind a cue family gives ``text`` (``lowered`` is its lower case), or None."""
    if n_words > CUE_MAX_WORDS:
        if n_words < 3 * CUE_MAX_WORDS and _has_guard(lowered, EMBED_GUARD) and EMBED_INSIDE.search(lowered):
            return "embed"
        return None
    line = _ALL_LINES.match(lowered)
    first_line = int(line.lastgroup[1:]) if line is not None and line.lastgroup else len(CUE_FAMILIES)
    # A family listed before the one whose line form matched may still claim the block.
    for i, family in _GUARDED:
        if i >= first_line:
            break
        if any(map(lowered.__contains__, family.guard)) and family.inside.search(lowered):
            return family.kind
    if first_line < len(CUE_FAMILIES):
        return CUE_FAMILIES[first_line].kind
    if is_dateline(text, lowered, n_words):
        return "other"
    return None


def _has_guard(text: str, guard: tuple[str, ...]) -> bool:
    return any(map(text.__contains__, guard))  # the loop runs in C


def is_dateline(text: str, lowered: str, n_words: int) -> bool:
    """A byline or dateline: a short block holding a full date, or "Name - CITY"."""
    if n_words <= DATELINE_MAX_WORDS and DATE_INSIDE.search(lowered):
        return True
    return n_words <= 6 and BYLINE_CITY.match(text) is not None


def is_byline(text: str, lowered: str, n_words: int) -> bool:
    """A byline or dateline ("By Jane Roe", "Updated 1:39 am", "Staff Reporter • July 19, 2016")."""
    if n_words > CUE_MAX_WORDS:
        return False
    return (BYLINE_LINE.match(lowered) is not None or (_has_guard(lowered, BYLINE_GUARD)
            and BYLINE_INSIDE.search(lowered) is not None) or is_dateline(text, lowered, n_words))


def is_caption_tail(text: str, lowered: str) -> bool:
    """A block carrying a picture credit at its end, or a "[Photo]" label at its start."""
    if CAPTION_HEAD.match(lowered):
        return True
    # Only the end of a block can carry its credit; searching the tail keeps this cheap,
    # and each pattern runs only when the tail holds a word every match of it needs.
    low_tail = lowered[-CAPTION_TAIL_CHARS:]
    if _has_guard(low_tail, CAPTION_TAIL_GUARD) and CAPTION_TAIL.search(low_tail):
        return True
    tail = text[-CAPTION_TAIL_CHARS:]
    if _has_guard(tail, CAPTION_AGENCY_GUARD) and CAPTION_AGENCY_TAIL.search(tail):
        return True
    return "/" in tail and CAPTION_DESK_TAIL.search(tail) is not None
