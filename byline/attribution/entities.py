"""Named entities with roles and affiliations, from the one spaCy parse of the body.

spaCy's small model finds most names but mislabels many; this module keeps
its spans and repairs them with rules that a reader would apply:

* titles are not part of a name ("Secretary of State Marco Rubio" -> name
  "Marco Rubio", role "Secretary of State"); leading "the" and a trailing
  possessive are dropped;
* "Operation Southern Spear" is an operation, "Cartel de los Soles" and news
  outlets are organisations, a lone surname of a person named elsewhere in the
  article is that person ("Trump" tagged ORG, "Paul" for "Rand Paul");
* an acronym defined after a lower-case phrase ("foreign terrorist
  organization (FTO)") is a common noun, not a name; one defined after a name
  ("Federal Emergency Management Agency (FEMA)") is another mention of it;
* roles come from a title run before the name, a bracketed title
  ("[White House deputy chief of staff] Stephen Miller"), an apposition
  ("Jane Roe, a spokeswoman for ...") and "his role as ..."; a nationality
  adjective in a title run is an affiliation with the country
  ("Venezuelan President" -> role "President", affiliation "Venezuela");
  a party-state tag ("R-Ky.") gives party and state.

Every mention keeps its exact character span in its paragraph: the quotes
stage links speakers to entities by overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from byline.attribution.roles import (
    DEMONYMS,
    HONORIFICS,
    OCCUPATION_WORDS,
    PARTY_WORDS,
    PORTFOLIO_WORDS,
    ROLE_AS,
    TITLE_CONNECTORS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    normalise_title,
    party_state,
)
from byline.model import Article, Entity, Mention
from byline.nlp import ArticleDoc

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "other",
    "LAW": "other",
    "WORK_OF_ART": "other",
}

# News outlets, which spaCy often misses or calls people.
OUTLETS = (
    "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "Axios", "Bloomberg", "CNN", "CNBC",
    "MSNBC", "Fox News", "NBC News", "ABC News", "CBS News", "BBC", "NPR", "PBS", "Politico", "Newsmax",
    "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Wall Street Journal",
    "Wall Street Journal", "Financial Times", "The Guardian", "The Hill", "Semafor", "Punchbowl News",
    "USA Today", "Los Angeles Times", "Al Jazeera", "Le Monde", "Der Spiegel", "Xinhua", "TASS", "Kyodo",
    "Yonhap", "The Atlantic", "Vox", "Breitbart", "The Telegraph", "The Times", "Sky News", "Deutsche Welle",
    "The Daily Ledger", "The Harbor Gazette",
)
OUTLET_RE = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True)) + r")\b")
CARTEL_RE = re.compile(r"\bCartel\s+(?:de|del|de\s+los|de\s+las|de\s+la)\s+[A-Z][\w\u00c0-\u017f]+(?:\s+[A-Z][\w\u00c0-\u017f]+)*|\b[A-Z][\w\u00c0-\u017f]+\s+Cartel\b")
OPERATION_RE = re.compile(r"\bOperation(?:\s+[A-Z][\w'\u2019-]*)+")

# A word in a name that says what kind of thing it names, whatever spaCy said.
ORG_WORDS = frozenset(
    """cartel party department ministry agency council committee commission service bureau institute
    university college association union corp corp. inc inc. company co. bank fund court senate congress
    parliament army navy police guard brigade front movement organization organisation foundation network
    authority administration office board federation league club fc united group news times post journal
    gazette herald tribune hospital school church""".split()
)
EVENT_WORDS = frozenset("fire wildfire blaze storm hurricane typhoon cyclone earthquake flood summit games cup championship olympics".split())
PLACE_WORDS = frozenset("county city river lake mountain mountains island islands valley province street avenue".split())
PERSON_LABELS_TO_FIX = {"PERSON", "GPE", "LOC", "NORP"}

# Acronym after a lower-case phrase: "foreign terrorist organization (FTO)".
COMMON_ACRONYM = re.compile(r"\b[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,5}\s+\((?P<acr>[A-Z]{2,6})\)")
# Acronym after a capitalised name: "Federal Emergency Management Agency (FEMA)".
NAMED_ACRONYM = re.compile(r"(?P<name>(?:[A-Z][\w.&'-]*\s+(?:(?:of|and|for|the|on)\s+)*)*[A-Z][\w.&'-]*)\s+\((?P<acr>[A-Z]{2,6})\)")

NICKNAME = re.compile(r"\s*[\"\u201c][^\"\u201c\u201d]{1,30}[\"\u201d]\s*")
COMMON_NOUN_ENDINGS = ("ship", "ness", "tion", "sion", "ment", "ity", "ance", "ence", "ism", "out", "ure")
ALIASES = {"us": "u.s.", "united states": "u.s.", "uk": "u.k.", "united kingdom": "u.k.", "britain": "u.k."}


@dataclass
class _Candidate:
    start: int  # token index in the doc
    end: int
    kind: str
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)


def annotate_entities(article: Article, adoc: ArticleDoc) -> None:
    """Fill ``article.entities`` (in order of first mention) from the shared parse."""
    doc = adoc.doc
    text = doc.text
    common_acronyms = {m.group("acr") for m in COMMON_ACRONYM.finditer(text)}
    candidates = _spacy_candidates(doc, common_acronyms)
    candidates = _add_pattern_candidates(doc, candidates, OPERATION_RE, "operation")
    candidates = _add_pattern_candidates(doc, candidates, OUTLET_RE, "organization")
    candidates = _add_pattern_candidates(doc, candidates, CARTEL_RE, "organization")
    candidates = _add_short_operation_names(doc, candidates)
    candidates = _add_capitalised_runs(doc, candidates)
    candidates.sort(key=lambda c: c.start)
    _fix_surnames(doc, candidates)
    for cand in candidates:
        if cand.kind == "person":
            _person_roles(doc, cand)
    _roles_from_role_as(doc, candidates)
    article.entities = _merge(doc, adoc, candidates, text)


# -- candidates -------------------------------------------------------------------------------------------


def _spacy_candidates(doc, common_acronyms: set[str]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for ent in doc.ents:
        kind = KIND_OF_LABEL.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ == "the" or doc[start].lower_ in HONORIFICS):
            start += 1
        while start < end and (doc[end - 1].text in {"'s", "\u2019s", "'", "\u2019", ".", ",", "-"} or doc[end - 1].is_lower):
            end -= 1  # "United Workers union" -> "United Workers"
        title_stripped = False
        while start < end - 1 and (doc[start].lower_ in TITLE_WORDS or doc[start].lower_ in TITLE_MODIFIERS):
            start += 1
            title_stripped = True
        if start >= end or not any(t.text[:1].isupper() for t in doc[start:end]):
            continue
        words = [t.lower_ for t in doc[start:end]]
        surface = doc[start:end].text
        if surface in common_acronyms:
            continue
        if _is_title_object(doc, start, end) or _is_party_state(doc, start):
            continue
        if end - start == 1 and _is_not_a_name(doc, doc[start]):
            continue
        if title_stripped and ent.label_ in {"PERSON", "ORG"}:
            kind = "person"
        if words[0] == "operation" and len(words) > 1:
            kind = "operation"
        elif ent.label_ in PERSON_LABELS_TO_FIX | {"ORG"} and any(w in ORG_WORDS for w in words):
            kind = "organization"
        elif ent.label_ in {"PERSON", "ORG"} and words[-1] in EVENT_WORDS:
            kind = "other"
        elif ent.label_ == "PERSON" and any(w in PLACE_WORDS for w in words):
            kind = "place"
        out.append(_Candidate(start, end, kind))
    return out


def _is_not_a_name(doc, tok) -> bool:
    """One capitalised word that is a title's portfolio ("Finance" Director) or, by its ending, a common
    noun opening a sentence ("Turnout was ...", "Ridership averaged ...")."""
    if tok.lower_ in PORTFOLIO_WORDS and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in TITLE_WORDS:
        return True
    if tok.lower_ in TITLE_WORDS or tok.lower_ in TITLE_MODIFIERS:
        return True  # "Rookie" (guard), "Battalion" (Chief): part of a title
    if tok.is_sent_start and tok.tag_ == "NNS":
        return True  # "Teammates rallied ..."
    if tok.is_sent_start and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.is_lower and tok.head.i == tok.i + 1:
        return True  # "Vaccine uptake ...", "Water company ..."
    return tok.is_sent_start and tok.lower_.endswith(COMMON_NOUN_ENDINGS)


def _is_title_object(doc, start: int, end: int) -> bool:
    """"State" in "Secretary of State": part of a title, not a name."""
    return end - start == 1 and start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TITLE_WORDS


def _is_party_state(doc, start: int) -> bool:
    """"Ky." in "R-Ky.": read as an affiliation of the person before it."""
    return start >= 2 and doc[start - 1].text in {"-", "\u2013"} and doc[start - 2].text in {"R", "D", "I"}


def _add_pattern_candidates(doc, candidates: list[_Candidate], pattern: re.Pattern, kind: str) -> list[_Candidate]:
    """Add regex matches as candidates, replacing overlapping spaCy spans (the pattern knows better)."""
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        candidates = [c for c in candidates if c.end <= span.start or c.start >= span.end]
        candidates.append(_Candidate(span.start, span.end, kind))
    return candidates


def _add_short_operation_names(doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """"Southern Spear" after "Operation Southern Spear" is the same operation."""
    names = {doc[c.start + 1 : c.end].text for c in candidates if c.kind == "operation"}
    for name in names:
        pattern = re.compile(r"(?<!Operation )\b" + re.escape(name) + r"\b")
        candidates = _add_pattern_candidates(doc, candidates, pattern, "operation")
    return candidates


def _add_capitalised_runs(doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Names spaCy missed: two or more capitalised proper nouns in a row ("Corvant Semiconductor",
    "Measure B"), with no title word among them. Kind from the last word, else organisation."""
    taken = {i for c in candidates for i in range(c.start, c.end)}
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].lower_ not in TITLE_WORDS and doc[j].lower_ not in HONORIFICS and not doc[j].ent_type_:
            j += 1
        if j - i >= 2:
            last = doc[j - 1].lower_
            kind = "place" if last in PLACE_WORDS else "other" if last in EVENT_WORDS else "organization"
            candidates.append(_Candidate(i, j, kind))
        i = max(j, i + 1)
    return candidates


