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
5. Speakers are resolved in reading order (speakers.py): surnames to full
   names, pronouns to the last compatible named person, roles to their holder.

``find_quotes`` also says which quote continues the one before (a split
quote's second half), for consumers that want one statement per record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from byline.attribution.cues import (
    BELIEF_VERBS, CHANNEL_NOUNS, INFINITIVE_CUES, NOUN_PREPOSITIONS, OBJECT_CUES, PREPOSITION_CUES, SPEECH_NOUNS,
    STANCE_ADJECTIVES, FRAGMENT_CUES, clear_of, cue_text, is_cue, is_speech, judges_as,
)
from byline.attribution.entities import employers
from byline.attribution.marks import QuoteStretch, scan_quotes
from byline.attribution.relay import GENERIC_OUTLETS, outlet_name, relayed_by
from byline.attribution.speakers import (
    Registry, SpeakerPhrase, age_of_nominal, build_registry, describe, name_tokens,
)
from byline.attribution.times import TIME_LEADERS
from byline.attribution.transcript import ROLE_LABELS, interviewee, transcript_turns
from byline.model import Article, Quote, Speaker
from byline.nlp import ArticleDoc, doc_text

try:  # times.py is another stage; until it exists said_on stays None
    from byline.attribution.times import time_in_range
except ImportError:  # pragma: no cover - depends on the checkout
    time_in_range = None

_COARSE = frozenset("week weeks month months year years weekend decade season spring summer fall autumn winter".split())
MIN_QUOTE_WORDS = 4  # fewer words and no cue: a nickname, title or scare quote, not a quote
NP_CONTENT = True  # speech acts with a noun-phrase content count as indirect quotes
ONE_WORD_POS = ("PROPN", "NOUN")  # a one-word stance object is content when it names something ("opposes abortion")
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
    object_content: bool = False  # the content is a noun phrase ("announced his retirement"), not a clause


@dataclass
class FoundQuote:
    """A quote and whether it continues the quote before it (same attribution, none of its own:
    the second half of ``"X," she said. "Y."`` or an unattributed paragraph that goes on)."""

    quote: Quote
    continues: bool = False


def annotate_quotes(article: Article, adoc: ArticleDoc) -> None:
    """Fill ``article.quotes`` from the shared parse ``adoc`` (see the module docstring)."""
    article.quotes = [found.quote for found in find_quotes(article, adoc)]


def find_quotes(article: Article, adoc: ArticleDoc) -> list[FoundQuote]:
    """The quotes of an article in reading order, each marked when it continues the one before."""
    doc = adoc.doc
    if not len(doc):
        return []
    stretches = [s for s in scan_quotes(_text(doc), adoc.starts)
                 if not _is_nickname(_text(doc), s) and not _scare_quoted(_text(doc), s) and not _title_like(_text(doc), s)
                 and not _markup_value(_text(doc), s)]
    in_quote = _quote_index(doc, stretches)
    turns = transcript_turns(article)
    known = [(e.name, list(e.roles)) for e in article.entities if e.kind == "person"]
    answering = interviewee(article, turns) if not known else None
    registry = build_registry(doc, known + ([(answering, [])] if answering else []), employers(article.entities))
    registry.outside(lambda offset: (token := _token_at(doc, offset)) is not None and in_quote[token.i] >= 0)
    turn_paragraphs = {t.paragraph for t in turns}

    para_of = _paragraph_of_tokens(doc, adoc)
    attributions = _attributions(doc, in_quote, para_of, turn_paragraphs)
    found: list[tuple[int, Quote, Attribution | None, int | None]] = []  # (sort key, quote, attribution, stretch)

    # indirect and mixed quotes: contents with words outside quotation marks
    claimed: set[int] = set()
    by_cue: dict[int, Attribution] = {}
    nearest: dict[tuple[int, int], Attribution] = {}  # one report per content: the cue nearest to it
    for attribution in attributions:
        if attribution.content is not None:
            other = nearest.get(attribution.content)
            if other is None or abs(attribution.content[0] - attribution.cue.i) < abs(attribution.content[0] - other.cue.i):
                nearest[attribution.content] = attribution
    for attribution in attributions:
        by_cue[attribution.cue.i] = attribution
        if attribution.content is None or nearest[attribution.content] is not attribution:
            continue
        start, end = attribution.content
        end = _with_closing_quotation(doc, start, end, in_quote, stretches)
        outside = [t for t in doc[start:end] if in_quote[t.i] < 0 and not (t.is_punct or t.is_space)]
        inside = {in_quote[t.i] for t in doc[start:end] if in_quote[t.i] >= 0}
        if not outside:
            continue  # a direct quote: handled with the stretches
        if _holds_its_speaker(attribution, start, end):
            continue  # the "content" holds its own speaker: a misread sentence, not a report
        if len(outside) < 2 and not inside and not (attribution.object_content and outside and outside[0].pos_ in ONE_WORD_POS):
            continue  # one word is no statement; a named object of a stance is ("endorsed Ruiz")
        if end - start > 1 and doc[end - 1].text == "." and in_quote[end - 1] == -1:
            end -= 1  # the sentence's full stop is not part of the reported clause
        char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        for s in sorted(inside):
            stretch = stretches[s]
            if char_start <= stretch.start and stretch.end >= char_end - 1 and len(stretch.paragraphs) == 1:
                char_end = _after_marks(_text(doc), stretch.end)  # the fragment runs to its closing mark
        if char_start in adoc.starts:
            char_start = _after_dateline(_text(doc), char_start, char_end)
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
    inherited: set[int] = set()
    for index in sorted(direct):
        stretch = stretches[index]
        attribution = direct[index]
        words = _word_count(_text(doc)[stretch.start : stretch.end])
        if attribution is None:
            if words < MIN_QUOTE_WORDS and len(stretch.paragraphs) == 1 and not _sentence_like(_text(doc), stretch):
                continue  # nickname, title or scare quote
            attribution = _dash_signature(doc, stretch, in_quote, para_of)
            if attribution is None:
                attribution = _inherit(index, stretches, direct, previous_by_paragraph, last_any, attributions, adoc, doc, in_quote)
                inherited.add(index)
        fragment = None
        if attribution is not None:
            fragment = _fragment_clause(doc, attribution, stretch, in_quote) or _lead_in(doc, attribution, stretch, in_quote)
        if fragment is not None:  # 'called the plan "reckless"': the quoted words inside the speaker's phrase
            quote = _make_quote(article, adoc, fragment[0], fragment[1], "mixed", [])
        else:
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

    serving = {id(direct[i]) for i in direct if direct[i] is not None}
    found = [item for item in found if not (item[3] is None and item[2] is not None and item[2].object_content
                                            and id(item[2]) in serving and item[1].kind == "indirect")]
    found.sort(key=lambda item: item[0])
    history: list[SpeakerPhrase] = []
    named_outlets: list[str] = []  # relay outlets by name, in reading order: what "the paper" means
    out: list[FoundQuote] = []
    previous: Attribution | None = None
    previous_direct = False
    for _, quote, attribution, index in found:
        # the second half of '"X," she said, "Y."' (the same cue on both sides) or an unattributed stretch that goes on
        same_statement = attribution is not None and attribution is previous and index is not None \
            and (index in inherited or (previous_direct and quote.kind == "direct"))
        out.append(FoundQuote(quote, continues=same_statement))
        previous = attribution
        previous_direct = index is not None and quote.kind == "direct"
        if attribution is not None:
            if attribution.phrase is None and attribution.speaker_head is not None:
                attribution.phrase = describe(attribution.speaker_head, registry, history)
                relative = _relative_subject(attribution.cue)
                if relative is not None:  # "Trump, who said ...": the words of this attribution are "who"
                    attribution.phrase.speaker.mention = relative.text
                attribution.via = _full_outlet(_via(attribution), _text(doc)[: attribution.cue.idx], named_outlets)
                if attribution.via and attribution.via.lower() not in GENERIC_OUTLETS:
                    named_outlets.append(attribution.via)
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
    return out


# -- stretches and tokens ---------------------------------------------------------------


_text = doc_text


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


