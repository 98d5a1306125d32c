"""Generate the metadata benchmark pages: invented articles in the markup of real CMSs.

    python bench/metadata_pages.py            # writes bench/data/metadata/*.html and truth.json

Seven templates imitate the markup families news sites ship (WordPress with
Yoast's JSON-LD @graph, Arc XP, Brightspot, Drupal's metatag module, Ghost, a
hand-made site, a newspaper CMS with Parse.ly/Sailthru tags and microdata);
each is rendered in six variants with a different trap (author only in
JSON-LD, author only in the visible byline, a wire organisation as author,
several authors, published vs modified, a time with no zone beside one with
a zone, canonical vs og:url, section only in the breadcrumb, tags only in
meta keywords, a generic site description beside the article's, related
lists and comments carrying other people's names and dates).

The truth for each page comes from the story spec, not from parsing the page.
Everything here is invented: outlets, people, places and events.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

OUT = Path(__file__).resolve().parent / "data" / "metadata"


@dataclass
class Story:
    headline: str
    description: str
    section: str
    tags: list[str]
    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str = ""
    publisher: str = ""
    domain: str = ""
    slug: str = ""
    language: str = "en"
    org_author: str | None = None  # a wire/desk credit with no person

    @property
    def url(self) -> str:
        return f"https://{self.domain}/{self.section.lower().replace(' ', '-')}/{self.published:%Y/%m/%d}/{self.slug}/"


TOPICS = [
    ("Ferry service to Calder Island cut to twice a week", "The island's only ferry will sail twice a week from June after the operator lost its subsidy.",
     "Local", ["Calder Island", "ferries", "transport"],
     ["The ferry that links Calder Island to the mainland will run only twice a week from June, its operator said on Monday.",
      "Islanders said the cut would leave the 900 residents without a reliable way to reach hospital appointments.",
      "\"We have been told to plan our illnesses around a timetable,\" said one resident, who asked not to be named.",
      "The operator, Skerry Line, said it had lost a regional subsidy worth 1.2 million a year."]),
    ("Orchard growers warn of smallest apple harvest in decades", "A late frost and a dry summer have cut the Brennock Valley apple crop by almost half.",
     "Business", ["agriculture", "Brennock Valley", "apples"],
     ["Apple growers in the Brennock Valley expect their smallest harvest in 30 years after a late frost destroyed blossom in April.",
      "The growers' cooperative estimates the crop at 41,000 tonnes, down from 78,000 last year.",
      "\"Some of our members will not survive this season,\" cooperative chair Hanne Loftus said.",
      "Cider makers in the valley have begun importing fruit, the Brennock Examiner reported Friday."]),
    ("City council approves first protected bike lanes on Ardmore Avenue", "The council voted 9-4 to build 3.2 kilometres of separated lanes by next spring.",
     "Politics", ["cycling", "Ardmore Avenue", "city council"],
     ["The city council on Tuesday approved the first protected bike lanes on Ardmore Avenue, the city's busiest commercial street.",
      "The plan removes 140 parking spaces, which shop owners said would drive away customers.",
      "Councillor Femi Adebayo, who proposed the lanes, said the street had seen 61 crashes involving cyclists since 2022.",
      "Construction is due to begin in September."]),
    ("Museum returns carved doors to village they were taken from", "The Halvard Museum handed back two carved oak doors taken from Ostervik church in 1911.",
     "Culture", ["museums", "restitution", "Ostervik"],
     ["Two carved oak doors that left Ostervik church in 1911 were handed back to the village on Saturday by the Halvard Museum.",
      "The doors, carved around 1480, had hung in the museum's medieval gallery for more than a century.",
      "\"They were never ours to keep,\" museum director Ingrid Solberg said at the ceremony.",
      "Villagers carried the doors the last kilometre to the church by hand."]),
    ("Heat wave pushes power grid to record demand", "Grid operators asked households to cut use between 5 and 8 p.m. as demand hit 31.4 gigawatts.",
     "Weather", ["heat wave", "electricity", "energy"],
     ["Electricity demand hit a record 31.4 gigawatts on Wednesday as temperatures passed 40 degrees Celsius for a third day.",
      "The grid operator asked households to avoid running dishwashers and washing machines between 5 and 8 p.m.",
      "\"We have enough capacity, but the margin is thin,\" a spokesperson for the operator said.",
      "Forecasters expect the heat to ease by Sunday."]),
    ("Striker's late goal sends Port Wexley into cup final", "Dario Fenn scored in the 89th minute to beat Marlow Athletic 2-1 in the semi-final.",
     "Sports", ["football", "Port Wexley", "cup"],
     ["Dario Fenn scored in the 89th minute to send Port Wexley into their first cup final in 43 years.",
      "Marlow Athletic had levelled through a penalty early in the second half.",
      "\"I have dreamed about this since I was six years old,\" Fenn said after the match.",
      "The final will be played on May 23 at Harcourt Park."]),
    ("University suspends research lab after data review", "Ravenmoor University halted work at its sleep research lab while it reviews three published studies.",
     "Education", ["universities", "research integrity", "Ravenmoor"],
     ["Ravenmoor University has suspended work at its sleep research laboratory while it reviews data behind three published studies.",
      "The review follows questions raised by two outside researchers about duplicated figures.",
      "A university spokesperson said the suspension was \"a precaution, not a finding.\"",
      "The lab's director did not respond to requests for comment."]),
]

PEOPLE = ["Amara Okafor", "Lukas Brenner", "Sofia Marchetti", "Daniel Whitcombe", "Mei Lin Zhou", "Tomás Herrera",
          "Grace Adeyemi", "Henrik Dahl", "Nadia Farouk", "Oliver Pratt", "Keiko Tanabe", "Rosa Villanueva",
          "Samuel Achebe", "Ilse van der Berg", "Patrick Doyle", "Yara Haddad"]
OTHER_PEOPLE = ["Marek Ilves", "Ines Halvorsen", "Bruno Castell", "Leah Moritz"]

SITES = {
    "wordpress": ("The Calder Gazette", "Calder Gazette Media LLC", "caldergazette.example"),
    "arc": ("The Morning Ledger", "Ledger Media Group", "morningledger.example"),
    "brightspot": ("Bayside Tribune", "Bayside Tribune Company", "baysidetribune.example"),
    "drupal": ("Northmark Herald", "Northmark Herald Publishing", "northmarkherald.example"),
    "ghost": ("The Understory", "The Understory", "understory.example"),
    "handmade": ("Fenwick Weekly", "Fenwick Weekly", "fenwickweekly.example"),
    "newspaper": ("Ridgeline Daily", "Ridgeline Newspapers Inc.", "ridgelinedaily.example"),
}
ZONES = ["America/New_York", "America/Chicago", "Europe/London", "America/Los_Angeles", "Europe/Berlin", "UTC"]


def e(text: str) -> str:
    return html.escape(text, quote=True)


def iso(dt: datetime | None) -> str:
    return dt.isoformat() if dt else ""


def iso_z(dt: datetime) -> str:
    return dt.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def human(dt: datetime) -> str:
    hour = dt.strftime("%I").lstrip("0")
    return f"{dt:%B} {dt.day}, {dt.year} {hour}:{dt:%M} {dt.strftime('%p')} {dt.tzname()}"


def body_html(s: Story) -> str:
    ps = [f"<p>{e(p)}</p>" for p in s.paragraphs]
    ps.insert(2, '<div class="newsletter"><p>Sign up for our free morning newsletter.</p><button>Subscribe</button></div>')
    ps.insert(1, f'<figure><img src="/img/1.jpg" alt=""><figcaption>File photo. ({e(s.site_name)})</figcaption></figure>')
    return "\n".join(ps)


def related_html(s: Story, rng: random.Random) -> str:
    other = rng.choice(OTHER_PEOPLE)
    old = s.published - timedelta(days=rng.randint(3, 40))
    return (f'<aside class="related-stories"><h3>Related</h3><ul><li><a href="/x/1">Earlier: a related story</a> '
            f'<span class="byline">By {e(other)}</span> <time datetime="{iso(old)}">{old:%b %d}</time></li></ul></aside>'
            f'<section class="comments"><h3>Comments</h3><div class="comment"><span class="comment-author">Jo Reader</span>'
            f'<p>Interesting piece.</p><time datetime="{iso(s.published + timedelta(hours=3))}">3 hours later</time></div></section>')


def chrome(head: str, body: str, lang: str | None) -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html>\n<html{lang_attr}>\n<head>\n<meta charset=\"utf-8\">\n{head}\n</head>\n<body>\n"
            '<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>\n'
            '<nav class="site-nav"><a href="/">Home</a> <a href="/news/">News</a> <a href="/sports/">Sports</a></nav>\n'
            f"{body}\n<footer><p>© All rights reserved.</p></footer>\n</body>\n</html>\n")


def byline_text(s: Story, style: str = "and") -> str:
    if not s.authors:
        return s.org_author or ""
    if len(s.authors) == 1:
        return s.authors[0]
    return ", ".join(s.authors[:-1]) + " and " + s.authors[-1]


def og_title(s: Story, t: dict) -> str:
    """A social headline that differs from the page's own (the truth is the displayed headline)."""
    return f"Explainer: {s.headline.lower()}" if t.get("social_title") else s.headline