def _fix_surnames(doc, candidates: list[_Candidate]) -> None:
    """A lone token that is the surname of a person named in full elsewhere is that person
    (whether spaCy tagged it as something else or missed it)."""
    surnames = {doc[c.end - 1].text for c in candidates if c.kind == "person" and c.end - c.start > 1}
    taken = {i for c in candidates for i in range(c.start, c.end)}
    for tok in doc:
        if tok.text in surnames and tok.i not in taken and tok.pos_ == "PROPN" and not tok.ent_type_:
            start = tok.i
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.i not in taken and prev.pos_ == "PROPN" and prev.is_title and not prev.ent_type_ \
                    and prev.lower_ not in TITLE_WORDS and prev.lower_ not in HONORIFICS:
                start = prev.i  # "Maya Reyes" missed by the tagger next to "Luis Reyes": a relative, not Luis
            candidates.append(_Candidate(start, tok.i + 1, "person"))
    candidates.sort(key=lambda c: c.start)
    for cand in candidates:
        if cand.end - cand.start == 1 and doc[cand.start].text in surnames and cand.kind in {"organization", "place", "other"}:
            cand.kind = "person"


# -- roles ------------------------------------------------------------------------------------------------


def _person_roles(doc, cand: _Candidate) -> None:
    sent_start = doc[cand.start].sent.start
    # [bracketed title] Name
    # (the parser often ends a sentence at "]", so look back over tokens, not within the sentence)
    if cand.start > 0 and doc[cand.start - 1].text == "]":
        j = cand.start - 2
        while j >= max(0, cand.start - 15) and doc[j].text not in {"[", "\n\n"}:
            j -= 1
        if j >= 0 and doc[j].text == "[":
            role = doc[j + 1 : cand.start - 1].text.strip()
            if role:
                _add(cand.roles, role)
    else:
        _title_run(doc, cand, sent_start)
    _word_before(doc, cand)
    _apposition(doc, cand)
    after = doc.text[doc[cand.end - 1].idx + len(doc[cand.end - 1].text) : doc[cand.end - 1].idx + 60]
    affiliations, _ = party_state(after)
    for a in affiliations:
        _add(cand.affiliations, a)


