"""Recognise page boilerplate by its wording: navigation, newsletter and
subscription prompts, cookie notices, share bars, captions, copyright lines.

Shared by the text-dump and HTML readers. Everything works on one line or
paragraph of normalised text (single spaces, no leading/trailing blanks). The
rules are deliberately conservative about prose: a paragraph carrying a
quotation or an attribution verb ("said", "told") is only boilerplate when its
wording leaves no doubt, so a quoted "Sign up now" stays in the article.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _phrase_set(parts: list[str]) -> frozenset[str]:
    return frozenset(p.strip() for p in parts if p.strip())


# Whole lines that are page furniture wherever they appear (compared lowercased,
# trailing punctuation removed).
NAVIGATION_LINES = _phrase_set(
    """
    skip to main content|skip to content|skip navigation|skip to navigation|jump to content|main menu|menu|
    open menu|close menu|search|home|sign in|log in|login|register|subscribe|subscribe now|account|my account|
    top|back to top|return to top|share|share this|share this article|share this story|tweet|email|print|
    comments|show comments|view comments|advertisement|advertising|ad|sponsored|sponsored content|
    story continues below advertisement|article continues below|continue reading|read more|load more|
    more|see more|next|previous|trending|most read|most popular|recommended|related|related stories|
    related articles|related coverage|more from|you may also like|you might also like|editor's picks|
    latest news|top stories|follow us|newsletter|newsletters|listen|listen to this article|watch|
    all rights reserved|about us|contact us|terms of use|privacy policy|cookie policy|cookie settings|
    accept|accept all|reject all|manage preferences|download the app|get the app|log out|logout|sign out|
    edit profile|my profile|profile|settings|you are signed in as|closed captioning policy|homepage|
    aller au contenu|aller au contenu principal|accueil|zum inhalt springen|zum inhalt|startseite|
    ir al contenido|inicio|vai al contenuto|ir para o conteúdo|naar inhoud|naar de inhoud
    """.split("|")
)

# Section headers after which a page holds no more article text.
TRAILER_HEADERS = _phrase_set(
    """
    related|related stories|related articles|related coverage|related content|related topics|more from|
    more stories|more news|you may also like|you might also like|recommended|recommended for you|
    most read|most popular|trending|trending now|editor's picks|latest news|top stories|comments|
    join the conversation|read and post comments|what to read next|
    read next|up next|more on this story|popular now|don't miss
    """.split("|")
)

# A line starting with one of these is a prompt, not prose (unless quoted).
BOILERPLATE_PREFIXES = (
    "sign up for", "sign up to", "sign up now", "subscribe to", "subscribe for", "subscribe now", "subscribe today",
    "read more:", "read more at", "read more from", "read also:", "also read:", "see also:", "related:", "more:",
    "watch:", "listen:", "click here", "tap here", "follow us", "follow @", "like us on", "join the",
    "download the", "get the", "get our", "receive breaking news", "read and post comments",
    "please review community guidelines", "privacy:", "interest-based advertising", "do not sell",
    "we use cookies", "this site uses cookies", "by continuing to", "by clicking", "have a news tip",
    "got a tip", "send us a tip", "copyright", "share on", "share via", "share this", "story continues",
    "article continues", "advertisement", "photo:", "photograph:", "image:", "picture:", "video:", "credit:",
    "image caption", "image source", "media caption", "caption:", "reporting by", "additional reporting by",
    "editing by", "writing by", "compiled by", "this article was originally published", "this story was originally published",
    "originally published", "updated on", "last updated", "enjoying this article", "support our journalism",
    "support independent journalism", "become a member", "become a supporter", "image source", "image credit",
    "abonnez-vous", "inscrivez-vous", "s'abonner", "abonnieren sie", "jetzt abonnieren", "suscríbete", "suscribirse",
    "iscriviti", "abbonati", "assine", "inscreva-se", "abonneer", "schrijf je in", "already a subscriber",
    "already have an account", "create an account", "create a free account", "you have read", "you've read",
    "show more sharing", "submit to", "share permalink", "click to share", "click to email", "click to print",
    "email this", "tempo de leitura", "temps de lecture", "lesezeit", "reading time", "tiempo de lectura",
    "this content is", "for more news", "for the latest", "get breaking news", "never miss",
)

# Wording that marks a block as furniture wherever it appears in it.
BOILERPLATE_PHRASES = (
    "all rights reserved", "registered trademark", "we use cookies", "use of cookies", "cookie policy",
    "uses cookies", "these cookies", "necessary cookies", "cookie consent", "browsing experience", "opt-out of",
    "cookie settings", "privacy policy", "terms of use", "terms of service", "terms and conditions",
    "your inbox", "our newsletter", "daily newsletter", "newsletter sign", "sign up for our",
    "subscribe to our", "support our journalism", "independent journalism", "readers like you",
    "become a supporter", "becoming a supporter", "become a member", "consider subscribing", "consider becoming", "consider supporting", "make a contribution",
    "community guidelines", "personal information", "do not sell", "interest-based advertising",
    "advertising partners", "continue reading", "may not be published, broadcast", "rewritten or redistributed",
    "download our app", "download the app", "the app store", "google play", "enable javascript",
    "your browser", "ad blocker", "paywall", "free articles", "log in to", "sign in to", "opens in new window",
    "opens in a new window", "get short url", "quotes delayed", "real-time quotes", "min read", "minute read", "minutes read", "more sharing options",
)

_CAPTION = re.compile(
    r"\((?:[A-Z]{2,}|Getty|Reuters|Shutterstock|File)[^()]{0,40}(?:Photo|Images?|Pool|File)[^()]{0,40}\)\s*$"
    r"|\bPhoto(?:graph)?:?\s*(?:by\s+)?[A-Z][^.]{0,60}/(?:AP|AFP|Reuters|Getty|EPA|Shutterstock)\b",
)
_PHRASES_BY_FIRST_WORD: dict[str, tuple[str, ...]] = {}
for _phrase in BOILERPLATE_PHRASES:
    _first = _phrase.split()[0]
    _PHRASES_BY_FIRST_WORD[_first] = _PHRASES_BY_FIRST_WORD.get(_first, ()) + (_phrase,)


def _phrase_hits(lowered: str) -> int:
    """How many distinct boilerplate phrases a lowercased line holds (looked up by first word: linear)."""
    found = {
        phrase
        for word in set(lowered.replace(",", " ").split())
        for phrase in _PHRASES_BY_FIRST_WORD.get(word, ())
        if phrase in lowered
    }
    return len(found)
_SEARCH_BOX = re.compile(r"^search(?:\s+\S+)?$", re.I)
_QUOTE_MARKS = re.compile(r"[\"“”«»„]|(?:^|\s)['‘][A-Z]")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|wrote|added|asked|stated)\b")  # on lowercased text
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|℗)", re.I)
RIGHTS_RESERVED = (
    "all rights reserved", "tous droits réservés", "alle rechte vorbehalten", "todos los derechos reservados",
    "tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden",
)
_RIGHTS_TAIL = re.compile(
    r"\s*(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
    r"tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|this material may not|"
    r"some rights reserved).*$",
    re.I,
)
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?P<holder>.*?)\s*$",
    re.I,
)
_ABBREVIATED_END = re.compile(r"\b(?:Inc|Ltd|Corp|Co|Bros|L\.L\.C|S\.A|N\.V|B\.V|Jr|Sr)\.$")
CORPORATE_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|plc|PLC|Corp|Corporation|Co|GmbH|AG|S\.A|SA|SAS|N\.V|B\.V|LP|LLP)\.?)$"
)


def normalise(line: str) -> str:
    """Single-space a line: non-breaking and zero-width spaces become spaces or vanish."""
    return " ".join(line.replace("\u200b", "").replace("\ufeff", "").split())


@lru_cache(maxsize=4096)
def key(line: str) -> str:
    """Lowercased line without trailing punctuation, for set lookups."""
    return line.lower().rstrip(" .:!»›>|-–—").replace("’", "'")


def is_navigation(line: str) -> bool:
    """A menu entry or a menu bar ("Home | News | Sport")."""
    k = key(line)
    if k in NAVIGATION_LINES:
        return True
    if _SEARCH_BOX.match(line):
        return True
    if "|" not in line and "•" not in line and "·" not in line:
        return False
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*", line) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 3 and not p.endswith(".") for p in parts)


_TRAILER_START = frozenset({"more", "most", "latest", "recommended", "popular", "trending", "related", "also"})


def is_trailer_header(line: str) -> bool:
    """"Related stories", "Most read", "More from the Ledger", "More Washington Examiner": lists follow, not the article."""
    k = key(line)
    if k in TRAILER_HEADERS:
        return True
    words = k.split()
    return 2 <= len(words) <= 5 and words[0] in _TRAILER_START and not line.rstrip().endswith((".", "?", "!", '"', "”"))


_COMMENTS_HEADER = re.compile(
    r"^\d+\s+(?:comments?|responses?|replies|reactions)$|^(?:comments?|responses?|replies)\s*\(\d+\)$"
    r"|^\d+\s+(?:comments?|responses?|replies)\s+(?:to|on)\b"
    r"|^(?:top|best|newest|oldest|latest|featured|most\s+\w+)\s+(?:rated\s+)?comments$"
    r"|^(?:leave|post|add|write|submit)\s+a\s+(?:comment|reply|response)|^(?:join|start)\s+the\s+(?:conversation|discussion)"
    r"|^(?:show|view|read|load|see)\s+(?:all\s+)?(?:\d+\s+)?comments|^you must be logged in to (?:post|leave) a comment"
    r"|^reader comments|^discussion$|^comments are closed",
    re.I,
)


_COMMENTER = r"(?!(?i:the|a|an|he|she|they|it|we|i|this|that|our|his|her|their)\b)(?:[A-Z0-9@][\w.'’@-]*\s?){1,4}"
_COMMENT_SIGNATURE = re.compile(
    rf"^{_COMMENTER}\s?(?:says|said|wrote|commented|replied)\s*:$"
    rf"|^{_COMMENTER}\s?(?:on|at)\s.{{3,40}}\s(?:says|said|wrote|commented|replied)\s*:?$"
)


def is_comment_signature(line: str) -> bool:
    """The line heading one reader comment: "Dave R. says:", "Charles P. on October 27, 2018 at 8:34 pm said:"."""
    return len(line) <= 120 and bool(_COMMENT_SIGNATURE.match(line))


def is_comments_header(line: str) -> bool:
    """The start of a comment section ("34 responses to ...", "Leave a reply", "[ 167 comments ]").

    A bare "Comments" is not enough: it is as often a link in the share bar above the article.
    """
    text = line.strip()
    if text[:1] in "[(" and text[-1:] in "])":
        text = text[1:-1].strip()
    return len(text) < 200 and bool(_COMMENTS_HEADER.match(text))


def is_copyright(line: str) -> bool:
    if _COPYRIGHT.match(line):
        return True
    low = line.lower()
    return any(phrase in low for phrase in RIGHTS_RESERVED)


def is_syndication_notice(line: str) -> bool:
    """A wire agency's redistribution notice ("... may not be published, broadcast, rewritten ...")."""
    low = line.lower()
    return "may not be published" in low or "redistributed" in low


