"""What a figure counts ("people killed", "homes destroyed", "turnout"), read from the parse.

The noun after the figure with what happened to it, the noun before "of", the
subject a measure describes, the thing a sum was spent on, or a noun borrowed
from an earlier figure of the sentence or paragraph ("Six escaped" -> "men
escaped"). The conventions are in docs/record.md ("claims").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from byline.attribution.figures import (
    CHANGE_NOUNS, CHANGE_VERBS, COMPARATIVES, CURRENCY_PREFIXES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DATE_WORDS,
    DURATION_WORDS, Figure, MEASURES, MONEY_UNITS, MOVE_VERBS, RELATIVE_TIME_WORDS, RISE_FALL_VERBS, SUBUNITS,
    THRESHOLD_VERBS, UP_DOWN, is_people,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


MEASURE_UNITS = frozenset(MEASURES.values())
# Verbs whose subject vouches for whatever clause hangs below them ...
SPEECH_VERBS = frozenset(
    """say tell report announce estimate confirm claim state warn write reveal disclose testify insist argue
    predict forecast project allege acknowledge explain expect believe""".split()
)

# ... and verbs that do so only for a reported clause ("data show that ...", "he added that ..."),
# not for their object ("the plan adds 85 officers", "police found 12 guns").
CLAUSE_SPEECH_VERBS = frozenset("add note show find count record put indicate suggest tally calculate".split())
ALL_SPEECH_VERBS = SPEECH_VERBS | CLAUSE_SPEECH_VERBS
LIGHT_VERBS = frozenset("be have include reach total number stand become remain get make do see know".split()) | ALL_SPEECH_VERBS
# verbs that say nothing of what happened to a counted noun ("managed only two shots": shots), though
# they do of a sum ("manages $40 billion": assets managed)
EMPTY_FOR_NOUNS = frozenset("manage age".split())
IRREGULAR_PARTICIPLES = {
    "hit": "hit", "shoot": "shot", "take": "taken", "lose": "lost", "hold": "held", "win": "won", "build": "built",
    "sell": "sold", "buy": "bought", "leave": "left", "steal": "stolen", "give": "given", "spend": "spent",
    "find": "found", "bring": "brought", "catch": "caught", "send": "sent", "feed": "fed", "cut": "cut",
    "put": "put", "set": "set", "run": "run", "write": "written", "drive": "driven", "break": "broken",
    "choose": "chosen", "freeze": "frozen", "rebuild": "rebuilt", "flee": "fled", "strike": "struck",
    "sink": "sunk", "burn": "burned", "raise": "raised", "lay": "laid", "pay": "paid", "sweep": "swept",
    "cost": "cost", "know": "known", "grow": "grown", "throw": "thrown", "draw": "drawn", "fall": "fallen", "rise": "risen", "fly": "flown", "blow": "blown", "shut": "shut", "shed": "shed", "spread": "spread", "split": "split", "let": "let", "quit": "quit", "repay": "repaid", "overpay": "overpaid", "mislay": "mislaid", "keep": "kept", "make": "made", "sit": "sat", "lend": "lent", "fight": "fought",
}
PRONOUNS = frozenset("he she they it we i you".split())


def describes_another(item: Figure, found: list[Figure]) -> bool:
    """"176 riders from 22 teams": the teams say where the riders came from; a later bare figure ("131
    finished") counts riders, so the teams are not the paragraph's counted noun."""
    noun = item.noun
    if noun is None or noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ in {"by", "to"}:
        return False  # (not "by 301 votes": a margin, a figure of its own)
    owner = noun.head.head.i
    for other in found:
        if other is item or other.noun is None:
            continue
        near = {other.noun.i}
        if other.noun.dep_ == "pobj" and other.noun.head.lower_ == "of":
            near.add(other.noun.head.head.i)  # "a field of 176 riders from 22 teams": "from" hangs on the field
        if owner in near or noun.head.i == other.noun.i + 1:  # (or the parse hung "from 29 countries" on the verb)
            return True
    return False


ASKED_FOR = re.compile(
    r"\bhow (?:much|many) ([a-z][a-z-]*(?: [a-z][a-z-]*){0,2}?) (?:do|does|did|is|are|was|were|have|has|had|will|would|can|could)\b",
    re.IGNORECASE,
)


def asked_for(question: str) -> str | None:
    """"Q: How much debt does Brothbox carry?" / "A: About £23 million.": the first figure of an answer with
    nothing counted of its own counts what the question before asked for."""
    if not question.rstrip().endswith("?"):
        return None
    found = ASKED_FOR.search(question)
    return found.group(1).lower() if found else None


def borrow_noun(item: Figure, prev: Figure) -> bool:
    """"About 900 pupils sat the exam. Around 250 of them failed." -> "pupils failed": a figure with only a
    verb takes the noun of an earlier figure in the paragraph that counts the same kind of thing."""
    if not item.verb_only or not prev.noun_words or prev.unit not in {None, "people"}:
        return False
    item.counts = join_words([*prev.noun_words, item.counts] if item.counts else prev.noun_words)
    item.unit = item.unit or prev.unit
    item.verb_only = False
    return True


def _cost_to(doc, item: Figure) -> str | None:
    """"would cost growers up to £60 million", "Colds cost employers ... an estimated €9 billion": the cost to
    whoever pays, when the tagger took "cost" for a noun and left the sum hanging (only nouns between)."""
    k = item.first - 1
    while k >= 0 and item.first - k <= 8 and doc[k].lower_ not in {"cost", "costs", "costing"}:
        if doc[k].pos_ in {"VERB", "AUX", "PUNCT", "CCONJ"} and doc[k].lower_ not in {"estimated", "expected", "projected"}:
            return None  # another clause: the sum is not what the cost came to
        k -= 1
    if k < 0 or doc[k].lower_ not in {"cost", "costs", "costing"}:
        return None
    payer = next((t for t in doc[k + 1 : item.first] if t.pos_ in {"NOUN", "PROPN"}), None)
    if payer is None or payer.i != k + 1 and doc[k + 1].pos_ != "DET":
        return None
    return f"cost to {payer.lower_ if payer.pos_ == 'NOUN' else payer.text}"


def count_like(item: Figure, prev: Figure) -> None:
    """"3,200 people registered, up from 2,100", "four ahead", "the largest of them £96,000": the figure counts
    what ``prev`` counts, with its own word before ("largest") or after ("ahead") the borrowed noun."""
    words = prev.noun_words if (item.like_previous or item.suffix) and prev.noun_words else prev.counts.split()
    item.counts = join_words(([item.like_previous] if item.like_previous else []) + list(words) + ([item.suffix] if item.suffix else []))
    item.unit = item.unit or (prev.unit if prev.unit == "people" else None)


def _fill_ellipsis(doc, found: list[Figure]) -> None:
    """"taking 56.2 percent of the vote to Tully's 41.9 percent", "212 runners, 14 of whom ...",
    "more than 30,000 runners started ... and about 28,700 finished": a figure without a noun counts
    what the figure before it in the sentence counted (with its own verb)."""
    for k, item in enumerate(found):
        if item.like_previous is not None:
            before = next((p for p in reversed(found[:k]) if p.counts and p.like_previous is None
                           and not describes_another(p, found)), None)  # ("612 athletes from 29 countries, up from 540")
            if item.suffix in MARGIN_WORDS:  # "22 points from 10 matches, four ahead": points, not matches
                main = [p for p in found[:k] if p.counts and p.like_previous is None and not (p.first > 0 and doc[p.first - 1].lower_ in {"from", "in"})]
                before = main[-1] if main else before
            if before is not None:
                count_like(item, before)
            continue
        if k > 0 and item.unit == "percent" and item.counts and " " not in item.counts and item.noun is None:
            group = next((p for p in reversed(found[:k]) if p.unit == "people" and p.noun_words), None)
            if group is not None:  # "1,012 likely voters found 47 percent opposed" -> "likely voters opposed"
                item.counts = join_words(group.noun_words + [item.counts])
                item.verb_only = False  # borrowed here: the paragraph's borrowing must not add the noun again
            continue
        if item.verb_only and k > 0:
            before = next((p for p in reversed(found[:k]) if p.noun_words and not p.verb_only and not describes_another(p, found)), None)
            if before is not None:
                borrow_noun(item, before)
            continue
        if item.counts is not None or k == 0:
            continue
        for prev in reversed(found[:k]):
            if prev.noun_words and (prev.unit == item.unit or (item.unit is None and prev.unit == "people")):
                words = list(prev.noun_words)
                top = _top_token(doc, item)
                verb = None
                if top.dep_ in {"nsubj", "nsubjpass", "dobj"} and top.head.pos_ == "VERB" and top.head.lemma_.lower() not in LIGHT_VERBS:
                    verb = top.head.lower_ if top.dep_ != "dobj" and top.head.tag_ in {"VBD", "VBN", "VBG"} else _participle(top.head)
                item.counts = join_words(words + ([verb] if verb else []))
                item.unit = item.unit or prev.unit
                break
        if item.counts is None and item.unit is not None:
            # "the EU promised €560 million and Britain £120 million": a gapped verb; the sum is counted alike
            prev = next((p for p in reversed(found[:k]) if p.counts and p.unit is not None and p.like_previous is None), None)
            if prev is not None and _gapped(doc, prev, item):
                item.counts = prev.counts


def _name_after(doc, i: int) -> str:
    """The word before the proper name that ends at token ``i`` ("and" in "and the Liberal Union")."""
    while i >= 0 and (doc[i].pos_ == "PROPN" or doc[i].lower_ == "the" or (doc[i].tag_ == "POS" and i > 0 and doc[i - 1].pos_ == "PROPN")):
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def _gapped(doc, prev: Figure, item: Figure) -> bool:
    """"X promised €560 million and Y £120 million": between the two figures only "and", a name and no verb."""
    between = doc[prev.last : item.first]
    return (
        any(t.lower_ in {"and", "while", "but"} for t in between)
        and not any(t.pos_ in {"VERB", "AUX"} and not t.text[:1].isupper() for t in between)
        and len(between) <= 6
    )
# verbs whose subject is what a money or measure object measures: "the stadium cost $410 million",
# "water use topped 3 billion litres" (not "the fire burned 12,000 acres": acres burned)
MEASURED_SUBJECT_VERBS = THRESHOLD_VERBS | frozenset("reach total near hit average".split())
# verbs whose "for"-phrase after a sum says what the money is for
PURPOSE_VERBS = frozenset("set allocate earmark budget spend approve request seek need invest reserve commit".split())


def _up_or_down(doc, item: Figure) -> bool:
    """"revenue of $2.1 billion, down 4%", "with eggs up nearly 30%": the change is in the noun that
    "up"/"down" hangs on."""
    if item.first == 0 or doc[item.first - 1].lower_ not in UP_DOWN:
        return False
    word = doc[item.first - 1]
    noun = word.head if word.head.pos_ in {"NOUN", "PROPN"} else None
    k = item.first - 2
    if noun is None and k >= 0 and doc[k].text == ",":
        # ", down 4%" after another figure: the change is in what that figure measures
        k -= 1
        while k > 0 and not doc[k].is_sent_start and (
            doc[k].pos_ in {"NUM", "SYM"} or doc[k].lower_ in {"of", "%", "percent"} or doc[k].lower_ in MEASURES
            or doc[k].lower_ in CURRENCY_WORDS or doc[k].lower_ in SUBUNITS
        ):
            k -= 1
    if noun is None and k >= 0 and doc[k].pos_ in {"NOUN", "PROPN"}:
        noun = doc[k]
    if noun is None or noun.lower_ in {"%", "percent"} or noun.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}:
        if doc[item.first - 2].lower_ in {",", "and"} if item.first >= 2 else False:
            # "38,500 migrants had arrived since January, down 40%", "was 68%, the highest since 1998 and up
            # 5 points": the change in those
            item.like_previous = ""
            return True
        return False
    item.counts = _phrase_text(_modified_noun(noun))
    return True