def _is_nickname(text: str, stretch: QuoteStretch) -> bool:
    """A short capitalised stretch between two capitalised words: Tom "Tank" Reilly, Danny "The Dimple" Kerr."""
    if len(stretch.pieces) != 1:
        return False
    inner = text[stretch.start : stretch.end].split()
    if not inner or len(inner) > 3 or not all(w[:1].isupper() for w in inner):
        return False
    before = text[max(0, stretch.start - 40) : stretch.start - 1].split()
    after = text[stretch.end + 1 : stretch.end + 40].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper()
                and before[-1][-1].isalpha() and after[0][0].isalpha())


_SMALL_WORDS = frozenset("a an the of and or in on for to at by with from as but nor vs".split())


def _title_like(text: str, stretch: QuoteStretch) -> bool:
    """A title of a work or a headline ("The Art of the Deal"): short, every word capitalised."""
    words = [w.strip(".,!?:;—-()[]'\"") for w in text[stretch.start : stretch.end].split()]
    words = [w for w in words if w and w.lower() not in _SMALL_WORDS]
    return 2 <= len(words) <= 10 and all(w[0].isupper() or w[0].isdigit() for w in words)


def _holds_its_speaker(attribution: Attribution, start: int, end: int) -> bool:
    """True when the speaker sits inside the reported words outside the cue's own phrase
    ("Ruiz's son, Tomas, defended his mother Tuesday on Facebook" read as Tomas reporting it);
    "The pumps, Ruiz said, were broken" keeps its speaker in the cue's phrase and is fine."""
    head = attribution.speaker_head
    if head is None or attribution.cue.lower_ == "according" or not start <= head.i < end:
        return False
    cue_span = [t.i for t in attribution.cue.subtree]
    return not min(cue_span) <= head.i <= max(cue_span)


def _after_marks(text: str, end: int) -> int:
    """The offset after the closing mark(s) at ``end`` ('' and ," count whole)."""
    k = end
    while k < len(text) and k < end + 3 and text[k] in "\"'”’»`":
        k += 1
    return max(k, min(end + 1, len(text)))


def _sentence_like(text: str, stretch: QuoteStretch) -> bool:
    """A short stretch that is a sentence of its own ("That's all."), not a phrase inside one."""
    inner = text[stretch.start : stretch.end].strip()
    before = text[: max(stretch.start - 1, 0)].rstrip()
    return bool(inner) and inner[0].isupper() and inner[-1] in ".!?" and (not before or before[-1] in ".!?:\"”\n")


def _scare_quoted(text: str, stretch: QuoteStretch) -> bool:
    return text[max(0, stretch.start - 12) : stretch.start].lower().rstrip(' "“‘\'').endswith(("so-called", "so called"))


def _markup_value(text: str, stretch: QuoteStretch) -> bool:
    """Markup left in the text (author="...", tweet_id="..."): an attribute value, not words."""
    return text[max(0, stretch.start - 3) : stretch.start].rstrip('"“‘\'').endswith("=")


# A wire dateline opening a paragraph: "ORVANO, May 5 — ", "WASHINGTON (AP) — ", "LONDON, Jan. 3 (Reuters) - ".
_DATELINE = re.compile(r"[A-Z][A-Z.'’ ]{2,40}(?:,[ A-Za-z.]{2,30}(?: \d{1,2})?)?(?: ?\([^()]{1,40}\))? ?[—–-]{1,2} ")


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a reported clause begins once the dateline that opens its paragraph is left out."""
    found = _DATELINE.match(text, start, end)
    return found.end() if found and found.end() < end else start


def _stretch_within(stretch: QuoteStretch, start: int, end: int) -> bool:
    return start <= stretch.start and stretch.end <= end + 1


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


# -- attributions -----------------------------------------------------------------------


def _attributions(doc: Doc, in_quote: list[int], para: list[int], skip: set[int]) -> list[Attribution]:
    found: list[Attribution] = []
    for token in doc:
        if in_quote[token.i] != -1:
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            attribution = _according_to(doc, token, in_quote, para)
        elif is_cue(token):
            attribution = _verb_attribution(doc, token, in_quote, para)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS:
            attribution = _noun_attribution(doc, token, in_quote, para)
        elif token.dep_ == "acomp" and token.lower_ in STANCE_ADJECTIVES:
            attribution = _adjective_attribution(doc, token, in_quote, para)
        elif token.text == ":":
            attribution = _name_colon_line(doc, token, in_quote, para)
        else:
            continue
        if attribution is None or para[token.i] in skip:
            continue
        found.append(attribution)
    return _drop_nested(_drop_inside_speakers(found))


_LINE_WORDS = 40  # a "Name: words" line longer than this is prose, not a headline-style attribution


def _name_colon_line(doc: Doc, colon: Token, in_quote: list[int], para: list[int]) -> Attribution | None:
    """'Graham: Trump's rhetoric is costing us the election': a short paragraph that opens with a person's name and a
    colon, the headline and round-up convention for "Graham says". Not labels ("UPDATE:"), not places or dates."""
    i = colon.i - 1
    while i >= 0 and para[i] == para[colon.i] and doc[i].pos_ == "PROPN" and in_quote[i] == -1:
        i -= 1
    first = i + 1
    if first == colon.i or (i >= 0 and para[i] == para[colon.i]) or colon.i - first > 4:
        return None  # not at the start of its paragraph, or no name
    name = doc[first : colon.i]
    if name.text.isupper() or any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in name) and not any(
            t.ent_type_ == "PERSON" for t in name):
        return None
    end = colon.i + 1
    while end < len(doc) and para[end] == para[colon.i]:
        end += 1
    words = [t for t in doc[colon.i + 1 : end] if not (t.is_punct or t.is_space)]
    if not words or len(words) > _LINE_WORDS:
        return None
    content = _trim(doc, colon.i + 1, end)
    return Attribution(cue=colon, speaker_head=doc[colon.i - 1], cue_text=":", content=content, frame=list(name) + [colon])


def _drop_inside_speakers(found: list[Attribution]) -> list[Attribution]:
    """A cue inside another attribution's speaker phrase describes the speaker ("who spoke on condition of anonymity")."""
    inside: dict[int, set[int]] = {}  # token -> the cues whose speaker phrase holds it
    for attribution in found:
        if attribution.speaker_head is not None and attribution.cue.lower_ not in ("according", ":"):
            for t in attribution.speaker_head.subtree:
                inside.setdefault(t.i, set()).add(attribution.cue.i)
    # (a relative clause inside its own speaker's phrase is that speaker's stance: "the union, which backs Ruiz,")
    return [a for a in found if not (inside.get(a.cue.i, set()) - {a.cue.i}) or any(c.dep_ == "ccomp" for c in a.cue.children)
            or a.cue.text == ":"]


def _paragraph_of_tokens(doc: Doc, adoc: ArticleDoc) -> list[int]:
    """Paragraph index of every token (the parse can run a sentence over a paragraph break; we never do)."""
    out = [0] * len(doc)
    starts = adoc.starts
    k = 0
    for token in doc:
        while k + 1 < len(starts) and token.idx >= starts[k + 1]:
            k += 1
        out[token.i] = k
    return out


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """An attribution inside another's reported clause ("she said he expected ...") is part of that quote.
    An outlet that reports a statement reports the whole of it: in "the mayor said the bridge would reopen,
    Axios reported" (which the parser can read as Axios inside the mayor's clause) Axios is the speaker and
    the mayor's statement its content, as in "..., the Post reported" anywhere else."""
    outer_of = {a.cue.i: [o for o in found if o.content and o.content[0] <= a.cue.i < o.content[1] and o.content != a.content]
                for a in found}
    for attribution in found:
        outer = outer_of[attribution.cue.i]
        if not outer or attribution.content is None:
            continue
        statement = next((o for o in outer if _reports(attribution, o)), None)
        if statement is not None and statement.speaker_head is not None:
            first = min(t.i for t in statement.speaker_head.subtree)
            attribution.content = _trim(attribution.cue.doc, min(first, statement.content[0]), attribution.content[1])
            statement.content = None
            continue
        attribution.content = None  # still a cue for a direct quote, no separate indirect quote
    return found


