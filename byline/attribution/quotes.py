"""Who said what: direct, indirect and mixed quotes with their speakers, cues, relay outlets and dates.

One pass over the shared spaCy Doc (never re-parsed):

1. ``marks.scan_quotes`` finds the outermost quoted stretches (across paragraphs).
2. Every speech or stance verb outside quotation marks is an *attribution*:
   its speaker (the subject, or "according to X"), its reported content (a
   clausal complement), the relay outlet and the date in its clause.
3. An attribution whose content holds words outside quotation marks is an
   indirect quote, or a mixed one when a quoted fragment sits inside it.
4. Each remaining quoted stretch takes the attribution right after it
   (``"...," she said``) or right before it (``She said: "..."``); one with
   none continues the speaker of the previous quote in its paragraph or the
   paragraph before, or takes the attribution opening the next paragraph.
   Short stretches nobody said (nicknames, titles, scare quotes) are not quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from byline.attribution.cues import (
    BELIEF_VERBS, FRAGMENT_CUES, INFINITIVE_CUES, cue_text, is_cue,
)
from byline.attribution.marks import QuoteStretch, scan_quotes
from byline.attribution.relay import outlet_name
from byline.attribution.speakers import Registry, SpeakerPhrase, build_registry, describe, name_tokens
from byline.attribution.transcript import transcript_turns
from byline.model import Article, Quote, Speaker
from byline.nlp import ArticleDoc

try:  # times.py is another stage; until it exists said_on stays None
    from byline.attribution.times import time_in_range
except ImportError:  # pragma: no cover - depends on the checkout
    time_in_range = None

MIN_QUOTE_WORDS = 4  # fewer words, no cue: a nickname, title or scare quote, not a quote
_SENTENCE_END = frozenset(".!?")
_CONTENT_DEPS = ("ccomp",)
_MARK_WORDS = frozenset(("that", "if", "whether"))


@dataclass
class Attribution:
    """A cue with its speaker and, when it has one, its reported content (token range)."""

    cue: Token
    speaker_head: Token | None
    cue_text: str
    content: tuple[int, int] | None = None  # [start, end) token indices of the reported clause
    frame: list[Token] = field(default_factory=list)  # tokens of the attribution clause (for via and dates)
    phrase: SpeakerPhrase | None = None
    via: str | None = None
    said_on: str | None = None
    belief: bool = False


def annotate_quotes(article: Article, adoc: ArticleDoc) -> None:
    """Fill ``article.quotes`` from the shared parse ``adoc`` (see the module docstring)."""
    doc = adoc.doc
    if not len(doc):
        article.quotes = []
        return
    stretches = scan_quotes(doc.text, adoc.starts)
    in_quote = _quote_index(doc, stretches)
    registry = build_registry(doc)
    turns = transcript_turns(article)
    turn_paragraphs = {t.paragraph for t in turns}

    attributions = _attributions(doc, in_quote, adoc, turn_paragraphs)
    found: list[tuple[int, Quote, Attribution | None, int | None]] = []  # (sort key, quote, attribution, stretch)

    # indirect and mixed quotes: contents with words outside quotation marks
    claimed: set[int] = set()
    by_cue: dict[int, Attribution] = {}
    for attribution in attributions:
        by_cue[attribution.cue.i] = attribution
        if attribution.content is None:
            continue
        start, end = attribution.content
        outside = [t for t in doc[start:end] if in_quote[t.i] < 0 and not (t.is_punct or t.is_space)]
        inside = {in_quote[t.i] for t in doc[start:end] if in_quote[t.i] >= 0}
        if not outside:
            continue  # a direct quote: handled with the stretches
        if len(outside) < 2 and not inside:
            continue
        char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        for s in sorted(inside):
            stretch = stretches[s]
            if char_start <= stretch.start and stretch.end >= char_end - 1 and len(stretch.paragraphs) == 1:
                char_end = min(stretch.end + 1, len(doc.text))  # the fragment runs to its closing mark
        contained = {s for s in inside if _stretch_within(stretches[s], char_start, char_end)}
        claimed |= contained
        kind = "mixed" if contained else "indirect"
        quote = _make_quote(article, adoc, char_start, char_end, kind, [])
        if quote is not None:
            found.append((doc[start].idx, quote, attribution, None))

    # direct quotes: each stretch with the attribution around it
    direct: dict[int, Attribution | None] = {}
    for index, stretch in enumerate(stretches):
        if index in claimed or stretch.paragraphs[0] in turn_paragraphs:
            continue
        direct[index] = _attribution_for(doc, stretch, index, in_quote, by_cue)

    previous_by_paragraph: dict[int, Attribution] = {}
    last_any: dict[int, Attribution] = {}
    for attribution in attributions:
        paragraph = adoc.locate(attribution.cue.idx)[0]
        last_any[paragraph] = attribution
    for index in sorted(direct):
        stretch = stretches[index]
        attribution = direct[index]
        words = _word_count(doc.text[stretch.start : stretch.end])
        if attribution is None:
            if words < MIN_QUOTE_WORDS and len(stretch.paragraphs) == 1:
                continue  # nickname, title or scare quote
            attribution = _inherit(index, stretches, direct, previous_by_paragraph, last_any, attributions, adoc, doc, in_quote)
        elif attribution.cue.lemma_.lower() in FRAGMENT_CUES and words >= 12:
            attribution = attribution  # "called it ..." then a long quote: still theirs
        quote = _make_quote(article, adoc, stretch.start, stretch.end, "direct", stretch.pieces)
        if quote is None:
            continue
        if attribution is not None:
            previous_by_paragraph[stretch.paragraphs[-1]] = attribution
        found.append((stretch.start, quote, attribution, index))

    for turn in turns:
        quote = Quote(text=turn.text, kind="direct", paragraphs=[turn.paragraph], span=[turn.start, turn.end],
                      speaker=Speaker(mention=turn.label, kind="unknown"), cue=":")
        found.append((adoc.starts[turn.paragraph] + turn.start, quote, None, None))

    found.sort(key=lambda item: item[0])
    history: list[SpeakerPhrase] = []
    for _, quote, attribution, _ in found:
        if attribution is not None:
            if attribution.phrase is None and attribution.speaker_head is not None:
                attribution.phrase = describe(attribution.speaker_head, registry, history)
                attribution.via = _via(attribution)
                attribution.said_on = _said_on(article, adoc, attribution)
            if attribution.phrase is not None:
                quote.speaker = Speaker(**attribution.phrase.speaker.to_dict())
                if not history or history[-1] is not attribution.phrase:
                    history.append(attribution.phrase)
            quote.cue = attribution.cue_text
            quote.via = attribution.via
            quote.said_on = attribution.said_on
        elif quote.cue == ":":
            _resolve_turn(quote, registry)
        quote.speaker.entity = _entity_index(article, adoc, attribution)
    article.quotes = [q for _, q, _, _ in found]


# -- stretches and tokens ---------------------------------------------------------------


def _quote_index(doc: Doc, stretches: list[QuoteStretch]) -> list[int]:
    """For each token: the index of the stretch it lies in, -2 for a quote mark, -1 outside."""
    index = [-1] * len(doc)
    pieces = sorted((a, b, n) for n, s in enumerate(stretches) for a, b in s.pieces)
    k = 0
    for token in doc:
        while k < len(pieces) and pieces[k][1] < token.idx:
            k += 1
        if k < len(pieces) and pieces[k][0] <= token.idx < pieces[k][1]:
            index[token.i] = pieces[k][2]
        elif token.text in ('"', "“", "”", "‘", "’", "'", "«", "»", "``", "''"):
            index[token.i] = -2
    return index


def _stretch_within(stretch: QuoteStretch, start: int, end: int) -> bool:
    return start <= stretch.start and stretch.end <= end + 1


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


# -- attributions -----------------------------------------------------------------------


def _attributions(doc: Doc, in_quote: list[int], adoc: ArticleDoc, skip: set[int]) -> list[Attribution]:
    found: list[Attribution] = []
    for token in doc:
        if in_quote[token.i] != -1:
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            attribution = _according_to(doc, token, in_quote)
        elif is_cue(token):
            attribution = _verb_attribution(doc, token, in_quote)
        else:
            continue
        if attribution is None or adoc.locate(token.idx)[0] in skip:
            continue
        found.append(attribution)
    return found


def _speaker_head(cue: Token, in_quote: list[int]) -> Token | None:
    verb = cue
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and in_quote[child.i] == -1:
                if child.dep_ == "nsubjpass" and verb is cue:
                    return None  # "it was said that": no speaker
                if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                    return verb.head
                return child
        if verb is cue:
            # inverted order after a quote: '"...," said Paul' sometimes parses Paul as an object
            for child in verb.children:
                if child.dep_ in ("dobj", "attr", "npadvmod") and child.i > verb.i and child.pos_ == "PROPN" and in_quote[child.i] == -1:
                    if verb.lemma_ == "say" and outlet_name(child.text) is None:
                        return child
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        break
    return None


def _content(cue: Token, in_quote: list[int]) -> tuple[int, int] | None:
    """The reported clause of a cue: its clausal complement, or the clause it follows after a comma."""
    lemma = cue.lemma_.lower()
    for child in cue.children:
        if child.dep_ in _CONTENT_DEPS or (child.dep_ == "xcomp" and lemma in INFINITIVE_CUES):
            tokens = sorted(t.i for t in child.subtree)
            start, end = tokens[0], tokens[-1] + 1
            if start <= cue.i < end:
                return None
            return _trim(cue.doc, start, end)
    head = cue.head
    if cue.dep_ in ("parataxis", "ccomp", "advcl", "conj") and head.i < cue.i and head.pos_ in ("VERB", "AUX"):
        doc = cue.doc
        cue_left = min(t.i for t in cue.subtree)
        if cue_left > 0 and doc[cue_left - 1].text in (",", "—", "–") and lemma not in BELIEF_VERBS:
            start = min(t.i for t in head.subtree)
            return _trim(doc, start, cue_left)
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].is_punct and doc[start].text not in ('"', "“", "‘", "'", "«") or doc[start].is_space
                           or (doc[start].lower_ in _MARK_WORDS and doc[start].dep_ == "mark")):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ('"', "”", "’", "'", "»", ".", "?", "!")
                           or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def _verb_attribution(doc: Doc, cue: Token, in_quote: list[int]) -> Attribution | None:
    head = _speaker_head(cue, in_quote)
    lemma = cue.lemma_.lower()
    belief = lemma in BELIEF_VERBS
    content = _content(cue, in_quote)
    if belief and content is None:
        return None
    if head is None and content is None:
        return None
    if head is None:
        return None
    return Attribution(cue=cue, speaker_head=head, cue_text=cue_text(cue), content=content,
                       frame=_frame(cue, head, content), belief=belief)


def _according_to(doc: Doc, according: Token, in_quote: list[int]) -> Attribution | None:
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objects:
        return None
    head = objects[0]
    # the clause the phrase qualifies: the verb it hangs from, minus the phrase itself
    clause = according.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head is not clause:
        clause = clause.head
    phrase = sorted(t.i for t in according.subtree)
    tokens = sorted(t.i for t in clause.subtree if not (phrase[0] <= t.i <= phrase[-1]))
    content = None
    if tokens:
        if phrase[0] > tokens[0]:
            content = _trim(doc, tokens[0], phrase[0])
        else:
            content = _trim(doc, phrase[-1] + 1, tokens[-1] + 1)
    frame = list(doc[phrase[0] : phrase[-1] + 1])
    return Attribution(cue=according, speaker_head=head, cue_text="according to", content=content, frame=frame)


def _frame(cue: Token, head: Token, content: tuple[int, int] | None) -> list[Token]:
    """The attribution clause: speaker, cue, and the cue's (and its governing verb's) modifiers, minus the content."""
    inside = (lambda i: content[0] <= i < content[1]) if content else (lambda i: False)
    tokens = {t.i: t for t in head.subtree}
    tokens[cue.i] = cue
    verbs = [cue]
    if head.head is not cue and head.head.i != cue.i:
        verbs.append(head.head)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in ("prep", "npadvmod", "advmod", "dobj", "dative", "prt", "agent", "tmod", "obl"):
                for t in child.subtree:
                    tokens[t.i] = t
    return [tokens[i] for i in sorted(tokens) if not inside(i)]


# -- matching stretches to attributions -------------------------------------------------------


def _window(doc: Doc, in_quote: list[int], index: int, first: int, step: int, limit: int) -> list[Token]:
    """Tokens outside quotes from ``first`` in direction ``step`` up to another quote or a sentence end."""
    out: list[Token] = []
    i = first
    while 0 <= i < len(doc) and (i < limit if step > 0 else i >= limit):
        token = doc[i]
        if "\n\n" in token.text or (token.is_space and "\n" in token.text):
            break
        if in_quote[i] >= 0 and in_quote[i] != index:
            break
        if in_quote[i] == -1:
            if step < 0 and token.text in _SENTENCE_END:
                break
            out.append(token)
            if step > 0 and token.text in _SENTENCE_END:
                break
        i += step
    return out


def _attribution_for(doc: Doc, stretch: QuoteStretch, index: int, in_quote: list[int], by_cue: dict[int, Attribution]) -> Attribution | None:
    tokens = [t for t in doc if in_quote[t.i] == index] if False else None
    first_token = _token_at(doc, stretch.start)
    last_token = _token_at(doc, max(stretch.end - 1, stretch.start))
    if first_token is None or last_token is None:
        return None
    after = _window(doc, in_quote, index, last_token.i + 1, +1, len(doc))
    before = _window(doc, in_quote, index, first_token.i - 1, -1, 0)
    before.reverse()
    ending = doc.text[stretch.end - 1 : stretch.end] if stretch.end > stretch.start else ""
    after_first = after and after[0].text == ","
    candidates_after = [by_cue[t.i] for t in after if t.i in by_cue]
    candidates_before = [by_cue[t.i] for t in reversed(before) if t.i in by_cue]
    ordered = (candidates_after + candidates_before) if (ending in ",?!—–-…" or after_first or not before) else (candidates_before + candidates_after)
    for attribution in ordered:
        if attribution.belief:
            continue
        if _owns_other_content(doc, attribution, in_quote, index):
            continue
        return attribution
    return None


def _owns_other_content(doc: Doc, attribution: Attribution, in_quote: list[int], index: int) -> bool:
    """True when the cue reports a clause of its own (words outside any quote), not this stretch."""
    if attribution.content is None:
        return False
    start, end = attribution.content
    return any(in_quote[t.i] == -1 and not (t.is_punct or t.is_space) for t in doc[start:end])


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _inherit(index, stretches, direct, previous_by_paragraph, last_any, attributions, adoc, doc, in_quote):
    """A quote with no attribution of its own: same paragraph first, then the paragraph before, then after."""
    stretch = stretches[index]
    paragraph = stretch.paragraphs[0]
    same = [i for i in direct if stretches[i].paragraphs[-1] == paragraph and direct[i] is not None]
    earlier = [i for i in same if i < index]
    if earlier:
        return direct[earlier[-1]]
    later = [i for i in same if i > index]
    if later:
        return direct[later[0]]
    if paragraph - 1 in previous_by_paragraph:
        return previous_by_paragraph[paragraph - 1]
    following = _opening_attribution(adoc, attributions, paragraph + 1, doc, in_quote)
    if following is not None:
        return following
    if paragraph - 1 in last_any:
        return last_any[paragraph - 1]
    return None


def _opening_attribution(adoc, attributions, paragraph, doc, in_quote):
    """The attribution in the first sentence of ``paragraph`` when it reports no clause of its own."""
    if paragraph >= len(adoc.starts):
        return None
    for attribution in attributions:
        where, offset = adoc.locate(attribution.cue.idx)
        if where != paragraph:
            continue
        sentence = attribution.cue.sent
        if sentence.start_char > adoc.starts[paragraph] + 1:
            return None
        if attribution.content is None or not any(in_quote[t.i] == -1 and t.is_alpha for t in doc[attribution.content[0]:attribution.content[1]]):
            return attribution
        content = doc[attribution.content[0]:attribution.content[1]]
        if len(content) <= 2 and content[0].lower_ in ("that", "this", "so", "it"):
            return attribution
        return None
    return None


# -- record fields -------------------------------------------------------------------------


def _make_quote(article: Article, adoc: ArticleDoc, start: int, end: int, kind: str, pieces) -> Quote | None:
    text = adoc.doc.text
    if pieces:
        parts = []
        for a, b in pieces:
            parts.append(" ".join(text[a:b].split()))
        joined = " ".join(p for p in parts if p)
    else:
        joined = " ".join(text[start:end].split())
    stripped = joined.rstrip(" ,;:—–-")
    stripped = stripped.strip()
    lead = len(joined) - len(joined.lstrip())
    if not stripped or not any(c.isalnum() for c in stripped):
        return None
    first_end = pieces[0][1] if pieces else end
    paragraph, offset = adoc.locate(start)
    if pieces:
        paragraphs = sorted({adoc.locate(a)[0] for a, _ in pieces})
    else:
        paragraphs = sorted({paragraph, adoc.locate(max(end - 1, start))[0]})
    first_len = len(" ".join(text[start:first_end].split()).rstrip(" ,;:—–-")) if len(paragraphs) == 1 else first_end - start
    return Quote(text=stripped, kind=kind, paragraphs=paragraphs, span=[offset + lead, offset + lead + min(first_len, first_end - start)])


def _via(attribution: Attribution) -> str | None:
    phrase = attribution.phrase
    if phrase is not None and phrase.speaker.kind == "organization":
        outlet = outlet_name(phrase.speaker.mention or "") or outlet_name(phrase.speaker.name or "")
        if outlet:
            return phrase.speaker.name or outlet
    speaker_tokens = set(t.i for t in attribution.speaker_head.subtree) if attribution.speaker_head is not None else set()
    for token in attribution.frame:
        if token.i in speaker_tokens or token.i == attribution.cue.i:
            continue
        if token.pos_ not in ("PROPN", "NOUN") and token.ent_type_ != "ORG" and not token.is_title:
            continue
        if token.pos_ == "NOUN" and token.lower_ not in ("newspaper", "paper", "outlet", "network", "agency", "station", "magazine"):
            continue
        candidates = [" ".join(t.text for t in name_tokens(token))]
        if token.ent_type_ == "ORG" and token.ent_iob_ != "O":
            start = token.i
            while start > 0 and token.doc[start].ent_iob_ == "I":
                start -= 1
            candidates.append(token.doc[start:token.i + 1].text)
        if token.i > 0 and token.doc[token.i - 1].lower_ == "the":
            candidates.append("the " + token.text)
        for candidate in candidates:
            outlet = outlet_name(candidate)
            if outlet:
                return outlet
    return None


def _said_on(article: Article, adoc: ArticleDoc, attribution: Attribution) -> str | None:
    if time_in_range is None:
        return None
    dates = [t for t in attribution.frame if t.ent_type_ in ("DATE", "TIME")]
    if not dates:
        return None
    start, end = dates[0].idx, dates[-1].idx + len(dates[-1].text)
    paragraph, offset = adoc.locate(start)
    found = time_in_range(article, paragraph, offset, offset + (end - start))
    return getattr(found, "resolved", None) if found is not None else None


def _entity_index(article: Article, adoc: ArticleDoc, attribution: Attribution | None) -> int | None:
    if not article.entities or attribution is None or attribution.phrase is None:
        return None
    phrase = attribution.phrase
    if not phrase.speaker.name:
        return None  # an unnamed source is not the organisation its descriptor names
    paragraph, offset = adoc.locate(phrase.start)
    end = offset + (phrase.end - phrase.start)
    for index, entity in enumerate(article.entities):
        for mention in entity.mentions:
            if mention.paragraph == paragraph and mention.span[0] < end and offset < mention.span[1]:
                return index
    name = (phrase.speaker.name or "").lower()
    if name:
        for index, entity in enumerate(article.entities):
            if entity.name.lower() == name:
                return index
    return None


def _resolve_turn(quote: Quote, registry: Registry) -> None:
    """A transcript turn: "Q" is the interviewer; a named label resolves like any name."""
    label = quote.speaker.mention or ""
    if label.upper() in ("Q", "QUESTION"):
        quote.speaker.descriptor = "interviewer"
        return
    if label.upper() in ("A", "ANSWER") and registry.people:
        person = registry.people[0]
    else:
        person = registry.resolve(label.title()) or registry.resolve(label.split()[-1].title())
    if person is not None:
        quote.speaker.name = person.name
        quote.speaker.descriptor = person.descriptor
        quote.speaker.kind = "person"
    elif label.upper() not in ("A", "ANSWER"):
        quote.speaker.name = label.title() if label.isupper() else label
        quote.speaker.kind = "person"
