"""Cue phrases that give a plain-text block away as page furniture.

Each cue is a regular expression over one block's stripped text, written for the
family of wordings a site may use ("Leave a reply", "Leave a comment", "3 comments:",
"Join the conversation"), not for any one page. ``match_cue`` returns the kind the
first matching family implies, or None. Section markers (comments, related) are
separate: they end the article and colour what follows them.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# News agencies and picture desks that sign photo credits.
_AGENCIES = (
    r"AFP|Reuters|AP|Getty(?:\s+Images)?|EPA(?:-EFE)?|Xinhua|Shutterstock|iStock(?:photo)?|"
    r"Alamy|Bloomberg|PA(?:\s+Images|\s+Wire)?|ANP|Anadolu(?:\s+Agency)?|Sipa|"
    r"Associated\s+Press|Agence\s+France-Presse|Pool|NurPhoto|Zuma(?:\s+Press)?|WireImage|"
    r"Corbis|Reuters/[A-Z][\w.]+|Wikimedia(?:\s+Commons)?|Courtesy(?:\s+of)?\b[^.]{0,40}|"
    r"Handout|File(?:\s+photo)?"
)

# A whole block that is a photo credit: "Photo: Jane Roe/AFP", "(AP Photo/John Doe)",
# "© Reuters / Pool", "Getty Images", "Image credit: NASA".
CREDIT = re.compile(
    r"^\(?\s*(?:"
    r"(?:photo|image|picture|pic|video|illustration|graphic|photograph|credit)s?"
    r"(?:\s+(?:credit|by|courtesy))?\s*[:|/]\s*.{0,80}"
    r"|(?:AP|AFP|Reuters|EPA)\s+Photo\b.{0,60}"
    r"|[©℗]\s*.{0,80}"
    r"|(?:photo|image|picture)\s+(?:by|courtesy\s+of)\s+.{0,60}"
    r"|(?:" + _AGENCIES + r")(?:\s*(?:/|via|for)\s*[\w .'-]{0,40})?"
    r")\s*\)?\.?$",
    _I,
)

# A credit at the end of a longer block marks that block as a caption:
# "Police at the scene on Monday. (Photo: Jane Roe/AFP)" or "... Photo: Reuters".
CAPTION_TAIL = re.compile(
    r"(?:[(\[]\s*(?:photo|image|picture|credit|file photo)\b[^)\]]{0,80}[)\]]\s*$"
    r"|\b(?:photo|image|picture|photograph)(?:\s+credit)?\s*[:/]\s*[^.]{0,60}$"
    r"|[©]\s*[^.]{0,60}$)",
    _I,
)
# A trailing agency credit needs a separator and the agency's own capitals:
# "... on Monday. (AP)", "... | Getty Images", "... - AFP/Jane Roe" but not "... swimming pool".
CAPTION_AGENCY_TAIL = re.compile(
    r"(?:[(\[|/]|\s[-–—]|[.,;:])\s*(?:" + _AGENCIES + r")\b\s*(?:/\s*[\w .'-]{0,40})?[)\]]?\s*$"
)

# Gallery and image-viewer chrome: "Image 1 of 23", "1 / 23", "Caption", "Close",
# "Back to Gallery", "Enlarge this image", "Hide caption", "Toggle caption".
GALLERY = re.compile(
    r"^(?:image|photo|picture|slide)\s+\d+\s*(?:of|/)\s*\d*$|^\d+\s*(?:/|of)\s*\d+$"
    r"|^(?:caption|close|expand|enlarge(?:\s+this\s+image)?|(?:hide|show|toggle)\s+caption"
    r"|back\s+to\s+gallery|view\s+(?:gallery|slideshow|all\s+photos?)|next|previous|prev"
    r"|(?:\d+\s+)?(?:photos?|images?|videos?)|play\s+video|watch(?:\s+video)?|full\s*screen)$",
    _I,
)

# Embedded social posts: tweet sign-offs "— Jane Roe (@jroe) March 2, 2019",
# short links, "A post shared by", Instagram and Facebook embed chrome.
EMBED = re.compile(
    r"pic\.twitter\.com/|\bt\.co/\w|[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)"
    r"|^\s*[—–-]?\s*\(?@\w{1,30}\)?\s+(?:on\s+)?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b"
    r"|a post shared by|view this post on instagram|instagram\.com/p/|twitter\.com/\w+/status"
    r"|^embedded (?:content|video|tweet)|^(?:follow|tweet|retweet|reply|like)\s*$",
    _I,
)

# Comments section headers; everything after one is comments.
COMMENTS_MARKER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)\s*(?:\(\d+\)|:)?\s*$"
    r"|^(?:leave|post|add|write|submit)\s+(?:a|your|new)\s+(?:comment|reply|response)\b.{0,40}$"
    r"|^(?:join|start)\s+the\s+(?:conversation|discussion|debate)\b.{0,30}$"
    r"|^(?:show|view|read|see|load)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.{0,20}$"
    r"|^(?:\d+|no|one)\s+(?:thoughts?|comments?|responses?)\s+(?:on|to)\b.{0,150}$"
    r"|^comments?\s+(?:are\s+closed|policy|for\s+this\s+thread)\b.{0,60}$"
    r"|^(?:have\s+your\s+say|what\s+do\s+you\s+think\??|discussion|conversation)\s*$"
    r"|^you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\b.{0,20}$",
    _I,
)

# Headers of lists of other stories. The block itself and the short items after it
# are "related"; a marker also ends the article when it stands after the core.
RELATED_MARKER = re.compile(
    r"^(?:related|see\s+also|also\s+read|read\s+(?:more|also|next)|more\s+(?:from|on|about|in|news"
    r"|stories|articles|like\s+this|to\s+read)|popular\s+(?:posts?|stories|articles|now|on\b.{0,30})"
    r"|most\s+(?:read|popular|viewed|shared|emailed|commented|watched|recent)|trending(?:\s+now)?"
    r"|recommended(?:\s+for\s+you|\s+stories|\s+articles|\s+reading)?|you\s+(?:may|might)\s+(?:also\s+)?"
    r"(?:like|enjoy|be\s+interested)|don'?t\s+miss|up\s+next|what\s+to\s+read\s+next|top\s+stories"
    r"|latest(?:\s+(?:news|stories|articles|posts|videos))?|recent\s+(?:posts?|stories|articles|news)"
    r"|story\s+timeline|must\s+read|further\s+reading|in\s+(?:other|case\s+you\s+missed)\b.{0,20}"
    r"|editor'?s\s+picks?|around\s+the\s+web|from\s+(?:the\s+web|our\s+partners)|promoted\s+stories"
    r"|sponsored\s+(?:stories|links|content)|more\s+coverage|related\s+\w+(?:\s+\w+)?|suggested\s+\w+"
    r"|(?:other|similar)\s+(?:stories|articles|posts|news))\b[^.!?]{0,80}$",
    _I,
)

# An inline "Related: Other story" or "READ MORE: ..." line within the article.
RELATED_INLINE = re.compile(
    r"^(?:related|read\s+more|also\s+read|read\s+also|see\s+also|more|recommended|watch|listen"
    r"|click\s+here|(?:also|more)\s+on\s+\w+)\s*[:|>»-]\s*\S.{0,200}$",
    _I,
)

# Site furniture: share and follow buttons, subscription and newsletter prompts,
# cookie and consent notices, sign-in, search, skip links, print/email tools.
NAVIGATION = re.compile(
    r"^(?:skip\s+to\s+(?:main\s+)?(?:content|navigation|search)|menu|main\s+menu|close\s+menu"
    r"|search|sections?|home|back\s+to\s+top|toggle\s+navigation|navigation|open\s+menu"
    r"|(?:sign|log)\s*(?:in|out|up)|register|my\s+account|subscribe|share|tweet|email|e-mail|print"
    r"|facebook|twitter|linkedin|pinterest|reddit|whatsapp|instagram|youtube|rss(?:\s+feed)?|tumblr"
    r"|google\+?|flipboard|telegram|messenger|sms|copy\s+link|comment|more|less|top|video|audio|"
    r"listen|save|follow(?:\s+us)?|shares?|\d+\s+shares?)\s*$"
    r"|^(?:share|follow)\s+(?:this|on|us|via|the\s+story|article|story)\b.{0,40}$"
    r"|^(?:\d+\.\s*)?(?:home|news)\s*(?:[>»/|]\s*[\w &'-]+)+$",
    _I,
)

OTHER_FURNITURE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:use|accept|consent|agree|policy|experience|settings)\b"
    r"|^(?:accept|agree|got\s+it|ok|i\s+agree|accept\s+(?:all|&\s+close|and\s+close|cookies))\s*$"
    r"|\bnewsletters?\b|\bsubscri(?:be|ption|bers?)\b.{0,80}\b(?:today|now|here|free|newsletter|inbox"
    r"|access|offer|month|year|trial|unlimited)\b|\bsign\s+up\b.{0,60}\b(?:free|newsletter|email|updates?"
    r"|alerts?|today|now)\b|\bunsubscribe\b|^thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|reading)"
    r"|\b(?:your|an?)\s+email\s+address\b|\bad\s*blocker\b|^please\s+(?:enable|disable|check|enter)\b"
    r"|\bjavascript\b.{0,40}\b(?:enable|disabled|required)\b|^(?:we|this\s+site)\s+use[s]?\s+cookies",
    _I,
)

ADVERT = re.compile(
    r"^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|ads|promoted|paid\s+content"
    r"|story\s+continues\s+(?:below|after)(?:\s+advertisement)?|continue\s+reading\s+(?:below|the\s+main\s+story)"
    r"|article\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advertisement)?|scroll\s+to\s+continue.{0,40}"
    r"|\(?adsbygoogle.*|ad\s+feedback|report\s+(?:this\s+)?ad)\s*$",
    _I,
)

FOOTER = re.compile(
    r"(?:[©]|\(c\)|copyright\b).{0,120}(?:\d{4}|rights|reserved|inc\b|ltd\b|llc\b|media|news|group)"
    r"|\ball\s+rights\s+reserved\b|^(?:privacy(?:\s+(?:policy|notice|settings|statement))?|terms\s+"
    r"(?:of\s+(?:use|service)|and\s+conditions|&\s+conditions)|cookie\s+(?:policy|settings|preferences)"
    r"|contact(?:\s+us)?|about(?:\s+us)?|careers?|advertise(?:\s+with\s+us)?|site\s*map|accessibility"
    r"(?:\s+statement)?|help|faq|(?:code\s+of\s+)?ethics|corrections|feedback|legal(?:\s+\w+)?|imprint"
    r"|do\s+not\s+sell\s+my\s+(?:personal\s+)?info(?:rmation)?|ad\s*choices|rss\s+feeds?|archives?)\s*$"
    r"|\b(?:privacy\s+policy|terms\s+of\s+(?:use|service))\b.{0,80}\b(?:privacy|terms|cookie|contact"
    r"|policy|about)\b",
    _I,
)

# Blog chrome: "Posted by Jane at 10:14 PM", "Labels: x, y", "Older Post Newer Post",
# "Subscribe to: Post Comments (Atom)", "Email This BlogThis! Share to Twitter".
BLOG_CHROME = re.compile(
    r"^posted\s+(?:by|on|at|in)\b.{0,100}$|^(?:labels|tags|categories|filed\s+under|topics|posted\s+in)"
    r"\s*:?\s.{0,200}$|\b(?:older|newer)\s+posts?\b|^subscribe\s+to\s*:.{0,60}$|\bblogthis\b"
    r"|^share\s+to\s+\w+|^email\s+this\b|^(?:home|powered\s+by\s+\w+.{0,40})$|^(?:no|\d+)\s+comments?\s*$"
    r"|^(?:permalink|reblog|(?:prev|next)(?:ious)?\s+(?:post|entry|article)\b.{0,80})$",
    _I,
)

# Bylines and datelines: "By Jane Roe", "Jane Roe, Staff Writer", "Updated 1:39 am EST",
# "Published: March 2, 2019", "Nov 18, 2019 at 9:24 pm ET • 2 min read".
BYLINE = re.compile(
    r"^(?:by|written\s+by|words\s+by|reporting\s+by|posted\s+by|from)\s+[\w .,'&@-]{2,80}$"
    r"|^(?:published|updated|posted|last\s+(?:updated|modified)|first\s+published|created|modified)\b.{0,80}$"
    r"|^[\w .'-]{2,40},\s+(?:staff|senior|special|contributing|\w+)\s+(?:writer|reporter|correspondent"
    r"|editor)\b.{0,40}$|\b\d+\s+min(?:ute)?s?\s+read\b|^\d{1,2}:\d{2}\s*(?:am|pm)?\b.{0,40}$",
    _I,
)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# A block that is just a date, a time or both.
DATE_ONLY = re.compile(
    r"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
    + r",?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:t[\d:.z+-]+)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"(?:\s*(?:at|,|-|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?\s*$",
    _I,
)

CUE_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advert", ADVERT),
    # a copyright line naming a year or "all rights reserved" is the site's footer, not a photo credit
    ("footer", FOOTER),
    ("credit", CREDIT),
    ("embed", EMBED),
    ("caption", GALLERY),
    ("navigation", NAVIGATION),
    ("other", BLOG_CHROME),
    ("other", OTHER_FURNITURE),
    ("other", BYLINE),
    ("other", DATE_ONLY),
)

# Words one of which every match of an unanchored family contains: a substring test
# is far cheaper than running the case-insensitive pattern over every block.
_GUARDS: dict[re.Pattern[str], tuple[str, ...]] = {
    EMBED: ("pic.twitter", "t.co/", "@", "shared by", "instagram", "twitter.com", "embedded"),
    OTHER_FURNITURE: ("cookie", "accept", "agree", "got it", "ok", "newsletter", "subscri", "sign up",
                      "thank", "email", "ad", "please", "javascript"),
    FOOTER: ("©", "(c)", "copyright", "rights", "privacy", "terms", "cookie", "contact", "about", "career",
             "advertis", "site", "accessib", "help", "faq", "ethic", "correction", "feedback", "legal",
             "imprint", "do not sell", "ad", "rss", "archive"),
    BLOG_CHROME: ("posted", "label", "tag", "categor", "filed", "topic", "older", "newer", "subscribe",
                  "blogthis", "share", "email", "home", "powered", "comment", "permalink", "reblog",
                  "prev", "next"),
    BYLINE: ("by", "from", "published", "updated", "posted", "last", "first", "created", "modified",
             "writer", "reporter", "correspondent", "editor", "min", ":"),
}

# Looked up once here: hashing a compiled pattern per block is slow.
_GUARDED_FAMILIES = tuple((kind, pattern, _GUARDS.get(pattern)) for kind, pattern in CUE_FAMILIES)

# Cue families that only make sense on short blocks: a 60-word paragraph that
# mentions "newsletter" or "privacy policy" in passing is still a paragraph.
# 40 words is above every furniture line seen in the development dumps' notices.
CUE_MAX_WORDS = 40


# A caption's trailing credit is within its last 100 characters ("(Photo: ...)" at most 80).
CAPTION_TAIL_CHARS = 100


def match_cue(text: str, n_words: int) -> str | None:
    """The kind a cue family gives ``text``, or None when no family matches."""
    if n_words > CUE_MAX_WORDS:
        return "embed" if EMBED.search(text) and n_words < 3 * CUE_MAX_WORDS else None
    lowered = text.lower()
    for kind, pattern, guard in _GUARDED_FAMILIES:
        if guard is not None and n_words > 1 and not any(word in lowered for word in guard):
            continue
        if pattern.search(text):
            return kind
    return None


def is_caption_tail(text: str) -> bool:
    # Only the end of a block can carry its credit; searching the tail keeps this cheap.
    tail = text[-CAPTION_TAIL_CHARS:]
    return bool(CAPTION_TAIL.search(tail) or CAPTION_AGENCY_TAIL.search(tail))