def _reports(outlet: Attribution, statement: Attribution) -> bool:
    """An outlet's cue after the statement it reports, hung by the parser inside that statement's clause."""
    if outlet.speaker_head is None or statement.speaker_head is None or outlet.cue.head.i != statement.cue.i:
        return False
    if outlet.content is None or outlet.content[1] > outlet.cue.i or statement.cue.i > outlet.content[0]:
        return False
    return outlet_name(" ".join(t.text for t in name_tokens(outlet.speaker_head))) is not None


def _speaker_head(cue: Token, in_quote: list[int], para: list[int]) -> Token | None:
    verb = cue
    doc = cue.doc
    if _passive(cue):
        return None  # "had been promised only 600", "was told to leave": the subject heard it, someone else spoke
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        named = _name_between_quote_and_cue(cue, in_quote, para)
        if named is not None:
            return named
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _is_time_word(c)]
        usable = [c for c in subjects if in_quote[c.i] == -1 and para[c.i] == para[cue.i]]
        if subjects and not usable:
            return None  # the subject is inside a quote or another paragraph: not an attribution
        for child in usable:
            if child.dep_ == "nsubjpass" and verb is cue:
                return None  # "it was said that": no speaker
            if child.lower_ in ("who", "that", "which", "whom") or child.tag_ in ("WDT", "WP"):
                # a relative clause: "a report that said ...", "Smith, who told ..."
                return verb.head if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") else None
            if child.lower_ in ("what", "this", "there", "it"):
                return None
            return child
        if verb is cue:
            # "Reilly said" with the name mis-parsed as a modifier of the verb
            if cue.i > 0:
                before = doc[cue.i - 1]
                if before.head.i == cue.i and before.dep_ in ("advmod", "npadvmod", "dep", "compound", "amod") \
                        and in_quote[before.i] == -1 and not _is_time_word(before) and (is_age_nominal(before) or (
                            before.dep_ != "amod" and (before.pos_ in ("PROPN", "PRON") or before.is_title)
                            and before.lower_ not in ("so", "also", "then"))):
                    return before
            # inverted order right after a quote and a comma: '"...," laughed her grandson' (speaker parsed as object)
            # ('"...," laughed her grandson'; not a participle going on: 'was "corrupt," noting that it ...')
            right_after_quote = _right_after_quote(cue, in_quote) and cue.tag_ != "VBG"
            for child in verb.children:
                if child.dep_ in ("dobj", "attr", "npadvmod", "dative") and child.i > verb.i and in_quote[child.i] == -1:
                    if outlet_name(child.text) is not None or para[child.i] != para[cue.i]:
                        continue
                    if (verb.lemma_ == "say" and child.pos_ == "PROPN") or (right_after_quote and (
                            child.pos_ in ("PROPN", "NOUN") or child.lower_ in ("one", "another"))):
                        first = min(t.i for t in child.subtree)
                        if right_after_quote and first == cue.i + 1 and doc[first].pos_ in ("PROPN", "NOUN"):
                            return _end_of_name_chain(doc[first], in_quote, para)
                        return child
            if right_after_quote and not subjects:
                # '"...," said retired neurosurgeon Ben Carson, asked about ...': the first noun phrase after the cue
                for token in doc[cue.i + 1 : min(cue.i + 9, len(doc))]:
                    if token.is_punct or in_quote[token.i] != -1 or para[token.i] != para[cue.i]:
                        break
                    named = token.pos_ in ("PROPN", "NOUN", "PRON") or (token.is_title and token.pos_ in ("ADV", "ADJ", "X"))
                    if named and token.pos_ != "PRON":
                        return _end_of_name_chain(token, in_quote, para)
                    if named and token.dep_ not in ("compound", "amod", "poss", "nmod"):
                        return token
        if verb is cue and not subjects:
            positional = _subject_by_position(cue, in_quote, para)
            if positional is not None:
                return positional
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and is_cue(verb.head.head):
            # "said X and urged Y": the second verb was parsed into the first one's clause
            verb = verb.head.head
            continue
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in CHANNEL_NOUNS and verb.head.dep_ in ("dobj", "pobj") \
                and verb.head.head.pos_ in ("VERB", "AUX", "ADP"):
            # "she released a statement saying ...", "he posted on Twitter a message saying ...": the poster speaks
            verb = verb.head.head if verb.head.head.pos_ != "ADP" else verb.head.head.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb is cue and cue.dep_ == "acl" and cue.i > 0 and doc[cue.i - 1].text == "," and cue.head.pos_ in ("PROPN", "NOUN"):
            return cue.head  # "Ryan, the party's leader, called ..." parsed as a modifier of Ryan (not "a plan called X")
        break
    return None


def _end_of_name_chain(token: Token, in_quote: list[int], para: list[int]) -> Token:
    """The last word of the noun chain a speaker phrase starts with: 'said Oversight ranking Democrat Elijah Cummings'
    -> Cummings, "said Smith's lawyer" -> lawyer (the parse of such inverted phrases is often broken)."""
    doc = token.doc
    last_noun, last_name = token, token if token.pos_ == "PROPN" else None
    i = token.i + 1
    while i < len(doc) and i - token.i < 9 and in_quote[i] == -1 and para[i] == para[token.i] and not doc[i].is_punct \
            and not doc[i].is_space and doc[i].pos_ not in ("ADP", "DET", "AUX", "CCONJ", "SCONJ", "PRON") and doc[i].tag_ != "WDT":
        if doc[i].pos_ == "PROPN":
            last_name = doc[i]
        elif doc[i].pos_ == "NOUN":
            last_noun = doc[i]
        i += 1
    return last_name or last_noun


def _right_after_quote(cue: Token, in_quote: list[int]) -> bool:
    """The cue comes right after a quotation and its comma: '"...," said Ruiz'."""
    doc = cue.doc
    k = cue.i - 1
    saw_comma = False
    while k >= 0 and (in_quote[k] == -2 or doc[k].text == ","):
        saw_comma = saw_comma or doc[k].text == ","
        k -= 1
    return saw_comma and k >= 0 and in_quote[k] >= 0


def _name_between_quote_and_cue(cue: Token, in_quote: list[int], para: list[int]) -> Token | None:
    """''"...," Mr. Daniloff, now 81 and retired in Cambridge, said'': a name right after a quote and its comma, with
    an aside before the cue, that the parse did not make the cue's subject. The head of the name's noun chain."""
    doc = cue.doc
    k = cue.i - 1
    while k >= 0 and in_quote[k] == -1 and para[k] == para[cue.i] and doc[k].text not in _SENTENCE_END and cue.i - k < 16:
        k -= 1
    if k < 0 or in_quote[k] == -1 or k + 2 >= cue.i:
        return None
    start = k + 1
    while start < cue.i and (in_quote[start] != -1 or doc[start].text == ","):
        start += 1
    if start >= cue.i or not any(doc[j].text == "," for j in range(max(k - 1, 0), start)) or doc[start].pos_ != "PROPN":
        return None
    end = start
    while end + 1 < cue.i and doc[end + 1].pos_ == "PROPN":
        end += 1
    if end + 1 >= cue.i or doc[end + 1].text != "," or any(is_cue(t) for t in doc[end + 1 : cue.i] if t.pos_ == "VERB" and t.tag_ != "VBN"):
        return None
    return doc[end]


def _relative_subject(cue: Token) -> Token | None:
    """The relative pronoun that is the cue's subject ("who said"), if any."""
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in ("who", "that", "which") or child.tag_ in ("WDT", "WP")):
            return child if cue.dep_ in ("relcl", "acl") else None
    return None


_TIME_WORDS = frozenset("""earlier later moments minutes hours days weeks months years ago today yesterday tonight
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week month year""".split())


def _is_time_word(token: Token) -> bool:
    return (token.ent_type_ in ("DATE", "TIME") or token.lower_ in _TIME_WORDS) and not is_age_nominal(token)


def is_age_nominal(token: Token) -> bool:
    """'the 43-year-old said': an age used as a noun names a person, though the model tags it as a date."""
    return age_of_nominal(token) is not None and token.head.pos_ in ("VERB", "AUX")