def _of_complement(doc, j: int) -> list[str]:
    """"14 counts of fraud", "57 cases of sickness", "2,000 complaints about builders": "of"/"about" and a
    bare noun (no article) after the counted noun say what kind of thing it is; "12 members of the club"
    (an article) says whose, and is left out."""
    if j + 1 >= len(doc) or doc[j].lower_ not in {"of", "about"}:
        return []
    k = j + 1
    words = []
    while k < len(doc) and (doc[k].pos_ in {"NOUN", "ADJ"} or (doc[k].text == "-" and words)) and not doc[k].ent_type_ in {"DATE", "TIME"}:
        words.append(doc[k])
        k += 1
    while words and words[-1].pos_ != "NOUN":
        words.pop()
    return [doc[j].lower_, *[t.lower_ for t in words]] if words else []


MOVED_ONTO = {"add": {"to"}, "contribute": {"to"}, "wipe": {"off", "from"}, "knock": {"off"}, "shave": {"off"},
              "put": {"into"}, "pour": {"into"}, "plough": {"into"}, "plow": {"into"}, "pump": {"into"}, "sink": {"into"},
              "inject": {"into"}, "invest": {"in", "into"}, "pay": {"in"}, "spend": {"on"}}  # "put £4 million into road repairs": the repairs


def _moved_onto(head):
    """"adds £87 to the bill", "wiped $19bn off the company's value": the noun a sum is added to or taken from."""
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in MOVED_ONTO:
        return None
    verb = head.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in MOVED_ONTO[verb.lemma_.lower()] and prep.i > head.i:
            return next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
    return None


def _expected_by(doc, item: Figure) -> bool:
    """"ahead of the $7.9 billion expected by analysts": a forecast of what the figure before counts."""
    j = item.last
    if item.first == 0 or doc[item.first - 1].lower_ != "the" or j + 1 >= len(doc):
        return False
    verb = doc[j]
    participle = verb.tag_ == "VBN" or verb.lower_ == "forecast"  # the tagger often calls "forecast" a noun
    needed = verb.tag_ == "VBN" and verb.lemma_.lower() in {"need", "require"}  # "well below the 95% needed to ..."
    reported = verb.lemma_.lower() in SPEECH_VERBS | WANTING_VERBS | {"forecast", "predict"} and doc[j + 1].lower_ == "by"
    if not participle or not (needed or reported):
        return False
    item.like_previous = ""
    item.suffix = verb.lower_
    return True


def _changed_object(noun):
    """"push average class sizes to 29 pupils": the figure after "to" is the new level of the object of a
    verb of change, whatever noun it is written with."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "to" or noun.head.head.pos_ != "VERB":
        return None
    verb = noun.head.head
    if verb.lemma_.lower() not in CHANGE_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < noun.i), None)
    # only an object that is itself a measure ("class sizes", "the limit"): in "cut power to 40,000
    # customers" the customers are counted
    return obj if obj is not None and obj.lemma_.lower() in LEVEL_NOUNS else None


LEVEL_NOUNS = frozenset(
    """size rate level number total price limit cap ceiling average count share budget figure tally bill fare fee
    rent target capacity ratio threshold quota allowance salary wage pay list queue backlog roll""".split()
)
FACING_VERBS = frozenset("face suffer see get receive take".split())


def _faced_change(noun):
    """"Libraries face a 15% cut": a change that happens to the subject (not an agent that makes it, and
    not a change "in" something named after it)."""
    if noun.lemma_.lower() not in CHANGE_NOUNS or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in FACING_VERBS:
        return None
    if any(c.dep_ == "prep" and c.lower_ in {"in", "of", "to", "for", "on"} for c in noun.children):
        return None
    subject = subject_of(noun.head)
    if subject is None or subject.pos_ != "NOUN" or _is_agent(subject):
        return None
    return subject


def _described_noun(head):
    """The noun a reading hangs on through a preposition ("temperatures near 2C", "temperatures close to
    4C"), when a noun comes before any verb on the way up."""
    tok = head
    steps = 0
    while tok.dep_ in {"pobj", "prep", "amod", "advmod", "quantmod"} and tok.head.i != tok.i and steps < 4:
        tok = tok.head
        steps += 1
        if tok.pos_ in {"VERB", "AUX"}:
            return None
        if tok.pos_ == "NOUN" and tok.i < head.i:
            return tok
    return None


ASKING_VERBS = frozenset("ask appeal apply call beg petition".split())


def _requests(verb) -> str | None:
    """"had asked the state for pumps twice": requests for pumps (what was asked for, not who was asked)."""
    if verb.lemma_.lower() not in ASKING_VERBS:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "VERB"}), None)
            if obj is not None:  # ("help" is often tagged a verb)
                return "requests for " + _phrase_text(_modified_noun(obj))
    return None


def _times(doc, item: Figure) -> bool:
    """"has cut rates four times": N occasions of what the verb did to its object ("rates cut"), like
    "twice"; not "four times as many"/"four times higher" (a multiple)."""
    j = item.last
    if item.unit is not None or item.number.vague or j >= len(doc) or doc[j].lower_ != "times":
        return False
    if j + 1 < len(doc) and (doc[j + 1].lower_ in {"as", "the", "more", "less", "over", "higher", "lower", "bigger", "larger"} or doc[j + 1].tag_ in {"JJR", "RBR"}):
        return False
    verb = doc[j].head
    while verb.pos_ != "VERB" and verb.head.i != verb.i and verb.dep_ in {"npadvmod", "dobj", "pobj", "prep"}:
        verb = verb.head
    if verb.pos_ != "VERB":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i != doc[j].i]
    item.counts = _requests(verb) or " ".join(([objects[0].lower_] if objects else []) + [_participle(verb)])
    item.last = j + 1
    return True


def _converted(doc, item: Figure) -> bool:
    """"45 million euros ($49 million) in emergency aid": the bracketed figure is the same sum in another
    currency (it counts what the figure before it counts); the one before reads on after the bracket."""
    if item.unit is None:
        return False
    if item.first >= 2 and doc[item.first - 1].text == "(" and item.last < len(doc) and doc[item.last].text == ")":
        before = doc[item.first - 2]
        if before.like_num or before.lower_ in SHORT_SCALES_WORDS or before.lower_ in CURRENCY_WORDS or before.lower_ in SUBUNITS:
            item.like_previous = ""
            return True
    return False


SHORT_SCALES_WORDS = frozenset("million billion trillion thousand m bn k".split())


def _skip_conversion(doc, j: int) -> int:
    """The index after "($49 million)" when a bracketed sum starts at ``j``, else ``j``."""
    if j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and k < j + 6 and doc[k].text != ")":
            k += 1
        if k < len(doc) and doc[k].text == ")" and any(t.like_num for t in doc[j + 1 : k]):
            return k + 1
    return j


