"""Transcript turns: paragraphs of the form ``LABEL: words`` (press conferences, interview Q&As)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from byline.attribution.entities import ORG_WORDS
from byline.model import Article

# "Q:", "A:", "RUIZ:", "MAYOR ANN RUIZ:", "Ann Ruiz:" at the start of a paragraph
_TURN = re.compile(r"^(Q|A|[A-Z][A-Z.'\- ]{1,40}|[A-Z][a-z]+(?: [A-Z][a-z'\-]+){0,3}):\s+(\S.*)$", re.S)
_NOT_LABELS = frozenset("UPDATE EDITOR'S NOTE NOTE CORRECTION WATCH READ MORE RELATED PHOTO VIDEO BREAKING".split())


# labels that name a role, not a person: no name to resolve
ROLE_LABELS = frozenset("REPORTER QUESTION MODERATOR INTERVIEWER AUDIENCE HOST ANNOUNCER OPERATOR".split())


@dataclass
class Turn:
    paragraph: int
    label: str
    text: str
    start: int  # offset of the text in the paragraph
    end: int


def transcript_turns(article: Article) -> list[Turn]:
    """Turns of a transcript; only when at least two paragraphs look like turns (one label could be a heading)."""
    turns: list[Turn] = []
    for index, paragraph in enumerate(article.body):
        match = _TURN.match(paragraph)
        if not match:
            continue
        label = match.group(1).strip()
        if label.upper() in _NOT_LABELS or label.split()[0].upper() in _NOT_LABELS:
            continue
        text = match.group(2).rstrip()
        if sum(1 for w in text.split() if any(c.isalpha() for c in w)) < 2:
            continue  # "Clinton: 1,547." is a tally, not a turn
        turns.append(Turn(index, label, text, match.start(2), match.start(2) + len(text)))
    # a dialogue, not a list of "Name: topic" headings: question/answer labels, or a label that comes back
    labels = [t.label.upper() for t in turns]
    dialogue = any(label in ("Q", "A") for label in labels) or len(set(labels)) < len(labels)
    return turns if len(turns) >= 2 and dialogue else []


def interviewee(article: Article, turns: list[Turn]) -> str | None:
    """Who answers the "A:" turns when the parser found no person to give them to: the first two-word name in
    the introduction (before the first turn) that is not an organisation's ("Marta Ilves has run the airport
    since 2021", which spaCy may tag as an organisation)."""
    if not turns or not any(t.label.upper() in ("A", "ANSWER") for t in turns):
        return None
    first_turn = min(t.paragraph for t in turns)
    for entity in article.entities:
        words = entity.name.split()
        if entity.kind not in ("person", "organization") or not 2 <= len(words) <= 3:
            continue
        if any(w.lower() in ORG_WORDS for w in words) or not all(w[:1].isupper() for w in words):
            continue
        if any(m.paragraph < first_turn for m in entity.mentions):
            return entity.name
    return None

