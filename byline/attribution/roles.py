"""Word lists for people's roles and affiliations: titles, demonyms, US party-state tags.

Kept apart from the entity logic so the lists can grow without touching it.
"""

from __future__ import annotations

import re

# Words that make a run of tokens before a name a title ("Secretary of State",
# "deputy chief of staff"). Lower-cased; abbreviations keep their dot.
TITLE_WORDS = frozenset(
    """
    president vice secretary sen. senator rep. representative gov. governor lt. mayor minister premier
    chancellor director chief deputy ceo cfo coo chairman chairwoman chairperson chair judge justice
    general gen. adm. admiral col. colonel sgt. sergeant capt. captain maj. major commissioner sheriff
    ambassador envoy spokesman spokeswoman spokesperson speaker leader treasurer superintendent inspector
    officer coach manager adviser advisor attorney prosecutor councilman councilwoman councillor councilor
    commander king queen prince princess pope bishop archbishop rabbi imam professor prof. economist
    executive founder head striker midfielder defender goalkeeper quarterback forward guard pitcher
    analyst chef constable detective trooper marshal dean provost principal auditor comptroller
    controller clerk administrator strategist pollster lawmaker legislator delegate assemblyman
    assemblywoman alderman senator-elect president-elect governor-elect mayor-elect sec. supt. atty.
    """.split()
)

# Modifiers allowed inside a title run ("former President", "acting director").
TITLE_MODIFIERS = frozenset(
    "former acting interim then incoming outgoing ex- senior assistant associate rookie veteran battalion defending".split()
)

# Honorifics are dropped from names but are not roles.
HONORIFICS = frozenset("mr. mrs. ms. miss dr. sir dame mr mrs ms dr".split())

# Connectors allowed inside a title run: "Secretary of State" (not "and": it joins two people).
TITLE_CONNECTORS = frozenset("of for on".split())

ABBREVIATED_TITLES = {
    "sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "lt.": "Lieutenant",
    "gen.": "General", "adm.": "Admiral", "col.": "Colonel", "sgt.": "Sergeant", "capt.": "Captain",
    "maj.": "Major", "prof.": "Professor", "sec.": "Secretary", "supt.": "Superintendent",
    "atty.": "Attorney",
}

# Nationality adjectives -> the country recorded as an affiliation.
DEMONYMS = {
    "american": "United States", "venezuelan": "Venezuela", "colombian": "Colombia", "mexican": "Mexico",
    "brazilian": "Brazil", "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile",
    "peruvian": "Peru", "cuban": "Cuba", "canadian": "Canada", "british": "United Kingdom",
    "english": "England", "scottish": "Scotland", "welsh": "Wales", "irish": "Ireland", "french": "France",
    "german": "Germany", "italian": "Italy", "spanish": "Spain", "portuguese": "Portugal", "dutch": "Netherlands",
    "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria", "polish": "Poland",
    "ukrainian": "Ukraine", "russian": "Russia", "belarusian": "Belarus", "swedish": "Sweden",
    "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "greek": "Greece", "turkish": "Turkey",
    "israeli": "Israel", "palestinian": "Palestine", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "lebanese": "Lebanon", "jordanian": "Jordan", "egyptian": "Egypt", "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates", "qatari": "Qatar", "yemeni": "Yemen", "afghan": "Afghanistan",
    "pakistani": "Pakistan", "indian": "India", "chinese": "China", "japanese": "Japan",
    "korean": "Korea", "south korean": "South Korea", "north korean": "North Korea", "taiwanese": "Taiwan",
    "vietnamese": "Vietnam", "thai": "Thailand", "indonesian": "Indonesia", "filipino": "Philippines",
    "philippine": "Philippines", "australian": "Australia", "new zealand": "New Zealand",
    "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia", "sudanese": "Sudan",
    "south african": "South Africa", "hungarian": "Hungary", "romanian": "Romania", "serbian": "Serbia",
    "czech": "Czech Republic", "slovak": "Slovakia", "bolivian": "Bolivia", "ecuadorian": "Ecuador",
    "haitian": "Haiti", "nicaraguan": "Nicaragua", "salvadoran": "El Salvador", "honduran": "Honduras",
    "guatemalan": "Guatemala", "panamanian": "Panama",
}

PARTIES = {"R": "Republican", "D": "Democrat", "I": "Independent"}

# A party word right before a name is an affiliation ("Democrat Adaeze Okonkwo").
PARTY_WORDS = {
    "democrat": "Democrat", "democratic": "Democrat", "republican": "Republican", "independent": "Independent",
    "labour": "Labour", "conservative": "Conservative", "tory": "Conservative", "liberal": "Liberal",
    "green": "Green",
}

# Portfolio words that spaCy tags as organisations inside a title ("Finance Director", "Agriculture Minister").
PORTFOLIO_WORDS = frozenset(
    """finance agriculture defense defence interior health education transport transportation energy foreign
    home justice labor labour commerce trade environment culture housing economy economic security""".split()
)