def visible_credit(s: Story, t: dict) -> str:
    credit = byline_text(s)
    return credit.upper() if t.get("caps_byline") else credit


def break_jsonld(page: str) -> str:
    """Trailing commas and a comment in every JSON-LD block, as some themes emit."""
    def damage(m: re.Match) -> str:
        body = m.group(2).rstrip()
        if body.endswith("}"):
            body = body[:-1].rstrip() + ",}"
        return m.group(1) + "\n/* theme v2 */\n" + body.replace('"@type"', '"@type"', 1) + m.group(3)
    return re.sub(r'(<script type="application/ld\+json"[^>]*>)(.*?)(</script>)', damage, page, flags=re.S)


# --- templates -----------------------------------------------------------------------------------


def wordpress(s: Story, t: dict, rng: random.Random) -> str:
    base = f"https://{s.domain}"
    people = [{"@type": "Person", "@id": f"{base}/#/schema/person/{i}", "name": a} for i, a in enumerate(s.authors)]
    article = {"@type": "NewsArticle", "@id": s.url + "#article", "headline": s.headline,
               "datePublished": iso(s.published), "mainEntityOfPage": {"@id": s.url},
               "publisher": {"@id": f"{base}/#organization"}, "inLanguage": s.language}
    if s.modified:
        article["dateModified"] = iso(s.modified)
    if people:
        article["author"] = [{"@id": p["@id"]} for p in people] if len(people) > 1 else {"@id": people[0]["@id"]}
    if not t.get("section_breadcrumb_only"):
        article["articleSection"] = [s.section]
    if not t.get("tags_keywords_only"):
        article["keywords"] = s.tags
    graph = [article,
             {"@type": "WebPage", "@id": s.url, "url": s.url, "name": f"{s.headline} - {s.site_name}",
              "breadcrumb": {"@id": s.url + "#breadcrumb"}},
             {"@type": "BreadcrumbList", "@id": s.url + "#breadcrumb", "itemListElement": [
                 {"@type": "ListItem", "position": 1, "name": "Home", "item": base + "/"},
                 {"@type": "ListItem", "position": 2, "name": s.section, "item": f"{base}/{s.section.lower()}/"},
                 {"@type": "ListItem", "position": 3, "name": s.headline}]},
             {"@type": "WebSite", "@id": f"{base}/#website", "url": base + "/", "name": s.site_name},
             {"@type": "Organization", "@id": f"{base}/#organization", "name": s.publisher}] + people
    og_url = s.url + ("?utm_source=twitter&utm_medium=social" if t.get("og_url_differs") else "")
    head = [f"<title>{e(s.headline)} - {e(s.site_name)}</title>",
            f'<meta name="description" content="{e(s.description)}">',
            f'<link rel="canonical" href="{s.url}">',
            f'<meta property="og:locale" content="{s.language.replace("-", "_")}">',
            f'<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{e(og_title(s, t))}">',
            f'<meta property="og:description" content="{e(s.description)}">',
            f'<meta property="og:url" content="{og_url}">',
            f'<meta property="og:site_name" content="{e(s.site_name)}">',
            f'<meta property="article:published_time" content="{iso(s.published)}">']
    if s.modified:
        head.append(f'<meta property="article:modified_time" content="{iso(s.modified)}">')
    if not t.get("section_breadcrumb_only"):
        head.append(f'<meta property="article:section" content="{e(s.section)}">')
    if t.get("tags_keywords_only"):
        head.append(f'<meta name="keywords" content="{e(", ".join(s.tags))}">')
    else:
        head += [f'<meta property="article:tag" content="{e(tag)}">' for tag in s.tags]
    if s.authors and not t.get("author_jsonld_only"):
        head.append(f'<meta name="author" content="{e(s.authors[0] + (", Senior Correspondent" if t.get("title_in_author") else ""))}">')
    head.append('<script type="application/ld+json" class="yoast-schema-graph">'
                + json.dumps({"@context": "https://schema.org", "@graph": graph}) + "</script>")
    links = " and ".join(f'<a href="/author/{a.lower().replace(" ", "-")}/" rel="author">{e(a)}</a>' for a in s.authors)
    byline = "" if t.get("author_jsonld_only") else f'<span class="byline">By {links or e(s.org_author or "")}</span>'
    body = (f'<main><article class="post"><header class="entry-header"><h1 class="entry-title">{e(s.headline)}</h1>'
            f'<div class="entry-meta">{byline} <time class="entry-date published" datetime="{iso(s.published)}">'
            f'{s.published:%B %d, %Y}</time></div></header><div class="entry-content">{body_html(s)}</div></article>'
            f"{related_html(s, rng)}</main>")
    return chrome("\n".join(head), body, s.language)


