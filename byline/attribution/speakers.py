"""The speaker model: who a cue's subject is, named or not, and resolving surnames and pronouns.

A speaker phrase is split into the name (resolved to the full name introduced
earlier: "Paul" -> "Rand Paul"), the mention as written and the descriptor
(titles, roles, affiliations: "Sen., R-Ky."). Unnamed sources are kept whole
("two people familiar with the negotiations") as both mention and descriptor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from byline.attribution.cues import is_speech
from byline.attribution.relay import outlet_name, relayed_by
from byline.model import Speaker
from byline.nlp import doc_text

HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss mx mx. messrs. sir dame".split())
TITLES = frozenset(
    """sen. sen senator rep. rep representative gov. gov governor president vice mayor secretary minister
    prime chancellor dr. dr prof. prof professor gen. gen general adm. admiral lt. col. maj. capt. sgt.
    cpl. pvt. judge justice chief director deputy ambassador commissioner councilman councilwoman
    councillor councilor coach sheriff attorney speaker leader chairman chairwoman chair ceo cfo king
    queen prince princess pope rev. rev father bishop officer detective inspector superintendent
    spokesman spokeswoman spokesperson lawmaker candidate former acting assistant associate premier
    minister-president state house senate white press executive manager president-elect u.s. first
    lady sister brother rabbi imam pastor lord baroness dean principal superintendent trooper sergeant
    corporal lieutenant captain colonel commander constable marshal""".split()
)
MALE_HONORIFICS = frozenset("mr mr. messrs. sir father king prince brother lord".split())
FEMALE_HONORIFICS = frozenset("mrs mrs. ms ms. miss dame queen princess sister lady baroness".split())
MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory frank raymond alexander patrick jack dennis jerry tyler aaron jose adam henry nathan douglas
    zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin
    arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne
    roy ralph randy eugene vincent russell elijah louis bobby philip johnny marco rand mitch chuck ted
    bernie barack bill hakeem tom tim mike jim bob dan ben sam nick luis carlos miguel ahmed mohammed
    omar ivan dmitri sergei vladimir volodymyr emmanuel olaf rishi keir boris xi nicolás nicolas hunter""".split()
)
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
    katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
    victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
    frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
    alexis kayla hillary nikki kamala nancy elise alexandria ilhan kristi marjorie liz susie karine
    tulsi pam kristen ursula giorgia angela theresa claudia jacinda sanna ana lucia sofia fatima aisha
    priya mei yuki olena ines elena anne ruiz""".split()
) - {"ruiz"}
SOURCE_NOUNS = frozenset(
    """official source person people aide adviser advisor diplomat officer staffer insider employee
    engineer worker executive member analyst expert lawmaker legislator operative strategist ally
    confidant friend relative witness resident investigator agent negotiator consultant lobbyist donor
    organizer volunteer manager director administrator researcher scientist economist doctor nurse
    physician lawyer attorney teacher student parent veteran soldier officer trooper firefighter
    contractor supplier trader banker dealer driver pilot activist protester voter fan player""".split()
)
# Words that end an organisation's name ("Halden Motors", "Bellweather Builders").
ORG_NAME_WORDS = frozenset(
    """inc inc. corp corp. co co. llc ltd ltd. plc group motors pharma pharmaceuticals builders bank holdings
    partners industries airlines airways systems technologies labs foundation institute association council
    university college hospital company corporation agency department ministry committee party union league
    club fc team times post news federation alliance coalition society trust board commission marine shipping
    logistics energy rail foods media capital solutions services software networks resources mining steel chemicals
    therapeutics biotech electric utilities telecom""".split()
)
DOCUMENT_NOUNS = frozenset(
    """statement report release memo letter filing ruling study poll survey document analysis figure data record
    estimate statistic tally census audit ordinance bill""".split()
)
SPOKES_NOUNS = frozenset("spokesman spokeswoman spokesperson representative press secretary".split())
ORG_NOUNS = frozenset(
    """office department ministry agency company campaign committee administration government council
    firm police military army navy team club union commission board court party organization
    organisation association institute university school hospital bureau service authority embassy
    group coalition alliance foundation network newspaper outlet paper station channel website district county
    city state county regime cabinet senate house congress parliament legislature prosecutors""".split()
)
PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female", "they": "plural", "we": "plural",
            "i": "first", "it": "neuter"}
ANONYMITY = re.compile(
    r"anonymity|not authorized|not authorised|not be named|not to be named|not be identified|"
    r"familiar with|declined to be named|spoke on condition|without attribution|briefed on|"
    r"knowledge of|aware of|close to",
    re.I,
)
# Party members an article calls a named politician by ("the Kentucky Republican"), with their party-tag letter.
PARTY_MEMBERS = {"republican": "R", "democrat": "D", "independent": "I", "conservative": "", "liberal": "",
                 "libertarian": "L", "socialist": "", "tory": ""}
_PARTY_STATE = re.compile(r"^\(?[DRI]-[A-Z][A-Za-z.]{1,4}\)?$")
_INDEFINITE = frozenset(
    "a an one two three four five six seven eight nine ten some several many few multiple numerous dozens other another".split()
)


@dataclass
class Person:
    name: str
    descriptor: str | None = None
    gender: str | None = None  # male | female | None (unknown: compatible with either pronoun)


@dataclass
class Registry:
    """People named in the article, in order, so later surnames and roles resolve to them."""

    people: list[Person] = field(default_factory=list)
    by_surname: dict[str, Person] = field(default_factory=dict)
    by_name: dict[str, Person] = field(default_factory=dict)
    subjects: list[tuple[int, Person]] = field(default_factory=list)  # (offset, person) named as a clause subject
    organizations: set[str] = field(default_factory=set)  # lower-case names known to be organisations
    mentions: list[tuple[int, Person]] = field(default_factory=list)  # (offset, person) every time a name is tagged

    def outside(self, quoted: Callable[[int], bool]) -> None:
        """Forget names written inside quotation marks: "Karsland treated us badly," he said. -- "he" is not
        Karsland; the words are the speaker's, the names in them are not the narrative's."""
        self.subjects = [(at, p) for at, p in self.subjects if not quoted(at)]
        self.mentions = [(at, p) for at, p in self.mentions if not quoted(at)]

    def add(self, name: str, descriptor: str | None, gender: str | None) -> Person:
        key = name.lower()
        person = self.by_name.get(key)
        if person is None:
            # a single word that is the surname of someone already known is that person
            person = self.by_surname.get(key) if " " not in name else None
        surname_only = self.by_name.get(name.split()[-1].lower()) if " " in name else None
        if person is None and surname_only is not None and " " not in surname_only.name:
            # the parser found "Ostrava" alone before the full "Lidia Ostrava": one person, named in full
            person = surname_only
            person.name = name
            self.by_name[key] = person
        if person is None:
            person = Person(name=name, descriptor=descriptor, gender=gender)
            self.people.append(person)
            self.by_name[key] = person
        else:
            person.descriptor = person.descriptor or descriptor
            person.gender = person.gender or gender
        parts = name.split()
        if len(parts) > 1:
            self.by_surname[parts[-1].lower()] = person
            self.by_surname.setdefault(" ".join(parts[1:]).lower(), person)
        return person

    def resolve(self, name: str) -> Person | None:
        key = name.lower()
        return self.by_name.get(key) or self.by_surname.get(key) or self.by_surname.get(key.split()[-1] if key else "")

    def by_role(self, role: str) -> Person | None:
        """The most recent person whose descriptor holds ``role`` ("the senator" -> "Sen. ...")."""
        role = role.lower().rstrip(".")
        variants = {role, _ABBREVIATIONS.get(role, role)}
        for person in reversed(self.people):
            words = {w.lower().strip(".,") for w in (person.descriptor or "").split()}
            if variants & words:
                return person
        return None


_ABBREVIATIONS = {"senator": "sen", "representative": "rep", "governor": "gov", "general": "gen", "professor": "prof",
                  "doctor": "dr", "congressman": "rep", "congresswoman": "rep"}


def _gender_of(tokens: list[Token]) -> str | None:
    for t in tokens:
        low = t.lower_
        if low in MALE_HONORIFICS:
            return "male"
        if low in FEMALE_HONORIFICS:
            return "female"
    for t in tokens:
        low = t.lower_
        if t.pos_ == "PROPN" and low not in TITLES:
            if low in MALE_NAMES:
                return "male"
            if low in FEMALE_NAMES:
                return "female"
            return None
    return None


def _gender_of_name(name: str) -> str | None:
    first = name.split()[0].lower()
    return "male" if first in MALE_NAMES else "female" if first in FEMALE_NAMES else None


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:—–-")


def name_tokens(head: Token) -> list[Token]:
    """The tokens of the proper name headed by ``head``, without titles and honorifics."""
    doc = head.doc
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and head.ent_iob_ != "O":
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        tokens = list(doc[start:end])
    else:
        tokens = [head]
        anchor = head  # the word the next compound to the left must hang from
        i = head.i - 1
        while i >= 0:
            if doc[i].pos_ == "PROPN" and doc[i].head.i in (anchor.i, i + 1) and doc[i].dep_ in ("compound", "flat"):
                tokens.insert(0, doc[i])
                i -= 1
            elif i >= 1 and doc[i].dep_ == "case" and doc[i - 1].tag_ == "NNPS" and doc[i - 1].dep_ == "poss" \
                    and doc[i - 1].head.i == anchor.i:
                tokens[:0] = [doc[i - 1], doc[i]]  # "the Dunmore Students' Federation", "the Harlow Teachers' Union"
                anchor = doc[i - 1]
                i -= 2
            else:
                break
    inside = {t.i for t in tokens}
    while tokens[0].i >= 2 and doc[tokens[0].i - 1].lower_ in ("and", "&") and doc[tokens[0].i - 2].pos_ == "PROPN" \
            and doc[tokens[0].i - 2].head.i in inside:
        tokens = [doc[tokens[0].i - 2], doc[tokens[0].i - 1], *tokens]  # "the Coastal and Rivers Agency"
        inside |= {t.i for t in tokens}
    tokens = _without_nickname(tokens)
    titled = [k for k, t in enumerate(tokens) if t.lower_ in TITLES or t.lower_ in HONORIFICS]
    if titled and titled[-1] + 1 < len(tokens):
        tokens = tokens[titled[-1] + 1 :]  # "County Executive Brian Holt" -> "Brian Holt"
    while tokens and (tokens[0].lower_ in TITLES or tokens[0].lower_ in HONORIFICS or tokens[0].lower_ == "the"):
        tokens.pop(0)
    while tokens and tokens[-1].text in ("'s", "’s", ","):
        tokens.pop()
    return tokens or [head]


def joined(tokens: list[Token]) -> str:
    """A name as written: "Dunmore Students' Federation" (no space before the apostrophe), "Tom Reilly" from
    Tom "Tank" Reilly."""
    return "".join(t.text + (t.whitespace_ or (" " if k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1 else ""))
                   for k, t in enumerate(tokens)).strip()


def _without_nickname(tokens: list[Token]) -> list[Token]:
    """Drop a quoted nickname from a name: Tom "Tank" Reilly -> Tom Reilly."""
    kept, inside = [], False
    for t in tokens:
        if t.dep_ == "case":  # the apostrophe of "Students' Federation" is a possessive, not a quotation mark
            kept.append(t)
            continue
        if t.text in ('"', "“", "”", "‘", "’", "'"):
            inside = not inside if t.text in ('"', "'") else t.text in ("“", "‘")
            continue
        if not inside:
            kept.append(t)
    return kept


def descriptor_of(head: Token, name: list[Token]) -> str | None:
    """Titles left of the name in its phrase, and appositions/affiliations right of it."""
    doc = head.doc
    subtree = list(head.subtree)
    left_start = subtree[0].i
    marks = [t.i for t in doc[left_start : name[0].i] if t.text in _QUOTE_MARKS or t.text in (".", "?", "!")]
    if marks:  # '"It was a joke," Malinowicz wrote' parsed with the quotation under the name: only what follows it
        left_start = marks[-1] + 1
    pieces: list[str] = []
    left = [t for t in doc[left_start : name[0].i] if t.lower_ not in HONORIFICS and t.dep_ != "det" and t.text not in (",",)]
    if left and not any(t.dep_ in ("relcl", "acl") for t in left):
        pieces.append(_clean(doc[left[0].i : name[0].i].text))
    right = _right_of_name(head, name)
    if right:
        pieces.append(right)
    after = name[-1].i + 1
    if not any(p for p in pieces[1:]) and after + 1 < len(doc) and doc[after].text == ",":
        # "Rand Paul, R-Ky.," parsed loosely: take a party-state tag by shape
        j = after + 1
        k = j
        while k < len(doc) and k < j + 4 and doc[k].text not in (",", ")") and not doc[k].is_space:
            k += 1
        tag = doc[j:k].text.replace(" ", "")
        if _PARTY_STATE.match(tag) and tag not in pieces:
            pieces.append(tag)
    pieces = [p for p in pieces if p]
    return ", ".join(pieces) or None


_QUOTE_MARKS = frozenset(('"', "“", "”", "''", "``", "«", "»", "‘", "’"))
_NICKNAMED = re.compile(r"\b([A-Z][a-z]+) [\"“'‘][A-Z][^\"”'’\n]{0,30}[\"”'’] ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _right_of_name(head: Token, name: list[Token]) -> str | None:
    """What the phrase says of the person after the name, as written ("R-Tex.", "vice-chancellor of Hearne
    University", "71, a retired mail carrier"), up to a clause about them ("who has lived ...", "addressing the
    chamber") or a quotation."""
    doc = head.doc
    tokens = [t for t in head.subtree if t.i > name[-1].i]
    if not tokens or not (tokens[0].text in (",", "(") or tokens[0].lower_ in ("of", "from", "at", "for")):
        return None  # not a description: "Holt's", a name running on
    clauses = [min(x.i for x in c.subtree) for c in head.children
               if c.i > name[-1].i and c.dep_ in ("relcl", "acl", "advcl", "conj", "cc")]
    end = min(clauses, default=tokens[-1].i + 1)
    for t in tokens:
        if t.i < end and (t.text in ('"', "“", "”", "''", "«") or "\n" in t.text):
            end = t.i
    words = [t for t in tokens if t.i < end]
    if not words or (len(words) == 1 and words[0].is_punct):
        return None
    return _clean(doc[words[0].i : words[-1].i + 1].text) or None


def build_registry(doc: Doc, known: list[tuple[str, list[str]]] | None = None,
                   organizations: set[str] | None = None) -> Registry:
    """Every person the article names, with the titles it gives them the first time.

    ``known`` adds people found by the entities stage (name, roles) that the parser's NER missed;
    ``organizations`` (lower-case names) are what that stage found to be organisations, whatever the parser said.
    """
    registry = Registry(organizations=set(organizations or ()))
    for name, roles in known or []:
        if " " in name:
            registry.add(name, None, _gender_of_name(name))
    for found in _NICKNAMED.finditer(doc_text(doc)):  # Kade "The Kettle" Marlow: the parser rarely sees one person
        name = f"{found.group(1)} {found.group(2)}"
        registry.add(name, None, _gender_of_name(name))
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        tokens = [t for t in _without_nickname(list(ent))
                  if t.lower_ not in TITLES and t.lower_ not in HONORIFICS and t.text not in ("'s", "’s")]
        if not tokens:
            continue
        name = " ".join(t.text for t in tokens)
        if name.lower() in registry.organizations:
            continue
        before = [doc[ent.start - 1]] if ent.start > 0 else []
        gender = _gender_of(before + list(ent))
        root = ent.root
        descriptor = descriptor_of(root, tokens) if root.dep_ != "compound" else None
        person = registry.add(name, descriptor, gender)
        registry.mentions.append((ent.start_char, person))
        if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")):
            registry.subjects.append((ent.start_char, person))
    # a known surname as a subject that the parser did not tag as a person ("Marlow himself appears to ...")
    tagged = {at for at, _ in registry.subjects}
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN" and token.ent_type_ != "PERSON" \
                and token.idx not in tagged and token.is_title:
            person = registry.by_surname.get(token.lower_)
            if person is not None and " " in person.name:
                registry.subjects.append((token.idx, person))
    registry.subjects.sort(key=lambda item: item[0])
    return registry


@dataclass
class SpeakerPhrase:
    """A speaker as found: the Speaker record plus where its mention sits (doc.text offsets)."""

    speaker: Speaker
    start: int
    end: int
    gender: str | None = None


def _phrase_tokens(head: Token) -> list[Token]:
    sub = list(head.subtree)
    tokens = list(head.doc[sub[0].i : sub[-1].i + 1])
    for k, t in enumerate(tokens):  # a phrase never runs into a quotation ('a video that said, "..."')
        if t.i > head.i and (t.text in ('"', "“", "”", "''", "``", "«") or "\n" in t.text):
            tokens = tokens[:k]
            break
    relay = relayed_by(head)
    if relay is not None:  # "state figures reported Sunday by WFNK-TV": the outlet is the relay, not the source
        tokens = [t for t in tokens if t.i < min(x.i for x in relay[0].subtree)]
    for k, t in enumerate(tokens):
        # nor into a statement of its own: "the agency, which said 22 people were missing" names "the agency"
        if t.dep_ == "relcl" and t.head.i == head.i and is_speech(t) and any(c.dep_ == "ccomp" for c in t.children):
            tokens = tokens[: min(x.i for x in t.subtree) - tokens[0].i]
            break
    doc = head.doc
    last = tokens[-1] if tokens else head
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.dep_ == "advmod" and after.pos_ == "ADV" and last.pos_ == "VERB" \
            and after.head.i == head.head.i == after.i + 1:
        tokens.append(after)  # "an official not authorized to speak publicly said": the adverb is the phrase's
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens


def describe(head: Token, registry: Registry, history: list[SpeakerPhrase]) -> SpeakerPhrase:
    """Turn the head of a speaker phrase into a Speaker, resolving names and pronouns."""
    low = head.lower_
    doc = head.doc
    if low in PRONOUNS:
        return _pronoun(head, history, registry)
    is_name = (head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG")
               or (head.is_title and registry.resolve(head.text) is not None))
    if is_name and head.text.islower() and head.ent_type_ != "PERSON":
        is_name = False  # "the city council" tagged as a proper noun: a name is written with a capital
    if is_name and not head.ent_type_ and head.is_sent_start and _closing_name(head):
        is_name = False  # "Counsel for Geary, Rupert Sallow, told ...": a capital only because it opens the sentence
    if not is_name:
        named = [c for c in head.children if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
                 and outlet_name(c.text) is None and not _names_a_place(c)] or _closing_name(head)
        if named:  # "the captain, Rui Costa": the name is the apposition, the role its descriptor
            first_of_name = min(t.i for t in named[0].subtree)
            role = [t for t in head.subtree if t.i < first_of_name]
            phrase = _appositive_person(named[0], role, registry)
            if phrase is not None:
                return phrase
    phrase = _phrase_tokens(head)
    phrase_text = _clean(doc[phrase[0].i : phrase[-1].i + 1].text) if phrase else head.text
    company = (head.tag_ in ("NNPS", "NNS") and head.text[:1].isupper() and head.i > 0  # "Halvern Solvents"
               and doc[head.i - 1].pos_ == "PROPN" and doc[head.i - 1].dep_ == "compound")
    norp = head.ent_type_ == "NORP" and registry.resolve(head.text) is None  # "Republicans", not a known "Serafinowicz"
    if is_name and not norp and not (head.tag_ == "NNPS" and head.ent_type_ != "ORG" and not company):
        tokens = name_tokens(head)
        written = joined(tokens)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        outlet = outlet_name(written) or outlet_name(phrase_text)
        known = registry.resolve(written) if head.ent_type_ != "PERSON" else None
        org_name = (tokens[-1].lower_ in ORG_NAME_WORDS and len(tokens) > 1) or company \
            or written.lower() in registry.organizations
        self_gender = _gender_of_own_clause(head)
        if outlet or org_name or (known is None and not _named_in_a_role(head, tokens) and self_gender is None and (
                head.ent_type_ in ("ORG", "GPE", "FAC") or (
                head.ent_type_ != "PERSON" and any(t.lemma_.lower() in ORG_NOUNS for t in tokens)))):
            name = outlet or written
            if name.lower().startswith("the "):
                name = name[4:]
            return SpeakerPhrase(Speaker(name=name, mention=written, descriptor=descriptor_of(head, tokens),
                                         anonymous=False, kind="organization"), start, end)
        person = registry.resolve(written)
        local = descriptor_of(head, tokens)
        gender = _gender_of([doc[tokens[0].i - 1]] if tokens[0].i > 0 else [] + tokens) or self_gender
        if person is None and len(tokens) == 1:
            written_in_full = _full_name_before(head)
            person = registry.resolve(written_in_full) if written_in_full else None
            if person is None and written_in_full:
                person = registry.add(written_in_full, local, gender)
        if person is None:
            person = registry.add(written, local, gender)
        return SpeakerPhrase(
            Speaker(name=person.name, mention=written, descriptor=local or person.descriptor, anonymous=False, kind="person"),
            start, end, person.gender or gender,
        )
    # common noun phrase: a role, an unnamed source, a group, an organisation
    start = phrase[0].idx if phrase else head.idx
    end = phrase[-1].idx + len(phrase[-1].text) if phrase else head.idx + len(head.text)
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    determiners = [t.lower_ for t in head.children if t.dep_ in ("det", "nummod", "quantmod", "amod") and t.i < head.i]
    definite = any(d in ("the", "this", "that", "these", "those") for d in determiners) or any(
        t.dep_ == "poss" for t in head.children)
    marked = bool(ANONYMITY.search(phrase_text))
    outlet = outlet_name(phrase_text)
    if outlet:
        return SpeakerPhrase(Speaker(name=None if outlet.lower().startswith("the ") and outlet.islower() else outlet,
                                     mention=phrase_text, descriptor=None, anonymous=False, kind="organization"), start, end)
    if lemma in ORG_NOUNS or head.ent_type_ == "ORG":
        return SpeakerPhrase(Speaker(name=None, mention=phrase_text, descriptor=phrase_text, anonymous=False,
                                     kind="organization"), start, end)
    kind = "group" if plural else ("person" if lemma in SOURCE_NOUNS or lemma in SPOKES_NOUNS or lemma in TITLES else "unknown")
    document = lemma in DOCUMENT_NOUNS and not (lemma == "figure" and not plural)  # "a senior figure" is a person
    if document:
        kind = "organization"  # "a statement from the bank": an institution's voice
    elif kind == "unknown" and not plural and any(d in ("a", "an", "one", "another") for d in determiners):
        kind = "person"  # "one guest", "a neighbour"
    if definite and not marked and head.i > 0 and doc[head.i - 1].lower_ == "the":
        earlier = next((p for p in reversed(history) if p.start < start and p.speaker.anonymous and not p.speaker.name
                        and lemma in (p.speaker.mention or "").lower().replace(",", " ").split()), None)
        if earlier is not None:  # "the diplomat" after "a senior diplomat, who spoke on condition of anonymity"
            return SpeakerPhrase(Speaker(name=None, mention=phrase_text, descriptor=phrase_text,
                                         anonymous=True, kind=earlier.speaker.kind), start, end, earlier.gender)
    age = age_of_nominal(head)
    if age is not None and head.i >= 5 and doc[head.i - 5].lower_ in ("the", "this", "that"):
        # "the 43-year-old": the parse often hangs "the" on the verb, so the phrase is taken as written
        start, end = doc[head.i - 5].idx, head.idx + len(head.text)
        written = doc_text(doc)[start:end]
        aged = _aged_speaker(age, doc_text(doc)[:start], history, registry)
        if aged is not None and aged.speaker.name:  # after "Mira Soll, 43," or "43-year-old nurse Mira Soll"
            return SpeakerPhrase(Speaker(name=aged.speaker.name, mention=written, descriptor=aged.speaker.descriptor,
                                         anonymous=False, kind="person"), start, end, aged.gender)
        anonymous = aged is not None and aged.speaker.anonymous  # after "a 29-year-old woman who asked not to be named"
        return SpeakerPhrase(Speaker(name=None, mention=written, descriptor=written, anonymous=anonymous, kind="person"),
                             start, end, aged.gender if aged is not None else None)
    if definite and not marked and lemma in PARTY_MEMBERS and not plural:
        named = _party_member(lemma, history, start)
        if named is not None:  # "the Nebraska Republican" after "Sen. Harold Benning, R-Neb."
            return SpeakerPhrase(Speaker(name=named.speaker.name, mention=phrase_text, descriptor=named.speaker.descriptor,
                                         anonymous=False, kind="person"), start, end, named.gender)
    if definite and not marked and lemma in TITLES and not plural:
        person = registry.by_role(lemma)
        if person is not None:  # "the senator" after "Sen. Rand Paul"
            return SpeakerPhrase(Speaker(name=person.name, mention=phrase_text, descriptor=person.descriptor,
                                         anonymous=False, kind="person"), start, end, person.gender)
    indefinite = not definite and (any(d in _INDEFINITE for d in determiners) or plural or low in _INDEFINITE or not determiners)
    individual = lemma not in SPOKES_NOUNS and lemma not in TITLES and not document and head.pos_ != "PROPN"
    anonymous = marked or (individual and (indefinite or (definite and lemma in ("official", "source", "person", "people", "insider"))))
    if low in _INDEFINITE and kind == "unknown":
        kind = "person" if low in ("one", "a", "an") else "group"
    return SpeakerPhrase(Speaker(name=None, mention=phrase_text, descriptor=phrase_text, anonymous=anonymous, kind=kind),
                         start, end, _gender_in_phrase(phrase) if kind == "person" else None)


def _gender_of_own_clause(head: Token) -> str | None:
    """"Ilves told reporters that she was relieved": the reported clause calls its own speaker "she" (an
    organisation would be "it"), so a name the parser took for an organisation is a person, and a woman."""
    if head.dep_ != "nsubj" or not is_speech(head.head):
        return None
    for clause in head.head.children:
        if clause.dep_ != "ccomp":
            continue
        for subject in clause.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.lower_ in ("he", "she"):
                return PRONOUNS[subject.lower_]
    return None


def _full_name_before(head: Token) -> str | None:
    """"Hanne Ilves" for a lone "Ilves" written in full earlier ("the Greens' Hanne Ilves"), when the parser tagged
    neither as a person."""
    doc = head.doc
    for token in doc[: head.i]:
        first = doc[token.i - 1] if token.i > 0 else None
        if token.text == head.text and first is not None and first.pos_ == "PROPN" and first.is_title \
                and first.dep_ == "compound" and first.head.i == token.i and not first.is_sent_start:
            return f"{first.text} {token.text}"
    return None


def _named_in_a_role(head: Token, name: list[Token]) -> bool:
    """A name the parser took for an organisation that the text gives a person's role or first name:
    "Nadia Fell, chair of the tenants' association", "Councillor Ivo Marsh"."""
    if len(name) > 1 and (name[0].lower_ in MALE_NAMES or name[0].lower_ in FEMALE_NAMES):
        return True
    before = head.doc[name[0].i - 1] if name[0].i > 0 else None
    if before is not None and (before.lower_ in TITLES or before.lower_ in MALE_HONORIFICS or before.lower_ in FEMALE_HONORIFICS):
        return True
    roles = [c for c in head.children if c.dep_ == "appos" and c.i > name[-1].i]
    return any(r.lemma_.lower() in TITLES or r.lemma_.lower() in SOURCE_NOUNS for r in roles)


def age_of_nominal(head: Token) -> str | None:
    """'43' for the noun phrase "the 43-year-old" (an age used as a noun names a person)."""
    doc = head.doc
    if head.lower_ == "old" and head.i >= 4 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ in ("year", "month") \
            and doc[head.i - 3].text == "-" and doc[head.i - 4].like_num:
        return doc[head.i - 4].text
    return None


def _aged_speaker(age: str, before: str, history: list[SpeakerPhrase], registry: Registry) -> SpeakerPhrase | None:
    """The speaker an age epithet stands for: the latest one whose age the text gave ("Soll, 43," or
    "43-year-old Mira Soll"), or an unnamed speaker introduced with that age ("a 43-year-old nurse")."""
    def aged(name: str) -> bool:
        surname = re.escape(name.split()[-1])
        return re.search(rf"\b{surname},? {age}\b|\b{age}-(?:year|month)-old (?:[\w.'’-]+ ){{0,4}}{surname}\b",
                         before) is not None

    for phrase in reversed(history):
        speaker = phrase.speaker
        if speaker.kind != "person":
            continue
        if speaker.name and aged(speaker.name):
            return phrase
        if not speaker.name and re.search(rf"\b{age}-(?:year|month)-old\b", speaker.mention or ""):
            return phrase
    for person in reversed(registry.people):
        if aged(person.name):
            return SpeakerPhrase(Speaker(name=person.name, mention=person.name, descriptor=person.descriptor,
                                         anonymous=False, kind="person"), 0, 0, person.gender)
    return None


def _party_member(lemma: str, history: list[SpeakerPhrase], before: int) -> SpeakerPhrase | None:
    """The named person an epithet like "the Kentucky Republican" stands for: the last named speaker, unless
    their party tag says another party."""
    letter = PARTY_MEMBERS[lemma]
    for phrase in reversed(history):
        if phrase.start >= before or phrase.speaker.kind != "person" or not phrase.speaker.name:
            continue
        tags = [w.strip("(),") for w in (phrase.speaker.descriptor or "").split() if _PARTY_STATE.match(w.strip(","))]
        if letter and tags and not any(t.lstrip("(").startswith(letter + "-") for t in tags):
            continue
        return phrase
    return None


def _gender_in_phrase(phrase: list[Token]) -> str | None:
    """An unnamed person's gender from a pronoun in their own phrase ("an engineer who said he was not authorised")."""
    genders = {PRONOUNS.get("him" if t.lower_ == "his" else t.lower_) for t in phrase} & {"male", "female"}
    return genders.pop() if len(genders) == 1 else None


def _pronoun(head: Token, history: list[SpeakerPhrase], registry: Registry) -> SpeakerPhrase:
    low = head.lower_
    start, end = head.idx, head.idx + len(head.text)
    gender = PRONOUNS.get(low)
    if gender in ("male", "female"):
        # the last named person before the pronoun, of a compatible gender: a speaker, or a person the
        # article names as the subject of a clause (people named in passing, as objects, do not count)
        candidates: list[tuple[int, Person]] = [(p.start, registry.resolve(p.speaker.name) or Person(p.speaker.name, p.speaker.descriptor, p.gender))
                                                for p in history if p.speaker.kind == "person" and p.speaker.name and p.start < start]
        candidates += [(at, person) for at, person in registry.subjects if at < start]
        unnamed = [p for p in history if p.speaker.kind == "person" and not p.speaker.name and p.start < start
                   and (p.speaker.mention or "").lower() not in PRONOUNS]
        if unnamed:
            # 'A council engineer, who asked not to be named, said X. "Y," he said.': an unnamed source who spoke
            # after the last named person is who the pronoun means; the source stays unnamed
            latest = unnamed[-1]
            later_named = any(at > latest.start for at, _ in candidates)
            if not later_named and latest.gender in (gender, None):
                return SpeakerPhrase(Speaker(name=None, mention=head.text, descriptor=latest.speaker.descriptor,
                                             anonymous=latest.speaker.anonymous, kind="person"), start, end, gender)
        candidates.sort(key=lambda c: c[0])
        paragraph_start = doc_text(head.doc).rfind("\n", 0, start)  # paragraphs are joined by blank lines
        in_paragraph = [(at, person) for at, person in registry.mentions
                        if paragraph_start < at < start and person.gender in (gender, None)]
        for at, person in reversed(candidates):
            if person.gender in (gender, None):
                if in_paragraph and at < paragraph_start:
                    # the last speaker or subject is paragraphs back; a person named in this one is nearer
                    # ("That has not stopped the minister, Tomasz Varga, from ... "...," he said")
                    person = in_paragraph[-1][1]
                if person.gender is None:
                    person.gender = gender  # learnt: later pronouns of the other gender skip this person
                return SpeakerPhrase(Speaker(name=person.name, mention=head.text, descriptor=person.descriptor,
                                             anonymous=False, kind="person"), start, end, gender)
        if in_paragraph:  # no speaker or subject fits: a person named in this paragraph in passing
            person = in_paragraph[-1][1]
            return SpeakerPhrase(Speaker(name=person.name, mention=head.text, descriptor=person.descriptor,
                                         anonymous=False, kind="person"), start, end, gender)
        return SpeakerPhrase(Speaker(name=None, mention=head.text, kind="person"), start, end, gender)
    if gender == "plural" and low == "they":
        for earlier in reversed(history[-2:]):
            s = earlier.speaker
            if s.kind in ("group", "organization"):
                return SpeakerPhrase(Speaker(name=s.name, mention=head.text, descriptor=s.descriptor, anonymous=s.anonymous,
                                             kind=s.kind), start, end)
        return SpeakerPhrase(Speaker(name=None, mention=head.text, kind="group"), start, end)
    kind = "group" if low == "we" else ("person" if low == "i" else "unknown")
    return SpeakerPhrase(Speaker(name=None, mention=head.text, kind=kind), start, end)


_PLACE_NOUNS = frozenset("capital city town village province region state country district county port island".split())


def _names_a_place(name: Token) -> bool:
    """A name right after "the capital," or "the port town,": the place's name, not the speaker's."""
    first = min(t.i for t in name.subtree)
    doc = name.doc
    return first >= 2 and doc[first - 1].text == "," and doc[first - 2].lemma_.lower() in _PLACE_NOUNS


def _closing_name(head: Token) -> list[Token]:
    """The name that closes a role phrase after a comma, wherever the parser hung it: "Counsel for the inquiry,
    Tomas Brell," (a modifier of "Counsel"), "the nominee for energy secretary, Corbin Lathe," (an apposition
    of "secretary")."""
    doc = head.doc
    last = max(t.i for t in head.subtree)
    for token in head.subtree:
        if token.i <= head.i or token.dep_ not in ("appos", "npadvmod") or token.pos_ != "PROPN" \
                or token.ent_type_ in ("GPE", "LOC", "FAC") or _names_a_place(token):
            continue
        if any(a.pos_ in ("VERB", "AUX") for a in token.ancestors if a.i != head.i and head.i in {x.i for x in a.ancestors}):
            continue  # inside a clause of the phrase ("an official, who was in the capital, Ostmark")
        sub = sorted(t.i for t in token.subtree if not t.is_punct or t.text in (".", "-"))
        if doc[sub[0] - 1].text == "," and (sub[-1] == last or (sub[-1] + 1 <= last and doc[sub[-1] + 1].text == ",")) \
                and all(doc[k].pos_ == "PROPN" or doc[k].text in (".", "-") for k in sub) and outlet_name(token.text) is None:
            return [token]
    return []


def _appositive_person(name_head: Token, role: list[Token], registry: Registry) -> SpeakerPhrase | None:
    tokens = name_tokens(name_head)
    written = " ".join(t.text for t in tokens)
    descriptor = _clean(role[0].doc[role[0].i : role[-1].i + 1].text) if role else None
    person = registry.resolve(written) or registry.add(written, descriptor, _gender_of(tokens))
    if person.descriptor is None:
        person.descriptor = descriptor  # later mentions ("Ostrava said") carry the role of the introduction
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return SpeakerPhrase(Speaker(name=person.name, mention=written, descriptor=descriptor or person.descriptor,
                                 anonymous=False, kind="person"), start, end, person.gender)
