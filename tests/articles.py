"""News pages about one series as it moves from rumour to trailer, for end-to-end tests.

Each is a realistic article page (navigation, a byline, a sidebar naming
*other* shows with dates, a footer), so the tests also show that boilerplate
never reaches an alert.
"""

from __future__ import annotations

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{headline}</title>
<meta property="article:published_time" content="{published}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/tv">TV</a></nav>
<article><h1>{headline}</h1><p>By Staff Writer</p>{body}</article>
<aside class="sidebar"><h3>Coming soon</h3><ul>{sidebar}</ul></aside>
<footer>© Example News</footer></body></html>"""

SIDEBAR_A = "<li><a href='/x'>Ozark season 2 premieres August 31, 2016</a></li>"
SIDEBAR_B = "<li><a href='/y'>The Crown season 1 is set to debut November 4, 2016</a></li>"


def article(published: str, headline: str, *paragraphs: str, sidebar: str = SIDEBAR_A, video: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    if video:
        body += (f'<iframe title="Narcos: Season 2 | Official Trailer | Netflix" '
                 f'src="https://www.youtube.com/embed/{video}"></iframe>')
    return PAGE.format(published=published, headline=headline, body=body, sidebar=sidebar)


RUMOUR = article("2016-03-01", "Narcos season 2: what we know",
                 "Narcos season 2 could arrive in late 2016, if the usual schedule holds.")
MONTH = article("2016-05-02", "Narcos season 2 is coming in September",
                "Netflix announced that Narcos season 2 will premiere in September 2016.")
DAY = article("2016-06-07", "Narcos season 2 gets a date",
              "Netflix announced that Narcos season 2 will premiere on Friday, September 2, 2016.")
DAY_REWORDED = article("2016-06-07", "Narcos season 2 premiere date revealed",
                       "Narcos season 2 is set to debut on September 2, 2016, Netflix said on Tuesday.")
DAY_NEW_SIDEBAR = article("2016-06-07", "Narcos season 2 gets a date",
                          "Netflix announced that Narcos season 2 will premiere on Friday, September 2, 2016.",
                          sidebar=SIDEBAR_B)
MOVED = article("2016-07-20", "Narcos season 2 moves",
                "Narcos season 2 has been moved from September 2 to September 9, 2016, Netflix confirmed.")
TRAILER = article("2016-08-10", "Watch the Narcos season 2 trailer",
                  "Netflix released the official trailer for Narcos season 2 on Wednesday.",
                  "The season premieres September 9, 2016.", video="NarcosS2tr1")