def arc(s: Story, t: dict, rng: random.Random) -> str:
    ld: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
                "description": s.description, "datePublished": iso_z(s.published),
                "dateModified": iso_z(s.modified or s.published),
                "publisher": {"@type": "Organization", "name": s.publisher,
                              "logo": {"@type": "ImageObject", "url": f"https://{s.domain}/logo.png"}},
                "mainEntityOfPage": {"@type": "WebPage", "@id": s.url}, "keywords": s.tags,
                "articleSection": s.section}
    if s.authors:
        ld["author"] = [{"@type": "Person", "name": a, "url": f"https://{s.domain}/people/{a.split()[-1].lower()}/"}
                        for a in s.authors]
    elif s.org_author:
        ld["author"] = [{"@type": "Organization", "name": s.org_author}]
    head = [f"<title>{e(s.headline)} - {e(s.site_name)}</title>",
            f'<meta name="description" content="{e(s.description)}">',
            f'<meta property="og:title" content="{e(og_title(s, t))}">',
            f'<meta property="og:description" content="{e(s.description)}">',
            f'<meta property="og:site_name" content="{e(s.site_name)}">',
            f'<meta property="og:url" content="{s.url}">',
            f'<link rel="canonical" href="{s.url}">',
            f'<meta property="article:published_time" content="{iso_z(s.published)}">',
            f'<meta name="keywords" content="{e(",".join(s.tags))}">',
            '<script type="application/ld+json">' + json.dumps(ld) + "</script>"]
    if not s.modified:
        pass  # Arc writes dateModified = datePublished when never updated: modified truth is then the same instant
    credit = visible_credit(s, t)
    wire = " | " + s.org_author if (s.org_author and s.authors) else ""
    visible = f'<div class="byline">By {e(credit)}{e(wire)}</div>' if credit else ""
    body = (f'<div id="fusion-app"><article><div class="headline"><h1>{e(s.headline)}</h1></div>'
            f'<div class="sub-headline"><h2>{e(s.description)}</h2></div>{visible}'
            f'<div class="date"><span class="display-date">Published {human(s.published)}</span></div>'
            f'<div class="article-body">{body_html(s)}</div></article>{related_html(s, rng)}</div>')
    return chrome("\n".join(head), body, s.language)


