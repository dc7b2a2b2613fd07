"""HTML pages: trafilatura finds the article; the DOM says what every other block is.

trafilatura (comments off, tables on) gives the body and the metadata (title, date, site
name, url). Every text-bearing block element of the page is then listed in
order with a kind read from its place in the DOM (inside <nav>, <footer>, a
figure caption, a comment section...) and ``kept`` when its text belongs to
trafilatura's body, so nothing on the page is silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.record import Block

_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "td", "th",
               "dd", "dt", "pre", "caption", "address", "summary"}
_CONTAINER_TAGS = {"div", "section", "article", "header", "aside", "main", "figure", "form", "ul", "ol",
                   "table", "tr", "tbody", "dl"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select"}
# Class/id words that name a region; matched as whole words of the attribute.
_REGION_WORDS = [
    ("comments", re.compile(r"\b(comments?|disqus|respond|reply|replies|discussion)\b")),
    ("navigation", re.compile(r"\b(nav|navbar|menu|breadcrumbs?|skip|masthead|topbar)\b")),
    ("footer", re.compile(r"\b(footer|copyright|legal|colophon)\b")),
    ("related", re.compile(r"\b(related|recommended|popular|trending|more|read-?more|teaser|outbrain)\b")),
    ("advert", re.compile(r"\b(ad|ads|advert|advertisement|sponsor(ed)?|promo)\b")),
    ("caption", re.compile(r"\b(caption|wp-caption-text|credit|photo-credit)\b")),
    ("embed", re.compile(r"\b(twitter-tweet|tweet|embed|instagram-media|social-embed)\b")),
]
_TAG_KINDS = {"nav": "navigation", "footer": "footer", "figcaption": "caption", "caption": "caption",
              "aside": "related", "menu": "navigation"}
_WORDS = re.compile(r"\w+", re.UNICODE)


@dataclass
class HtmlPage:
    body: str
    title: str | None
    published: str | None
    site_name: str | None
    url: str | None
    blocks: list[Block] = field(default_factory=list)


def clean_html(html: str, url: str | None = None) -> HtmlPage:
    import trafilatura

    from newsgraph.clean.textblocks import is_furniture_line

    extracted = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=True,
        favor_precision=False)
    body_lines: list[str] = []
    title = published = site_name = found_url = None
    if extracted is not None:
        text = extracted.text or ""
        body_lines = [line.strip() for line in text.split("\n") if line.strip()]
        title = extracted.title or None
        published = extracted.date or None
        site_name = extracted.sitename or None
        found_url = extracted.url or None
        # trafilatura keeps the page's <h1> as the first line; the headline is the title, not body.
        while body_lines and title and _key(body_lines[0]) == _key(title):
            body_lines.pop(0)
        # trafilatura leaves some furniture lines in (newsletter prompts, "Related:" teasers,
        # timestamps); the text classifier's cues catch them. They stay listed as blocks.
        body_lines = [line for line in body_lines if not is_furniture_line(line)]
    blocks = dom_blocks(html, body_lines, title)
    return HtmlPage("\n\n".join(body_lines), title, published, site_name, found_url or url, blocks)


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def dom_blocks(html: str, body_lines: list[str], title: str | None) -> list[Block]:
    """Every text block of the page in document order, kinds from the DOM."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return [Block("paragraph", line, True) for line in body_lines]
    body_keys = {_key(line) for line in body_lines}
    body_text = " ".join(body_keys)
    title_key = _key(title or "")
    blocks: list[Block] = []

    def emit(text: str, kind: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        key = _key(text)
        kept = bool(key) and (key in body_keys or (len(key) > 40 and key in body_text))
        if key and key == title_key:
            kind, kept = "headline", False
        elif kept and kind not in ("subheading",):
            kind = "paragraph"
        elif not kept and kind in ("paragraph", "subheading"):
            kind = "other"
        blocks.append(Block(kind, text, kept))

    def walk(element, region: str | None) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP_TAGS:
            return
        region = _region_of(element, tag) or region
        if tag in _BLOCK_TAGS:
            kind = region or ("subheading" if tag in ("h2", "h3", "h4", "h5", "h6")
                              else "headline" if tag == "h1" else "paragraph")
            emit(element.text_content(), kind)
            return
        pending = element.text or ""
        for child in element:
            if not isinstance(child.tag, str):  # a comment or processing instruction: only its tail
                pending += child.tail or ""
                continue
            child_tag = child.tag
            if child_tag in _BLOCK_TAGS or child_tag in _CONTAINER_TAGS or child_tag in _TAG_KINDS:
                emit(pending, region or "paragraph")
                pending = ""
                walk(child, region)
            elif child_tag == "br":
                pending += "\n"
            elif child_tag not in _SKIP_TAGS:
                pending += child.text_content()
            pending += child.tail or ""
        emit(pending, region or "paragraph")

    body = root.find("body")
    walk(body if body is not None else root, None)
    return blocks


def _region_of(element, tag: str) -> str | None:
    if tag in _TAG_KINDS:
        return _TAG_KINDS[tag]
    names = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("role"))))
    if not names:
        return None
    names = names.lower().replace("_", "-")
    for kind, pattern in _REGION_WORDS:
        if pattern.search(names):
            return kind
    return None
