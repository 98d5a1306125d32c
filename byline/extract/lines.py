"""Line shapes for text dumps: what a line of a saved page looks like it is.

A text dump (a rendered page saved as text) has no tags, so its parts are told
apart by the shape of each line (length, final punctuation, capitals, a
leading "By" or "Tags:") and by position; this module does the shapes, one
line at a time, in O(length of the line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from byline.extract.boilerplate import normalise

# Month and weekday names in the languages the stopword guess knows (English, French, German, Spanish,
# Italian, Portuguese, Dutch), for recognising date LINES; parsing them is byline.extract.dates' job.
_OTHER_MONTHS = (
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre "
    "janv févr fevr avr juil déc januar februar märz maerz juni juli oktober dezember mär okt dez enero febrero "
    "marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr ago dic gennaio "
    "febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug set ott janeiro fevereiro "
    "março marco maio junho julho setembro outubro dezembro fev januari februari maart mei augustus"
).split()
_OTHER_WEEKDAYS = (
    "lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag "
    "sonntag lunes martes miércoles miercoles jueves viernes sábado sabado domingo lunedì lunedi martedì martedi "
    "mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica segunda-feira terça-feira terca-feira "
    "quarta-feira quinta-feira sexta-feira maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
).split()
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    + "|".join(re.escape(m) for m in sorted(_OTHER_MONTHS, key=len, reverse=True))
    + r")\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    + "|".join(re.escape(d) for d in sorted(_OTHER_WEEKDAYS, key=len, reverse=True))
    + r")\.?"
)
_ZONE = r"(?:utc|gmt|[ecmpa][sd]t|bst|ist|jst|cet|cest|eet|eest|wet|west|aest|aedt|acst|awst|nzst|nzdt|sast|msk|hkt|sgt|et|ct|mt|pt|z)"
_DATE_TOKEN = re.compile(
    rf"\b{_MONTH}(?=\W|$)|\b{_WEEKDAY}(?=\W|$)|\b{_ZONE}\b|\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[t ]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
    r"|\b\d{1,4}(?:st|nd|rd|th|er|e|\.)?(?!\w)|\b(?:at|on|of|the|am|pm|a\.m\.|p\.m\.|utc[+-]\d{1,2}|ago|just now|yesterday|today)\b"
    r"|(?<!\w)(?:à|le|um|uhr|de|del|el|il|às|em|om|h|heures?|ore)(?!\w)"
    r"|\b(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b|[,|/()+-]",
    re.I,
)
# A calendar date (month name, ISO, numeric or relative): a bare year or a bare time is not enough
# for an unlabelled line ("2019" is a copyright year, "5:50 PM" a clock).
_DATE_ANCHOR = re.compile(
    rf"\b{_MONTH}(?=\W|$)|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\bago\b|\byesterday\b",
    re.I,
)
_TIME_ANCHOR = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_DATE_PREFIX = re.compile(
    r"^(?P<label>(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated(?:\s+on)?|"
    r"last\s+modified(?:\s+on)?|modified(?:\s+on)?|date|dated|created|issued|originally\s+published(?:\s+on)?|original|"
    r"publié(?:e)?(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|"
    r"publicado(?:\s+(?:el|em))?|actualizado(?:\s+el)?|atualizado(?:\s+em)?|pubblicato(?:\s+il)?|"
    r"aggiornato(?:\s+il)?|gepubliceerd(?:\s+op)?|bijgewerkt(?:\s+op)?)\s*[:\-–]?\s*",
    re.I,
)
_DIGIT = re.compile(r"\d")
_MODIFIED_LABEL = re.compile(r"updated|modified|mis\s+à\s+jour|aktualisiert|actualizado|atualizado|aggiornato|bijgewerkt", re.I)
_TAG_LINE = re.compile(
    r"^(?:tags?|topics?|filed under|related topics|keywords|categories|mots-clés|mots clés|thèmes|schlagwörter|"
    r"schlagworte|themen|etiquetas|temas|parole chiave|argomenti|trefwoorden|onderwerpen)\s*:\s*(?P<tags>.+)$",
    re.I,
)
_LABELLED = re.compile(
    r"^(?P<key>section|category|tags?|keywords|topics|word\s*count|words|length|publisher|published(?:\s+on)?|"
    r"updated(?:\s+on)?|last\s+updated|modified|description|summary|standfirst|author|authors|byline|"
    r"language|site|site\s+name|source|date)\s*:\s*(?P<value>.+)$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$|[\"”’»」』]$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]*(?:[-'’][A-Z]?[a-zà-ÿ]+)*\.?|[A-Z]\.(?:[A-Z]\.)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+)$")
_NAME_PARTICLES = frozenset("de da del della der den di du la le van von bin ibn al el dos das ter".split())
_NAME_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())
ROLE_WORDS = frozenset(
    """correspondent reporter editor writer staff contributor columnist producer analyst chief senior desk bureau
    journalist photographer editors reporters writers staffs team newsroom special associate deputy managing
    political political health science business sports technology foreign national affairs""".split()
)
# Capitalised words that page furniture puts in two-word lines ("Previous Post", "More Weather"): never a name.
NOT_NAME_WORDS = frozenset(
    """post posts news weather more previous next privacy overview policy cookies cookie home menu search sign
    login log subscribe subscription school closings stories story videos video radars local latest sports top
    read comments comment share related contact about terms advertise advertising newsletter newsletters
    podcasts podcast events jobs business world politics opinion photos photo live watch shop help account
    settings page pages section sections online digital edition media press group company services service
    center centre department office ministry university council committee party police court street road""".split()
)
INTEGER_LINE = re.compile(r"^\d{1,3}(?:[,.\u202f ]?\d{3})*$|^\d{1,6}$")


@dataclass(slots=True)
class Line:
    """One non-blank line of a text dump, normalised, with its position."""

    text: str
    block: int  # lines in the same run of consecutive non-blank lines share a block number
    words: int
    kind: str = ""  # set by the reader that classifies it (e.g. "prose", "nav", "date")


MIN_WRAPPED_LENGTH = 40  # a hard-wrapped paragraph's lines are long; menu entries are not


def read_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text``, single-spaced, each tagged with its block number.

    Hard-wrapped paragraphs are rejoined: a line continues the one before it
    (same block) when that one is long, does not end a sentence, and this one
    starts in lower case.
    """
    out: list[Line] = []
    block = 0
    previous_blank = True
    for raw in text.split("\n"):
        line = normalise(raw)
        if not line:
            previous_blank = True
            continue
        if previous_blank and out:
            block += 1
        elif out and line[0].islower() and len(out[-1].text) >= MIN_WRAPPED_LENGTH and not ends_sentence(out[-1].text):
            joined = out[-1].text + " " + line
            out[-1] = Line(joined, block, word_units(joined))
            continue
        previous_blank = False
        out.append(Line(line, block, word_units(line)))
    return out