def brightspot(s: Story, t: dict, rng: random.Random) -> str:
    ld: dict = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": s.headline,
                "datePublished": iso(s.published), "url": s.url,
                "publisher": {"@type": "Organization", "name": s.publisher}}
    if s.modified:
        ld["dateModified"] = iso(s.modified)
    if s.authors and not t.get("author_visible_only"):
        ld["author"] = [{"@type": "Person", "name": a} for a in s.authors]
    head = [f"<title>{e(s.headline)} | {e(s.site_name)}</title>",
            f'<meta name="brightspot.contentId" content="00000{rng.randint(1000, 9999)}">',
            f'<meta name="description" content="{e(s.description)}">',
            f'<meta property="og:title" content="{e(og_title(s, t))}">',
            f'<meta property="og:site_name" content="{e(s.site_name)}">',
            f'<meta property="og:url" content="{s.url}">',
            f'<meta property="og:description" content="{e(s.description)}">',
            f'<link rel="canonical" href="{s.url}">',
            f'<meta property="article:section" content="{e(s.section)}">']
    head += [f'<meta property="article:tag" content="{e(tag)}">' for tag in s.tags]
    head.append('<script type="application/ld+json">' + json.dumps(ld) + "</script>")
    authors = "".join(f'<div class="Page-authors-item"><a class="Link" href="/people/{i}">{e(a)}</a></div>'
                      for i, a in enumerate(s.authors))
    credit = authors or e(s.org_author or "")
    mod = (f'<div class="Page-dateModified">Updated {human(s.modified)}</div>' if s.modified else "")
    body = (f'<div class="Page"><div class="Page-breadcrumbs"><a href="/">Home</a> <a href="/s">{e(s.section)}</a></div>'
            f'<h1 class="Page-headline">{e(s.headline)}</h1><div class="Page-byline"><div class="Page-authors">By {credit}</div>'
            f'<div class="Page-datePublished">Published {human(s.published)}</div>{mod}</div>'
            f'<div class="RichTextArticleBody">{body_html(s)}</div></div>{related_html(s, rng)}')
    return chrome("\n".join(head), body, s.language)


