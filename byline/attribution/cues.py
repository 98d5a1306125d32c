"""Speech and stance cues: which words introduce a quote, and the cue phrase as a reader would cite it."""

from __future__ import annotations

from spacy.tokens import Token

# Verbs of saying: they introduce direct and indirect quotes.
SPEECH_VERBS = frozenset(
    """say tell add explain note state claim argue insist warn write ask answer reply respond announce
    report declare acknowledge admit suggest recall predict confirm deny estimate assert contend maintain
    complain caution urge tweet post testify remark observe comment conclude emphasize emphasise stress
    joke quip shout yell whisper concede vow promise pledge threaten boast brag allege charge counter
    retort mention indicate reveal disclose describe reiterate repeat proclaim lament muse speculate hint
    imply tout scoff mock inform assure advise recommend propose demand agree disagree question wonder
    acknowledge cite pledge plead predict tell text email message testify rule find laugh sigh smile shrug
    continue recount interject concur""".split()
)
# Verbs of stance, belief or intent: they attribute a reported clause, an aim or a position (indirect only,
# never a cue for a direct quote). "show" and "find" speak for polls and studies ("a poll shows that ...").
BELIEF_VERBS = frozenset(
    """believe think feel expect hope fear worry doubt suspect know realize contend insist want wish seek intend
    plan prefer show""".split()
)
# Verbs whose to-infinitive complement is the reported content ("vowed to rebuild", "wants to repeal").
INFINITIVE_CUES = frozenset(
    "promise vow pledge threaten urge ask call refuse decline offer agree plan want wish seek intend hope expect prefer".split()
)
# Speech acts whose object is what was said ("announced his retirement", "denied the report").
OBJECT_CUES = frozenset(
    """announce deny confirm propose reject dismiss acknowledge admit predict recommend demand promise pledge vow
    criticize criticise praise endorse defend accuse blame question dispute challenge urge reiterate repeat
    concede cite tout rebuke condemn applaud welcome support oppose discuss mention reveal disclose
    back slam blast assail decry hail favor favour want seek attack denounce fault deride ridicule disavow
    show express offer""".split()
)
# Speech verbs whose prepositional object is what was said ("called for a ban", "talked about jobs").
PREPOSITION_CUES = {"call": ("for", "on", "upon"), "refer": ("to",), "point": ("to",), "talk": ("about", "of"), "speak": ("about", "of"), "complain": ("about", "of"),
                    "warn": ("about", "of", "against"), "argue": ("for", "against"), "push": ("for",), "ask": ("about",),
                    "comment": ("on",), "testify": ("about", "on"), "write": ("about", "of"), "boast": ("about", "of"),
                    "joke": ("about",), "brag": ("about",), "lobby": ("for", "against"), "advocate": ("for",),
                    "campaign": ("for", "against", "on"), "insist": ("on",), "elaborate": ("on",), "weigh": ("in",)}

# Nouns that name a statement or a stance; with an owner they attribute their clause ("Potts's claim that ...")
# or, for a few, their prepositional object ("her call for a bridge").
SPEECH_NOUNS = frozenset(
    """claim assertion argument statement warning promise pledge vow suggestion view belief insistence contention
    allegation accusation admission charge threat assurance prediction hope fear concern call demand plea support
    opposition criticism endorsement praise announcement proposal complaint""".split()
)
# Only the nouns that carry a demand: "his criticism of the decision" names a stance without its words.
NOUN_PREPOSITIONS = {"call": ("for",), "demand": ("for",), "plea": ("for",), "proposal": ("for", "to")}

# Adjectives of stance that take a clause after "be": "Ruiz is confident that the levee will hold".
STANCE_ADJECTIVES = frozenset(
    "confident sure certain convinced worried concerned hopeful optimistic pessimistic adamant afraid skeptical".split()
)

# Verbs of judgement whose content is an object and what it is taken for: "sees Cruz as a uniter",
# "regards the deal as dead", "considers the plan a mistake".
JUDGEMENT_AS = frozenset("see view regard consider deem portray paint characterize characterise cast".split())