def _word_before(doc, cand: _Candidate) -> None:
    """"farmer Ilse Brandt" (occupation), "Democrat Adaeze Okonkwo" (party), "Kenya's Daniel Kiprotich" (country)."""
    if cand.start == 0:
        return
    before = doc[cand.start - 1]
    if not cand.roles and before.is_lower and (
        before.lower_ in OCCUPATION_WORDS or (before.dep_ == "compound" and before.pos_ == "NOUN" and cand.start <= before.head.i < cand.end)
    ):
        start = cand.start - 1  # "fast bowler Dev Sharma": take the lower-case modifiers too
        while start > 0 and doc[start - 1].is_lower and doc[start - 1].dep_ in {"amod", "compound"} and doc[start - 1].pos_ in {"ADJ", "NOUN"}:
            start -= 1
        _add(cand.roles, doc[start : cand.start].text)
    if before.lower_ in PARTY_WORDS and before.text[:1].isupper():
        _add(cand.affiliations, PARTY_WORDS[before.lower_])
    after = doc[cand.end : cand.end + 4]
    if len(after) >= 2 and after[0].lower_ == "of" and after[1].ent_type_ in {"GPE", "ORG"}:
        k = 1
        while k < len(after) and after[k].ent_type_ == after[1].ent_type_ and (k == 1 or after[k].ent_iob_ == "I"):
            k += 1
        _add(cand.affiliations, doc[after[1].i : after[k - 1].i + 1].text)  # "Linda Pratt of Westmark"
    if before.text in {"'s", "\u2019s"} and cand.start >= 2 and doc[cand.start - 2].ent_type_ == "GPE":
        start = cand.start - 2
        while start > 0 and doc[start - 1].ent_type_ == "GPE" and doc[start].ent_iob_ == "I":
            start -= 1
        _add(cand.affiliations, doc[start : cand.start - 1].text)