def drupal(s: Story, t: dict, rng: random.Random) -> str:
    head = [f"<title>{e(s.headline)} | {e(s.site_name)}</title>",
            f'<meta name="description" content="{e("News, sport and opinion from " + s.site_name) if t.get("generic_description") else e(s.description)}">',
            f'<meta property="og:description" content="{e(s.description)}">' if t.get("generic_description") else "",
            f'<link rel="canonical" href="{s.url}">',
            f'<meta name="dcterms.title" content="{e(s.headline)}">',
            f'<meta name="dcterms.publisher" content="{e(s.publisher)}">',
            f'<meta name="dcterms.date" content="{iso(s.published)}">',
            f'<meta name="dcterms.language" content="{s.language}">',
            f'<meta property="og:site_name" content="{e(s.site_name)}">',
            f'<meta property="og:title" content="{e(og_title(s, t))}">',
            f'<meta name="keywords" content="{e(", ".join(s.tags))}">']
    if s.authors:
        head.append(f'<meta name="dcterms.creator" content="{e(", ".join(s.authors))}">')
    if s.modified:
        head.append(f'<meta name="dcterms.modified" content="{iso(s.modified)}">')
    who = visible_credit(s, t)
    body = (f'<div class="region-content"><nav class="breadcrumb"><ol><li><a href="/">Home</a></li>'
            f'<li><a href="/{s.section.lower()}">{e(s.section)}</a></li></ol></nav>'
            f'<article role="article" class="node node--type-article"><h1 class="page-title"><span>{e(s.headline)}</span></h1>'
            f'<div class="node__submitted">Submitted by <span class="username">{e(who)}</span> on '
            f'{s.published:%a, %m/%d/%Y - %H:%M}</div>'
            f'<div class="field--name-body">{body_html(s)}</div>'
            f'<div class="field--name-field-tags">{"".join(f"<a href=/t/{i} hreflang=en>{e(x)}</a>" for i, x in enumerate(s.tags))}</div>'
            f"</article>{related_html(s, rng)}</div>")
    return chrome("\n".join(h for h in head if h), body, s.language)


