"""What boilerplate looks like: in class/id names, in tags, and in a short line of text.

Patterns run on one element's class/id string or on one short block, never on
the whole document.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Tags that hold no article text when they sit inside the article container.
BOILER_TAGS = frozenset("nav aside footer form figcaption figure header menu dialog address".split())

# class/id words of page furniture. Matched as whole dash/underscore-separated parts.
_BOILER_MARKS = re.compile(
    r"(?:^|[\s_-])(?:"
    r"share|shares|sharing|sharebar|share-?tools|social|socials|"
    r"newsletter|newsletters|subscribe|subscription|signup|sign-up|optin|opt-in|"
    r"related|recommend\w*|recirc\w*|more-?stories|read-?more|readmore|also-?read|"
    r"popular|trending|most-?read|most-?viewed|next-?article|"
    r"comment|comments|commentlist|disqus|replies|"
    r"author-?bio|authorbio|about-?the-?author|author-?info|author-?card|bio|byline|bylines|contributor|"
    r"cookie|cookies|consent|gdpr|cmp|"
    r"promo|promotion|advert\w*|ad|ads|adslot|ad-?unit|ad-?container|dfp|gpt|sponsor\w*|outbrain|taboola|"
    r"caption|captions|cutline|credit|credits|image-?credit|photo-?credit|"
    r"breadcrumb|breadcrumbs|navbar|nav|navigation|menu|footer|sidebar|widget|rail|"
    r"tags|tag-?list|topics|keywords|pagination|pager|"
    r"toolbar|tools|print|modal|overlay|popup|banner|alert|"
    r"visually-?hidden|sr-only|screen-?reader-?text|skip-?link|"
    r"meta|dateline|timestamp|published|updated|"
    r"video-?player|playlist|gallery|slideshow|carousel|"
    r"paywall|inline-?cta|cta|teaser|teasers|card-?list|"
    r"hidden|hide|noprint|print-?only"
    r")(?=$|[\s_-])"
)
# Names CMSs give the article body; an element so named is not furniture
# even when it also carries a furniture word.
_CONTENT_MARKS = re.compile(
    r"articlebody|article-?body|article-?content|article-?text|story-?body|story-?content|"
    r"entry-?content|post-?content|post-?body|post-?text|body-?text|main-?content|"
    r"richtextstorybody|c-article-body|c-entry-content|article__body|article__content|"
    r"story__body|content__body|paywall-?article|field-?name-?body|text-?body|"
    r"(?:^|\s)(?:content|story|article)(?:$|\s)|"
    # embedded posts quoted by the story (tweets, Instagram) are its text
    r"tweet|instagram-media|tiktok-embed|(?:^|[\s_-])embed(?:ded)?(?:$|[\s_-])"
)




_BODY_MARKS = re.compile(
    r"articlebody|article-?body|article-?content|article-?text|story-?body|entry-?content|post-?content|post-?body|"
    r"richtextstorybody|article__body|story__body|content__body|field-?name-?body"
)


def _has_content_word(marks: str) -> bool:
    """Every _CONTENT_MARKS alternative contains one of these words (and every
    _BODY_MARKS alternative is a _CONTENT_MARKS one): most class strings are
    ruled out by a few substring tests, without the regex."""
    return ("article" in marks or "story" in marks or "entry" in marks or "post" in marks or "body" in marks
            or "content" in marks or "tweet" in marks or "instagram" in marks or "tiktok" in marks or "embed" in marks)


@lru_cache(maxsize=32768)
def mark_kinds(marks: str) -> tuple[bool, bool, bool]:
    """(furniture, content, article body) for one class/id string; each regex runs at most once per string.

    furniture: a furniture word and no content name; content: named like the
    article's content; article body: named like a body by a CMS (stronger than
    the bare words "content" or "story").
    """
    if not marks:
        return False, False, False
    content = _has_content_word(marks) and _CONTENT_MARKS.search(marks) is not None
    body = content and _BODY_MARKS.search(marks) is not None
    boiler = not content and _BOILER_MARKS.search(marks) is not None
    return boiler, content, body


def is_boiler_mark(marks: str) -> bool:
    return mark_kinds(marks)[0]


def is_body_mark(marks: str) -> bool:
    """Named like an article body by a CMS (stronger than the bare words "content" or "story")."""
    return mark_kinds(marks)[2]


def is_content_mark(marks: str) -> bool:
    return mark_kinds(marks)[1]


# A short block that is a caption or photo credit: how it starts, a
# parenthesised credit, or how it ends. One pattern per anchor, so that none
# is tried at every position of a paragraph: the ones anchored at the end are
# searched from the furthest point a match can start (the agency names, the
# " by " before a photographer's name).
_CAPTION_START = re.compile(
    r"(?:photo|photograph|image|picture|pictured|credit|illustration|video|graphic|file photo)s?\s*(?:by|:|\||/|-)"
    r"|In (?:this|a|an) (?:\w+\.? )?(?:\d{1,2},? )?(?:\d{4},? )?(?:file |undated |handout )?(?:photo|image|picture|frame grab)",
    re.I,
)
_CAPTION_PAREN = re.compile(
    r"\((?:(?:AP|AFP|Reuters|Getty|EPA|Xinhua)?\s*Photo\b|(?:image|photo|picture|pic|credit|source)s?:[^)]{0,80}\)\s*$)",
    re.I,
)
# at most 1 + 12 + 17 = 30 characters before the trailing whitespace
_CAPTION_AGENCY_END = re.compile(
    r"[.\s/](?:Reuters|AFP|AP|Getty(?: Images)?|EPA|Shutterstock|Bloomberg|Xinhua)(?: via Getty Images)?\s*$", re.I)
# at most 22 + 80 + 1 = 103 characters before the trailing whitespace
_CAPTION_CREDIT_END = re.compile(
    r"\b(?:Getty Images|Shutterstock|AFP via Getty|AP Photo|Associated Press Photo|Reuters/)[^.]{0,80}\)?\s*$", re.I)
_CAPTION_BY_END = re.compile(
    r"\b(?:photo|photograph|image|picture)s? by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\W{0,3}$", re.I)
# A short block that is page furniture by its words.
_FURNITURE = re.compile(
    r"^(?:advertisement|advertising|sponsored|ad|story continues below|article continues below|"
    r"continue reading|read more|read the full|more:|related:|related stories|related articles|see also|"
    r"also read|recommended|click here|sign up|subscribe|get the|follow us|follow @|share this|share on|"
    r"share:|email this|print this|copyright|©|all rights reserved|this article (?:was|is|has)|"
    r"we use cookies|by continuing|accept cookies|loading|scroll to continue|watch:|listen:|"
    r"skip to|back to top|next article|previous article|comments?\b|leave a comment|show comments|"
    r"newsletter|join our|don't miss|must read|trending now|most popular|tags?:|topics?:|filed under|"
    r"you have been (?:successfully )?subscribed|there was a problem subscribing|thanks? (?:you )?for (?:signing|subscribing)|"
    r"follow (?:\w+'s |our )?(?:full |live |latest )?coverage|published by|posted by|publicado por|"
    r"related [\w ]{0,20}:|follow (?:the |our |us )?[^.]{0,50}\bon (?:facebook|twitter|instagram|x\b)|"
    r"(?:image|photo|picture|slide) \d+ of \d+|(?:e-?mail|contact|reach) [A-Z]\w+(?: [A-Z]\w+)? at \S+@)",
    re.I,
)


def is_caption(text: str) -> bool:
    if len(text) >= 400:
        return False
    if _CAPTION_START.match(text) is not None or ("(" in text and _CAPTION_PAREN.search(text) is not None):
        return True
    end = len(text.rstrip())  # (search from a position still sees the character before it for \b)
    return (_CAPTION_AGENCY_END.search(text, max(0, end - 30)) is not None
            or _CAPTION_CREDIT_END.search(text, max(0, end - 103)) is not None
            or (" by " in text.lower() and _CAPTION_BY_END.search(text) is not None))


_URL = re.compile(r"(?:https?://|www\.)\S+")
_SHORTCODE = re.compile(r"^\[/?\w+(?:\s[^\]]*)?\].*\[/\w+\]$|^\[\w+(?:\s[^\]]*)?\]$")
_SIGN_UP = re.compile(r"\b(?:sign(?:ing)? up|subscribe|register)\b", re.I)
_INBOX = re.compile(r"\b(?:newsletters?|inbox|e-?mail alerts?)\b", re.I)


def is_furniture_line(text: str) -> bool:
    """A short line that is page furniture by its words or its shape."""
    n = len(text)
    if n < 160 and _FURNITURE.match(text) is not None:  # anchored: match
        return True
    if _SHORTCODE.match(text):  # a CMS shortcode left unrendered: [button link=...]...[/button]
        return True
    if "http" in text or "www." in text:
        urls = _URL.findall(text)
        if len(urls) >= 2 and sum(map(len, urls)) > 0.5 * n:  # a dump of image or tracking URLs
            return True
    # a newsletter pitch; a quoted statement that mentions one is not
    if n < 300 and _SIGN_UP.search(text) and _INBOX.search(text) and not any(q in text for q in '"“”'):
        return True
    return False


# How a sentence ends, before any trailing whitespace (tested on the last
# character: a regex anchored at the end would scan the whole paragraph).
_SENTENCE_END = frozenset(".!?…:;\"'”’)]")
_SENTENCE_END_CJK = frozenset("。！？!?.」』）)")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # kana, CJK ideographs, hangul


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def reads_as_prose(text: str) -> bool:
    """Ends like a sentence and has a few words: likely article text, not a label.

    Chinese and Japanese write no spaces between words: there a dozen
    characters ending with a full stop count as a sentence.
    """
    last = text.rstrip()[-1:]
    if last in _SENTENCE_END and text.count(" ") >= 3:
        return True
    return len(text) >= 12 and last in _SENTENCE_END_CJK and _CJK.search(text) is not None


# A short line that announces a list of other stories ("More Great Stories", "Related coverage").
_SECTION_FURNITURE = re.compile(
    r"^(?:more|related|recommended|popular|trending|latest|top|further|also|read|watch|see|you may|you might|"
    r"what to read|most|editors?'?s? picks?|don't miss|up next|keep reading)\b.{0,50}?"
    r"\b(?:stories|story|articles|news|reads|reading|coverage|videos|posts|links|like|from|on|picks|next)\b\W*$",
    re.I,
)


def announces_other_stories(text: str) -> bool:
    return len(text) < 70 and _SECTION_FURNITURE.match(text) is not None


_DATE_OR_TIME = re.compile(
    r"\b(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4})\b",
    re.I,
)


_STAMP = re.compile(r"^(?:updated|published|posted|last updated|first published|modified)\b[^.]{0,40}\d", re.I)


_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|av|de)\s+\S", re.I)


def is_byline_label(text: str) -> bool:
    """A short "By Jane Roe" line."""
    return len(text) < 100 and _BYLINE.match(text) is not None and not text.rstrip().endswith((".", "!", "?"))


def is_dateline_label(text: str) -> bool:
    """A short line with a date or a clock time and no sentence: a byline/date stamp."""
    if len(text) < 80 and _STAMP.match(text):
        return True
    return (len(text) < 120 and not reads_as_prose(text) and text[:1] not in "—–-"
            and _DATE_OR_TIME.search(text) is not None)


_DEK_MARKS = re.compile(r"dek|standfirst|description|summary|subtitle|sub-?head|deck|intro|lede|excerpt|teaser")


def is_dek_mark(marks: str) -> bool:
    """Named like the summary line under a headline (the page's description)."""
    return bool(marks) and _DEK_MARKS.search(marks) is not None