def _title_run(doc, cand: _Candidate, sent_start: int) -> None:
    """Titles before the name: "Venezuelan President", "Secretary of State", "former coach"."""
    run: list[int] = []
    j = cand.start - 1
    while j >= sent_start:
        tok = doc[j]
        low = tok.lower_
        if low in HONORIFICS and not run:
            j -= 1
            continue
        if low in TITLE_WORDS or low in TITLE_MODIFIERS:
            run.insert(0, j)
        elif low in TITLE_CONNECTORS and run:
            run.insert(0, j)
        elif tok.ent_type_ in {"ORG", "GPE", "NORP"} and tok.ent_type_ != "" and not tok.like_num:
            run.insert(0, j)
        elif (
            tok.is_title and tok.pos_ in {"PROPN", "ADJ", "NOUN"}
            and tok.ent_type_ not in {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL"}
        ):
            run.insert(0, j)  # "Prime" in "Prime Minister", "Majority" in "Senate Majority Leader"
        elif tok.text in {"-", "\u2013"} and run and j > sent_start and doc[j - 1].ent_type_ in {"ORG", "GPE"}:
            run.insert(0, j)
        else:
            break
        j -= 1
    while run and (doc[run[0]].lower_ in TITLE_CONNECTORS):
        run.pop(0)
    titles = [k for k, i in enumerate(run) if doc[i].lower_ in TITLE_WORDS]
    if not titles:
        return
    tail = run[titles[-1] + 1 :]
    # after the last title word only "of/for <Name>" may follow ("Secretary of Health"), else no role
    if tail and not (doc[tail[0]].lower_ in TITLE_CONNECTORS and all(doc[i].is_title for i in tail[1:])):
        return
    # leading nationality / country -> affiliation; a leading organisation stays in the role and is an affiliation too
    k = 0
    while k < len(run) and doc[run[k]].ent_type_ in {"GPE", "NORP"} and doc[run[k]].lower_ not in TITLE_WORDS:
        k += 1
    if k:
        place = " ".join(doc[i].text for i in run[:k])
        _add(cand.affiliations, DEMONYMS.get(place.lower(), place))
    role_tokens = run[k:]
    if role_tokens and doc[role_tokens[0]].ent_type_ == "ORG" and doc[role_tokens[0]].lower_ not in TITLE_WORDS:
        m = 0
        while m < len(role_tokens) and doc[role_tokens[m]].ent_type_ == "ORG" and doc[role_tokens[m]].lower_ not in TITLE_WORDS:
            m += 1
        _add(cand.affiliations, " ".join(doc[i].text for i in role_tokens[:m]))
    if role_tokens:
        _add(cand.roles, normalise_title([doc[i].text for i in role_tokens]))


def _apposition(doc, cand: _Candidate) -> None:
    """"Jane Roe, a spokeswoman for the fire department," and "The fire chief, Jane Roe,"."""
    root = doc[cand.start : cand.end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= cand.end and child.ent_type_ not in {"PERSON", "GPE", "DATE", "CARDINAL"}:
            tokens = [t for t in child.subtree if t.i >= cand.end]
            _add_phrase(cand, tokens)
    if root.dep_ == "appos" and root.head.i < cand.start and root.head.pos_ == "NOUN":
        tokens = [t for t in root.head.subtree if t.i < cand.start]
        _add_phrase(cand, tokens)


def _add_phrase(cand: _Candidate, tokens) -> None:
    cut = next((k for k, t in enumerate(tokens) if t.text in {"(", "[", ","}), None)
    if cut is not None:
        tokens = tokens[:cut]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"the", "a", "an"}):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 14 or all(t.like_num for t in tokens):
        return
    if not any(t.pos_ == "NOUN" or t.lower_ in TITLE_WORDS for t in tokens):
        return
    phrase = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    if party_state(" " + phrase)[1]:
        return
    _add(cand.roles, phrase)
    # "economist at Northgate Bank", "spokesman for the Harbor City Police Department": the organisation
    for k, t in enumerate(tokens[:-1]):
        if t.lower_ in {"at", "for", "with", "of"} and k > 0:
            rest = [r for r in tokens[k + 1 :] if r.lower_ != "the"]
            if rest and all(r.ent_type_ in {"ORG", "FAC"} or r.text[:1].isupper() for r in rest) and any(r.ent_type_ == "ORG" or r.pos_ == "PROPN" for r in rest):
                _add(cand.affiliations, rest[0].doc[rest[0].i : rest[-1].i + 1].text)
            break