def ghost(s: Story, t: dict, rng: random.Random) -> str:
    ld: dict = {"@context": "https://schema.org", "@type": "Article", "headline": s.headline,
                "url": s.url, "datePublished": iso(s.published), "dateModified": iso(s.modified or s.published),
                "description": s.description, "keywords": ", ".join(s.tags),
                "mainEntityOfPage": s.url,
                "publisher": {"@type": "Organization", "name": s.publisher,
                              "url": f"https://{s.domain}/", "logo": {"@type": "ImageObject", "url": "/logo.png"}}}
    if s.authors:
        ld["author"] = ({"@type": "Person", "name": s.authors[0], "sameAs": ["https://example.social/@x"]}
                        if len(s.authors) == 1 else [{"@type": "Person", "name": a} for a in s.authors])
    head = [f"<title>{e(s.headline)}</title>",
            f'<meta name="description" content="{e(s.description)}">',
            f'<link rel="canonical" href="{s.url}">',
            f'<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{e(og_title(s, t))}">',
            f'<meta property="og:url" content="{s.url}">',
            f'<meta property="article:published_time" content="{iso_z(s.published)}">',
            f'<meta property="article:modified_time" content="{iso_z(s.modified or s.published)}">',
            f'<meta name="twitter:label1" content="Written by">',
            f'<meta name="twitter:data1" content="{e(byline_text(s))}">']
    if not t.get("no_site_meta"):
        head.append(f'<meta property="og:site_name" content="{e(s.site_name)}">')
    head += [f'<meta property="article:tag" content="{e(tag)}">' for tag in s.tags]
    head.append('<script type="application/ld+json">' + json.dumps(ld, indent=4) + "</script>")
    body = (f'<main class="site-main"><article class="article post tag-{s.section.lower()}"><header class="article-header">'
            f'<section class="article-tag"><a href="/tag/{s.section.lower()}/">{e(s.section)}</a></section>'
            f'<h1 class="article-title">{e(s.headline)}</h1><p class="article-excerpt">{e(s.description)}</p>'
            f'<div class="article-byline"><div class="article-byline-meta"><h4 class="author-name">'
            f'{" ".join(f"<a href=/author/{i}/>{e(a)}</a>" for i, a in enumerate(s.authors))}</h4>'
            f'<div class="byline-meta-content"><time class="byline-meta-date" datetime="{s.published:%Y-%m-%d}">'
            f'{s.published:%b %d, %Y}</time></div></div></div></header>'
            f'<section class="gh-content">{body_html(s)}</section></article>{related_html(s, rng)}</main>')
    return chrome("\n".join(head), body, s.language)


