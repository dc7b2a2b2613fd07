"""The plain-text block classifier on small hand-written page dumps."""
# ruff: noqa: E501  (the dumps keep one paragraph per line, as text renderers write them)

from __future__ import annotations

import re

from newsgraph.clean.text_features import split_blocks
from newsgraph.clean.textblocks import classify_text

NEWS_DUMP = """\
Skip to content
* Home
* World
* Politics
* Sport

Flood waters rise across the northern valley

By Jane Roe
March 3, 2019

Heavy rain fell on the northern valley for a third day on Tuesday, and the river broke its banks at two places near the town of Linden.

Rescue teams moved more than 200 families to higher ground, the regional governor said in a statement on Tuesday evening.

Residents wade through a flooded street in Linden on Tuesday. (Photo: John Doe/AFP)

© Reuters

What the forecast says

The weather service expects the rain to ease by Thursday, but it warned that the river would stay high for the rest of the week.

Stay safe out there, Linden. pic.twitter.com/abc123 — Linden Council (@lindencouncil) March 3, 2019

Share on Facebook

Related stories
* Storm closes schools in the east
* Bridge repairs delayed again

Leave a reply

What a terrible week for the town, I hope everyone is safe and the council does more next time.

Great reporting as always, thanks for keeping us informed about the river.

© 2019 Valley News. All rights reserved.
Privacy Policy
"""

PARAGRAPH_1 = ("Heavy rain fell on the northern valley for a third day on Tuesday, and the river broke its "
               "banks at two places near the town of Linden.")
PARAGRAPH_2 = ("Rescue teams moved more than 200 families to higher ground, the regional governor said in a "
               "statement on Tuesday evening.")
PARAGRAPH_3 = ("The weather service expects the rain to ease by Thursday, but it warned that the river would "
               "stay high for the rest of the week.")

BLOG_DUMP = """\
Coastal Notes

A week on the coast

The ferry left the harbour just after dawn, and by noon we could see the cliffs of the island rising out of the mist.

We spent the afternoon walking along the shore, where the fishermen were mending their nets and talking about the storm.

Posted by Maria at 10:14 PM
Email ThisBlogThis!Share to TwitterShare to Facebook
Labels: travel, islands

Popular posts from this blog
Ten things to pack for a rainy holiday
Why I stopped flying for short trips

Older Post Newer Post Home

3 comments:

Anonymous said...
Lovely post, thank you for sharing these memories of the coast with all of us here.

Subscribe to: Post Comments (Atom)
"""


def kinds_by_text(page) -> dict[str, tuple[str, bool]]:
    return {block.text: (block.kind, block.kept) for block in page.blocks}


def test_news_dump_body_is_exactly_the_article_paragraphs():
    page = classify_text(NEWS_DUMP)
    assert page.body == "\n\n".join([PARAGRAPH_1, PARAGRAPH_2, "What the forecast says", PARAGRAPH_3])


def test_news_dump_headline_is_title_and_not_kept():
    page = classify_text(NEWS_DUMP)
    assert page.title == "Flood waters rise across the northern valley"
    assert kinds_by_text(page)["Flood waters rise across the northern valley"] == ("headline", False)


def test_caption_and_credit_are_not_kept():
    kinds = kinds_by_text(classify_text(NEWS_DUMP))
    assert kinds["Residents wade through a flooded street in Linden on Tuesday. (Photo: John Doe/AFP)"] == (
        "caption", False)
    assert kinds["© Reuters"] == ("credit", False)


def test_subheading_inside_article_is_kept():
    assert kinds_by_text(classify_text(NEWS_DUMP))["What the forecast says"] == ("subheading", True)


def test_embedded_tweet_is_embed():
    kinds = kinds_by_text(classify_text(NEWS_DUMP))
    tweet = ("Stay safe out there, Linden. pic.twitter.com/abc123 — Linden Council (@lindencouncil) "
             "March 3, 2019")
    assert kinds[tweet] == ("embed", False)


def test_navigation_lines_are_navigation():
    kinds = kinds_by_text(classify_text(NEWS_DUMP))
    for line in ("Skip to content", "* Home", "* World", "* Politics", "* Sport", "Share on Facebook"):
        assert kinds[line] == ("navigation", False), line