def judges_as(token: Token) -> bool:
    """A judgement verb with an object and an "as" phrase or a predicate after it ("viewed her as a rival")."""
    if token.lemma_.lower() not in JUDGEMENT_AS:
        return False
    if token.lemma_.lower() in {"consider", "deem", "regard"} and any(
            c.dep_ == "ccomp" and c.pos_ in {"NOUN", "PROPN", "ADJ"} and any(g.dep_ == "nsubj" for g in c.children)
            for c in token.children):  # (not "never seen the town so angry": a sight, not a judgement)
        return True  # "consider him a phony": a small clause the parser makes a clausal complement
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and any((c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in ("oprd", "xcomp")
                                 for c in token.children if c.i > objects[0].i)


# Verbs that can govern a quoted fragment ("called the plan 'reckless'").
FRAGMENT_CUES = frozenset("call describe label dub term brand characterize".split())

# Verbs that speak only with their particle: "went on", "fired back", "chimed in".
PHRASAL_CUES = {"go": "on", "fire": "back", "shoot": "back", "hit": "back", "chime": "in", "weigh": "in", "point": "out",
                "spell": "out", "lash": "out", "sound": "off"}

# Nouns that, after "in a/an" or "on", make the channel part of the cue: "said in a statement".
CHANNEL_NOUNS = frozenset(
    """statement interview email e-mail release letter post tweet video speech conference briefing call
    memo filing op-ed essay podcast broadcast appearance hearing message text note remarks testimony
    posting blog column""".split()
)


def is_cue(token: Token) -> bool:
    """A verb of saying or of stance (not inside a quotation: the caller checks that)."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VB", "VBG", "VBN"):
        return False
    lemma = token.lemma_.lower()
    if lemma in PHRASAL_CUES:  # "he went on", "she fired back"
        # the particle is often parsed as an adverb ("fired back" -> advmod)
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == PHRASAL_CUES[lemma] and c.i == token.i + 1
                   for c in token.children) or lemma in SPEECH_VERBS
    if lemma in FRAGMENT_CUES:
        return True
    if lemma in PREPOSITION_CUES and lemma not in SPEECH_VERBS:
        return any(c.dep_ == "prep" and c.lower_ in PREPOSITION_CUES[lemma] for c in token.children)
    if lemma in OBJECT_CUES or judges_as(token):
        return True
    if lemma == "make":  # "made it clear that ...", "has made clear she will not sign"
        return clear_of(token) is not None
    if lemma == "put":  # "as she put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    return lemma in SPEECH_VERBS or lemma in BELIEF_VERBS or lemma in FRAGMENT_CUES


def clear_of(token: Token) -> Token | None:
    """The "clear" of "made (it) clear", or None."""
    return next((c for c in token.children if c.lower_ == "clear" and c.pos_ in {"ADJ", "ADV"}), None)


def is_speech(token: Token) -> bool:
    return token.lemma_.lower() in SPEECH_VERBS


def channel_phrase(cue: Token) -> Token | None:
    """The prep child naming the channel of a statement ("in a statement", "on Twitter"), if any."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "via", "through"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in CHANNEL_NOUNS or obj.text in ("Twitter", "X", "Facebook", "Truth", "Instagram")):
                    return child
    return None


def cue_text(cue: Token) -> str:
    """The cue as cited: the verb with its particle and channel ("pointed out", "said in a statement")."""
    parts = [cue.text]
    clear = clear_of(cue) if cue.lemma_.lower() == "make" else None
    if clear is not None:  # "made it clear", "made clear"
        parts += [t.text for t in cue.doc[cue.i + 1 : clear.i + 1] if t.lower_ in {"it", "clear", "very", "quite", "abundantly"}]
    for child in cue.children:
        if (child.dep_ == "prt" or (cue.lemma_ == "put" and child.lower_ == "it")
                or (child.dep_ == "advmod" and PHRASAL_CUES.get(cue.lemma_.lower()) == child.lower_)) and child.i == cue.i + 1:
            parts.append(child.text)
    channel = channel_phrase(cue)
    if channel is not None and channel.i > cue.i:
        # "in a statement", "on a call": the preposition to its noun, not what hangs from the noun
        noun = next(o for o in channel.children if o.dep_ == "pobj")
        parts.append(cue.doc[channel.i : noun.i + 1].text)
    return " ".join(parts)