def _subject_by_position(cue: Token, in_quote: list[int], para: list[int]) -> Token | None:
    """'Reilly said ...' at a paragraph start that the parse tied to the paragraph before: the name right before the cue."""
    doc = cue.doc
    i = cue.i - 1
    if i < 0 or in_quote[i] != -1 or para[i] != para[cue.i] or doc[i].pos_ not in ("PROPN", "NOUN") and not doc[i].is_title:
        return None
    if _is_time_word(doc[i]):
        return None  # "On Saturday, said ...", "Moments earlier said ...": a time, not a speaker
    j = i
    while j - 1 >= 0 and para[j - 1] == para[cue.i] and in_quote[j - 1] == -1 and (doc[j - 1].pos_ in ("PROPN", "NOUN", "DET", "ADJ") or doc[j - 1].is_title):
        j -= 1
    boundary = j == 0 or para[j - 1] != para[cue.i] or doc[j - 1].is_punct or doc[j - 1].is_space
    return doc[i] if boundary else None


def _clause_range(child: Token, cue: Token, para: list[int]) -> tuple[int, int] | None:
    """Token range of a clause, in the cue's paragraph, cut before a coordinated speech verb ("... and urged")."""
    stop = {c.i for c in child.children if c.dep_ == "conj" and c.i > child.i and _second_speech_act(c)}
    stop |= {t.i for t in child.subtree if t.i > child.i and _next_speaker_clause(t)}
    stop |= {c.i for c in child.children if c.i > child.i and _speaker_goes_on(c, cue)}
    cut = min((min(t.i for t in child.doc[i].subtree) for i in stop), default=None)
    tokens = [t.i for t in child.subtree if para[t.i] == para[cue.i] and (cut is None or t.i < cut)]
    if not tokens:
        return None
    start, end = min(tokens), max(tokens) + 1
    doc = child.doc
    if cut is None and end < len(doc) and doc[end].i != cue.i and is_speech(doc[end]) and doc[end].i > cue.i:
        # "..., and four in 10 said ...": the next speaker was parsed into this clause; it ends at the joiner
        joiners = [i for i in range(start + 1, end) if doc[i].lower_ in ("and", "while", "but") and doc[i - 1].text == ","]
        if joiners:
            cut = end = joiners[-1]
    if cut is None:
        end = _before_trailing_gloss(doc, start, end)
        end = _before_trailing_speech_participle(doc, start, end)
        end = _before_trailing_date(doc, start, end)
    if cut is not None:
        while end > start and doc[end - 1].lower_ in _CLAUSE_JOINERS:
            end -= 1
    if start <= cue.i < end:
        return None
    return start, end


# Object cues whose prepositional complement is part of what was said: "blamed the law on Democrats".
_REASON_PREPS = {"blame": ("on", "for"), "accuse": ("of",), "criticize": ("for", "over"), "criticise": ("for", "over"),
                 "praise": ("for",), "defend": ("against",), "urge": ("to",), "challenge": ("to", "on"),
                 "condemn": ("for",), "rebuke": ("for",), "applaud": ("for",), "slam": ("for", "over"),
                 "blast": ("for", "over"), "assail": ("for",), "welcome": ("as",), "hail": ("as",),
                 "dismiss": ("as",), "reject": ("as",), "question": ("about", "on"), "propose": ("to", "for"),
                 "attack": ("for", "over"), "denounce": ("for", "as"), "fault": ("for",), "thank": ("for",)}
_MODALS = frozenset("would will could can might may should must 'd ’d 'll ’ll".split())


def _second_speech_act(verb: Token) -> bool:
    """A speech verb coordinated with the reported clause that is the speaker's next act ("said X and urged Y"),
    not part of what was reported ("said she was X and would back Y", "knew X and thought Y", "said the town
    had asked for 2,000 but had been promised 600")."""
    # "and called it X", "and accused the backers of Y": a judgement of someone, in the speaker's own simple tense
    labels = (verb.lemma_.lower() in FRAGMENT_CUES or verb.lemma_.lower() in _REASON_PREPS) \
        and any(c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return ((is_speech(verb) or labels) and verb.lemma_.lower() not in ("find", "rule") and not _passive(verb)
            and not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children))


def _passive(verb: Token) -> bool:
    """A verb in the passive without a "by" agent: its subject was told, asked or promised, and did not speak.
    (A contracted "'s" is left out: "who's argued for years" is "has argued", which the parser often reads as "is".)"""
    return (any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in verb.children)
            and not any(c.dep_ == "agent" for c in verb.children))