def _roles_from_role_as(doc, candidates: list[_Candidate]) -> None:
    """"his dual role as national security adviser": give the role to the last person named before it."""
    people = [c for c in candidates if c.kind == "person"]
    for match in ROLE_AS.finditer(doc.text):
        at = match.start()
        before = [c for c in people if doc[c.end - 1].idx < at]
        if before:
            _add(before[-1].roles, match.group("role").strip())


def _add(items: list[str], value: str) -> None:
    value = value.strip(" ,;:")
    if value and value.lower() not in {v.lower() for v in items}:
        items.append(value)


# -- merging ----------------------------------------------------------------------------------------------


def _merge(doc, adoc: ArticleDoc, candidates: list[_Candidate], text: str) -> list[Entity]:
    named_acronyms: dict[str, str] = {}
    for m in NAMED_ACRONYM.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group("name"))
        named_acronyms[m.group("acr")] = _key(name)
    full_people = [c for c in candidates if c.kind == "person" and c.end - c.start > 1]
    for c in candidates:  # "EU" for "European Union"
        words = [t.text for t in doc[c.start : c.end] if t.text[:1].isupper()]
        if c.kind == "organization" and len(words) >= 2:
            named_acronyms.setdefault("".join(w[0] for w in words), _key(doc[c.start : c.end].text))
    full_things = [c for c in candidates if c.kind in {"organization", "other"} and c.end - c.start > 1]
    entities: list[Entity] = []
    index: dict[tuple[str, str], int] = {}
    for cand in candidates:
        span = doc[cand.start : cand.end]
        surface = span.text
        name = NICKNAME.sub(" ", surface).strip() if cand.kind == "person" else surface  # Tom "Tank" Reilly
        kind = cand.kind
        if kind == "person":
            key = ("person", _person_key(doc, cand, full_people))
        elif kind == "operation":
            key = ("thing", _key(re.sub(r"^Operation\s+", "", surface)))
        elif cand.end - cand.start == 1 and cand.kind in {"organization", "other"} and _short_name_of(doc, cand, full_things):
            key = ("thing", _key(_short_name_of(doc, cand, full_things)))
        else:
            key = ("thing", named_acronyms.get(surface, _key(surface)))
        paragraph, offset = adoc.locate(span.start_char)
        mention = Mention(paragraph=paragraph, span=[offset, offset + len(surface)], text=surface)
        if key not in index:
            index[key] = len(entities)
            entities.append(Entity(name=name, kind=kind))
        entity = entities[index[key]]
        entity.mentions.append(mention)
        if len(name.split()) > len(entity.name.split()) and surface not in named_acronyms:
            entity.name = name
        for r in cand.roles:
            _add(entity.roles, r)
        for a in cand.affiliations:
            _add(entity.affiliations, a)
    _resolve_affiliations(entities)
    return _people_who_are_employers(entities)