def _worth(doc, item: Figure) -> bool:
    """"stock worth an estimated £3 million": the noun before "worth" is what the sum measures."""
    k = item.first
    if k < 2 or doc[k - 1].lower_ != "worth" or doc[k - 2].pos_ != "NOUN":
        return False
    tokens = _modified_noun(doc[k - 2])
    item.counts = _phrase_text(tokens)
    item.noun_words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens]
    return True


def _date_ahead(doc, j: int) -> bool:
    """Whether the words from ``j`` are a date ("the day", "the year"): "on the day" is when, not what."""
    for t in doc[j : j + 3]:
        if t.ent_type_ in {"DATE", "TIME"} or t.lower_ in DATE_WORDS:
            return True
    return False


def _read_counts(doc, item: Figure) -> None:
    """What the number counts: the noun after it (with its participle), else the subject it measures."""
    head = _top_token(doc, item)
    if head.head.ent_type_ in {"DATE", "TIME"} and head.head.dep_ == "pobj" and head.head.i >= item.last:
        head = head.head  # "fell by a tenth last year", parsed as one noun phrase: climb from the date's place
    if doc[item.number.start].lower_ in {"twice", "thrice"}:
        verb = head.head
        while verb.pos_ != "VERB" and verb.dep_ in {"pobj", "prep", "dobj", "npadvmod"} and verb.head.i != verb.i:
            verb = verb.head  # "asked the state for help twice": "twice" hung on "help"
        if verb.pos_ == "VERB":  # "raised starting pay twice" -> "pay raised"; "was reviewed twice" -> "reviewed"
            near = [verb, *[c for c in verb.children if c.dep_ == "xcomp"]]  # "raised starting pay": parsed as xcomp
            objects = [c for v in near for c in v.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            item.counts = _requests(verb) or " ".join(([objects[0].lower_] if objects else []) + [_participle(verb)])
        return
    if _times(doc, item):
        return
    if _converted(doc, item):
        return
    if _expected_by(doc, item):
        return
    if _worth(doc, item):
        return
    j = item.last
    if (
        item.first >= 2 and doc[item.first - 1].lower_ in {"on", "to"} and doc[item.first - 2].pos_ == "PROPN"
        and item.unit in {None, "percent"} and (j >= len(doc) or doc[j].is_punct or doc[j].pos_ == "CCONJ" or doc[j].lower_ == "from")
        and _name_after(doc, item.first - 2) in {"and", ",", "of", "with", "while"}
    ):
        item.like_previous = ""  # "ahead of Labour on 24% and the Greens on 15%", "and the Liberals to 16": the same thing
        return
    if _of_head(doc, item, head):
        _add_magnitude(doc, item)
        return
    if item.unit in MONEY_UNITS and head.dep_ == "appos" and head.head.pos_ in {"NOUN", "NUM"} and head.head.i < head.i \
            and item.first > 0 and doc[item.first - 1].text == "," and len(head.head.text) > 1 \
            and not _is_agent(head.head) and not head.head.ent_type_ in {"DATE", "TIME"}:
        noun = head.head  # "more than half of the overrun, £310 million,": the sum is that part of the overrun
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), noun) if of is not None else noun
        if noun.pos_ == "NOUN":
            _counts_from(item, noun)
            return
    after = doc[item.last] if item.last < len(doc) else None
    if item.unit == "percent" and head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i \
            and (after is None or after.lower_ != "of") and not any(c.dep_ == "nummod" for c in head.head.children):
        _counts_from(item, head.head)  # "The fatality rate, about 2%, is twice ...": the rate
        return
    if item.unit == "percent" and item.first >= 2 and doc[item.first - 1].lower_ == "or" and doc[item.first - 2].text == "," \
            and (after is None or after.is_punct):
        item.like_previous = ""  # "88 practices, or 42%, were accepting": the same practices, as a share
        return
    if item.unit is None and after is not None and after.lower_ in {"who", "that"} and after.dep_ == "nsubj" \
            and after.head.pos_ == "VERB" and after.head.tag_ in {"VBD", "VBN"} and item.number.start <= head.i < item.number.end:
        item.counts = after.head.lower_  # "well above the 1.9 million who voted in 2022": those who voted
        item.verb_only = True
        return
    if (
        item.number.start > 0 and doc[item.number.start - 1].lower_ == "magnitude"
        and (item.last >= len(doc) or doc[item.last].pos_ not in {"NOUN", "PROPN"})
    ):
        item.counts = "magnitude"  # "the strongest of magnitude 5.1": the scale's reading, not the aftershocks
        return
    if _comparison(doc, item) or _share_of_subject(item, head) or _share_held_by_subject(item, head) or _distance(doc, item):
        return
    j = item.last
    if item.first >= 2 and doc[item.first - 1].lower_ == "from" and doc[item.first - 2].lower_ in UP_DOWN:
        item.like_previous = ""  # "took 84 seats, down from 121": the earlier value of the same thing
        return
    if (
        item.first >= 3 and doc[item.first - 1].lower_ == "to" and doc[item.first - 2].pos_ == "NOUN"
        and doc[item.first - 3].like_num and (j >= len(doc) or doc[j].is_punct or doc[j].pos_ == "CCONJ")
    ):
        item.like_previous = ""  # "by 301 votes to 187": the other side's count of the same thing
        return
    if (
        item.first >= 4 and doc[item.first - 4].lower_ == "the" and doc[item.first - 3].tag_ == "JJS"
        and doc[item.first - 2].lower_ == "of" and doc[item.first - 1].lower_ in {"them", "which", "these", "those"}
    ):
        item.like_previous = doc[item.first - 3].lower_  # "312 transfers, the largest of them £96,000": largest transfer
        return
    if item.unit == "percent" and item.first >= 2 and doc[item.first - 1].text == "(" and j < len(doc) and doc[j].text == ")" \
            and (doc[item.first - 2].like_num or doc[item.first - 2].pos_ == "NOUN"):
        item.like_previous = ""  # "won 41,206 votes (38.4%)": the share of what the figure before counts
        return
    if item.first >= 2 and (
            (doc[item.first - 1].lower_ in {"against", "versus", "vs"} and doc[item.first - 2].text == ",")
            or (doc[item.first - 1].lower_ in {"with", "to"} and doc[item.first - 2].lower_ == "compared")) \
            and (j >= len(doc) or (doc[j].pos_ in {"PUNCT", "CCONJ", "ADP", "DET", "ADV"} and doc[j].text not in {"-", "\u2013"})):
        item.like_previous = ""  # "about 78% of the crop, against 95% a year ago": the same thing, then
        return
    if item.first >= 1 and doc[item.first - 1].lower_ == "from" and (j >= len(doc) or doc[j].is_punct or doc[j].pos_ == "CCONJ"):
        item.like_previous = ""  # "fell to 14 seats from 23": a bare earlier value of what the figure before counts
        return
    if (
        item.first >= 2 and doc[item.first - 1].tag_ == "POS" and doc[item.first - 2].pos_ == "PROPN"
        and item.unit == "percent" and (j >= len(doc) or doc[j].pos_ not in {"NOUN", "PROPN"})
    ):
        item.like_previous = ""  # "50.6% of the vote to Marsh's 48.1%": the rival's share of the same thing
        return
    if item.unit is None and j < len(doc) and doc[j].lower_ in MARGIN_WORDS and doc[item.number.start].pos_ == "NUM":
        item.like_previous = ""  # "22 points ..., four ahead of Vestria": four more of what the figure before counts
        item.suffix = doc[j].lower_
        return
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in {"them", "us"}:
        k = item.first - 1
        while k > 0 and doc[k].lower_ in {"all", "some", "about", "around"}:
            k -= 1
        if k > 0 and doc[k].text == "," and doc[k - 1].pos_ == "NOUN":
            _count_noun(item, doc[k - 1])  # "Our cooling beds, all 40 of them, were full": the beds
            return
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in {"them", "whom", "those", "us"}:
        # "Around 140 of them were in intensive care": the noun is an earlier figure's; the verb is ours
        item.counts = _verb_form(head) if head.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
        item.verb_only = True
        item.pronoun = True
        return
    j = item.last
    if j + 1 < len(doc) and doc[j].text in {"-", "\u2013"} and doc[j + 1].is_alpha and item.unit is None:
        if doc[j + 1].lower_ in MEASURES and j + 2 < len(doc):
            k = j + 2
            while k + 1 < len(doc) and doc[k].pos_ == "ADJ" and doc[k + 1].pos_ in {"ADJ", "NOUN"}:
                k += 1  # "the 187-kilometre ninth stage": the stage
            while k + 3 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and doc[k + 3].pos_ == "NOUN":
                k += 3  # "the 2.7-kilometre cable-stayed crossing": the crossing
            if doc[k].pos_ == "NOUN":
                item.unit = MEASURES[doc[j + 1].lower_]  # "the 30-kilometre mark": a mark, 30 km along
                item.counts = doc[k].lower_
                return
        item.counts = doc[j + 1].lower_  # "14-storey towers", "a 12-point lead"
        return
    if item.unit in LENGTH_UNITS and j < len(doc) and doc[j].text in {"-", "\u2013"} and j + 1 < len(doc) and doc[j + 1].lower_ in DIMENSIONS:
        j += 1  # "a 4m-wide gate"
    if item.unit in LENGTH_UNITS and j < len(doc) and doc[j].lower_ in DIMENSIONS:
        item.counts = DIMENSIONS[doc[j].lower_]  # "600 metres underground", "a wall 4 metres high"
        return
    j = _skip_conversion(doc, j)  # "45 million euros ($49 million) in emergency aid"
    money = item.unit in MONEY_UNITS
    if money:  # "$4.5 million in aid", "$2.8 million on advertising", "£3bn worth of ..."
        skip = {"of", "the", "their", "its", "his", "her", "our", "in", "on", "worth", "more", "extra"}
        verbs = [head.head, *doc[max(0, item.first - 3) : item.first]]  # the parse may hang the sum elsewhere
        if any(v.lemma_.lower() in PURPOSE_VERBS for v in verbs):
            skip.add("for")  # "set aside $30 million for road repairs" (not "raised $6 million for charities")
        governor = head.head.head if head.dep_ == "pobj" else head.head
        if governor.lemma_.lower() in RISE_FALL_VERBS:
            skip -= {"in", "on"}  # "Shares rose 7p in early trading", "fell to 143 kronor in Oslo trading": when, not what
    elif item.unit:
        skip = {"of", "the", "their", "its", "his", "her", "our"}
    else:
        skip = {"of", "the", "their", "its", "his", "her", "our", "additional", "more", "other"}  # "new homes" keeps "new"
    while j < len(doc) and doc[j].lower_ in skip and not doc[j].is_space:
        if (
            doc[j].lower_ in {"in", "on", "for"} and j + 1 < len(doc) and doc[j + 1].pos_ in {"DET", "PRON"}
            and not (money and doc[j].lower_ == "on" and not _date_ahead(doc, j + 1))
        ):
            break  # "in the capital" is where, not what (but "spent £2m on the stadium" is what)
        if j == item.last and doc[j].pos_ == "DET" and item.unit != "percent":  # ("half the people" reads on)
            break  # "the $4.1 billion the United Nations says is needed": a new noun phrase, not the counted thing
        j += 1
        if money and doc[j - 1].lower_ == "on" and j < len(doc) and doc[j].pos_ == "DET":
            j += 1  # "on a new plant"
        if doc[j - 1].lower_ == "of" and j < len(doc) and doc[j].lower_ in {"the", "his", "her", "their", "its", "all", "these", "those"}:
            j += 1
        if (
            doc[j - 1].lower_ in {"of", "the"} and j + 2 < len(doc) and doc[j].pos_ in {"NOUN", "PROPN"} and doc[j + 1].tag_ == "POS"
            and doc[j + 2].like_num
        ):
            j += 3  # "62 of the school's 180 sixth-formers": the owner is not the counted thing
        if doc[j - 1].lower_ in {"of", "the", "his", "her", "their", "its"} and j < len(doc) and doc[j].lower_ in {"last", "first", "next"}:
            j += 1
        if doc[j - 1].lower_ == "of":
            k = j
            while k < len(doc) and (doc[k].ent_type_ == "DATE" or doc[k].lower_ in RELATIVE_TIME_WORDS) and doc[k].tag_ != "POS" and k - j < 3:
                k += 1
            if k > j and k < len(doc) and doc[k].tag_ == "POS":
                j = k + 1  # "64% of this year's crop", "a third of today's fleet": the owner is a date, the crop is counted
        if doc[j - 1].lower_ in {"of", "the", "last", "first", "next", "his", "her", "their"} and j < len(doc) and doc[j].like_num:
            j += 1  # "11 of the 13 break points", "12 of his last 14 matches": the noun after the whole
    if item.unit is None and j + 2 < len(doc) and doc[j].lower_ == "head" and doc[j + 1].lower_ == "of":
        j += 2  # "9,000 head of cattle": "head" is a counting word, the cattle are counted
    if (
        item.unit is None and j + 1 < len(doc) and doc[j - 1].lower_ == "the" and doc[j].tag_ in {"JJ", "VBN"}
        and doc[j + 1].pos_ in {"AUX", "VERB", "PUNCT", "ADP"} and doc[j].lower_ not in {"same", "other", "rest"}
    ):
        item.counts = doc[j].lower_  # "17 of the dead were ...", "9 of the injured": an adjective standing for people
        item.unit = "people"
        return
    reached_by = _share_reached_by(head) if item.unit == "percent" and item.last < len(doc) and doc[item.last].lower_ == "of" else None
    if reached_by is not None:
        _count_noun(item, reached_by)  # "reservoirs fell to 31 per cent of capacity": the reservoirs
        return
    run = []
    while j < len(doc) and _in_noun_run(doc, j, bool(run)):
        run.append(doc[j])
        j += 1
    read = list(run)
    while run and run[-1].pos_ not in {"NOUN", "PROPN"}:
        run.pop()
    if (
        not run and item.unit is None and len(read) == 1 and read[0].tag_ in {"JJ", "VBN"}
        and doc[read[0].i - 1].lower_ == "the" and (read[0].i + 1 >= len(doc) or doc[read[0].i + 1].pos_ not in {"NOUN", "PROPN"})
    ):
        item.counts = read[0].lower_  # "17 of the dead", "40 of the injured": an adjective standing for people
        item.unit = "people"
        return
    if run and item.unit is None and run[-1].lower_ in MEASURES:
        run = []
    if run and item.unit is None and len(run) == 1 and run[0].lower_ == "others":
        item.counts = _verb_form(run[0])  # "destroyed 62 homes and damaged 150 others": homes damaged
        item.verb_only = True
        return
    run = [t for t in run if t.lower_ != "own"]  # "14 million of its own shares": shares
    if run and item.unit == "percent" and (changed_thing := _what_changed(run[-1])) is not None:
        _counts_from(item, changed_thing)  # "an 18% rise in net profit": the profit changed by 18%
        return
    changed = _changed_object(run[-1]) if run else None
    if changed is not None:  # "would push average class sizes to 29 pupils": the class sizes
        if item.unit is None and is_people(run[-1]):
            item.unit = "people"
        tokens = _modified_noun(changed)
        item.counts = _phrase_text(tokens)
        item.noun_words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens]
        return
    faced = _faced_change(run[-1]) if run and item.unit == "percent" else None
    if faced is not None:  # "Libraries face a 15% cut": the libraries' cut
        item.counts = f"{_phrase_text(_modified_noun(faced))} {run[-1].lower_}"
        return
    of_words = _of_complement(doc, j) if run and item.unit is None else []
    if run:
        noun = run[-1]
        item.noun = noun
        words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in run] + of_words
        item.noun_words = list(words)
        if _source_relative(doc, item, run):
            item.noun = None
            item.noun_words = []
            item.like_previous = ""  # "ahead of the $4 billion analysts had forecast": counts the figure before
            return
        verb = _participle_for(noun, head) if item.unit is None else None  # "$4.5 million budget", not "budget approved"
        k = noun.i + 1
        if item.unit is None and k < len(doc) and doc[k].lower_ in MARGIN_WORDS and doc[k].pos_ in {"ADJ", "ADV"}:
            verb = doc[k].lower_  # "five points clear", "three seats short"
        if verb:
            words.append(verb)
        item.counts = join_words(words)
        _add_magnitude(doc, item)
        if item.unit is None and is_people(noun):
            item.unit = "people"
        return
    if _up_or_down(doc, item):
        return
    if item.unit is None and item.number.start <= head.i < item.number.end and head.dep_ == "nsubj" and head.head.lemma_.lower() == "be":
        attr = next((c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is not None:  # "fewer than 50 would be compulsory redundancies": what the 50 are
            _count_noun(item, attr)
            return
    if (
        item.unit is None and item.number.start <= head.i < item.number.end and head.dep_ == "dobj"
        and head.head.lemma_.lower() in MEASURED_SUBJECT_VERBS and subject_of(head.head) is not None
        and subject_of(head.head).pos_ == "NOUN" and subject_of(head.head).lower_ not in GENERIC_FIGURE_NOUNS
    ):
        _count_noun(item, subject_of(head.head))  # "ticket sales topped 1.2 million": the sales
        return
    if item.unit == "percent" and head.dep_ == "nsubj" and head.head.pos_ == "VERB" and head.head.lemma_.lower() not in LIGHT_VERBS:
        item.counts = _verb_form(head)  # "5,400 responses ...; 71% opposed the plan": responses opposed
        item.verb_only = item.counts is not None
        if item.counts:
            return
    if item.unit == "percent" and head.head.pos_ in {"VERB", "ADP"}:
        verb = head.head if head.dep_ == "dobj" else head.head.head if head.dep_ == "pobj" and head.head.lower_ == "for" else None
        if (
            verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() not in LIGHT_VERBS | MEASURED_SUBJECT_VERBS | MOVE_VERBS
            and all(c.tag_ == "PRP" for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
        ):
            item.counts = verb.lower_ + (" for" if head.dep_ == "pobj" else "")  # "we are asking for 9%", "it can afford 4%"
            return
    if item.unit is None and item.number.start <= head.i < item.number.end:
        # a bare figure: "Crews later rebuilt 12.", "Around 250 of them failed.", "Six escaped."
        verb = _verb_form(head) if head.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
        if verb:
            item.counts = verb
            item.verb_only = True
            return
    if item.unit is not None and head.dep_ == "nsubjpass" and head.head.pos_ == "VERB" and head.head.lemma_.lower() not in LIGHT_VERBS:
        item.counts = _participle(head.head)  # "only £310,000 had been recovered": the sum recovered
        return
    if item.unit in MEASURE_UNITS - {"percent", "percentage points"} and head.dep_ == "nsubj" and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() not in LIGHT_VERBS | MOVE_VERBS and not any(c.dep_ == "dobj" for c in head.head.children):
        item.counts = _participle(head.head)  # "no more than 900 kilograms had escaped": what escaped
        return
    # "fined the operator 1.2 million euros", "cost the county $48 million": money a verb moved;
    # "has burned more than 12,000 acres": a measure a verb acted on
    money_unit = item.unit in MONEY_UNITS
    moved = _moved_onto(head)
    if moved is not None and item.unit is not None:  # "adds £87.40 a year to the bill": the bill
        tokens = _modified_noun(moved)
        item.counts = _phrase_text(tokens)
        item.noun_words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens]
        return
    if item.unit in MEASURE_UNITS and head.lower_ in MEASURES and head.dep_ == "dobj" and head.head.lemma_.lower() in {"have", "own"}:
        item.counts = head.lower_  # "we have 23 hectares": the land held, in its own unit
        return
    offered = _offered_share(item, head)
    if offered:  # "the airline has offered 5%": the offer, not the airline
        item.counts = offered
        return
    if (
        head.dep_ == "dobj" and head.head.pos_ == "VERB" and head.head.lemma_.lower() not in LIGHT_VERBS | MEASURED_SUBJECT_VERBS | RISE_FALL_VERBS
        and not (head.head.text[:1].isupper() and not head.head.is_sent_start)  # "and Denmark $25 million": a name
    ):
        if money_unit:
            item.counts = _participle(head.head)
            purpose = _paid_for(head.head, head)
            if purpose is not None:  # "found £2.4 million last year for a new headquarters": the headquarters
                _counts_from(item, purpose)
                return
            if head.head.lemma_.lower() == "fetch":  # "a tonne of potatoes was fetching £410": the tonne's price
                subject = _noun_subject(head.head)
                if subject is not None and _of_object(subject):  # (not "one canvas had fetched €1.4m": what it fetched)
                    item.counts = _phrase_text(_modified_noun(subject) + _of_object(subject))
                    return
            if head.head.lemma_.lower() == "cost":  # "the last fire cost the county $48 million": the fire's cost
                verb = head.head
                subject = _noun_subject(verb)
                if subject is None and verb.dep_ == "xcomp":
                    subject = _controller(verb)  # "repairs are expected to cost $75 million": the repairs
                if subject is None and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"} \
                        and any(c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in verb.children):
                    subject = verb.head  # "Residents' permits, which cost £95 a year": the permits
                if subject is None and verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
                    subject = _noun_subject(verb.head)  # "A driver takes 14 months to train and costs £100,000"
                if subject is not None:  # "every month of delay costs us £9m": the month of delay
                    item.counts = " ".join(t.lower_ for t in _modified_noun(subject) + _of_object(subject)) + " cost"
            return
        if item.unit in MEASURE_UNITS and head.lower_ in MEASURES:
            item.counts = f"{head.lower_} {_participle(head.head)}"
            return
    if money_unit and head.dep_ == "dobj" and head.head.lemma_.lower() in {"add", "find"} and not _moved_onto(head):
        purpose = _paid_for(head.head, head)
        subject = _noun_subject(head.head)
        if purpose is not None:  # "the council found £1.8 million for a new depot"
            _counts_from(item, purpose)
            return
        if head.head.lemma_.lower() == "add" and subject is not None and not _is_agent(subject):
            item.counts = f"{_phrase_text(_modified_noun(subject))} added"  # "inflation added a further £150m"
            return
        if head.head.lemma_.lower() == "find" and not any(c.dep_ == "dobj" and c.i != head.i for c in head.head.children):
            item.counts = "found"  # "Police found £212,000 in a suitcase"
            return
    if money_unit and head.dep_ == "dobj" and head.head.lemma_.lower() == "make" and head.head.pos_ == "VERB" \
            and not any(c.dep_ in {"prt", "oprd", "ccomp", "xcomp"} for c in head.head.children):
        item.counts = "made"  # "the network made more than £4m" (not "made up", "made it ...")
        return
    # "found 47 percent opposed": a share described by its own participle or adjective
    if (
        item.unit == "percent" and head.dep_ == "npadvmod" and head.head.tag_ in {"VBN", "JJ"} and head.head.i > head.i
        and head.head.dep_ != "acomp"  # "the blaze was 15% contained" reads its subject below
    ):
        item.counts = head.head.lower_
        return
    described = _described_noun(head) if item.unit in {"celsius", "fahrenheit", "mph", "km/h"} else None
    if described is not None:  # "in temperatures near 2C", "winds of up to 45 mph": the noun the reading describes
        tokens = _modified_noun(described)
        item.counts = _phrase_text(tokens)
        return
    if (
        money_unit and head.dep_ == "pobj" and head.head.lower_ == "at" and head.head.head.pos_ == "NOUN"
        and head.head.head.i < head.i and not _is_agent(head.head.head)
    ):
        tokens = _modified_noun(head.head.head)  # "followed by schools at CHF 1.05 billion": the schools' sum
        item.counts = _phrase_text(tokens)
        item.noun_words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens]
        return
    # "unemployment rose to 4.1 percent", "the budget is $4.5 billion": the subject is what is measured;
    # "cut allocations by 15%", "held its rate at 4.25%": the object is
    climb = head
    prep = None
    state = None  # "the fire was 10% contained": the participle says what the share is of
    while climb.dep_ in {"pobj", "prep", "agent", "quantmod", "nummod", "compound", "npadvmod", "dobj", "attr", "acomp", "oprd", "advmod"} and climb.head.i != climb.i:
        if climb.dep_ == "pobj":
            prep = climb.head.lower_
        climb = climb.head
        if climb.dep_ == "acomp" and climb.tag_ in {"VBN", "JJ"}:
            state = climb
            continue
        if climb.pos_ in {"VERB", "AUX"}:
            break
    if climb.pos_ not in {"VERB", "AUX"}:
        return
    objects = [c for c in climb.children if c.dep_ == "dobj" and c.i != head.i and c.pos_ in {"NOUN", "PROPN"}]
    subjects = [c for c in climb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and climb.dep_ == "conj" and climb.head.pos_ in {"VERB", "AUX"}:
        above = [c for c in climb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if climb.pos_ == "AUX":
            subjects = above  # "has burned X and is 22% contained"
        elif above and above[0].pos_ in {"NOUN", "PROPN"} and any(t.tag_ in {"WDT", "WP"} for t in doc[above[0].i + 1 : climb.head.i]):
            # "Shares in X, which is 31% owned by Y, fell 6%": parsed as "Shares ... owned and fell", the relative's
            # verb taking the main subject; the subject of "fell" is the noun, not the relative pronoun
            subjects = [c for c in above if c.lower_ not in RELATIVE_PRONOUNS]
    passive = any(c.dep_ == "nsubjpass" for c in subjects)
    if prep == "to" and objects and (changed_thing := _what_changed(objects[0])) is not None:
        _counts_from(item, changed_thing)  # "a 23% fall in half-year profit to £184 million": the profit
        return
    if climb.lemma_ in ALL_SPEECH_VERBS and not (prep == "at" and (objects or passive)):
        return  # "insurers estimated losses at $8 billion", "losses are estimated at $8 billion": what is measured
    if prep == "to" and not objects and any(c.dep_ == "dobj" and c.lower_ in {"it", "them"} for c in climb.children):
        item.like_previous = ""  # "adds £87 to the bill, taking it to £1,839": the same thing as the figure before
        return
    if subjects and subjects[0].lower_ in {"it", "they"} and climb.lemma_.lower() in LEVEL_VERBS and not objects:
        item.like_previous = ""  # "the list has grown by 95%, when it stood at 2,210": the thing the figure before counts
        return
    if subjects and subjects[0].tag_ == "VBG" and subjects[0].dep_ == "nsubj":
        item.counts = subjects[0].lower_  # "Spending on adult social care rises by 8%": a gerund subject
        return
    if (prep in {"by", "at"} or (prep in {"to", "from", "above", "below", "past", "beyond", "over", "under"}
                                 and climb.lemma_.lower() in CHANGE_VERBS | {"take"})) and objects:
        if any(c.dep_ == "nummod" for c in objects[0].children):
            return  # "taking 56.2 percent of the vote to Tully's 41.9 percent": another figure; ellipsis decides
        target = objects[0]
    elif subjects and subjects[0].lower_ not in PRONOUNS and subjects[0].pos_ in {"NOUN", "PROPN"}:
        target = subjects[0]
    elif not subjects and climb.dep_ == "xcomp" and climb.tag_ == "VB" and _controller(climb) is not None:
        target = _controller(climb)  # "expected price growth to fall below 3%": growth falls
    elif not subjects and climb.dep_ == "acl" and climb.head.pos_ in {"NOUN", "PROPN"} and climb.head.lower_ not in CURRENCY_PREFIXES:
        target = climb.head  # "core inflation, which excludes food, held at 3.3%" (parsed as a reduced relative)
    elif (
        subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and climb.dep_ == "relcl" and climb.head.pos_ == "NOUN"
        and climb.head.ent_type_ in {"TIME", "DATE"}
    ):
        item.like_previous = ""  # "crested at 7.9 metres at 2 p.m., which is 1.2 metres above": the reading, not the clock
        return
    elif (
        subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and climb.dep_ == "relcl" and climb.head.pos_ == "NOUN"
        and not _is_agent(climb.head)
    ):
        target = climb.head  # "the shares, which have fallen by a third": the shares fell
    elif (
        not subjects and climb.tag_ == "VBG" and climb.dep_ in {"advcl", "conj", "xcomp"} and subject_of(climb.head) is not None
        and subject_of(climb.head).pos_ == "NOUN" and not _is_agent(subject_of(climb.head))
    ):
        target = subject_of(climb.head)  # "Goldfinches bucked the trend, rising 12 per cent": goldfinches rose
    elif (
        not subjects and climb.tag_ == "VBG" and climb.dep_ == "pcomp" and subject_of(climb.head.head) is not None
        and subject_of(climb.head.head).pos_ == "NOUN" and not _is_agent(subject_of(climb.head.head))
    ):
        target = subject_of(climb.head.head)  # "Shares fell 9% before closing at 212 pence": the shares' price
    else:
        return
    if target.lower_ in GENERIC_FIGURE_NOUNS | {"share", "proportion", "percentage"}:
        of = [c for c in target.children if c.dep_ == "prep" and c.lower_ == "of"]
        objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        if objects:  # "the number of patients ... doubled to 2,350", "the share of entries awarded an A rose to 29%"
            target = objects[0]
        elif target.lower_ not in {"share", "proportion", "percentage"}:  # ("its market share rose to 12%")
            item.like_previous = ""  # "the Greens doubled their tally to 22", "that figure is expected to reach": what came before
            return
    if item.unit in SPEED_UNITS and climb.lemma_.lower() in MOTION_VERBS:
        item.counts = "speed"  # "the train was travelling at 70 mph": its speed
        return
    tokens = _modified_noun(target)
    item.counts = _phrase_text(tokens) + (f" {state.lower_}" if state is not None else "")
    item.noun = target
    item.noun_words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens]
    if item.unit is None and is_people(target):
        item.unit = "people"


AGENT_NOUNS = frozenset(
    """government company airline council union firm bank state city district board ministry department agency
    club team employer management administration authority operator owner developer analyst expert pollster
    forecaster economist""".split()
)
AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _is_agent(token) -> bool:
    """Someone who acts: a named person, organisation or country, a person noun, or an organisation noun."""
    return token.ent_type_ in AGENT_ENTS or is_people(token) or token.lemma_.lower() in AGENT_NOUNS


def _offered_share(item: Figure, head) -> str | None:
    """"The government has offered 4.5 per cent", "and a further 3%": a share that an agent acts on is
    counted by the act (its participle), not by the agent."""
    if item.unit not in {"percent", "percentage points"}:
        return None
    obj = head
    while obj.dep_ == "conj" and obj.head.pos_ != "VERB" and obj.head.i != obj.i:
        obj = obj.head  # "offered 5% ... and a further 3%"
    verb = obj.head
    if obj.dep_ not in {"dobj", "conj"} or verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_VERBS | MEASURED_SUBJECT_VERBS | CHANGE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in PRONOUNS or not _is_agent(subject):
        return None
    return _participle(verb)


SHARE_VERBS = frozenset("represent comprise constitute".split())


def _share_held_by_subject(item: Figure, head) -> bool:
    """"Imports accounted for 58 percent of the volume", "women make up 40% of the staff": the subject
    is what the share counts, not the whole after "of"."""
    if item.unit != "percent":
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_.lower() == "account":
        verb = head.head.head
    elif head.dep_ == "dobj" and (
        head.head.lemma_.lower() in SHARE_VERBS
        or (head.head.lemma_.lower() == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in head.head.children))
    ):
        verb = head.head
    else:
        return False
    subject = _noun_subject(verb)
    if subject is None:
        return False
    _counts_from(item, subject)
    return True


COMPASS = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west south-east south-west""".split()
)
DISTANCE_UNITS = frozenset({"km", "miles", "m"})


def _distance(doc, item: Figure) -> bool:
    """"35 km southwest of the port city of Dorun" -> "distance from Dorun": a distance to a place."""
    j = item.last
    if item.unit not in DISTANCE_UNITS or j + 1 >= len(doc) or doc[j].lower_ not in COMPASS or doc[j + 1].lower_ != "of":
        return False
    k = j + 2
    place = []
    while k < len(doc) and not doc[k].is_punct and doc[k].pos_ not in {"VERB", "AUX", "CCONJ"}:
        if doc[k].pos_ == "PROPN":
            place.append(doc[k])
        elif place:
            break
        k += 1
    if not place:
        k = j + 2
        while k < len(doc) and doc[k].pos_ in {"DET", "ADJ"}:
            k += 1
        if k >= len(doc) or doc[k].pos_ != "NOUN":
            return False
        place = [doc[k]]
    item.counts = "distance from " + " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in place)
    return True


RELATIVE_PRONOUNS = frozenset("which that".split())
MARGIN_WORDS = frozenset("ahead behind clear short".split())
SPEED_UNITS = frozenset({"mph", "km/h"})
MOTION_VERBS = frozenset("travel drive go move run fly ride race sail".split())
LENGTH_UNITS = frozenset({"km", "miles", "m", "ft", "cm", "mm", "in"})
DIMENSIONS = {"deep": "depth", "underground": "depth", "high": "height", "tall": "height", "long": "length", "wide": "width"}
WANTING_VERBS = frozenset("want demand seek hope need target plan ask".split())


def subject_of(verb: Token) -> Token | None:
    """The noun subject of a verb (not a pronoun), or None."""
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in PRONOUNS), None)


def _source_relative(doc, item: Figure, run: list) -> bool:
    """"ahead of the $4 billion analysts had forecast", "short of the 9% members demanded": after "the" and
    the figure, a source and its verb of saying or wanting with nothing after it is a relative clause
    about the figure (whose figure it is), not the thing counted."""
    if item.first == 0 or doc[item.first - 1].lower_ != "the" or not _is_agent(run[-1]):
        return False
    k = run[-1].i + 1
    while k < len(doc) and doc[k].pos_ == "AUX":
        k += 1
    if k >= len(doc) or doc[k].pos_ != "VERB" or doc[k].lemma_.lower() not in SPEECH_VERBS | WANTING_VERBS:
        return False
    return k + 1 >= len(doc) or doc[k + 1].is_punct or doc[k + 1].pos_ in {"ADP", "CCONJ"}


def _controller(verb):
    """Who does what an infinitive says: the object of the verb above ("expected prices to fall"), else its
    subject ("unemployment is expected to rise")."""
    above = verb.head
    for deps in ({"dobj"}, {"nsubj", "nsubjpass"}):
        found = next((c for c in above.children if c.dep_ in deps and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in PRONOUNS), None)
        if found is not None:
            return found
    return None


def _add_magnitude(doc, item: Figure) -> None:
    """"a magnitude 6.4 earthquake" counts the earthquake's magnitude, not earthquakes."""
    if item.number.start > 0 and doc[item.number.start - 1].lower_ == "magnitude" and item.counts:
        item.counts = item.counts.split()[0] + " magnitude"
AVERAGE_WORDS = frozenset("average mean median".split())


def _comparison(doc, item: Figure) -> bool:
    """"harvested 2.1 million tonnes of wheat, 26% less than last year": a share compared with the past
    counts what the figure before it counts (filled in by the ellipsis step). "38% less likely to develop
    dementia": the likelihood of what the infinitive says."""
    j = item.last
    if (
        item.unit == "percent" and j + 2 < len(doc) and doc[j].lower_ in {"more", "less"} and doc[j + 1].lower_ == "likely"
        and doc[j + 2].lower_ == "to"
    ):
        words = ["likely", "to"]
        k = j + 3
        while k < len(doc) and (doc[k].pos_ in {"VERB", "NOUN", "ADJ", "PART"} or (doc[k].pos_ == "DET" and len(words) > 2)) and len(words) < 7:
            if doc[k].pos_ != "DET":
                words.append(doc[k].lower_)
            if doc[k].pos_ == "NOUN" and not (k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN"):
                break
            k += 1
        item.counts = join_words(words)
        return True
    if item.unit != "percent" or j + 1 >= len(doc) or doc[j].lower_ not in COMPARATIVES or doc[j + 1].lower_ != "than":
        return False
    item.like_previous = ""
    return True


GENERIC_FIGURE_NOUNS = frozenset("figure number total tally count".split())
LEVEL_VERBS = frozenset("be stand sit reach total hit peak remain hover".split()) | RISE_FALL_VERBS


SPENDING_VERBS = frozenset("spend invest waste".split())
PAYING_VERBS = PURPOSE_VERBS | SPENDING_VERBS | frozenset("find provide secure pay borrow give".split())


def _paid_for(verb, figure):
    """"found £2.4 million last year for a new headquarters", "paid £3m for the site": what the sum is for (a
    thing, not a person, a date or a cause: "fined £2m for breaches" is not what the fine buys)."""
    if verb.lemma_.lower() not in PAYING_VERBS:
        return None
    wanted = {"for", "on", "in"} if verb.lemma_.lower() in SPENDING_VERBS else {"for"}
    for prep in verb.subtree:  # on the verb, the sum, or a span of time between ("over two years on outreach")
        if prep.dep_ == "prep" and prep.lower_ in wanted and prep.i > figure.i and (
                prep.head.i in (verb.i, figure.i) or prep.head.lower_ in DURATION_WORDS or prep.head.ent_type_ == "DATE"):
            noun = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"} and c.pos_ in {"NOUN", "VERB"}), None)
            if noun is not None and noun.pos_ == "VERB" and noun.tag_ == "VBG":
                return noun  # "invest 1.4 billion zloty in extending its network"
            if noun is not None and noun.pos_ == "NOUN" and not noun.ent_type_ and not _is_agent(noun) and not is_people(noun):
                return noun
    if verb.lemma_.lower() in SPENDING_VERBS:
        doing = next((c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VBG" and c.i > figure.i), None)
        if doing is not None:
            return doing  # "spend £1.1bn over four years extending pension credit"
    return None


def _of_object(noun) -> list:
    """"a tonne of washed potatoes": the "of"-object with its modifiers, after the noun."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or any(c.dep_ == "det" and c.lower_ in {"this", "that", "these", "those", "such"} for c in obj.children):
        return []  # ("the last fire of this size": which fire, not what it is of)
    return [of, *_modified_noun(obj)]


def _share_of_subject(item: Figure, head) -> bool:
    """"Turnout was 71 per cent of the registered voters": a share stated of a subject measures the subject."""
    if item.unit != "percent" or head.dep_ != "attr" or head.head.lemma_.lower() != "be":
        return False
    subject = _noun_subject(head.head)
    if subject is None:
        return False
    if subject.lower_ in GENERIC_FIGURE_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        item.like_previous = ""  # "Nationally 9% of claims fail. Here the figure is 14%": what the figure before counts
        return True
    _counts_from(item, subject)
    return True


def _of_head(doc, item: Figure, head) -> bool:
    """"a crowd of 18,432", "a depth of about 10 km", "revenue of $2.1 billion": the noun before "of"."""
    while head.head.i != head.i and head.head.lower_ in {"magnitude", "to", "up", "about", "around", "nearly", "almost"}:
        head = head.head  # "aftershocks of up to magnitude 4.8": the parser hangs the figure on the hedge
    parsed = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN" and head.head.head.i < head.i
    money = item.unit in MONEY_UNITS
    if money and head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.pos_ == "NOUN" and head.head.head.i < head.i:
        parsed = True  # "the FAO's appeal for $18.5 million", "a bid for £2bn": the appeal, the bid
    if parsed and head.i >= item.last and item.unit is None and head.pos_ == "NOUN" and head.lower_ not in MEASURES:
        return False  # "a farm of 80,000 laying hens": the hens are counted; the farm is what they make up
    if parsed:
        noun = head.head.head
    elif (
        item.first >= 2 and doc[item.first - 1].lower_ == "of" and doc[item.first - 2].pos_ == "NOUN"
        and (item.last >= len(doc) or doc[item.last].pos_ in {"AUX", "PUNCT", "CCONJ"}
             or (doc[item.last].pos_ == "VERB" and not (doc[item.last].tag_ == "VBG" and doc[item.last].dep_ == "amod")))  # ("of 80,000 laying hens")
    ):
        noun = doc[item.first - 2]  # "A crowd of 14,200 packed the court": the parser hung the figure elsewhere
    else:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in {"for", "in"} and noun.head.head.pos_ == "NOUN" and noun.head.head.i < noun.i \
            and (noun.ent_type_ == "DATE" or noun.lower_ in DURATION_WORDS):
        noun = noun.head.head  # "an average for the month of 88 mm": the average, not the month
    if noun.lower_ in {"peak", "high", "low", "record"} and noun.dep_ == "pobj" and noun.head.lower_ == "from":
        item.like_previous = ""  # "stood at 6.2 million, down from a peak of 6.5 million": the same thing at its peak
        return True
    if noun.lower_ == "equivalent":
        return False  # "raising the equivalent of US$9.6 million": what the verb says, not "equivalent"
    if noun.lower_ == "total" and (item.last >= len(doc) or doc[item.last].pos_ not in {"NOUN", "PROPN"}):
        item.like_previous = ""  # "cut rates four times, by a total of 1.25 points": the total of what came before
        item.counts = "total"
        return True
    if noun.lower_ in AVERAGE_WORDS:
        if item.last < len(doc) and doc[item.last].lower_ == "of":
            return False  # "an average of 12% of their body weight": the figure's own "of" says what
        if any(c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"} for c in noun.children) \
                and not any(t.like_num for t in doc[noun.left_edge.i : noun.i]):
            _counts_from(item, noun)  # "against a national average of 54": the national average itself
            return True  # (not "the 20-day average of 10.3 billion": a moving average of what came before)
        item.like_previous = noun.lower_  # "tenants paying an average of £1,340": the average of what came before
        item.counts = noun.lower_
        return True
    tokens = _modified_noun(noun)
    item.counts = _phrase_text(tokens)
    item.noun = noun if parsed else None  # a misparsed noun's role in the sentence is not to be trusted
    item.noun_words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens]
    if item.unit is None and is_people(noun):
        item.unit = "people"
    return True


def _modified_noun(noun) -> list:
    """The noun with the modifiers before it, a modifier's own hyphenated or nested words included:
    "fourth-quarter revenue" (not "quarter revenue"), "public sector borrowing", "out-of-state tuition"."""
    tokens = [noun]
    for child in noun.children:
        if child.i > noun.i or child.pos_ == "NUM":
            continue
        if child.dep_ in {"compound", "amod"}:
            tokens.extend(_modifier_words(child))
        elif child.dep_ == "nmod" and any(t.tag_ == "HYPH" for t in child.subtree):
            tokens.extend(_modifier_words(child))  # "in-state tuition": the parser calls "in" an nmod
    return sorted(set(tokens), key=lambda t: t.i)


def _modifier_words(mod) -> list:
    """A modifier with its own words when they run unbroken up to it and are words or hyphens."""
    words = sorted(mod.subtree, key=lambda t: t.i)
    contiguous = words[-1].i - words[0].i + 1 == len(words)
    hyphenated = any(t.tag_ == "HYPH" for t in words)  # "a five-year deal": the number is part of the word
    plain = all(t.is_alpha or t.tag_ == "HYPH" for t in words) and not any(
        t.pos_ in {"DET", "PRON"} or (t.pos_ == "NUM" and not hyphenated) for t in words)
    return words if contiguous and plain else [mod]


def _noun_subject(verb):
    """The verb's subject when it is a noun or a name (not a pronoun), else None."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in PRONOUNS), None)


def _counts_from(item, noun) -> None:
    """The figure counts ``noun`` with its modifiers (a gerund with its object: "extending pension credit")."""
    obj = next((c for c in noun.children if c.dep_ == "dobj"), None) if noun.tag_ == "VBG" else None
    tokens = [noun, *_modified_noun(obj)] if obj is not None else _modified_noun(noun)
    item.counts = _phrase_text(tokens)
    item.noun_words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens]


def _what_changed(noun):
    """"a fall in half-year profit", "a rise of sales": the noun a change noun is about, or None."""
    if noun.lemma_.lower() not in CHANGE_NOUNS:
        return None
    inside = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}), None)
    return next((c for c in inside.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if inside is not None else None


def _share_reached_by(figure):
    """"Debt rose to 90% of GDP", "the rate stays at 98% of the base rate": the noun subject whose level the
    share is (not the whole after "of"), or None."""
    if figure.dep_ != "pobj" or figure.head.lower_ not in {"to", "at"} or figure.head.head.pos_ not in {"VERB", "AUX"}:
        return None
    subject = subject_of(figure.head.head)
    return subject if subject is not None and subject.pos_ == "NOUN" and not _is_agent(subject) else None


def _count_noun(item, noun) -> None:
    """The figure counts ``noun`` with its modifiers; people when the noun names people."""
    _counts_from(item, noun)
    if is_people(noun):
        item.unit = "people"


def _phrase_text(tokens) -> str:
    """Lower-cased except proper nouns, hyphens closed up: "fourth-quarter revenue"."""
    return join_words(
        [t.text if t.pos_ == "PROPN" and not (t.is_sent_start and not t.ent_type_) else t.lower_ for t in tokens]
    )  # ("Turnout was 38%": a sentence's first word is not a name for being capitalised)


def join_words(words: list[str]) -> str:
    """Words of a counted phrase as written: hyphens and possessives closed up ("walk-in clinics", "council's budget")."""
    return POSSESSIVE.sub(r"\1", " ".join(words).replace(" - ", "-"))


POSSESSIVE = re.compile(r" ([\'\u2019]s)\b")


def _in_noun_run(doc, j: int, started: bool) -> bool:
    tok = doc[j]
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if tok.ent_type_ in {"DATE", "TIME"}:  # "weekday trips", "daily commuters" yes, "people last year" no
        return tok.pos_ in {"NOUN", "ADJ"} and nxt is not None and nxt.pos_ == "NOUN" and not nxt.ent_type_
    if tok.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return True
    if tok.dep_ in {"amod", "compound"} and tok.pos_ not in {"NUM", "VERB"} and not tok.is_punct:
        return True
    if tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.tag_ in {"VBN", "VBG"} and nxt is not None and nxt.pos_ == "NOUN":
        return True  # "sworn officers"
    if (
        not started and tok.tag_ == "VBN" and nxt is not None and nxt.pos_ == "NOUN" and j > 0 and doc[j - 1].like_num
        and any(c.dep_ == "dobj" and c.i > j and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in doc[j + 1 : c.i + 1])
                for c in tok.children)
    ):
        return True  # "214 confirmed measles cases", parsed as "214" + a clause "confirmed [measles] cases"
    if tok.text == "-" and started:
        return True
    if started and tok.tag_ == "POS" and nxt is not None and nxt.pos_ in {"NOUN", "ADJ"} and j > 0 and doc[j - 1].pos_ in {"NOUN", "PROPN"}:
        return True  # "22% of the council's budget": the budget, owned by the council
    if tok.is_alpha and nxt is not None and nxt.text == "-" and not tok.whitespace_ and not nxt.whitespace_ \
            and j + 2 < len(doc) and doc[j + 2].is_alpha:
        return True  # "9 walk-in clinics", "12 drive-through sites": a hyphened compound, whatever its parts are tagged
    if started and j > 1 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ and tok.is_alpha:
        return True
    return tok.pos_ == "NUM" and nxt is not None and nxt.text == "-"  # "18 three-pointers"


def _top_token(doc, item: Figure):
    start = item.number.start
    if start > 0 and (
        doc[start - 1].lower_ in CURRENCY_SYMBOLS
        or (doc[start - 1].lower_ in CURRENCY_PREFIXES and doc[start - 1].text[:1].isupper())
    ):
        start -= 1  # "a deficit of CHF 86 million": the code is the figure's top word as a symbol would be
    tokens = list(doc[start : item.last])
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[-1]


# Nouns of an event done to what follows "of": the participle that event gives the counted noun.
EVENT_NOUNS = {"evacuation": "evacuated", "arrest": "arrested", "rescue": "rescued", "release": "released",
               "deportation": "deported", "closure": "closed", "sale": "sold", "removal": "removed",
               "relocation": "relocated", "dismissal": "dismissed", "recall": "recalled", "demolition": "demolished",
               "cancellation": "cancelled", "detention": "detained", "killing": "killed", "vaccination": "vaccinated"}


def _subject_relative(clause) -> bool:
    """"men who tried", "pools that stay open": the relative pronoun is the clause's subject."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"} for c in clause.children)


def _own_main_verb(noun) -> bool:
    """The noun is the subject of a verb that says what happened to it, and that verb's object is not another
    figure ("the four pools that stay open would lose 11 jobs": "lose" belongs to the 11)."""
    verb = noun.head
    return (noun.dep_ in {"nsubj", "nsubjpass"} and verb.pos_ == "VERB" and verb.lemma_.lower() not in LIGHT_VERBS
            and not any(c.dep_ == "dobj" and any(g.dep_ == "nummod" for g in c.children) for c in verb.children))


def _participle_for(noun, figure=None) -> str | None:
    """"people [have been] killed", "homes damaged", "destroyed 1,200 homes" -> "homes destroyed".

    In "freed 14 of the 20 climbers who were stranded" the 14 is what was freed: when the figure heads
    the "of"-phrase its own verb says what happened, not the noun's relative clause."""
    if figure is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == figure.i:
        said = _verb_form(figure)
        if said:
            return said
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in EVENT_NOUNS:
        return EVENT_NOUNS[noun.head.head.lemma_.lower()]  # "forced the evacuation of 3,500 residents": residents evacuated
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i > noun.i and child.lower_ != "aged":  # "adults aged 40 to 79"
            if any(c.dep_ == "agent" for c in child.children) and _verb_form(noun):
                return _verb_form(noun)  # "30 flights operated by other carriers were delayed": delayed
            return child.lower_
        if (
            child.dep_ == "relcl" and child.tag_ in {"VBD", "VBN"} and child.lemma_.lower() not in LIGHT_VERBS
            and not any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NUM" for c in child.children)
            and not (_subject_relative(child) and not any(c.dep_ == "nsubjpass" for c in child.children)
                     and _own_main_verb(noun))  # "Three men who tried ... were jailed" (not "homes that were destroyed")
        ):
            return child.lower_  # "the 13 break points he faced", not "212 runners, 14 of whom were taken"
        if (
            child.dep_ == "relcl" and child.tag_ in {"VBP", "VBZ"} and child.i > noun.i
            and _subject_relative(child) and not _own_main_verb(noun)
            and not any(c.dep_ == "dobj" for c in child.children)  # "three people that need four": another figure's verb
        ):
            state = [c.lower_ for c in child.children if c.dep_ in {"acomp", "prt", "oprd"}]
            if state or child.lemma_.lower() not in LIGHT_VERBS:
                return " ".join([child.lower_, *state])  # "the four pools that stay open would lose ...": stay open
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in {"NUM", "NOUN"} and noun.head.head.i < noun.i:
        noun = noun.head.head  # "dozens of protesters were arrested", "52 percent of voters backed"
    return _verb_form(noun)


def _verb_form(token) -> str | None:
    """What the verb a noun or figure hangs on says happened to it: "were killed" -> "killed",
    "destroyed [homes]" -> "destroyed", "escaped" -> "escaped"; None for light and speech verbs."""
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_.lower() in STATE_VERBS:
        return _state(head)
    if head.pos_ != "VERB" or head.lemma_.lower() in LIGHT_VERBS | EMPTY_FOR_NOUNS:
        return None
    if token.dep_ == "nsubjpass":
        return head.lower_ + _particle(head) + _complement(head)
    if token.dep_ == "nsubj":
        return (head.lower_ if head.tag_ in {"VBD", "VBN", "VBG"} else head.lemma_.lower()) + _particle(head)
    if token.dep_ == "dobj":
        return _participle(head) + _complement(head)
    return None


STATE_VERBS = frozenset("be remain stay".split())
STATE_WORDS = frozenset("dead alive missing unaccounted homeless injured hurt trapped stranded".split())


def _state(verb) -> str | None:
    """"11 remain missing", "40 residents were still unaccounted for": the state the copula gives them."""
    state = next((c for c in verb.children if c.dep_ in {"acomp", "oprd"} and (c.tag_ in {"VBN", "VBG"} or c.lower_ in STATE_WORDS)), None)
    if state is None:
        return _state_phrase(verb)
    particle = next((c for c in state.children if c.dep_ == "prep" and c.lower_ == "for" and not list(c.children)), None)
    return state.lower_ + (" for" if particle is not None else "")


STATE_PREPOSITIONS = frozenset("without under in at on".split())


def _state_phrase(verb) -> str | None:
    """"60,000 households were still without power", "6,500 residents remain under evacuation orders",
    "1,500 fans were on a waiting list", "40 patients are in hospital": a state given by a preposition and
    a bare noun (not a place: "in the town" has an article)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in STATE_PREPOSITIONS or prep.i < verb.i:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and not c.ent_type_]
        if len(objects) != 1:
            continue
        noun = objects[0]
        if any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children):
            continue
        words = [t.lower_ for t in _modified_noun(noun)]
        return " ".join([prep.lower_, *words])
    return None


COMPELLING_VERBS = frozenset("order force compel oblige require tell urge advise".split())


def _complement(verb) -> str:
    """What a participle needs to say what happened: "ordered to leave", "forced to flee" (the infinitive
    after a verb of compulsion; not a purpose: "cut 140 posts to close a gap"),
    "taken to hospital", "held in custody" (a bare singular noun of place or state after to/in/into)."""
    for child in verb.children:
        if (
            verb.lemma_.lower() in COMPELLING_VERBS and child.dep_ == "xcomp" and child.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return f" to {child.lower_}"
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in {"to", "in", "into"}:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if (
            len(objects) == 1 and objects[0].tag_ == "NN" and not list(objects[0].lefts) and not objects[0].ent_type_
            and not objects[0].lower_.endswith("ing") and objects[0].i == child.i + 1
        ):
            return f" {child.lower_} {objects[0].lower_}"
    return ""


DOUBLING = frozenset("commit admit permit submit omit refer transfer prefer plan stop drop ban cap scrap slip ship grab".split())
PARTICLES = frozenset("back off out up down away".split())


def _particle(verb) -> str:
    """" back" in "bought back", " off" in "laid off": the particle that belongs to the verb's meaning."""
    doc = verb.doc
    prt = next((
        c for c in verb.children
        if c.lower_ in PARTICLES and (c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1))
        and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "to")  # "keep up to five routes": a hedge
    ), None)
    return f" {prt.lower_}" if prt is not None else ""


