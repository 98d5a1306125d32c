"""Numeric claims: figures about the world, with their hedges, what they count and on whose word.

One claim per sentence that states at least one quantity (the reported clause
when the sentence says who vouches for it: "U.S. officials say <claim>").
Finding the figures is :mod:`byline.attribution.figures`; what they count is
:mod:`byline.attribution.counts`; not claims: the number of sources ("two
officials said", "according to three people").

Runs after the quotes stage: a figure inside a quote is vouched for by the
quote's speaker unless the sentence itself names someone else.
"""

from __future__ import annotations

from byline.attribution.counts import (
    ALL_SPEECH_VERBS, CLAUSE_SPEECH_VERBS, PRONOUNS, SPEECH_VERBS, asked_for, borrow_noun, count_like,
    describes_another, join_words, read_counts, subject_of,
)
from byline.attribution.figures import Figure, NOT_QUANTITY_ENTS, find_figures
from byline.model import Article, Claim, Quantity
from byline.nlp import ArticleDoc

try:  # the time-expressions stage may not be installed yet
    from byline.attribution.times import time_in_range
except ImportError:  # pragma: no cover - depends on another stage
    time_in_range = None


REPORTED_CLAUSE = frozenset({"ccomp", "parataxis", "xcomp"})
NARRATIVE_MARKERS = frozenset("after before because when while since as once until although though if".split())


def annotate_claims(article: Article, adoc: ArticleDoc) -> None:
    """Fill ``article.claims`` from the shared parse (and ``article.quotes``/``entities`` when present)."""
    doc = adoc.doc
    claims: list[Claim] = []
    last: tuple[int, Figure] | None = None  # the last figure with a counted noun: (paragraph, figure)
    counted: tuple[int, Figure] | None = None  # the last figure with any counts
    for sent in _sentences(doc):
        found = read_counts(doc, find_figures(doc, sent))
        if not found:
            continue
        paragraph = adoc.locate(sent.start_char)[0]
        answer_start = counted is None or counted[0] != paragraph  # no figure of this paragraph counted anything yet
        for item in found:
            if item.verb_only and last is not None and (last[0] == paragraph or (item.pronoun and last[0] == paragraph - 1)):
                borrow_noun(item, last[1])
            if item.counts is None and item.like_previous is not None and counted is not None and counted[0] == paragraph:
                count_like(item, counted[1])  # "3,200 people have registered. The figure is up from 2,100"
            if item.counts is None and answer_start and paragraph > 0 and paragraph - 1 < len(article.body):
                item.counts = asked_for(article.body[paragraph - 1])
            if item.counts is None and item.unit is None and last is not None and last[0] == paragraph and last[1].unit in {None, "people"}:
                # "In a normal year we make about 180,000 bottles. This year I would be happy with 50,000.": bottles
                item.counts = join_words(last[1].noun_words)
                item.unit = last[1].unit
            if item.noun_words and not item.verb_only and not describes_another(item, found):
                last = (paragraph, item)
            if item.counts:
                counted = (paragraph, item)
        claims.extend(_claims(article, adoc, doc, sent, found))
    article.claims = claims


def _sentences(doc):
    """spaCy's sentences, cut at paragraph breaks (the parser sometimes runs one across "\n\n")."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield doc[start : tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start : sent.end]
FINDING_VERBS = frozenset("find count record identify log document estimate".split())
RESEARCH_SOURCES = frozenset(
    """report study survey audit poll census review analysis inspection inspector inspectorate researcher
    auditor investigator inquiry data figure statistic research watchdog regulator""".split()
)
STANCE_VERBS = frozenset("expect believe predict forecast project estimate".split())


# -- the claim around the quantities ---------------------------------------------------------------------


def _claims(article: Article, adoc: ArticleDoc, doc, sent, found: list[Figure]) -> list[Claim]:
    """One claim per run of figures with the same source: "X plunged 14% after the company said revenue
    could fall by $5.5 billion" is two claims, the outlet's and the company's."""
    groups: list[tuple[tuple[str | None, object], list[Figure]]] = []
    for f in found:
        source = _attribution(article, doc, sent, doc[f.number.start])
        if groups and groups[-1][0][0] == source[0]:
            groups[-1][1].append(f)
        else:
            groups.append((source, [f]))
    return [_claim(article, adoc, doc, sent, items, source, verb) for (source, verb), items in groups]