def word_units(text: str) -> int:
    """Words for line-shape purposes; for Chinese, Japanese and Korean, two characters count as one word."""
    words = len(text.split())
    if text.isascii():
        return words
    cjk = len(_CJK.findall(text))
    return max(words, cjk // 2) if cjk else words


def date_line(text: str) -> tuple[str, str] | None:
    """``("published"|"modified", date text)`` when the whole line is a date, optionally labelled."""
    role = "published"
    body = text
    m = _DATE_PREFIX.match(text)
    if m:
        body = text[m.end():]
        if _MODIFIED_LABEL.search(m.group("label")):
            role = "modified"
    if not body or len(body) > 80 or not (_DIGIT.search(body) or "yesterday" in body.lower()):
        return None
    if not _DATE_ANCHOR.search(body) and not (m and _TIME_ANCHOR.search(body)):
        return None  # "Updated 11:02" is a date line; a bare "5:50 PM" or "2019" is not
    leftover = _DATE_TOKEN.sub(" ", body).split()
    leftover = [w for w in leftover if re.search(r"\w", w)]
    if leftover:
        return None
    return role, body.strip()


_DATE_LABEL_SPLIT = re.compile(
    r"\s*[;|•·/]?\s*(?=last\s+(?:updated|modified)\b)|(?<!last)(?<!last\s)\s*[;|•·/]?\s*(?=(?:updated|modified|published|posted|original)\b)",
    re.I,
)
_DATE_SEPARATORS = re.compile(r"\s*[;|•·]\s*")


def date_lines(text: str) -> list[tuple[str, str]]:
    """Every date of a line made only of dates: ``November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm``
    and ``Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM`` give two each."""
    single = date_line(text)
    if single:
        return [single]
    if len(text) > 160 or not _DIGIT.search(text):
        return []
    for splitter in (_DATE_LABEL_SPLIT, _DATE_SEPARATORS):
        parts = [p.strip(" ;|•·/") for p in splitter.split(text)]
        parts = [p for p in parts if p]
        if len(parts) >= 2:
            found = [date_line(p) for p in parts]
            if all(found):
                return [d for d in found if d]
    return []


def is_date_shaped(text: str) -> bool:
    return date_line(text) is not None


def tag_line(text: str) -> list[str] | None:
    """The tags of a ``Tags: a | b | c`` line, in order, or None."""
    m = _TAG_LINE.match(text)
    if not m:
        return None
    return split_list(m.group("tags"))


def split_list(value: str) -> list[str]:
    """Split ``a | b | c`` or ``a, b, c`` (or ``a; b``) into stripped, non-empty items."""
    sep = "|" if "|" in value else (";" if ";" in value else ",")
    return [item.strip(" .") for item in value.split(sep) if item.strip(" .")]


def labelled(text: str) -> tuple[str, str] | None:
    """``(key, value)`` for a ``Key: value`` metadata line; key lowercased, single-spaced."""
    m = _LABELLED.match(text)
    if not m:
        return None
    return " ".join(m.group("key").lower().split()), m.group("value").strip()


def comma_list(text: str) -> list[str] | None:
    """Items of a bare comma-separated keyword line (``donald trump, talks, venezuela``), or None."""
    if text.endswith((".", "!", "?")) or "," not in text:
        return None
    items = [item.strip() for item in text.split(",")]
    if len(items) < 2 or any(not item or len(item.split()) > 5 for item in items):
        return None
    return items


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_prose(line: Line) -> bool:
    """A paragraph of running text: a sentence ending in punctuation, or a long line."""
    if line.words >= 25:
        return True
    return line.words >= 3 and ends_sentence(line.text) and any(c.islower() for c in line.text)


def is_title_shaped(line: Line) -> bool:
    """A headline-like line: a few to ~30 words, not ending like a sentence, starting with a capital."""
    text = line.text
    if not 2 <= line.words <= 30 or len(text) > 250:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    first = text.lstrip("\"'“‘«(")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def is_person_name(text: str) -> bool:
    """2-5 capitalised name tokens (initials, particles and suffixes allowed), no role words."""
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or len(text) > 60:
        return False
    core = [t for t in tokens if t not in _NAME_SUFFIXES]
    if not core or core[0].lower() in _NAME_PARTICLES:
        return False
    for token in core:
        low = token.lower()
        if low in ROLE_WORDS or low in NOT_NAME_WORDS:
            return False
        if token.lower() in _NAME_PARTICLES:
            continue
        if not _NAME_TOKEN.match(token):
            return False
    return True


def name_case(text: str) -> str:
    """``ELENA MARCHETTI`` -> ``Elena Marchetti``; names already in mixed case are kept."""
    if not any(c.islower() for c in text):
        return " ".join(_cap(part) for part in text.split())
    return text


def _cap(word: str) -> str:
    out = re.sub(r"[A-Za-zÀ-ÿ]+", lambda m: m.group(0).capitalize(), word.lower())
    return re.sub(r"^(Mc|O['’])([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
