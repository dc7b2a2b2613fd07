"""The plain-text block classifier on small hand-written page dumps."""
# ruff: noqa: E501  (the dumps keep one paragraph per line, as text renderers write them)

from __future__ import annotations

import json
import re
from pathlib import Path

from newsgraph.clean.text_features import split_blocks
from newsgraph.clean.textblocks import classify_text
from newsgraph.eval.extraction import score
from newsgraph.ingest.decode import decode_bytes

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


ANKARA_DUMP = (
    "Skip to content\nHome | World | Politics\n\nBomb kills 12 in Ankara market\n\n"
    "By Jane Doe | March 22, 2016\n\n"
    "A bomb exploded in a crowded market in Ankara on Tuesday, killing at least 12 people and wounding "
    "dozens more, officials said.\n\n"
    "The blast happened shortly after noon, when the market was full of shoppers, police said in a "
    "statement.\n\nPhoto: AFP\n\nLeave a reply\n")


def test_byline_with_a_date_is_never_the_headline():
    page = classify_text(ANKARA_DUMP)
    kinds = kinds_by_text(page)
    assert page.title == "Bomb kills 12 in Ankara market"
    assert kinds["Bomb kills 12 in Ankara market"] == ("headline", False)
    assert kinds["By Jane Doe | March 22, 2016"] == ("other", False)
    assert page.body.split("\n\n") == [
        "A bomb exploded in a crowded market in Ankara on Tuesday, killing at least 12 people and wounding "
        "dozens more, officials said.",
        "The blast happened shortly after noon, when the market was full of shoppers, police said in a "
        "statement."]


def test_datelines_and_name_city_lines_are_other_and_never_headlines():
    for dateline in ("Staff Reporter  •  July 19, 2016  •  7:45 PM", "Can Yavuz - ISTANBUL",
                     "April 16, 2016 / 1:52 PM / Updated 36 minutes ago",
                     "By Kevin Odhiambo | Published on June 2, 2016 at 9:05 pm"):
        dump = "Home | World\n\nFlood waters rise across the northern valley\n" + dateline + "\n\n" \
            + PARAGRAPH_1 + "\n\n" + PARAGRAPH_2 + "\n"
        page = classify_text(dump)
        assert page.title == "Flood waters rise across the northern valley", dateline
        assert kinds_by_text(page)[dateline] == ("other", False), dateline
        assert page.body == PARAGRAPH_1 + "\n\n" + PARAGRAPH_2, dateline


def test_standfirst_above_the_byline_is_not_body():
    standfirst = ("The river broke its banks for the second time this month, and the town is counting the "
                  "cost of the floods")
    dump = ("Flood waters rise across the northern valley\n\n" + standfirst + "\n\nBy Jane Roe\n\n"
            + PARAGRAPH_1 + "\n\n" + PARAGRAPH_2 + "\n\n" + PARAGRAPH_3 + "\n")
    page = classify_text(dump)
    assert page.body == "\n\n".join([PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3])
    assert kinds_by_text(page)[standfirst][1] is False


def test_labelled_and_credited_captions_are_captions():
    captions = ("[Photo] The gutted warehouse in Hayatabad. Indus Evening Times/Asad Zaman",
                "Members of the National Assembly during Thursday's debate. PHOTO | FILE",
                "Volunteers clear debris from the damaged market. Credit: Sophie Laurent for the Observer")
    for caption in captions:
        dump = "Flood waters rise across the northern valley\n" + caption + "\n\n" + PARAGRAPH_1 + "\n\n" \
            + PARAGRAPH_2 + "\n"
        page = classify_text(dump)
        assert kinds_by_text(page)[caption] == ("caption", False), caption
        assert page.title == "Flood waters rise across the northern valley", caption


def test_one_sentence_above_a_credit_line_is_a_caption():
    caption = "Emergency workers at the scene of the explosion on Saturday."
    dump = ("Bomb kills 12 in Ankara market\n\n" + caption + "\nPhoto: Ledger/Burak Ozen\n\n" + PARAGRAPH_1
            + "\n\n" + PARAGRAPH_2 + "\n")
    kinds = kinds_by_text(classify_text(dump))
    assert kinds[caption] == ("caption", False)
    assert kinds["Photo: Ledger/Burak Ozen"] == ("credit", False)


def test_appeals_for_support_are_not_kept():
    appeal = "Support independent journalism in Colombia. Become a member today."
    dump = PARAGRAPH_1 + "\n\n" + appeal + "\n\n" + PARAGRAPH_2 + "\n"
    page = classify_text(dump)
    assert kinds_by_text(page)[appeal] == ("other", False)
    assert page.body == PARAGRAPH_1 + "\n\n" + PARAGRAPH_2