def _claim(article: Article, adoc: ArticleDoc, doc, sent, found: list[Figure], source, verb) -> Claim:
    start_tok, end_tok = sent.start, sent.end
    if verb is not None:
        # the reported clause, when every figure sits in it
        for child in verb.children:
            if child.dep_ in {"ccomp", "xcomp", "parataxis"} or child.dep_ == "conj":
                sub = list(child.subtree)
                lo, hi = sub[0].i, sub[-1].i + 1
                if all(lo <= f.number.start < hi for f in found):
                    start_tok, end_tok = lo, hi
                    break
    while start_tok < end_tok and (doc[start_tok].is_space or doc[start_tok].lower_ in {"that", ",", "\u2014"}):
        start_tok += 1
    while end_tok > start_tok and (doc[end_tok - 1].is_space or doc[end_tok - 1].text in {",", "\u2014"}):
        end_tok -= 1
    span = doc[start_tok:end_tok]
    paragraph, offset = adoc.locate(span.start_char)
    text = span.text
    paragraph_text = article.body[paragraph] if paragraph < len(article.body) else text
    text = text[: max(0, len(paragraph_text) - offset)] if offset + len(text) > len(paragraph_text) else text
    if source is None:
        figures = [adoc.locate(doc[f.number.start].idx) for f in found]
        source = _quote_speaker(article, paragraph, offset, offset + len(text), inside=True, figures=figures)
    elif source.lower() in PRONOUNS:
        # "he said": the speaker the quotes stage resolved for this paragraph, else the last person named
        source = _quote_speaker(article, paragraph, offset, offset + len(text), inside=False) or (
            _last_person(article, paragraph, offset) if source.lower() in {"he", "she"}
            else _last_person(article, paragraph, offset, kind="organization", same_paragraph=True) if source.lower() == "it"
            else None)
    said_on = _said_on(article, adoc, doc, verb, sent) if verb is not None else None
    quantities = [
        Quantity(
            value=f.number.value,
            bound=f.bound,
            low=_low(f),
            high=_high(f),
            unit=f.unit,
            counts=f.counts,
        )
        for f in found
    ]
    return Claim(text=text, paragraph=paragraph, span=[offset, offset + len(text)], quantities=quantities, attributed_to=source, said_on=said_on)


def _low(f: Figure):
    if f.bound in {"exact", "at_least", "more_than", "range"}:
        return f.number.value
    return None


def _high(f: Figure):
    if f.bound == "range":
        return f.high
    if f.bound in {"exact", "at_most", "less_than"}:
        return f.number.value
    return None


def _attribution(article: Article, doc, sent, anchor) -> tuple[str | None, object]:
    """Who the sentence says vouches for the figure, and the speech verb (or None)."""
    # "the $4.1 billion the United Nations says is needed": a reported relative clause on the figure itself
    for tok in (anchor, anchor.head):
        if tok.pos_ not in {"NUM", "SYM", "NOUN"}:
            break
        for child in tok.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in SPEECH_VERBS:
                subject = _subject_text(article, doc, child, exclude=anchor)
                if subject:
                    return subject, child
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in SPEECH_VERBS | {"forecast", "predict"}:
                # "the $7.9 billion expected by analysts": the agent of a reported participle
                subject = _subject_text(article, doc, child, exclude=anchor)
                if subject:
                    return subject, child
    ancestors = []
    for anc in anchor.ancestors:  # within this sentence: the parse may run across a paragraph break
        if not sent.start <= anc.i < sent.end:
            break
        ancestors.append(anc)
    below = anchor
    stance: tuple[str, object] | None = None
    finding: tuple[str | None, object] | None = None
    for anc in ancestors:
        lemma = anc.lemma_.lower()
        if finding is None and lemma in FINDING_VERBS and anc.pos_ == "VERB" and below.dep_ in {"dobj", "attr"}:
            finder = subject_of(anc)
            if finder is not None and finder.lemma_.lower() in RESEARCH_SOURCES:
                # "Inspectors found 214 cells ...", "The report counted 37 suicide attempts": their finding,
                # unless someone in the sentence reports it ("..., the department said")
                finding = (_subject_text(article, doc, anc, exclude=anchor), anc)
        if anc.pos_ in {"VERB", "AUX"} and (lemma in SPEECH_VERBS or (lemma in CLAUSE_SPEECH_VERBS and below.dep_ in REPORTED_CLAUSE)):
            # the figure is in this verb's own clause: a subject shared with an earlier verb speaks too
            subject = _subject_text(article, doc, anc, exclude=anchor, shared=below.dep_ in REPORTED_CLAUSE)
            if subject and stance is not None and lemma not in STANCE_VERBS:
                if subject.lower() in PRONOUNS:
                    return stance  # "The company expects ..., it said": the company, named
                return subject, anc  # "Sand said the bank expected it to fall below 3%": Sand vouches for it
            if subject and stance is None and lemma in STANCE_VERBS:
                stance = (subject, anc)  # an expectation someone else may be reporting: look further up
            elif subject and stance is None:
                return subject, anc
        below = anc
    if stance is not None:
        return stance
    chain = {anchor.i} | {a.i for a in ancestors}
    for tok in sent:
        if (
            tok.lemma_.lower() in ALL_SPEECH_VERBS and tok.pos_ == "VERB"
            and tok.dep_ in {"parataxis", "advcl", "conj", "ccomp"} and tok.head.i in chain
            and not any(c.dep_ == "mark" and c.lower_ in NARRATIVE_MARKERS for c in tok.children)
            # "Roads to 14 villages remain blocked, and aid agencies estimate that ...": a joined clause
            # with its own reported clause vouches for that clause only
            and not (tok.dep_ == "conj" and any(c.dep_ == "ccomp" for c in tok.children))
            # "winger Lindqvist added the third", "engineers found unstable clay": an object, not a report
            and not (tok.lemma_.lower() in CLAUSE_SPEECH_VERBS and any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in tok.children))
        ):
            subject = _subject_text(article, doc, tok, exclude=anchor)
            if subject:
                return subject, tok
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            objects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return _phrase(article, doc, objects[0]), None
    tail = _tail_attribution(doc, sent)
    return finding if tail[0] is None and finding is not None and finding[0] else tail