def handmade(s: Story, t: dict, rng: random.Random) -> str:
    head = [f"<title>{e(s.headline)} - {e(s.site_name)}</title>",
            f'<meta name="description" content="{e(s.description)}">',
            f'<meta name="keywords" content="{e(", ".join(s.tags))}">']
    if s.authors and not t.get("author_visible_only"):
        head.append(f'<meta name="author" content="{e(", ".join(s.authors) + (", Staff" if t.get("title_in_author") else ""))}">')
    if not t.get("no_zone_meta"):
        head.append(f'<meta name="date" content="{s.published:%Y-%m-%d}">')
    else:
        head.append(f'<meta name="pubdate" content="{s.published:%Y-%m-%dT%H:%M:%S}">')
    credit = visible_credit(s, t)
    role = ", Staff Writer" if len(s.authors) == 1 else (", Staff Writers" if s.authors else "")
    body = (f'<table class="layout"><tr><td class="left"><a href="/">{e(s.site_name)}</a></td><td class="main">'
            f'<div class="story"><h1>{e(s.headline)}</h1>'
            f'<p class="byline">By {e(credit)}{role}</p>'
            f'<p class="date">{human(s.published)}</p>'
            f'{body_html(s)}<p><a href="/">Back to front page</a></p></div>{related_html(s, rng)}</td></tr></table>')
    return chrome("\n".join(head), body, s.language if not t.get("no_lang") else None)


def newspaper(s: Story, t: dict, rng: random.Random) -> str:
    head = [f"<title>{e(s.headline)} | {e(s.site_name)}</title>",
            f'<meta name="parsely-title" content="{e(s.headline)}">',
            f'<meta name="parsely-section" content="{e(s.section)}">' if not t.get("section_breadcrumb_only") else "",
            f'<meta name="parsely-pub-date" content="{iso_z(s.published)}">',
            f'<meta name="parsely-tags" content="{e(",".join(s.tags))}">',
            f'<meta name="sailthru.date" content="{s.published:%Y-%m-%d %H:%M:%S}">',
            f'<meta name="sailthru.tags" content="{e(",".join(tg.lower() for tg in s.tags))}">',
            f'<meta property="og:title" content="{e(s.headline)} | {e(s.site_name)}">',
            f'<meta property="og:site_name" content="{e(s.site_name)}">',
            f'<meta property="og:description" content="{e(s.description)}">',
            f'<meta property="og:url" content="{s.url}">']
    head += [f'<meta name="parsely-author" content="{e(a)}">' for a in s.authors]
    if s.org_author and not s.authors:
        head.append(f'<meta name="parsely-author" content="{e(s.org_author)}">')
    mod = (f'<meta itemprop="dateModified" content="{iso(s.modified)}">' if s.modified else "")
    authors = " and ".join(f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
                           f'<span itemprop="name">{e(a)}</span></span>' for a in s.authors) or e(s.org_author or "")
    crumbs = (f'<ol class="breadcrumbs" itemscope itemtype="https://schema.org/BreadcrumbList"><li><a href="/">Home</a></li>'
              f'<li><a href="/{s.section.lower()}/">{e(s.section)}</a></li></ol>')
    body = (f'<div id="page"><div class="article" itemscope itemtype="https://schema.org/NewsArticle">{crumbs}'
            f'<h1 itemprop="headline">{e(s.headline)}</h1><div class="byline-block"><span class="by">By</span> {authors}'
            f' <time itemprop="datePublished" datetime="{iso(s.published)}">{human(s.published)}</time>{mod}'
            f'<span itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
            f'<meta itemprop="name" content="{e(s.publisher)}"></span></div>'
            f'<div itemprop="articleBody">{body_html(s)}</div></div>{related_html(s, rng)}</div>')
    return chrome("\n".join(h for h in head if h), body, s.language)


TEMPLATES = {"wordpress": wordpress, "arc": arc, "brightspot": brightspot, "drupal": drupal, "ghost": ghost,
             "handmade": handmade, "newspaper": newspaper}

# Six variants per template: (traps, story changes).
VARIANTS = [
    ({}, {"authors": 1}),
    ({}, {"authors": 2, "modified": True}),
    ({"og_url_differs": True, "generic_description": True, "no_zone_meta": True}, {"authors": 1, "modified": True}),
    ({"section_breadcrumb_only": True, "author_visible_only": True}, {"authors": 3}),
    ({"tags_keywords_only": True, "author_jsonld_only": True, "no_site_meta": True}, {"authors": 1, "language": "en-GB"}),
    ({"no_lang": True}, {"authors": 0, "org": True, "modified": True}),
    ({"social_title": True, "caps_byline": True, "title_in_author": True, "broken_jsonld": True},
     {"authors": 2, "modified": True}),
]
ORGS = ["Reuters", "Associated Press", "Staff", "News Desk", "Editorial Board", "Agence France-Presse", "Wire Services"]