def test_picture_in_a_menu_line_is_not_a_caption_credit():
    line = "* 2019 NFL playoff picture | Standings"
    assert kinds_by_text(classify_text(line + "\n\n" + PARAGRAPH_1 + "\n"))[line][0] == "navigation"


def test_block_features_of_a_list_item_and_of_prose():
    item, prose = split_blocks("* Home page\n\n" + PARAGRAPH_1 + "\n")
    assert (item.listed, item.content, item.lowered, item.words) == (True, "Home page", "home page", 2)
    assert item.alpha_ratio == 1.0 and item.stop_ratio == 0.0
    assert (prose.words, prose.sentence_end, prose.sentences, prose.has_url) == (27, True, 1, False)
    # on, the, for, a, on, and, the, its, at, the, of: 11 function words ("near", "two" are not)
    assert round(prose.stop_ratio, 4) == round(11 / 27, 4)


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# Measured 1.000 on the 24 demo pages with gold bodies (November 2026); a little room
# for harmless changes, none for a page losing or gaining a paragraph (about -0.004).
SAMPLES_MIN_F1 = 0.995


def _sample_pages() -> list[tuple[str, str, str]]:
    """(stem, decoded dump, gold body) of every demo page that has a gold body."""
    pages = []
    for gold in sorted((SAMPLES / "gold" / "bodies").glob("*.txt")):
        dump = SAMPLES / "text" / gold.name
        if dump.exists():
            text, _ = decode_bytes(dump.read_bytes())  # one sample is cp1252
            pages.append((gold.stem, text, gold.read_text(encoding="utf-8")))
    return pages


def test_demo_corpus_bodies_match_their_gold_bodies():
    pages = _sample_pages()
    assert len(pages) >= 20
    truths = {stem: gold for stem, _, gold in pages}
    predictions = {stem: classify_text(text).body for stem, text, _ in pages}
    assert score(truths, predictions)["f1"] >= SAMPLES_MIN_F1


def test_demo_corpus_headlines_are_the_manifest_titles():
    with open(SAMPLES / "MANIFEST.json", encoding="utf-8") as handle:
        titles = {Path(entry["file"]).stem: entry.get("title") for entry in json.load(handle)}
    pages = _sample_pages()
    wrong = [(stem, classify_text(text).title) for stem, text, _ in pages
             if titles.get(stem) and classify_text(text).title != titles[stem]]
    assert wrong == []


def test_reporter_in_place_beside_a_dateline_is_a_byline_and_standfirst_is_not_the_headline():
    standfirst = ("The river broke its banks for the second time this month and the town is counting the cost "
                  "of the floods that closed its schools")
    dump = ("Flood waters rise across the northern valley\n\n" + standfirst + "\n\nJane Roe in Linden\n"
            "Monday 4 March 2019 10.05 GMT\n\n" + PARAGRAPH_1 + "\n\n" + PARAGRAPH_2 + "\n")
    page = classify_text(dump)
    kinds = kinds_by_text(page)
    assert page.title == "Flood waters rise across the northern valley"
    assert kinds["Jane Roe in Linden"] == ("other", False)
    assert kinds["Monday 4 March 2019 10.05 GMT"] == ("other", False)
    assert page.body == PARAGRAPH_1 + "\n\n" + PARAGRAPH_2


def test_title_cased_subheading_with_in_is_kept_away_from_datelines():
    dump = PARAGRAPH_1 + "\n\nProtests Erupt in Linden\n\n" + PARAGRAPH_2 + "\n"
    assert kinds_by_text(classify_text(dump))["Protests Erupt in Linden"] == ("subheading", True)


def test_furniture_lines_by_cues_alone():
    from newsgraph.clean.textblocks import is_furniture_line

    for line in ("Subscribe to the Morning Review newsletter", "Related: Shipping lines add Gulf routes",
                 "Updated at 1:23 p.m.", "copyright Example Media 2019", "Most read in world news",
                 "Thanks for signing up!"):
        assert is_furniture_line(line), line
    for line in ("", "   ", PARAGRAPH_1, "From 2010 to 2015 there were 3248 cases reported worldwide.",
                 "Residents wade through a flooded street in Linden on Tuesday. (Photo: John Doe/AFP)",
                 "What the forecast says"):
        assert not is_furniture_line(line), line