def _tail_attribution(doc, sent) -> tuple[str | None, object]:
    """", Bank of England data show." when the parser did not hang the clause on the verb: the words
    between the last comma and a speech verb that ends the sentence."""
    end = sent.end
    while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while end - 1 > sent.start and (doc[end - 1].ent_type_ in {"DATE", "TIME"} or doc[end - 1].lower_ == "on") and doc[end - 2].text != ",":
        end -= 1  # ", the agriculture ministry forecast on Tuesday."
    if end <= sent.start:
        return None, None
    verb = doc[end - 1]
    if not (
        (verb.tag_.startswith("VB") and verb.lemma_.lower() in ALL_SPEECH_VERBS)
        # the tagger calls some of these nouns
        or verb.lower_ in {"show", "shows", "showed", "say", "says", "said", "estimates", "forecast", "forecasts", "estimated"}
    ):
        return None, None
    k = end - 2
    while k > sent.start and doc[k].text != ",":
        k -= 1
    if doc[k].text != "," or end - 1 - (k + 1) > 8 or end - 1 <= k + 1:
        return None, None
    tokens = [t for t in doc[k + 1 : end - 1] if t.ent_type_ not in {"DATE", "TIME"} and t.lower_ not in {"released", "published", "on"}]
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    if not tokens or any(t.pos_ == "VERB" for t in tokens) or not any(t.pos_ in {"NOUN", "PROPN"} for t in tokens):
        return None, None  # (", was confirmed on Monday.": a passive, not a source)
    return " ".join(t.text for t in tokens), verb