# Lower-case occupation nouns AP style puts before a name ("farmer Ilse Brandt"), besides TITLE_WORDS.
OCCUPATION_WORDS = frozenset(
    """farmer campaigner activist substitute resident teacher nurse doctor lawyer student worker owner
    volunteer organizer organiser witness survivor singer actor author writer reporter photographer
    researcher scientist engineer pastor priest veteran businessman businesswoman entrepreneur""".split()
)

# AP-style and postal abbreviations of US states, as used in "R-Ky." / "(D-CA)".
STATES = {
    "ala.": "Alabama", "al": "Alabama", "alaska": "Alaska", "ak": "Alaska", "ariz.": "Arizona", "az": "Arizona",
    "ark.": "Arkansas", "ar": "Arkansas", "calif.": "California", "ca": "California", "colo.": "Colorado",
    "co": "Colorado", "conn.": "Connecticut", "ct": "Connecticut", "del.": "Delaware", "de": "Delaware",
    "fla.": "Florida", "fl": "Florida", "ga.": "Georgia", "ga": "Georgia", "hawaii": "Hawaii", "hi": "Hawaii",
    "idaho": "Idaho", "id": "Idaho", "ill.": "Illinois", "il": "Illinois", "ind.": "Indiana", "in": "Indiana",
    "iowa": "Iowa", "ia": "Iowa", "kan.": "Kansas", "kans.": "Kansas", "ks": "Kansas", "ky.": "Kentucky",
    "ky": "Kentucky", "la.": "Louisiana", "la": "Louisiana", "maine": "Maine", "me": "Maine",
    "md.": "Maryland", "md": "Maryland", "mass.": "Massachusetts", "ma": "Massachusetts", "mich.": "Michigan",
    "mi": "Michigan", "minn.": "Minnesota", "mn": "Minnesota", "miss.": "Mississippi", "ms": "Mississippi",
    "mo.": "Missouri", "mo": "Missouri", "mont.": "Montana", "mt": "Montana", "neb.": "Nebraska",
    "ne": "Nebraska", "nev.": "Nevada", "nv": "Nevada", "n.h.": "New Hampshire", "nh": "New Hampshire",
    "n.j.": "New Jersey", "nj": "New Jersey", "n.m.": "New Mexico", "nm": "New Mexico", "n.y.": "New York",
    "ny": "New York", "n.c.": "North Carolina", "nc": "North Carolina", "n.d.": "North Dakota",
    "nd": "North Dakota", "ohio": "Ohio", "oh": "Ohio", "okla.": "Oklahoma", "ok": "Oklahoma",
    "ore.": "Oregon", "or": "Oregon", "pa.": "Pennsylvania", "pa": "Pennsylvania", "r.i.": "Rhode Island",
    "ri": "Rhode Island", "s.c.": "South Carolina", "sc": "South Carolina", "s.d.": "South Dakota",
    "sd": "South Dakota", "tenn.": "Tennessee", "tn": "Tennessee", "texas": "Texas", "tx": "Texas",
    "utah": "Utah", "ut": "Utah", "vt.": "Vermont", "vt": "Vermont", "va.": "Virginia", "va": "Virginia",
    "wash.": "Washington", "wa": "Washington", "w.va.": "West Virginia", "wv": "West Virginia",
    "wis.": "Wisconsin", "wi": "Wisconsin", "wyo.": "Wyoming", "wy": "Wyoming",
}

# ", R-Ky.," / " (D-Calif.)" / " (R-N.Y.)" right after a name.
PARTY_STATE = re.compile(
    r"^\s*,?\s*\(?\s*(?P<party>[RDI])\s*[-\u2013]\s*(?P<state>[A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.)*(?:\s[A-Z][a-z]+)?)\s*\)?"
)

# "his dual role as national security adviser", "her new job as coach", "who serves as mayor"
ROLE_AS = re.compile(
    r"\b(?:(?:his|her|their)\s+(?:\w+\s+){0,2}(?:role|job|post|position|capacity)|serves|served|serving)"
    r"\s+as\s+(?:the\s+|an?\s+)?(?P<role>[^,.;:()\"\u201c\u201d]+?)(?=\s*(?:[,.;:()\"\u201c\u201d]|$|\s+(?:and|but|while|because|since|when)\b))"
)


def normalise_title(words: list[str]) -> str:
    """Spell out abbreviated titles ("Sen." -> "Senator"), keep the rest as written."""
    return " ".join(ABBREVIATED_TITLES.get(w.lower(), w) for w in words)


def party_state(text_after: str) -> tuple[list[str], int]:
    """Affiliations from a party-state tag at the start of ``text_after``, and its length (0 if none)."""
    match = PARTY_STATE.match(text_after)
    if not match:
        return [], 0
    raw = match.group("state").lower()
    state = STATES.get(raw.replace(" ", "")) or STATES.get(raw) or STATES.get(raw.rstrip("."))
    if state is None:
        return [], 0
    return [PARTIES[match.group("party")], state], match.end()
