"""HTML cleaning: trafilatura's body and metadata, every other block kept with its DOM kind."""

from __future__ import annotations

from newsgraph.clean import clean_page
from newsgraph.ingest.readers import Failure, RawPage

PAGE = """<!doctype html><html><head>
<title>Bomb kills 12 in Ankara market | Daily Courier</title>
<meta property="og:title" content="Bomb kills 12 in Ankara market">
<meta property="og:site_name" content="Daily Courier">
<meta property="article:published_time" content="2016-03-22T14:00:00Z">
</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Bomb kills 12 in Ankara market</h1>
<p>A bomb exploded in a crowded market in Ankara on Tuesday, killing at least 12 people and wounding
dozens more, officials said. The explosion shattered windows across the district.</p>
<figure><img src="a.jpg"><figcaption>Police at the scene of the blast. Photo: AFP</figcaption></figure>
<p>The blast happened shortly after noon, when the market was full of shoppers, police said in a
statement issued later in the afternoon. Ambulances took the wounded to three hospitals.</p>
<!-- ad slot --><p>No group has claimed responsibility for the attack, the interior minister told reporters.</p>
</article>
<section id="comments"><h3>2 comments</h3><p>Terrible news, my thoughts are with the families.</p></section>
<footer><p>© 2016 Daily Courier. All rights reserved.</p></footer>
</body></html>"""


def test_body_metadata_and_block_kinds():
    doc = clean_page(RawPage(PAGE, "html", "html", path="a.html"))
    assert doc.title == "Bomb kills 12 in Ankara market"
    assert (doc.published, doc.published_basis) == ("2016-03-22", "metadata")
    assert doc.site_name == "Daily Courier"
    assert doc.body.split("\n\n")[0].startswith("A bomb exploded in a crowded market")
    assert "Terrible news" not in doc.body and "All rights reserved" not in doc.body
    kinds = {block.text: (block.kind, block.kept) for block in doc.blocks}
    assert kinds["Home"] == ("navigation", False)
    assert kinds["Police at the scene of the blast. Photo: AFP"] == ("caption", False)
    assert kinds["Terrible news, my thoughts are with the families."] == ("comments", False)
    assert kinds["© 2016 Daily Courier. All rights reserved."] == ("footer", False)
    assert kinds["Bomb kills 12 in Ankara market"] == ("headline", False)
    kept = [block.text for block in doc.blocks if block.kept]
    assert "\n\n".join(kept) == doc.body


def test_comments_in_markup_keep_the_text_around_them():
    doc = clean_page(RawPage("<html><body><div>Before <!-- note --> after the comment, "
                             "a sentence long enough to count as article text for the page.</div>"
                             "</body></html>", "html", "html"))
    assert [b.text for b in doc.blocks] == [
        "Before after the comment, a sentence long enough to count as article text for the page."]


def test_html_with_no_text_is_a_failure_with_a_reason():
    result = clean_page(RawPage("<html><body><div></div></body></html>", "html", "html", path="x.html"))
    assert isinstance(result, Failure)
    assert result.reason == "HTML page has no text"


def test_all_boilerplate_text_page_is_a_failure_with_a_reason():
    page = "Home | News | Sport\n\nSubscribe to our newsletter\n\n© 2016 Courier. All rights reserved.\n"
    result = clean_page(RawPage(page, "text", "text", path="b.txt"))
    assert isinstance(result, Failure)
    assert result.reason == "no article text found: every block of the page is boilerplate"


ARTICLE_WITH_LEFTOVERS = """<!doctype html><html><head><title>Port traffic grows</title></head><body>
<article><h1>Port traffic grows</h1>
<p>Cargo volumes at the port rose by a fifth last year, the operator said on Monday, as new berths
opened and shipping lines added routes to the Gulf and to East Africa.</p>
<p>Subscribe to our Morning Briefing newsletter and get the top stories in your inbox every day.</p>
<p>The operator expects traffic to keep growing this year and plans to hire more than 300 workers for
the two berths that open in the spring, its chief executive told reporters.</p>
<table><tr><th>Year</th><th>Containers</th></tr><tr><td>2015</td><td>410,000</td></tr>
<tr><td>2016</td><td>492,000</td></tr></table>
<p>Related: Shipping lines add Gulf routes as demand recovers</p>
<p>Officials said the port would also need a new rail link to move the extra cargo inland quickly.</p>
</article></body></html>"""


def test_leftover_furniture_lines_leave_the_body_but_stay_listed():
    doc = clean_page(RawPage(ARTICLE_WITH_LEFTOVERS, "html", "html", path="p.html"))
    paragraphs = doc.body.split("\n\n")
    assert paragraphs[0].startswith("Cargo volumes at the port rose by a fifth")
    assert paragraphs[1].startswith("The operator expects traffic to keep growing")
    assert paragraphs[-1] == ("Officials said the port would also need a new rail link to move the extra "
                              "cargo inland quickly.")
    assert "newsletter" not in doc.body and "Related:" not in doc.body
    kept = {block.text: block.kept for block in doc.blocks}
    assert kept["Subscribe to our Morning Briefing newsletter and get the top stories in your inbox every day."] \
        is False
    assert kept["Related: Shipping lines add Gulf routes as demand recovers"] is False


def test_tables_stay_in_the_body_as_trafilatura_extract_keeps_them():
    doc = clean_page(RawPage(ARTICLE_WITH_LEFTOVERS, "html", "html", path="p.html"))
    assert "492,000" in doc.body and "410,000" in doc.body