def test_related_block_is_related_and_not_kept():
    kinds = kinds_by_text(classify_text(NEWS_DUMP))
    for line in ("Related stories", "* Storm closes schools in the east", "* Bridge repairs delayed again"):
        assert kinds[line] == ("related", False), line


def test_everything_after_leave_a_reply_is_comments_but_the_footer():
    page = classify_text(NEWS_DUMP)
    kinds = kinds_by_text(page)
    assert kinds["Leave a reply"] == ("comments", False)
    assert kinds["Great reporting as always, thanks for keeping us informed about the river."] == (
        "comments", False)
    assert kinds["© 2019 Valley News. All rights reserved."] == ("footer", False)
    assert page.blocks[-1].kind == "footer" and page.blocks[-1].text == "Privacy Policy"


def test_byline_and_date_are_not_kept():
    kinds = kinds_by_text(classify_text(NEWS_DUMP))
    assert kinds["By Jane Roe"] == ("other", False)
    assert kinds["March 3, 2019"] == ("other", False)


def test_every_non_whitespace_character_is_in_some_block():
    page = classify_text(NEWS_DUMP)
    joined = "".join(block.text for block in page.blocks)
    assert re.sub(r"\s+", "", joined) == re.sub(r"\s+", "", NEWS_DUMP)


def test_blog_chrome_popular_posts_and_comments():
    page = classify_text(BLOG_DUMP)
    kinds = kinds_by_text(page)
    assert page.body.split("\n\n") == [
        "The ferry left the harbour just after dawn, and by noon we could see the cliffs of the island "
        "rising out of the mist.",
        "We spent the afternoon walking along the shore, where the fishermen were mending their nets and "
        "talking about the storm.",
    ]
    assert page.title == "A week on the coast"
    for chrome in ("Posted by Maria at 10:14 PM", "Labels: travel, islands", "Older Post Newer Post Home",
                   "Email ThisBlogThis!Share to TwitterShare to Facebook"):
        assert kinds[chrome][1] is False, chrome
        assert kinds[chrome][0] in ("other", "navigation"), chrome
    assert kinds["Popular posts from this blog"] == ("related", False)
    assert kinds["Ten things to pack for a rainy holiday"] == ("related", False)
    assert kinds["3 comments:"] == ("comments", False)
    assert kinds["Lovely post, thank you for sharing these memories of the coast with all of us here."] == (
        "comments", False)
    assert kinds["Anonymous said..."] == ("comments", False)


def test_all_boilerplate_page_has_empty_body():
    dump = ("Skip to main content\nMenu\n* News\n* Sport\n* Weather\n\nSign in\nSubscribe\n\n"
            "We use cookies to improve your experience. By continuing you accept our cookie policy.\n"
            "Accept\n\n© 2024 Example Media Ltd. All rights reserved.\nPrivacy Policy\nTerms of Use\n")
    page = classify_text(dump)
    assert page.body == ""
    assert not any(block.kept for block in page.blocks)
    assert len(page.blocks) == 12


def test_empty_and_blank_input_give_no_blocks():
    for text in ("", "   \n\n \t\n"):
        page = classify_text(text)
        assert page.blocks == [] and page.body == "" and page.title is None


def test_title_hint_picks_the_headline():
    dump = ("Valley News\n\nFlood waters rise across the northern valley\n\n" + PARAGRAPH_1 + "\n\n"
            + PARAGRAPH_2 + "\n")
    page = classify_text(dump, title_hint="Flood waters rise across the northern valley | Valley News")
    assert page.title == "Flood waters rise across the northern valley"
    assert page.body == PARAGRAPH_1 + "\n\n" + PARAGRAPH_2


def test_wrapped_paragraph_lines_are_joined_with_single_spaces():
    dump = ("Heavy rain fell on the northern valley for a third day on\n"
            "Tuesday, and the river broke its banks at two places near\n"
            "the town of Linden.\n\n" + PARAGRAPH_2 + "\n")
    page = classify_text(dump)
    assert page.body == PARAGRAPH_1 + "\n\n" + PARAGRAPH_2


def test_menu_lines_in_one_chunk_are_separate_blocks():
    blocks = split_blocks("    * Home\n    * World\n      Politics\n")
    assert [(b.text, b.indent, b.listed) for b in blocks] == [
        ("* Home", 4, True), ("* World", 4, True), ("Politics", 6, False)]