def _speaker_goes_on(verb: Token, cue: Token) -> bool:
    """", and he railed against ...": a clause coordinated after a comma whose subject is the speaker again
    (the same name, or he/she/they when the speaker is not a pronoun) tells what the speaker did next."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    joiner = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    if not subjects or not joiner or joiner[-1].i == 0 or verb.doc[joiner[-1].i - 1].text != ",":
        return False
    speaker = [c for c in cue.children if c.dep_ == "nsubj"]
    if not speaker or speaker[0].pos_ == "PRON":
        return False
    subject = subjects[0]
    return subject.text == speaker[0].text or (subject.lower_ in ("he", "she") and speaker[0].pos_ == "PROPN")


def _before_trailing_gloss(doc: Doc, start: int, end: int) -> int:
    """Where the reported clause ends when a non-restrictive relative clause closes it (", who also held a
    rally ...", ", which is spread by mosquitoes"): the writer's gloss on a name, not the speaker's words."""
    for token in doc[start:end]:
        if token.dep_ != "relcl" or token.head.pos_ != "PROPN" and token.head.lemma_.lower() not in ("virus", "law", "bill", "program"):
            continue
        left = min(t.i for t in token.subtree)
        right = max(t.i for t in token.subtree) + 1
        if left - 1 > start and doc[left - 1].text == "," and doc[left].lower_ in ("who", "which") and right >= end - 1:
            return left - 1
    return end


def _before_trailing_speech_participle(doc: Doc, start: int, end: int) -> int:
    """Where the reported clause ends when the speaker's next act follows it (", telling reporters that ...",
    ", noting that ...", ", adding ..."): the participle is the speaker's, even when the parse hangs it on the clause."""
    for token in doc[start + 1 : end]:
        if token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj", "acl") and is_speech(token) \
                and doc[token.i - 1].text == "," and token.head.i < token.i and max(t.i for t in token.subtree) + 2 >= end:
            return token.i - 1
    return end


def _before_trailing_date(doc: Doc, start: int, end: int) -> int:
    """'announced his candidacy in June 2015': the date of the act closing a noun-phrase content is the frame."""
    last = doc[end - 1]
    if last.ent_type_ not in ("DATE", "TIME"):
        return end
    prep = next((a for a in last.ancestors if a.dep_ == "prep" and start < a.i < end), None)
    if prep is None or prep.lower_ not in ("in", "on", "at", "during", "last", "this"):
        return end
    if prep.head.pos_ not in ("NOUN", "PROPN") or any(not (t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.pos_ in ("DET", "ADP", "NUM")) for t in doc[prep.i + 1 : end]):
        return end
    return prep.i


_CLAUSE_JOINERS = frozenset(("and", "but", ",", ";", "while", "whereas", "—", "–"))


def _next_speaker_clause(token: Token) -> bool:
    """A coordinated clause with a speaker and speech verb of its own ("..., while other voters said ...",
    "..., and four in 10 said ..."): the reported clause before it ends there."""
    if token.dep_ not in ("conj", "advcl", "parataxis") or not is_speech(token):
        return False
    if not any(c.dep_ == "nsubj" and c.i < token.i for c in token.children):
        return False
    left = min(t.i for t in token.subtree)
    doc = token.doc
    return doc[left].lower_ in _CLAUSE_JOINERS or (left > 0 and doc[left - 1].lower_ in _CLAUSE_JOINERS)


def _content(cue: Token, in_quote: list[int], para: list[int]) -> tuple[int, int] | None:
    """The reported clause of a cue: its clausal complement, or the clause it follows after a comma."""
    lemma = cue.lemma_.lower()
    doc = cue.doc
    clear = clear_of(cue) if lemma == "make" else None
    if clear is not None:  # "made it clear (to X) that ...": the clause hangs on "made" or on "clear"
        clause = next((c for c in [*cue.children, *clear.children] if c is not clear and c.pos_ in {"VERB", "AUX"}
                       and c.dep_ in {"ccomp", "advcl", "csubj"} and c.i > clear.i and para[c.i] == para[cue.i]), None)
        found = _clause_range(clause, cue, para) if clause is not None else None
        return _trim(doc, *found) if found else None
    # the clause nearest the cue: in 'X drew ire: "Y," Roffman predicted' the parse can hang both clauses on the cue
    for child in sorted(cue.children, key=lambda c: abs(c.i - cue.i)):
        if (child.dep_ in _CONTENT_DEPS or (child.dep_ == "xcomp" and lemma in INFINITIVE_CUES)) and para[child.i] == para[cue.i]:
            found = _clause_range(child, cue, para)
            if found and found[1] <= cue.i:
                found = _after_colon_intro(doc, *found, in_quote)
            elif found:
                found = _with_second_that_clause(cue, found, para)
                found = _with_adjacent_clause(cue, found, para)
            return _trim(doc, *found) if found else None
    # "said in a statement that ...": the clause hangs from the channel noun
    for prep in cue.children:
        if prep.dep_ == "prep":
            for obj in prep.children:
                for clause in obj.children:
                    if clause.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                        found = _clause_range(clause, cue, para)
                        if found:  # '... in a statement that "X" and that Y': the second clause hangs on the cue
                            found = _with_second_that_clause(cue, found, para)
                        return _trim(doc, *found) if found else None
    # a label pinned on someone: "called the plan a disgrace", "calling them rapists", "branded him a liar"
    if lemma in FRAGMENT_CUES or judges_as(cue):
        objects = [c for c in cue.children if c.dep_ == "dobj" and para[c.i] == para[cue.i]]
        labels = [c for c in cue.children if (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"))
                  and objects and c.i > objects[0].i]
        labels += [c for o in objects for c in o.children if c.dep_ == "appos" and c.i > o.i and not any(t.text == "," for t in cue.doc[o.i:c.i])]
        if objects and labels and not any(in_quote[t.i] != -1 for t in labels[0].subtree):
            end = max(t.i for t in labels[0].subtree) + 1
            start = min(t.i for t in objects[0].subtree)
            if para[end - 1] == para[cue.i]:
                return _trim(doc, start, end)
    # speech acts with a noun-phrase content: "announced his retirement", "called for a ban"
    if NP_CONTENT:
        for child in cue.children:
            if child.dep_ == "dobj" and lemma in OBJECT_CUES and child.pos_ not in ("PRON",) and para[child.i] == para[cue.i]:
                found = _clause_range(child, cue, para)
                if found is None:
                    return None
                # "blamed the law on Democrats": the object's complements after it belong to the content
                # (the reason or target of blame and praise; not "endorsed X at a rally" or a date)
                for extra in cue.children:
                    if extra.dep_ == "prep" and extra.i > child.i and extra.lower_ in _REASON_PREPS.get(lemma, ()) \
                            and not any(t.ent_type_ in ("DATE", "TIME") for t in extra.subtree):
                        end = max(t.i for t in extra.subtree) + 1
                        if para[end - 1] == para[cue.i]:
                            found = (found[0], max(found[1], end))
                return _trim(doc, *found)
            if child.dep_ == "prep" and child.lower_ in PREPOSITION_CUES.get(lemma, ()) and child.i == cue.i + 1:
                objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
                if objects and para[objects[0].i] == para[cue.i]:
                    found = _clause_range(objects[0], cue, para)
                    return _trim(doc, *found) if found else None
    head = cue.head
    if cue.dep_ in ("parataxis", "ccomp", "advcl", "conj") and head.i < cue.i and head.pos_ in ("VERB", "AUX"):
        cue_left = min(t.i for t in cue.subtree)
        if doc[cue_left].text in (",", "—", "–"):
            cue_left += 1  # the comma before the speaker was parsed as the cue's own
        if cue_left > 0 and doc[cue_left - 1].text in (",", "—", "–") and lemma not in BELIEF_VERBS:
            start = min(t.i for t in head.subtree if para[t.i] == para[cue.i])
            return _trim(doc, start, cue_left)
    if cue.dep_ == "parataxis" and head.i > cue.i and head.pos_ in ("VERB", "AUX") and lemma not in BELIEF_VERBS:
        # "And yet, her aides say, Syria remains a priority": the cue sits inside the clause it reports
        cue_tokens = [t.i for t in cue.subtree if not t.is_punct] or [cue.i]
        if cue_tokens[0] > 0 and doc[cue_tokens[0] - 1].text == "," and cue_tokens[-1] + 1 < len(doc):
            tokens = [t.i for t in head.subtree if para[t.i] == para[cue.i] and t.dep_ not in ("cc",) and t.i != cue_tokens[0] - 1]
            start = min(i for i in tokens if i > cue_tokens[-1] or doc[i].dep_ != "cc")
            return _trim(doc, start, max(tokens) + 1)
    return None


def _with_second_that_clause(cue: Token, found: tuple[int, int], para: list[int]) -> tuple[int, int]:
    """'think Obama advanced the agenda, but that there is more to do': a second that-clause joined to the cue is
    reported too (the parse hangs it on the cue, beside the first)."""
    start, end = found
    for sibling in cue.children:
        if sibling.i >= end and sibling.dep_ in ("conj", "ccomp") and para[sibling.i] == para[cue.i] \
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in sibling.children):
            between = cue.doc[end : min(t.i for t in sibling.subtree)]
            if all(t.is_punct or t.dep_ == "cc" for t in between):
                end = max(t.i for t in sibling.subtree) + 1
    return start, end


def _with_closing_quotation(doc: Doc, start: int, end: int, in_quote: list[int], stretches: list[QuoteStretch]) -> int:
    """'would cost £48 million to repair, "money we simply do not have."': a quotation after a comma that ends
    the sentence of a reported clause belongs to it (one mixed quote, not a clause plus a stray direct one)."""
    if end <= start or end + 2 >= len(doc) or doc[end].text != "," or in_quote[end + 1] != -2 or in_quote[end + 2] < 0:
        return end
    stretch = stretches[in_quote[end + 2]]
    if len(stretch.paragraphs) != 1:
        return end
    k = end + 2
    while k < len(doc) and in_quote[k] == in_quote[end + 2]:
        k += 1
    while k < len(doc) and in_quote[k] == -2:
        k += 1  # the closing mark
    sentence_ends = k >= len(doc) or doc[k].text in (".", "!", "?") or doc[k].is_space or doc[k - 2].text in (".", "!", "?")
    return k if sentence_ends and "\n" not in doc[start:k].text else end


def _with_adjacent_clause(cue: Token, found: tuple[int, int], para: list[int]) -> tuple[int, int]:
    """A clause the parser split in two, both hung on the cue and touching ("told the Times that vehicles
    consistent with howitzers | had appeared on the bank"): one reported clause."""
    start, end = found
    for sibling in cue.children:
        if sibling.dep_ == "ccomp" and sibling.i > end and para[sibling.i] == para[cue.i] \
                and min(t.i for t in sibling.subtree) == end:
            end = max(t.i for t in sibling.subtree) + 1
    return start, end


def _after_colon_intro(doc: Doc, start: int, end: int, in_quote: list[int]) -> tuple[int, int]:
    """'Murphy turned to fundraising: "It is a grind," he said': a clause before the cue that ends in a
    colon-introduced quotation reports only the quotation; the words before the colon are the writer's."""
    for i in range(end - 1, start, -1):
        if doc[i].text == ":" and in_quote[i] == -1:
            rest = [t for t in doc[i + 1 : end] if not (t.is_punct or t.is_space)]
            if rest and all(in_quote[t.i] >= 0 for t in rest):
                return i + 1, end
            break
    return start, end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].is_punct and doc[start].text not in ('"', "“", "‘", "'", "«") or doc[start].is_space
                           or (doc[start].lower_ in _MARK_WORDS and doc[start].dep_ == "mark")):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ('"', "”", "’", "'", "»", ".", "?", "!")
                           or doc[end - 1].is_space or doc[end - 1].pos_ == "CCONJ"):  # (", and": the next clause's)
        end -= 1
    return (start, end) if end > start else None


