"""Cleaning: a raw page in, a Document with its body, blocks, title and publication date out."""

from __future__ import annotations

from newsgraph.clean.published import infer_published, normalise_date
from newsgraph.ingest.readers import Failure, RawPage
from newsgraph.record import Document, Source


def clean_page(raw: RawPage, published: str | None = None) -> Document | Failure:
    """Clean one page. A page with no article text is a Failure with the reason."""
    where = raw.path or raw.uri or "?"
    metadata_date = raw.published
    site_name = None
    uri = raw.uri
    if raw.kind == "html":
        from newsgraph.clean.html import clean_html

        page = clean_html(raw.content, url=raw.uri)
        body, blocks = page.body, page.blocks
        title = raw.title or page.title
        metadata_date = metadata_date or page.published
        site_name, uri = page.site_name, uri or page.url
        if not blocks:
            return Failure(where, "HTML page has no text")
    else:
        from newsgraph.clean.textblocks import classify_text

        text_page = classify_text(raw.content, title_hint=raw.title)
        body, blocks = text_page.body, text_page.blocks
        title = raw.title or text_page.title
    if not body.strip():
        return Failure(where, "no article text found: every block of the page is boilerplate")
    doc = Document(body=body, title=title, blocks=blocks, site_name=site_name,
                   source=Source(uri=uri, path=raw.path, format=raw.origin))
    for warning in raw.warnings:
        doc.warn(warning)
    if published:
        override = normalise_date(published)
        if override is None:
            raise ValueError(f"--published must be a date like 2016-03-22, got {published!r}")
        doc.published, doc.published_basis = override, "metadata"
    else:
        doc.published, doc.published_basis = infer_published(body, blocks, metadata_date,
                                                              raw.crawl_date)
    return doc


__all__ = ["clean_page"]