def _participle(verb) -> str:
    """The past participle with its particle: "destroyed", "taken" (also for a past tense: "took 40 people"
    -> "taken"), "bought back"."""
    return _participle_word(verb) + _particle(verb)


def _participle_word(verb) -> str:
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBD" and lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    if verb.tag_ in {"VBD", "VBN"}:
        return verb.lower_
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    if lemma in DOUBLING:
        return lemma + lemma[-1] + "ed"  # "commit" -> "committed"
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _is_source_count(item: Figure) -> bool:
    """"two officials said", "according to three people": who speaks, not a figure about the world."""
    noun = item.noun
    if noun is None or item.unit not in {None, "people"}:
        return False
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ALL_SPEECH_VERBS:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return True
    return False


def read_counts(doc: Doc, found: list[Figure]) -> list[Figure]:
    """Read what each figure of one sentence counts (in place), filling nouns left out by ellipsis, and drop
    the figures that count who speaks ("two officials said")."""
    for item in found:
        _read_counts(doc, item)
    _fill_ellipsis(doc, found)
    for item in found:
        if item.counts is None and item.unit in {"celsius", "fahrenheit"}:
            item.counts = "temperature"  # "in temperatures close to 4C": a reading on a thermometer
        if item.counts is None and item.unit in MONEY_UNITS:
            item.counts = _cost_to(doc, item)
    return [f for f in found if not _is_source_count(f)]