_QUESTION_CUES = frozenset(("ask", "wonder", "question", "inquire"))
_NOT_STATEMENT_HEADS = frozenset(("decline", "refuse", "fail", "hesitate"))


def _can_speak(head: Token) -> bool:
    """Not a conjunction or question word ("When", "While") and not a dateline ("HARLOW —") taken for a speaker."""
    if head.pos_ in ("SCONJ", "CCONJ", "ADP") or head.tag_ in ("WRB", "IN", "CC"):
        return False
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    dateline = head.text.isupper() and len(head.text) > 3 and following is not None and following.text in ("—", "–", "-", "(")
    return not dateline


def _verb_attribution(doc: Doc, cue: Token, in_quote: list[int], para: list[int]) -> Attribution | None:
    lemma = cue.lemma_.lower()
    if lemma in _QUESTION_CUES and cue.tag_ in ("VBN", "VBD") and not any(c.dep_.startswith("nsubj") for c in cue.children) \
            and cue.dep_ in ("advcl", "dep", "ccomp"):
        return None  # "Asked what he wants, Adelson said ...": the reporter asked; Adelson's words come after
    head = _speaker_head(cue, in_quote, para)
    if head is None or not _can_speak(head):
        return None
    belief = lemma in BELIEF_VERBS
    content = _content(cue, in_quote, para)
    if content is not None and content[0] > cue.i and _right_after_quote(cue, in_quote):
        content = None  # '"...," said the woman, who asked not to be named': the quote is what she said
    if content is not None and content[0] < head.i < content[1]:
        # '"...," Mr. Daniloff, now 81, said': the parse ran the quote's clause over its speaker; the quote ends before him
        left = min(t.i for t in head.subtree)
        words = [t for t in doc[content[0]:left] if not (t.is_punct or t.is_space)]
        if words and in_quote[words[-1].i] >= 0:
            content = _trim(doc, content[0], left)
    if content is not None:
        first = doc[content[0]]
        text = doc[content[0]:content[1]].text.lower()
        marks = {c.lower_ for c in doc[content[0]:content[1]] if c.dep_ == "mark"} | {doc[content[0] - 1].lower_}
        if lemma in _QUESTION_CUES and (marks & {"whether", "if"} or first.tag_ in ("WDT", "WP", "WRB")):
            content = None  # a question asked is not a statement made (PolNeAR counts it; we do not)
        elif text.startswith(("not to be", "not be named", "not to identify", "to be quoted", "to be named", "to be identified")):
            content = None  # "asked not to be named": part of the speaker's description
        elif cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _NOT_STATEMENT_HEADS:
            return None  # "declined to say whether ..."
    if content is not None:
        content = _before_another_report(doc, cue, content, in_quote)
    if belief and content is None:
        return None
    object_content = _is_object(cue, content)
    if object_content:
        content = _without_gloss(doc, content, in_quote)
    if content is not None and _holds_an_object(cue, content):
        content = _with_trailing_adjuncts(doc, cue, content, in_quote, para)
    when: list[Token] = []
    if content is not None:
        content, when = _without_leading_time(doc, cue, content)
    frame = _frame(cue, head, content)
    if when:
        frame = sorted(frame + when, key=lambda t: t.i)
    return Attribution(cue=cue, speaker_head=head, cue_text=cue_text(cue), content=content,
                       frame=frame, belief=belief, object_content=object_content)


def _without_leading_time(doc: Doc, cue: Token, content: tuple[int, int]) -> tuple[tuple[int, int], list[Token]]:
    """'said on Monday it would open', 'said Tuesday the bridge would reopen': a time right after the cue, before
    the reported clause, tells when it was said (the parser hangs it on the clause). Returns the content without
    it, and its tokens for the frame. A time that belongs to the clause ("said Tuesday's vote was rigged") stays."""
    start, end = content
    if start != cue.i + 1:
        return content, []
    k = start
    if doc[k].lower_ in TIME_LEADERS and k + 1 < end \
            and doc[k + 1].ent_type_ in ("DATE", "TIME"):
        k += 1
    first = k
    while k < end and doc[k].ent_type_ in ("DATE", "TIME") and doc[k].text not in ("'s", "’s"):
        k += 1
    if k == first or k >= end - 1 or doc[k].text in ("'s", "’s") or doc[k].is_punct:
        return content, []
    date = doc[first]
    anchor = date.head if date.dep_ == "pobj" else date
    while anchor.i < k and anchor.head.i < k and anchor.head.i != anchor.i and anchor.head.i >= start:
        anchor = anchor.head  # the head of the time phrase, up to where it hangs on the clause
    if anchor.dep_ not in ("npadvmod", "prep", "tmod", "advmod", "obl") or anchor.head.pos_ not in ("VERB", "AUX"):
        return content, []
    trimmed = _trim(doc, k, end)
    return (trimmed, list(doc[start:k])) if trimmed else (content, [])


def _without_gloss(doc: Doc, content: tuple[int, int], in_quote: list[int]) -> tuple[int, int]:
    """A noun-phrase content stops before the writer's gloss on it: "criticised Comey, a Republican appointed by
    Bush", "hired Katrina Pierson, who has been outspoken": what the speaker took a stance on is the name."""
    start, end = content
    for k in range(start + 1, end):
        if doc[k].text == "," and in_quote[k] == -1 and k + 1 < end:
            after = doc[k + 1 : end]
            if any(t.dep_ in {"appos", "relcl"} and t.head.i < k for t in after):
                return _trim(doc, start, k) or content
    return content


def _before_another_report(doc: Doc, cue: Token, content: tuple[int, int], in_quote: list[int]) -> tuple[int, int] | None:
    """A reported clause ends where another report begins: at a semicolon outside quotation marks ("Trump says
    praise helps; After the debate ..."), and before a joined clause with a speaker of its own ("three-quarters
    said they were worried, and more than 4 in 10 said Trump would be best")."""
    start, end = content
    if start < cue.i:
        return content  # the clause before its cue ("X, he said"): its own end is the cue
    for k in range(start, end):
        token = doc[k]
        if token.text == ";" and in_quote[k] == -1:
            return _trim(doc, start, k)
        if (
            token.dep_ == "conj" and is_speech(token) and token.i > start and in_quote[k] == -1
            and any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN", "NUM"} for c in token.children)
        ):
            return _trim(doc, start, min(t.i for t in token.subtree)) or content  # (_trim drops the ", and")
    return content


def _with_trailing_adjuncts(doc: Doc, cue: Token, content: tuple[int, int], in_quote: list[int], para: list[int]) -> tuple[int, int]:
    """A noun-phrase content goes on with what the cue says of it: "called for the suspension of the deal in response
    to missile tests", "urged voters to back him". Stops at a comma and at the when and where of the statement."""
    start, end = content
    for child in cue.children:
        if child.i < end or para[child.i] != para[cue.i] or doc[child.i - 1].text in (",", ";", "—", "–", ":"):
            continue
        if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for t in child.subtree) \
                or child.lower_ in ("at", "during") \
                or (child.lower_ in ("in", "on", "via") and any(o.lemma_.lower() in CHANNEL_NOUNS for o in child.children)):
            break  # when, where and how it was said is the frame, not the content
        if child.dep_ in ("prep", "advcl", "xcomp") and in_quote[child.i] == -1:
            right = max(t.i for t in child.subtree) + 1
            if right > end and not any(doc[k].text in (",", ";") for k in range(end, child.i)):
                end = right
    return _trim(doc, start, end) or content


def _holds_an_object(cue: Token, content: tuple[int, int]) -> bool:
    """True when the content is built on the cue's object or prepositional object ("called on the board ...")."""
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    objects += [o for c in cue.children if c.dep_ == "prep" for o in c.children if o.dep_ in ("pobj", "pcomp")]
    return any(content[0] <= o.i < content[1] for o in objects)


def _is_object(cue: Token, content: tuple[int, int] | None) -> bool:
    """True when the content is the cue's noun-phrase object (or prepositional object), not a clause."""
    if content is None or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in cue.children):
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    objects += [o for c in cue.children if c.dep_ == "prep" for o in c.children if o.dep_ in ("pobj", "pcomp")]
    return any(content[0] <= o.i < content[1] for o in objects)