_KIN = frozenset("son daughter wife husband widow widower mother father brother sister friend partner child children".split())


def employers(entities: list[Entity]) -> set[str]:
    """Lower-case names the article gives someone a role at ("chief executive of Orla Water", "spokesman for
    Nora Rail"): organisations, whatever the parser tagged them (not "son of ...", "wife of ...")."""
    roles = " ".join(r.lower() for e in entities if e.kind == "person" for r in e.roles)
    found = set()
    for entity in entities:
        name = entity.name.lower()
        if entity.kind not in ("organization", "person") or " " not in name:
            continue
        before = re.finditer(rf"\b(\w+) (?:of|at|for) (?:the )?{re.escape(name)}\b", roles)
        if any(m.group(1) not in _KIN for m in before):
            found.add(name)
    return found


def _people_who_are_employers(entities: list[Entity]) -> list[Entity]:
    """A name the model tagged as a person ("Orla Water says ...", Orla being a first name) that the article gives
    someone a role at is an organisation: one entity with the organisation of that name, if there is one."""
    named = employers(entities)
    orgs = {e.name.lower(): e for e in entities if e.kind == "organization"}
    kept: list[Entity] = []
    for entity in entities:
        key = entity.name.lower()
        if entity.kind == "person" and key in named:
            if key in orgs:
                org = orgs[key]
                org.mentions = sorted(org.mentions + entity.mentions, key=lambda m: (m.paragraph, m.span[0]))
                continue
            entity.kind = "organization"
            entity.roles = []
            orgs[key] = entity
        kept.append(entity)
    return sorted(kept, key=lambda e: (e.mentions[0].paragraph, e.mentions[0].span[0]) if e.mentions else (0, 0))


def _short_name_of(doc, cand: _Candidate, full_things: list[_Candidate]) -> str | None:
    """"Brightwell" for "Brightwell Industries", "Hawks" for "Harbor Hawks": the nearest such name before, else after."""
    word = doc[cand.start].text
    if word.lower() in {"city", "county", "state", "national", "new", "united"}:
        return None
    matches = [c for c in full_things if word in (doc[c.start].text, doc[c.end - 1].text) and c.start != cand.start]
    if not matches:
        return None
    before = [c for c in matches if c.start < cand.start]
    chosen = before[-1] if before else matches[0]
    return doc[chosen.start : chosen.end].text


def _resolve_affiliations(entities: list[Entity]) -> None:
    """An affiliation that names an organisation in the article takes that organisation's fullest name."""
    by_mention = {m.text.lower(): e.name for e in entities if e.kind == "organization" for m in e.mentions}
    for entity in entities:
        entity.affiliations = list(dict.fromkeys(by_mention.get(a.lower(), a) for a in entity.affiliations))


def _key(surface: str) -> str:
    key = " ".join(surface.lower().split())
    return ALIASES.get(key.replace(".", ""), key)


def _person_key(doc, cand: _Candidate, full_people: list[_Candidate]) -> str:
    tokens = NICKNAME.sub(" ", doc[cand.start : cand.end].text).split()
    if len(tokens) > 1:
        return " ".join(tokens).lower()
    word = tokens[0]
    # the surname (or given name) of someone named in full: the nearest such person before, else after
    matches = [p for p in full_people if word in (doc[p.end - 1].text, doc[p.start].text)]
    surname_matches = [p for p in matches if doc[p.end - 1].text == word] or matches
    if not surname_matches:
        return word.lower()
    before = [p for p in surname_matches if p.start < cand.start]
    chosen = before[-1] if before else surname_matches[0]
    return " ".join(NICKNAME.sub(" ", doc[chosen.start : chosen.end].text).split()).lower()