def build() -> tuple[list[tuple[str, str]], dict[str, dict]]:
    rng = random.Random(20260310)
    pages, truth = [], {}
    people = iter(PEOPLE * 20)
    n = 0
    for cms, render in TEMPLATES.items():
        site_name, publisher, domain = SITES[cms]
        for v, (traps, change) in enumerate(VARIANTS):
            topic = TOPICS[(n * 3 + v) % len(TOPICS)]
            zone = ZoneInfo(ZONES[n % len(ZONES)])
            published = datetime(2026, 1 + n % 11, 1 + (n * 7) % 27, 6 + n % 13, (n * 11) % 60, tzinfo=zone)
            modified = published + timedelta(hours=2 + n % 30, minutes=17) if change.get("modified") else None
            story = Story(headline=topic[0], description=topic[1], section=topic[2], tags=list(topic[3]),
                          paragraphs=list(topic[4]), authors=[next(people) for _ in range(change["authors"])],
                          published=published, modified=modified, site_name=site_name, publisher=publisher,
                          domain=domain, slug=topic[0].lower().replace(" ", "-").replace("'", "")[:50],
                          language=change.get("language", "en-US" if v % 2 else "en"))
            if change.get("org"):
                story = replace(story, org_author=ORGS[n % len(ORGS)])
            elif cms == "arc" and v == 1:
                story = replace(story, org_author="Reuters")  # "By A and B | Reuters": people plus a wire credit
            name = f"{n:02d}_{cms}_{v}"
            page = render(story, traps, rng)
            pages.append((name, break_jsonld(page) if traps.get("broken_jsonld") else page))
            truth[name] = _truth(story, cms, traps)
            n += 1
    return pages, truth


# The traps each template implements (the others do not apply to it).
SUPPORTS = {
    "wordpress": {"og_url_differs", "section_breadcrumb_only", "tags_keywords_only", "author_jsonld_only",
                  "social_title", "title_in_author"},
    "arc": {"social_title", "caps_byline"}, "brightspot": {"author_visible_only", "social_title"},
    "drupal": {"generic_description", "social_title", "caps_byline"},
    "ghost": {"no_site_meta", "social_title"},
    "handmade": {"author_visible_only", "no_zone_meta", "no_lang", "caps_byline", "title_in_author"},
    "newspaper": {"section_breadcrumb_only"},
}
for _supported in SUPPORTS.values():
    _supported.add("broken_jsonld")


def _truth(s: Story, cms: str, traps: dict) -> dict:
    modified = s.modified
    if modified is None and cms in ("arc", "ghost"):
        modified = s.published  # these CMSs always state dateModified; unchanged means equal to published
    if cms == "handmade":
        modified = None  # the hand-made site never shows an update time
    return {
        "headline": s.headline,
        "authors": list(s.authors),
        "published": s.published.isoformat(),
        "modified": modified.isoformat() if modified else None,
        "publisher": s.publisher,
        "site_name": s.site_name,
        "section": None if cms in ("handmade", "ghost") else s.section,  # neither page names a section
        "tags": list(s.tags),
        "canonical_url": None if cms == "handmade" else s.url,
        "language": s.language.split("-")[0],
        "description": s.description,
        "cms": cms,
        "traps": sorted(t for t in traps if t in SUPPORTS[cms]) + (["org_author"] if s.org_author else [])
        + (["several_authors"] if len(s.authors) > 1 else []),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    pages, truth = build()
    for name, page in pages:
        (OUT / f"{name}.html").write_text(page, encoding="utf-8")
    (OUT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(pages)} pages and truth.json to {OUT}")


if __name__ == "__main__":
    main()