def _according_to(doc: Doc, according: Token, in_quote: list[int], para: list[int]) -> Attribution | None:
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objects:
        return None
    return _phrase_attribution(doc, according, objects[0], "according to", in_quote, para)


def _phrase_attribution(doc: Doc, according: Token, head: Token, cue_text: str, in_quote: list[int],
                        para: list[int]) -> Attribution | None:
    """A source phrase inside the clause it vouches for ("according to X", "in a poll"): the clause minus the phrase."""
    # the clause the phrase qualifies: the verb it hangs from, minus the phrase itself
    clause = according.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head.i != clause.i:
        clause = clause.head
    phrase = sorted(t.i for t in according.subtree)
    sentence_end = all(t.is_punct or t.is_space for t in doc[phrase[-1] + 1 : according.sent.end])
    while clause.dep_ == "conj" and sentence_end and doc[phrase[0] - 1].text == ",":
        clause = clause.head  # "X had set off ... but were caught ..., according to Z": Z vouches for both
    tokens = sorted(t.i for t in clause.subtree if not (phrase[0] <= t.i <= phrase[-1]) and para[t.i] == para[according.i])
    content = None
    # "(the real figure is 15 percent, according to X)": the parenthesis is the report
    opening = next((i for i in range(phrase[0] - 1, max(phrase[0] - 40, -1), -1)
                    if doc[i].text in ("(", ")") or para[i] != para[according.i]), None)
    if opening is not None and doc[opening].text == "(":
        tokens = [i for i in tokens if i > opening and not any(doc[k].text == ")" for k in range(opening, i))]
    # "But, according to the poll, 46 percent ...": a leading joiner is not part of what the poll says
    leading = [i for i in tokens if i < phrase[0]]
    if leading and all(doc[i].is_punct or doc[i].dep_ in ("cc", "advmod") for i in leading):
        tokens = [i for i in tokens if i > phrase[-1]]
    if tokens:
        if tokens[0] < phrase[0] and tokens[-1] > phrase[-1] + 2:
            content = _trim(doc, tokens[0], tokens[-1] + 1)  # "The answer, according to X, was that ..."
        elif phrase[0] > tokens[0]:
            content = _trim(doc, tokens[0], phrase[0])
        else:
            content = _trim(doc, phrase[-1] + 1, tokens[-1] + 1)
    frame = list(doc[phrase[0] : phrase[-1] + 1])
    return Attribution(cue=according, speaker_head=head, cue_text=cue_text, content=content, frame=frame)


def _adjective_attribution(doc: Doc, adjective: Token, in_quote: list[int], para: list[int]) -> Attribution | None:
    """"Ruiz is confident that the levee will hold": a stance held by the subject of "be", over its clause."""
    clause = [c for c in adjective.children if c.dep_ == "ccomp" and para[c.i] == para[adjective.i]]
    verb = adjective.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and in_quote[c.i] == -1 and para[c.i] == para[adjective.i]]
    if not clause or not subjects or not _can_speak(subjects[0]) or subjects[0].lower_ in ("it", "this", "that", "there"):
        return None
    found = _clause_range(clause[0], adjective, para)
    content = _trim(doc, *found) if found else None
    if content is None:
        return None
    return Attribution(cue=adjective, speaker_head=subjects[0], cue_text=f"{verb.text} {adjective.text}", content=content,
                       frame=_frame(adjective, subjects[0], content), belief=True)


def _noun_attribution(doc: Doc, noun: Token, in_quote: list[int], para: list[int]) -> Attribution | None:
    """"Potts's claim that the levee was safe", "her call for a new bridge": a statement named by a noun whose
    owner is the speaker. Without an owner ("the claim that ...") nobody is named, and nothing is attributed."""
    owners = [c for c in noun.children if c.dep_ == "poss" and in_quote[c.i] == -1 and para[c.i] == para[noun.i]]
    if not owners:
        return None
    content = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            found = _clause_range(child, noun, para)
            content = _trim(doc, *found) if found else None
        elif child.dep_ == "prep" and child.lower_ in NOUN_PREPOSITIONS.get(noun.lemma_.lower(), ()) and child.i == noun.i + 1:
            objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
            if objects:
                found = _clause_range(objects[0], noun, para)
                content = _trim(doc, *found) if found else None
        if content is not None:
            break
    if content is None:
        return None
    return Attribution(cue=noun, speaker_head=owners[0], cue_text=noun.text, content=content,
                       frame=[owners[0], noun], object_content=True)


def _frame(cue: Token, head: Token, content: tuple[int, int] | None) -> list[Token]:
    """The attribution clause: speaker, cue, and the cue's (and its governing verb's) modifiers, minus the content."""
    reported = {t.i for c in cue.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree}
    own = ({t.i for t in cue.subtree} - reported) | {t.i for t in head.subtree}
    inside = (lambda i: content[0] <= i < content[1] and i not in own) if content else (lambda i: False)
    tokens = {t.i: t for t in head.subtree}
    tokens[cue.i] = cue
    verbs = [cue]
    if head.head.i != cue.i:
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
    first_token = _token_at(doc, stretch.start)
    last_token = _token_at(doc, max(stretch.end - 1, stretch.start))
    if first_token is None or last_token is None:
        return None
    after = _window(doc, in_quote, index, last_token.i + 1, +1, len(doc))
    before = _window(doc, in_quote, index, first_token.i - 1, -1, 0)
    before.reverse()
    ending = _text(doc)[stretch.end - 1 : stretch.end] if stretch.end > stretch.start else ""
    after_first = after and after[0].text == ","
    candidates_after = [by_cue[t.i] for t in after if t.i in by_cue]
    candidates_before = [by_cue[t.i] for t in reversed(before) if t.i in by_cue]
    opens_sentence = not before or before[-1].text in (":", ",")  # "X," she said / She said, "X"
    fragment = _word_count(_text(doc)[stretch.start : stretch.end]) < MIN_QUOTE_WORDS and not _sentence_like(_text(doc), stretch)
    if fragment and before and not opens_sentence:
        ordered = candidates_before + candidates_after  # a fragment inside a sentence belongs to the verb before it
    elif ending in ",?!—–-…" or after_first or not before:
        ordered = candidates_after + candidates_before
    else:
        ordered = candidates_before + candidates_after
    if not ordered and before and before[-1].text == ":":
        intro = _colon_intro(before, in_quote)
        if intro is not None:
            return intro
    for attribution in ordered:
        if attribution.belief:
            continue
        if _owns_other_content(doc, attribution, in_quote, index, last_token.i):
            continue
        return attribution
    return None


_SAY_LIKE = frozenset("say tell add ask write reply respond explain note state continue insist argue warn put".split())


def _fragment_clause(doc: Doc, attribution: Attribution, stretch: QuoteStretch, in_quote: list[int]) -> tuple[int, int] | None:
    """Character range of a mixed quote built on a cue without a clause: 'called the decision "arbitrary"'.

    Only when the quoted stretch follows the cue in its phrase and words of the writer sit between them
    (not the speaker, not "that"); the range runs from those words to the end of the cue's phrase.
    """
    cue = attribution.cue
    first = _token_at(doc, stretch.start)
    if first is None or cue.i >= first.i or attribution.content is not None or cue.lemma_.lower() in _SAY_LIKE:
        return None
    if cue.lower_ == "according" or len(stretch.paragraphs) > 1:
        return None
    speaker = {t.i for t in attribution.speaker_head.subtree} if attribution.speaker_head is not None else set()
    between = [t for t in doc[cue.i + 1 : first.i] if in_quote[t.i] == -1 and t.i not in speaker
               and not (t.is_punct or t.is_space) and t.lower_ != "that"]
    if not between or any(t.text in _SENTENCE_END for t in doc[cue.i + 1 : first.i]):
        return None
    if not any(a.i == cue.i for a in first.ancestors) and first.head.i != cue.i:
        return None
    end = _after_marks(_text(doc), stretch.end)
    after = _token_at(doc, min(end, len(_text(doc)) - 1))
    if after is not None and in_quote[after.i] == -2 and after.i + 1 < len(doc):
        after = doc[after.i + 1]
    if after is not None and in_quote[after.i] == -1 and not after.is_punct and not after.is_space \
            and (after.pos_ == "ADP" or in_quote[after.head.i] >= 0):
        # 'called it "a lesson I had to learn" about the need to ...': the phrase goes on after the mark
        stop = after.i
        while stop < len(doc) and in_quote[stop] == -1 and not doc[stop].is_punct and not doc[stop].is_space \
                and doc[stop].ent_type_ not in ("DATE", "TIME") and doc[stop].head.i != cue.i:
            stop += 1
        if stop > after.i:
            end = doc[stop - 1].idx + len(doc[stop - 1].text)
    return between[0].idx, min(end, len(_text(doc)))