def _subject_text(article: Article, doc, verb, exclude, shared: bool = False) -> str | None:
    """Who speaks: the active subject, or the "by"-agent of a passive ("was reported by police"); the
    passive subject is what is spoken about ("unemployment is expected to rise"), not a source."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and shared and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "The airline carried 58 million and expects to carry 120 million": the first verb's subject speaks
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        agents = [c for c in verb.children if c.dep_ == "agent"]
        subjects = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
        subjects = [c for c in subjects if c.ent_type_ not in {"TIME", "DATE"} and not c.like_num]  # "expected by 5pm"
    if not subjects:
        return None
    subject = min(subjects, key=lambda c: abs(verb.i - c.i))  # "when a bus overturned, police said": the nearest
    if exclude.i in {t.i for t in subject.subtree}:
        return None
    return _phrase(article, doc, subject)


def _phrase(article: Article, doc, head) -> str:
    """The noun phrase headed by ``head``, cut at an apposition or relative clause; a person's fullest name."""
    tokens = []
    for t in head.subtree:
        if t.i > head.i and (t.text == "," or t.dep_ in {"relcl", "appos", "acl"}):
            break
        tokens.append(t)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    if not tokens:
        return head.text
    span = doc[tokens[0].i : tokens[-1].i + 1]
    if head.lower_ in {"who", "which", "that"} and head.head.dep_ == "relcl":
        antecedent = head.head.head  # "UN aid chief Helena Varga, who warned that ..."
        if head.lower_ == "who":
            while antecedent.dep_ == "pobj" and antecedent.head.dep_ == "prep" and antecedent.head.head.i != antecedent.i:
                antecedent = antecedent.head.head  # "Omar Haddad, chief economist at Crestview Bank, who ...": not the bank
            if antecedent.dep_ == "appos":
                antecedent = antecedent.head
        return _phrase(article, doc, antecedent)
    named = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ in {"PERSON", "ORG"}]
    if named:  # "the hospital's chief executive, Miriam Cole, told ..." -> Miriam Cole
        head = named[0]
        if head.ent_type_ == "ORG":
            start = head.i
            while start > 0 and doc[start - 1].ent_type_ == "ORG" and doc[start].ent_iob_ == "I":
                start -= 1
            end = head.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[start:end].text
    elif head.pos_ == "NOUN":
        proper = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ not in NOT_QUANTITY_ENTS]
        if proper:  # "the power grid operator, Elektra, said": the name the descriptor is given
            name = [t for t in proper[0].subtree if t.i <= proper[0].i and (t.pos_ == "PROPN" or t.tag_ == "POS")]
            if name and name[-1].i == proper[0].i and name[-1].i - name[0].i + 1 == len(name):
                return doc[name[0].i : proper[0].i + 1].text
    if head.ent_type_ == "PERSON":  # "Fire Chief Dana Ortiz" -> the person's fullest name, "Dana Ortiz"
        for entity in article.entities:
            if entity.kind == "person" and any(m.text.split()[-1] == head.text for m in entity.mentions):
                return entity.name
    return span.text


DENIALS = frozenset("deny denies denied denying dispute disputes disputed disputing reject rejects rejected rejecting contest contests contested refute refutes refuted".split())


def _quote_speaker(
    article: Article, paragraph: int, start: int, end: int, inside: bool, figures: list[tuple[int, int]] | None = None
) -> str | None:
    """The speaker of the quote the claim's figures sit in (``inside``; a paragraph after a quote's first
    is all quote), else of any quote in the paragraph with a named speaker."""
    for quote in article.quotes:
        if paragraph not in quote.paragraphs:
            continue
        if inside and paragraph == quote.paragraphs[0]:
            q_start, q_end = quote.span
            if not all(p == paragraph and q_start <= off < q_end for p, off in (figures or [(paragraph, start)])):
                continue
        if quote.cue and quote.cue.split()[0].lower() in DENIALS:
            continue  # "Gale, who denies two counts of laundering": she disputes the figure, she does not vouch for it
        speaker = quote.speaker
        name = speaker.name or speaker.mention or speaker.descriptor
        if name and (inside or speaker.name):
            return name
    return None


def _last_person(article: Article, paragraph: int, offset: int, kind: str = "person", same_paragraph: bool = False) -> str | None:
    """The last entity of ``kind`` named before the offset ("it said": the organisation named just before,
    in the same paragraph when ``same_paragraph``)."""
    best = None
    for entity in article.entities:
        if entity.kind != kind:
            continue
        for m in entity.mentions:
            if same_paragraph and m.paragraph != paragraph:
                continue
            if (m.paragraph, m.span[0]) < (paragraph, offset) and (best is None or (m.paragraph, m.span[0]) > best[0]):
                best = ((m.paragraph, m.span[0]), entity.name)
    return best[1] if best else None


def _said_on(article: Article, adoc: ArticleDoc, doc, verb, sent) -> str | None:
    """The date of the attribution clause: a time expression hanging off the speech verb."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp", "nsubj", "parataxis"}:
            continue
        sub = list(child.subtree)
        lo, hi = doc[sub[0].i].idx, doc[sub[-1].i].idx + len(doc[sub[-1].i].text)
        paragraph, start = adoc.locate(lo)
        end = start + (hi - lo)
        if time_in_range is not None:
            found = time_in_range(article, paragraph, start, end)
            if found:
                return getattr(found, "resolved", found)
            continue
        for t in article.times:
            if t.paragraph == paragraph and start <= t.span[0] and t.span[1] <= end and t.resolved:
                return t.resolved
    return None
