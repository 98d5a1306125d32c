"""Metadata of an HTML article page: headline, authors, dates, publisher, section, tags...

One read-only walk over the parsed tree collects every metadata carrier
(``<meta>``, ``<link>``, JSON-LD scripts, ``<time>``, ``itemprop``, ``<h1>``),
a second short one the visible byline, author box and breadcrumb. Each field
is then chosen from its sources in a fixed order of trust (documented per
field in ``docs/record.md``): JSON-LD first for facts the CMS stores
(dates, authors, section), OpenGraph first for what the page shows to
readers (title, description, site name), visible text as evidence and as
the last resort. Dates are not chosen here: every date on the page becomes a
candidate for :func:`byline.extract.reconcile.reconcile_dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from byline.extract import jsonld
from byline.extract.authors import parse_byline, same_person
from byline.model import Anomaly, Author

# <meta> keys (name / property / itemprop, lowercased) per field, in order of trust.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title", "title")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description", "dcterms.description",
                    "sailthru.description")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
               "byl", "byline", "citation_author", "og:article:author", "authors", "cxenseparse:author")
SECTION_KEYS = ("article:section", "parsely-section", "section", "sailthru.section", "og:article:section",
                "article.section", "cxenseparse:recs:category", "category")
TAG_KEYS = ("article:tag", "og:article:tag", "news_keywords", "parsely-tags", "sailthru.tags", "keywords",
            "dc.subject", "article.tags")
PUBLISHER_KEYS = ("publisher", "dc.publisher", "dcterms.publisher", "article:publisher", "copyright")
SITE_NAME_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "al:ios:app_name",
                  "twitter:app:name:iphone")
LANGUAGE_KEYS = ("content-language", "language", "dc.language", "dcterms.language", "og:locale", "inlanguage")
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
                  "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                  "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "date", "pubdate", "publishdate",
                  "publish-date", "publish_date", "publication_date", "timestamp", "original-publish-date",
                  "citation_publication_date", "cxenseparse:recs:publishtime", "article:published", "displaydate")
MODIFIED_KEYS = ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
                 "article.updated", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
                 "article:modified", "cxenseparse:recs:articlemodifiedtime", "revised")

_NOISE_CLASS = re.compile(r"related|recommend|teaser|comment|sidebar|promo|newsletter|trending|popular|widget|"
                          r"more-from|more-stories|read-more|outbrain|taboola|rail|footer|signup|subscribe", re.I)
_NOISE_TAGS = frozenset(("aside", "footer", "nav", "form"))
_BIO_CLASS = re.compile(r"bio|author-?box|about-?(the-)?author|author-?info|author-?card|author-?details|"
                        r"author-?profile|contributor-?info", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_TITLE_SPLIT = re.compile(r"\s+(?:\||–|—|-|::|·|•)\s+")
_DATE_CLASS = re.compile(r"date|time|publish|posted|updated|modified|dateline", re.I)
_MODIFIED_HINT = re.compile(r"updat|modif|revis|edited", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PLACEHOLDER_DATE = re.compile(r"^\s*(?:0{1,4}1?-0?1-0?1|1970-01-01)")
_JUNK_SECTIONS = frozenset(("home", "homepage", "front page", "frontpage", "post", "article", "news", "index", "main"))
_HOME = frozenset(("home", "homepage", "start", "front page", "accueil", "inicio", "startseite"))


@dataclass
class DateCandidateRaw:
    source: str  # json-ld, meta, time-tag, microdata, visible, url
    raw: str
    role: str  # published | modified


@dataclass
class HtmlMeta:
    """What the page says about itself, before dates are reconciled and the body is read."""

    headline: str | None = None
    description: str | None = None
    authors: list[Author] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)  # org-only credits ("Reuters", "Staff")
    publisher: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    declared_word_count: int | None = None
    article_body: str | None = None
    author_box_texts: list[str] = field(default_factory=list)
    dates: list[DateCandidateRaw] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)


@dataclass
class _Collected:
    metas: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    rel_author: list[str] = field(default_factory=list)
    rel_tags: list[str] = field(default_factory=list)
    jsonld_values: list[Any] = field(default_factory=list)
    times: list[LexborNode] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    h1_strong: list[str] = field(default_factory=list)  # h1s in <article>/<main> or marked as the headline
    title: str | None = None
    lang: str | None = None
    itemprops: dict[str, list[LexborNode]] = field(default_factory=dict)
    breadcrumbs: list[list[str]] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)

    def meta(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            for value in self.metas.get(key, ()):
                if value:
                    return value
        return None

    def meta_all(self, key: str) -> list[str]:
        return [v for v in self.metas.get(key, ()) if v]


_MICRODATA_PROPS = frozenset(("headline", "author", "datepublished", "datemodified", "datecreated", "publisher",
                              "articlesection", "keywords", "description", "inlanguage", "wordcount", "creator"))


def read_metadata(tree: LexborHTMLParser, page_url: str | None = None) -> HtmlMeta:
    """All metadata the page declares or shows; does not modify ``tree``."""
    col = _collect(tree)
    meta = HtmlMeta(anomalies=list(col.anomalies))
    nodes = list(jsonld.iter_nodes(col.jsonld_values))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    art = jsonld.choose_article(nodes) or {}

    def resolve(value: Any) -> Any:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
            return by_id[value["@id"]]
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    _visible_breadcrumbs(tree, col)
    _urls(meta, col, art, page_url)
    meta.site_name = _site_name(col, nodes)
    meta.headline = _headline(col, art, meta.site_name)
    if meta.site_name is None and art.get("publisher"):
        meta.site_name = jsonld.text_value(resolve(art.get("publisher")))
    if meta.site_name is None and col.title and meta.headline:
        meta.site_name = _site_from_title(col.title, meta.headline)
    meta.publisher = _publisher(col, resolve(art.get("publisher")), meta.site_name)
    meta.description = _first_text(col.meta(DESCRIPTION_KEYS),  jsonld.text_value(art.get("description")),
                                   _prop_text(col, "description"))
    meta.section = _section(col, art, nodes, meta.headline)
    meta.tags = _tags(col, art)
    meta.language = _language(col, art)
    wc = jsonld.text_value(art.get("wordCount")) or _prop_text(col, "wordcount")
    if wc and wc.replace(",", "").strip().isdigit():
        meta.declared_word_count = int(wc.replace(",", "").strip())
    body = art.get("articleBody")
    if isinstance(body, str) and body.strip():
        meta.article_body = jsonld.clean_string(body)
    outlets = frozenset(n.lower() for n in (meta.site_name, meta.publisher) if n)
    _authors(meta, col, tree, resolve(art.get("author")) or resolve(art.get("creator")), outlets)
    _dates(meta, col, art, tree)
    return meta


# --- collection ---------------------------------------------------------------------------------


def _collect(tree: LexborHTMLParser) -> _Collected:
    col = _Collected()
    root = tree.root
    if root is not None:
        col.lang = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "").strip() or None
    for node in tree.css('meta, link, script[type*="ld+json" i], time, h1, title, [itemprop], a[rel~="tag"]'):
        tag = node.tag
        attrs = node.attributes
        if tag == "a" and "tag" in (attrs.get("rel") or "").lower().split():
            text = _text(node)
            if text and not _in_noise(node):
                col.rel_tags.append(text)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
            content = attrs.get("content")
            if key and content is not None:
                col.metas.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
            if attrs.get("itemprop") and attrs.get("itemprop", "").lower() in _MICRODATA_PROPS:
                col.itemprops.setdefault(attrs["itemprop"].lower(), []).append(node)
            continue
        if tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            href = attrs.get("href")
            if href:
                if "canonical" in rel and col.canonical is None:
                    col.canonical = href.strip()
                elif "author" in rel and not href.startswith("mailto:"):
                    col.rel_author.append(href)
            if attrs.get("itemprop"):
                col.itemprops.setdefault(attrs["itemprop"].lower(), []).append(node)
            continue
        if tag == "script":
            if (attrs.get("type") or "").lower().strip() in ("application/ld+json", "application/ld+json;charset=utf-8"):
                values, problem = jsonld.load_jsonld(node.text(deep=True) or "")
                col.jsonld_values.extend(values)
                if problem:
                    col.anomalies.append(Anomaly(field="metadata", problem=problem))
            continue
        if tag == "time":
            col.times.append(node)
        elif tag == "h1":
            text = _text(node)
            if text:
                col.h1.append(text)
                if _strong_h1(node):
                    col.h1_strong.append(text)
        elif tag == "title":
            if col.title is None and node.parent is not None and node.parent.tag in ("head", "html"):
                col.title = _text(node)
            continue
        prop = (attrs.get("itemprop") or "").lower()
        for p in prop.split():
            if p in _MICRODATA_PROPS:
                col.itemprops.setdefault(p, []).append(node)
    return col


def _text(node: LexborNode) -> str:
    return " ".join((node.text(deep=True, separator=" ") or "").split())


def _has_descendant(node: LexborNode, selector: str) -> bool:
    """``node.css`` also matches the node itself; this asks about its descendants only."""
    own = node.mem_id
    return any(found.mem_id != own for found in node.css(selector))


def _prop_value(node: LexborNode) -> str:
    attrs = node.attributes
    for key in ("content", "datetime", "href"):
        if attrs.get(key):
            return " ".join(attrs[key].split())
    return _text(node)


def _prop_text(col: _Collected, prop: str) -> str | None:
    for node in col.itemprops.get(prop, ()):
        if _in_noise(node):
            continue
        value = _prop_value(node)
        if value:
            return value
    return None


_NOISE_STOP_TAGS = frozenset(("body", "html", "article", "main"))


def _in_noise(node: LexborNode, limit: int = 12) -> bool:
    """Inside a related list, comment thread, sidebar, footer or promo box."""
    parent = node.parent
    for _ in range(limit):
        if parent is None:
            return False
        tag = parent.tag
        if tag in _NOISE_STOP_TAGS:
            return False
        if tag in _NOISE_TAGS:
            return True
        attrs = parent.attributes
        if attrs and _noise_name((attrs.get("class") or "") + " " + (attrs.get("id") or "")):
            return True
        parent = parent.parent
    return False


@lru_cache(maxsize=16384)
def _noise_name(names: str) -> bool:
    """Class/id words of a noise container; cached: the same wrappers are asked about again and again."""
    return bool(names.strip()) and _NOISE_CLASS.search(names) is not None


# --- fields -------------------------------------------------------------------------------------


def _first_text(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return " ".join(value.split())
    return None


def _urls(meta: HtmlMeta, col: _Collected, art: dict[str, Any], page_url: str | None) -> None:
    og_url = col.meta(("og:url", "twitter:url"))
    ld_url = jsonld.url_value(art.get("mainEntityOfPage")) or jsonld.url_value(art.get("url"))
    base = page_url or og_url or ld_url
    canonical = col.canonical
    if canonical:
        canonical = urljoin(base, canonical) if base else canonical
    candidates = [u for u in (canonical, og_url, ld_url) if u and _absolute(u)]
    meta.canonical_url = candidates[0] if candidates else None
    meta.url = page_url or (og_url if og_url and _absolute(og_url) else None) or meta.canonical_url


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _site_name(col: _Collected, nodes: list[dict[str, Any]]) -> str | None:
    name = col.meta(SITE_NAME_KEYS)
    if name:
        return name
    for node in nodes:
        if "website" in jsonld.types_of(node):
            found = jsonld.text_value(node.get("name"))
            if found:
                return found
    return None


def _publisher(col: _Collected, ld_publisher: Any, site_name: str | None) -> str | None:
    name = jsonld.text_value(ld_publisher) if ld_publisher else None
    if not name:
        prop = col.itemprops.get("publisher")
        if prop:
            inner = prop[0].css_first('[itemprop="name"]')
            name = _prop_value(inner) if inner is not None else _prop_value(prop[0])
    if not name:
        for key in PUBLISHER_KEYS:
            for value in col.meta_all(key):
                if (not value.startswith(("http", "/", "©", "@", "(c)")) and len(value) < 100
                        and not value.lower().startswith("copyright")):
                    name = value
                    break
            if name:
                break
    return name or site_name


def _headline(col: _Collected, art: dict[str, Any], site_name: str | None) -> str | None:
    ld = jsonld.text_value(art.get("headline")) or jsonld.text_value(art.get("name"))
    metas = [t for t in (ld, col.meta(TITLE_KEYS), _prop_text(col, "headline")) if t]
    title = _strip_site(col.title, site_name) if col.title else None
    h1s = [h for h in col.h1 if not site_name or h.lower() != site_name.lower()]
    for h1 in h1s:
        norm = _norm(h1)
        for candidate in metas + ([title] if title else []):
            c = _norm(candidate)
            if c == norm or _norm(_strip_site(candidate, site_name)) == norm:
                return h1
            if candidate.rstrip().endswith(("...", "…")) and norm.startswith(c.rstrip(".… ")):
                return h1
    strong = [h for h in col.h1_strong if h in h1s and len(h.split()) >= 3]
    if strong and len(col.h1_strong) == 1:
        return strong[0]  # the displayed headline beats a social or SEO variant in og:title / JSON-LD
    if metas:
        return _strip_site(metas[0], site_name)
    if h1s:
        return h1s[0]
    return title


def _site_from_title(title: str, headline: str) -> str | None:
    """"Lakeshore Times - Bridge closure..." -> "Lakeshore Times" when the other part is the headline."""
    parts = _TITLE_SPLIT.split(title)
    if len(parts) != 2:
        return None
    head = _norm(headline)
    if _norm(parts[1]) == head and len(parts[0]) <= 60:
        return parts[0].strip()
    if _norm(parts[0]) == head and len(parts[1]) <= 60:
        return parts[1].strip()
    return None


_HEADLINE_CLASS = re.compile(r"headline|title|heading", re.I)


def _strong_h1(node: LexborNode) -> bool:
    attrs = node.attributes
    if _HEADLINE_CLASS.search((attrs.get("class") or "") + " " + (attrs.get("itemprop") or "")):
        return True
    parent = node.parent
    for _ in range(6):
        if parent is None:
            return False
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False


def _strip_site(title: str, site_name: str | None) -> str:
    parts = _TITLE_SPLIT.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        low = site_name.lower()
        if parts[-1].lower() == low or low in parts[-1].lower():
            return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
        if parts[0].lower() == low:
            return " - ".join(parts[1:])
        return title
    # no site name known: drop a short trailing segment ("Headline | The Ledger")
    if len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 3:
        return parts[0] if len(parts) == 2 else title
    return title


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


def _section(col: _Collected, art: dict[str, Any], nodes: list[dict[str, Any]], headline: str | None) -> str | None:
    for found in (jsonld.text_value(art.get("articleSection")), col.meta(SECTION_KEYS), _prop_text(col, "articlesection")):
        found = (found or "").strip(" /")
        if "," in found:
            found = found.split(",")[0].strip()  # "Commercial Real Estate,Home Page,Popular"
        if found and found.lower() not in _JUNK_SECTIONS and not re.fullmatch(r"[\w-]+\.[a-z]{2,}", found):
            return found
    for node in nodes:
        if "breadcrumblist" in jsonld.types_of(node):
            items = node.get("itemListElement")
            names = []
            for item in items if isinstance(items, list) else [items]:
                if isinstance(item, dict):
                    name = jsonld.text_value(item.get("name")) or jsonld.text_value(item.get("item"))
                    if name:
                        names.append((item.get("position", 0), name))
            names.sort(key=lambda p: p[0] if isinstance(p[0], int) else 0)
            section = _section_from_crumbs([n for _, n in names], headline)
            if section:
                return section
    for crumbs in col.breadcrumbs:
        section = _section_from_crumbs(crumbs, headline)
        if section:
            return section
    return None


def _visible_breadcrumbs(tree: LexborHTMLParser, col: _Collected) -> None:
    for node in tree.css('[class*="breadcrumb" i], [class*="crumbs" i]'):
        names = [_text(a) for a in node.css("a, li > span")]
        names = [n for n in names if n and len(n) <= 60]
        if names:
            col.breadcrumbs.append(names)
        if len(col.breadcrumbs) >= 2:
            break


def _section_from_crumbs(names: list[str], headline: str | None) -> str | None:
    head = _norm(headline) if headline else None
    for name in names:
        if name.lower() in _HOME or (head and _norm(name) == head) or len(name) > 60:
            continue
        return name
    return None


def _tags(col: _Collected, art: dict[str, Any]) -> list[str]:
    sources: list[list[str]] = []
    tags = col.meta_all("article:tag") + col.meta_all("og:article:tag")
    if tags:
        sources.append(tags)
    keywords = art.get("keywords")
    if isinstance(keywords, str):
        sources.append(_split_tags(jsonld.clean_string(keywords)))
    elif isinstance(keywords, list):
        sources.append([t for k in jsonld.text_list(keywords) for t in _split_tags(k)])
    for key in ("news_keywords", "parsely-tags", "sailthru.tags", "keywords", "dc.subject", "article.tags"):
        values = col.meta_all(key)
        if values:
            sources.append([t for v in values for t in _split_tags(v)])
    prop = _prop_text(col, "keywords")
    if prop:
        sources.append(_split_tags(prop))
    if col.rel_tags:
        sources.append(col.rel_tags)
    for source in sources:
        out: list[str] = []
        seen: set[str] = set()
        for tag in source:
            tag = " ".join(tag.split()).strip(" #")
            if tag and tag.lower() not in seen and len(tag) <= 80:
                seen.add(tag.lower())
                out.append(tag)
        if out:
            return out
    return []


def _split_tags(value: str) -> list[str]:
    sep = ";" if ";" in value and value.count(";") >= value.count(",") else ","
    return [t.strip() for t in value.split(sep) if t.strip()]


def _language(col: _Collected, art: dict[str, Any]) -> str | None:
    for value in (col.lang, col.meta(LANGUAGE_KEYS), jsonld.text_value(art.get("inLanguage")),
                  _prop_text(col, "inlanguage")):
        code = normalise_language(value)
        if code:
            return code
    return None


def normalise_language(value: str | None) -> str | None:
    """"en_us" -> "en-US", "EN" -> "en"; None for anything not shaped like a language tag."""
    if not value:
        return None
    value = value.strip().replace("_", "-").split(",")[0].strip()
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|\d{3}))?(?:-.*)?", value)
    if not m:
        return None
    lang, script, region = m.group(1).lower(), m.group(2), m.group(3)
    if lang in ("und", "xx", "mul"):
        return None
    out = lang
    if script:
        out += "-" + script.title()
    if region:
        out += "-" + region.upper()
    return out


# --- authors ------------------------------------------------------------------------------------


def _authors(meta: HtmlMeta, col: _Collected, tree: LexborHTMLParser, ld_author: Any, outlets: frozenset[str]) -> None:
    people: list[Author] = []
    orgs: list[str] = []

    def add(name: str, bio: str | None = None) -> None:
        for author in people:
            if same_person(author.name, name):
                if bio and not author.bio:
                    author.bio = bio
                return
        people.append(Author(name=name, bio=bio))

    def take(raw: str, *, single: bool, bio: str | None = None) -> list[str]:
        parts = parse_byline(raw, outlet_names=outlets, single_names=single)
        for org in parts.organizations:
            if org.lower() not in {o.lower() for o in orgs}:
                orgs.append(org)
        for name in parts.people:
            add(name, bio if len(parts.people) == 1 else None)
        return parts.people

    # 1. structured: JSON-LD, microdata, <meta>
    for item in ld_author if isinstance(ld_author, list) else ([ld_author] if ld_author else []):
        if isinstance(item, dict):
            types = jsonld.types_of(item)
            name = jsonld.text_value(item.get("name"))
            if not name:
                continue
            if types & {"organization", "newsmediaorganization", "corporation"}:
                orgs.append(name)
                continue
            bio = jsonld.text_value(item.get("description"))
            take(name, single=True, bio=bio)
        elif isinstance(item, str):
            if not item.strip().startswith("http"):
                take(item, single=False)
    for node in col.itemprops.get("author", []) + col.itemprops.get("creator", []):
        if _in_noise(node):
            continue
        inner = node.css_first('[itemprop="name"]')
        value = _prop_value(inner if inner is not None else node)
        if value and not value.startswith("http"):
            take(value, single=inner is not None)
    for key in AUTHOR_KEYS:
        for value in col.meta_all(key):
            if not value.startswith(("http", "/", "@")):
                take(value, single=False)
    structured = [a.name for a in people]

    # 2. visible byline, rel=author, author box (one pass)
    visible: list[list[str]] = []
    boxes: list[LexborNode] = []
    for node in tree.css('[class*="byline" i], [rel~="author"], [class*="author" i], [class*="contributor" i]'):
        attrs = node.attributes
        cls = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
        if _BIO_CLASS.search(cls):
            boxes.append(node)
            continue
        if _in_noise(node) or _has_descendant(node, _BYLINE_LEAF):
            continue  # a container: its author links / name elements are read on their own
        text = _text(node)
        if not text or len(text) > 200:
            continue
        parts = parse_byline(text, outlet_names=outlets, single_names=False)
        for org in parts.organizations:
            if org.lower() not in {o.lower() for o in orgs}:
                orgs.append(org)
        if parts.people:
            visible.append(parts.people)
    if structured:
        # visible names only join when the element also names a structured author (it is the byline)
        for names in visible:
            if any(same_person(n, s) for n in names for s in structured):
                for name in names:
                    add(name)
    else:
        for names in visible:
            for name in names:
                add(name)
    for box in boxes:
        _author_box(meta, box, people)
    meta.authors = people
    meta.organizations = orgs


_BYLINE_LEAF = '[class*="author" i], [rel~="author"], [class*="byline" i], [itemprop="author"], [itemprop="name"]'


def _author_box(meta: HtmlMeta, node: LexborNode, people: list[Author]) -> None:
    """An "about the author" box: keep its text out of the body, and its bio on the author."""
    text = _text(node)
    if not text or len(text) > 1500:
        return
    if text not in meta.author_box_texts:
        meta.author_box_texts.append(text)
    paragraphs = [_text(p) for p in node.css("p")] or [text]
    for p in paragraphs:
        if p and p not in meta.author_box_texts:
            meta.author_box_texts.append(p)
    for author in people:
        if author.bio:
            continue
        if author.name.lower() in text.lower():
            bio = max(paragraphs, key=len)
            if bio and bio.lower() != author.name.lower() and len(bio) > len(author.name) + 15:
                author.bio = bio


# --- dates --------------------------------------------------------------------------------------


def _dates(meta: HtmlMeta, col: _Collected, art: dict[str, Any], tree: LexborHTMLParser) -> None:
    out = meta.dates
    for key, role in (("datePublished", "published"), ("dateCreated", "published"), ("dateModified", "modified")):
        value = jsonld.text_value(art.get(key))
        if value:
            out.append(DateCandidateRaw("json-ld", value, role))
    for keys, role in ((PUBLISHED_KEYS, "published"), (MODIFIED_KEYS, "modified")):
        for key in keys:
            for value in col.meta_all(key):
                out.append(DateCandidateRaw("meta", value, role))
    for prop, role in (("datepublished", "published"), ("datecreated", "published"), ("datemodified", "modified")):
        for node in col.itemprops.get(prop, ()):
            if node.tag in ("meta", "time") or _in_noise(node):
                continue  # meta and time carriers are read below / above
            value = _prop_value(node)
            if value:
                out.append(DateCandidateRaw("time-tag", value, role))
    strong, weak = [], []
    out[:] = [c for c in out if not _PLACEHOLDER_DATE.match(c.raw)]  # "0001-01-01", epoch zero: CMS placeholders
    for node in col.times[:40]:
        if _in_noise(node):
            continue
        attrs = node.attributes
        raw = (attrs.get("datetime") or attrs.get("content") or "").strip() or _text(node)
        if raw and len(raw) <= 80:
            (strong if _is_dateline_time(node) else weak).append(DateCandidateRaw("time-tag", raw, _time_role(node)))
    out.extend(strong[:4])
    if not out and weak:
        out.append(weak[0])  # a lone <time> with nothing better: the first one on the page
    for url in (meta.canonical_url, meta.url):
        if url:
            m = _URL_DATE.search(urlsplit(url).path)
            if m:
                out.append(DateCandidateRaw("url", f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}",
                                            "published"))
                break
    visible = 0
    for node in tree.css('[class*="date" i], [class*="publish" i], [class*="timestamp" i], [class*="submitted" i]'):
        if visible >= 3:
            break
        if node.tag in ("body", "html", "article", "main", "section", "time", "meta") or _in_noise(node):
            continue
        if _has_descendant(node, 'time, [class*="date" i]'):
            continue  # read the <time> or the inner date element instead
        text = _text(node)
        if text and 6 <= len(text) <= 80 and _YEAR.search(text):
            cls = node.attributes.get("class") or ""
            role = "modified" if _MODIFIED_HINT.search(cls) or _MODIFIED_HINT.match(text) else "published"
            out.append(DateCandidateRaw("visible", text, role))
            visible += 1


_DATELINE_CONTEXT = re.compile(r"date|time|publish|posted|updated|modified|byline|meta|header|info|stamp|credit", re.I)


def _is_dateline_time(node: LexborNode) -> bool:
    """A <time> that dates the article (in its header or byline), not one inside the story's text."""
    attrs = node.attributes
    if attrs.get("itemprop") or "pubdate" in attrs or _DATELINE_CONTEXT.search(attrs.get("class") or ""):
        return True
    parent = node.parent
    for _ in range(4):
        if parent is None or parent.tag in ("p", "li", "td", "blockquote"):
            return False
        if parent.tag == "header":
            return True
        cls = (parent.attributes.get("class") or "") + " " + (parent.attributes.get("id") or "")
        if _DATELINE_CONTEXT.search(cls):
            return True
        parent = parent.parent
    return False


def _time_role(node: LexborNode) -> str:
    attrs = node.attributes
    prop = (attrs.get("itemprop") or "").lower()
    if prop == "datemodified":
        return "modified"
    if prop in ("datepublished", "datecreated") or "pubdate" in attrs:
        return "published"
    current: LexborNode | None = node
    for _ in range(3):
        if current is None:
            break
        cls = (current.attributes.get("class") or "") + " " + (current.attributes.get("id") or "")
        if _MODIFIED_HINT.search(cls):
            return "modified"
        if re.search(r"publish|posted|created", cls, re.I):
            return "published"
        current = current.parent
    text = _text(node.parent) if node.parent is not None else ""
    if len(text) < 80 and re.match(r"\s*(?:updated|modified|last updated)", text, re.I):
        return "modified"
    return "published"