def _lead_in(doc: Doc, attribution: Attribution, stretch: QuoteStretch, in_quote: list[int]) -> tuple[int, int] | None:
    """Character range of a mixed quote whose writer's words open the sentence before the quoted ones:
    'Nothing the mayor proposed "will fix the roads," the senator said'. The parse must hang those words,
    and the quoted ones through them, on the cue that follows."""
    cue = attribution.cue
    first = _token_at(doc, stretch.start)
    if first is None or cue.i <= first.i or attribution.content is not None or len(stretch.paragraphs) > 1:
        return None
    speaker = {t.i for t in attribution.speaker_head.subtree} if attribution.speaker_head is not None else set()
    lead = next((a for a in first.ancestors if a.head.i == cue.i and a.i != cue.i), None)
    if lead is None or lead.i >= first.i or in_quote[lead.i] != -1 or lead.i in speaker \
            or lead.dep_ in ("ccomp", "prep", "advmod", "npadvmod", "advcl", "cc", "mark"):
        return None
    start = min(t.i for t in lead.subtree)
    words = [t for t in doc[start : first.i] if not (t.is_punct or t.is_space)]
    if not words or any(t.text in _SENTENCE_END or in_quote[t.i] >= 0 or (is_cue(t) and t.pos_ == "VERB" and t.dep_ != "relcl")
                        for t in doc[start : first.i]):
        return None
    return doc[start].idx, _after_marks(_text(doc), stretch.end)


_DASHES = frozenset(("-", "—", "–", "--"))


def _dash_signature(doc: Doc, stretch: QuoteStretch, in_quote: list[int], para: list[int]) -> Attribution | None:
    """A quote signed with a dash and a name, as in pull quotes and round-ups: '"...." — Ann Ruiz, Dunmore.'"""
    last = _token_at(doc, max(stretch.end - 1, stretch.start))
    if last is None:
        return None
    i = last.i + 1
    while i < len(doc) and (in_quote[i] == -2 or doc[i].text in (".", ",")) and doc[i].text not in _DASHES:
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in _DASHES or para[i] != para[last.i]:
        return None
    j = i + 1
    while j < len(doc) and para[j] == para[i] and doc[j].pos_ == "PROPN" and in_quote[j] == -1:
        j += 1
    if j == i + 1 or (j < len(doc) and para[j] == para[i] and not doc[j].is_space and doc[j].text not in (",", ".", "(", ";")):
        return None
    return Attribution(cue=doc[i], speaker_head=doc[j - 1], cue_text="—", frame=list(doc[i:j]))


def _colon_intro(before: list[Token], in_quote: list[int]) -> Attribution | None:
    """'Her colleague put it more bluntly: "..."': the clause before the colon speaks."""
    verbs = [t for t in before if t.pos_ in ("VERB",) and any(c.dep_ in ("nsubj",) for c in t.children)]
    if not verbs:
        return None
    roots = [t for t in verbs if t.dep_ == "ROOT"]
    verb = roots[0] if roots else verbs[0]  # the main clause speaks, not "what happened"
    head = next(c for c in verb.children if c.dep_ == "nsubj")
    if in_quote[head.i] != -1 or head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return Attribution(cue=verb, speaker_head=head, cue_text=cue_text(verb), frame=_frame(verb, head, None))


def _owns_other_content(doc: Doc, attribution: Attribution, in_quote: list[int], index: int, stretch_last: int = 0) -> bool:
    """True when the cue reports a clause of its own (words outside any quote), not this stretch."""
    if attribution.content is None:
        return False
    if attribution.object_content:
        # '"...," Eric Trump wrote of the gift': an object after the quote does not stop the cue from speaking it
        return not (0 < attribution.cue.i - stretch_last <= 5)
    start, end = attribution.content
    return any(in_quote[t.i] == -1 and not (t.is_punct or t.is_space) for t in doc[start:end])


def _token_at(doc: Doc, char: int) -> Token | None:
    text = _text(doc)
    while 0 < char < len(text) and text[char].isspace():
        char -= 1  # a stretch may end on the space before its closing mark: ,' "
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
    # 'Clinton "drew well" in 2008, said Paul Beck. "That was her constituency."': the report before it goes on
    reported = [a for a in attributions if not a.belief and a.content is not None and a.speaker_head is not None
                and a.cue.idx < stretch.start and adoc.locate(a.cue.idx)[0] == paragraph]
    if reported:
        return reported[-1]
    later = [i for i in same if i > index]
    if later:
        return direct[later[0]]
    if paragraph - 1 in previous_by_paragraph:
        return previous_by_paragraph[paragraph - 1]
    following = _opening_attribution(adoc, attributions, paragraph + 1, doc, in_quote)
    if following is not None:
        return following
    for back in range(1, 3):  # the last attribution of the two paragraphs before
        if paragraph - back in last_any:
            return last_any[paragraph - back]
    return None


def _opening_attribution(adoc, attributions, paragraph, doc, in_quote):
    """The attribution in the first sentence of ``paragraph`` when it reports no clause of its own."""
    if paragraph >= len(adoc.starts):
        return None
    for attribution in attributions:
        where, offset = adoc.locate(attribution.cue.idx)
        if where != paragraph:
            continue
        if attribution.content is None or not any(in_quote[t.i] == -1 and t.is_alpha for t in doc[attribution.content[0]:attribution.content[1]]):
            return attribution
        content = doc[attribution.content[0]:attribution.content[1]]
        if len(content) <= 2 and content[0].lower_ in ("that", "this", "so", "it"):
            return attribution
    return None


# -- record fields -------------------------------------------------------------------------


def _make_quote(article: Article, adoc: ArticleDoc, start: int, end: int, kind: str, pieces) -> Quote | None:
    text = _text(adoc.doc)
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
    relay = relayed_by(attribution.speaker_head) if attribution.speaker_head is not None else None
    if relay is not None:
        return relay[1]
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


def _full_outlet(via: str | None, before: str, named: list[str]) -> str | None:
    """An outlet as the article named it in full: "the paper" is the last outlet named ("told the Daily Ledger ...
    one of them told the paper"), "the Beacon" the "Sunday Beacon" written earlier."""
    if via is None:
        return None
    if via.lower() in GENERIC_OUTLETS:
        return named[-1] if named else via
    short = via[4:] if via.lower().startswith("the ") else via
    if " " in short:
        return via
    longer = [m.group(0) for m in re.finditer(rf"\b(?:[A-Z][\w'’.-]* ){{1,3}}{re.escape(short)}\b", before)]
    for candidate in reversed(longer):
        name = candidate[4:] if candidate.startswith("The ") else candidate
        if outlet_name(name) and " " in name:
            return name
    return via


def _said_on(article: Article, adoc: ArticleDoc, attribution: Attribution) -> str | None:
    if time_in_range is None:
        return None
    speaker = {t.i for t in attribution.speaker_head.subtree} if attribution.speaker_head is not None else set()
    relay = relayed_by(attribution.speaker_head) if attribution.speaker_head is not None else None
    if relay is not None:  # "figures reported Sunday by WFNK-TV": the day the outlet passed them on
        speaker -= {t.i for t in relay[0].subtree}
    dates = [t for t in attribution.frame if t.ent_type_ in ("DATE", "TIME") and t.i not in speaker]
    if any(t.lower_ in _COARSE for t in dates):
        return None  # "last week", "this month": not a day
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
    if label.upper() in ROLE_LABELS:
        quote.speaker.descriptor = label.lower()
        quote.speaker.kind = "person"
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