def copyright_holder(line: str) -> str | None:
    """The holder named by a copyright line: ``© 2025 Newsmax. All rights reserved.`` -> ``Newsmax``."""
    if not _COPYRIGHT.match(line):
        return None
    m = _COPYRIGHT_HOLDER.match(line)
    if not m:
        return None
    holder = _RIGHTS_TAIL.sub("", m.group("holder"))
    holder = holder.strip(" ,;")
    if holder.endswith(".") and not _ABBREVIATED_END.search(holder):
        holder = holder[:-1].rstrip()
    return holder or None


_OWNER = re.compile(r",?\s+(?:a\s+(?:division|subsidiary|unit|part|member|publication)\s+of|part\s+of|owned\s+by|published\s+by)\s+", re.I)


def split_owner(holder: str) -> tuple[str, str | None]:
    """``Fenwick Daily Star, a division of Lakeland Newspapers LLC`` -> (site, owner)."""
    parts = _OWNER.split(holder, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(" ,"), parts[1].strip(" ,")
    return holder, None


def is_corporate_name(text: str) -> bool:
    """"Newsmax Media, Inc.", "Harbor Press LLC": a company, i.e. a publisher."""
    return bool(CORPORATE_SUFFIX.search(text.rstrip()))


def is_caption(line: str) -> bool:
    return ("(" in line or "/" in line) and bool(_CAPTION.search(line))


def is_boilerplate(line: str) -> bool:
    """True when a line or paragraph is page furniture rather than article text."""
    k = key(line)
    if not k:
        return False
    if k in NAVIGATION_LINES or is_copyright(line) or is_caption(line):
        return True
    if k.startswith(BOILERPLATE_PREFIXES):
        return not _quoted(line) and not (_attributed(k) and len(line.split()) >= 12)
    hits = _phrase_hits(k)
    if hits >= 2:
        return True
    return hits == 1 and len(line.split()) <= 60 and not _quoted(line) and not _attributed(k)


def _quoted(line: str) -> bool:
    return bool(_QUOTE_MARKS.search(line))


def _attributed(lowered: str) -> bool:
    return bool(_ATTRIBUTION.search(lowered))
