"""Relay outlets: the news organisation a statement reached the article through ("told Axios")."""

from __future__ import annotations

import re

from spacy.tokens import Token

# Outlets named by what they are, not by name: in a record they stand for the last outlet the article named.
GENERIC_OUTLETS = frozenset(name.strip() for name in """the newspaper|the paper|the outlet|the news outlet|the network|
    the news agency|the wire service|the magazine|the station|the broadcaster|the news site|the website""".split("|"))
KNOWN_OUTLETS = frozenset(
    s.strip().lower()  # (each line's first name used to keep its indentation: "    newsweek" never matched)
    for s in """Axios|Reuters|AP|The AP|The Associated Press|Associated Press|AFP|Agence France-Presse|Bloomberg|
    Bloomberg News|CNN|Fox News|Fox|MSNBC|NBC|NBC News|ABC|ABC News|CBS|CBS News|NPR|PBS|BBC|the BBC|Politico|
    The New York Times|New York Times|The Washington Post|Washington Post|The Wall Street Journal|
    Wall Street Journal|The Guardian|The Times|USA Today|The Hill|Punchbowl News|Semafor|The Atlantic|
    Newsweek|Time|Financial Times|The Financial Times|The Economist|Al Jazeera|Newsmax|Breitbart|
    Breitbart News|HuffPost|The Huffington Post|Huffington Post|BuzzFeed News|Vox|Slate|Los Angeles Times|
    The Los Angeles Times|Chicago Tribune|The Boston Globe|Boston Globe|Daily Mail|The Telegraph|
    The Independent|Sky News|Der Spiegel|Le Monde|ProPublica|The Intercept|Yahoo News|CNBC|Fox Business|
    The Daily Beast|Daily Beast|Mother Jones|The New Yorker|Rolling Stone|Vanity Fair|Business Insider|
    Insider|The Information|Deadline|Variety|ESPN|The Athletic|Kyiv Independent|Haaretz|Xinhua|TASS|
    Interfax|Yonhap|The Sun|The Mirror|The Star|The Globe and Mail|The Times of India|Kyodo|Nikkei|Le Figaro|El País|La Repubblica|Al Arabiya|Euronews|Deutsche Welle|DW""".replace("\n", "").split("|")
) | GENERIC_OUTLETS
_OUTLET_SUFFIX = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w.&'-]*\s+){0,4}(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Press|Radio|"
    r"Magazine|Chronicle|Observer|Inquirer|Dispatch|Courier|Bulletin|Sentinel|Examiner|Globe|Star|Daily|"
    r"Wire|Register|Ledger|TV|Television|Telegraph|Mirror|Express|Standard|Record|Beacon|Enquirer|Sun|Daily|"
    r"Echo|Argus|Advertiser|Mercury|Clarion|Bugle|Messenger|Gleaner|Statesman)$"
)
# Broadcasters named by medium then place: "Radio Orrin", "Television Brackley", "Channel 4 News".
_MEDIUM_FIRST = re.compile(r"^(?:Radio|Television|TV|Channel)(?:\s+[A-Z0-9][\w.&'-]*){1,3}$")
_BARE_MEDIUM = frozenset("radio television tv channel".split())  # a medium alone names no outlet
_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}-(?:TV|FM|AM|DT)$")  # US broadcasters: "WFNK-TV", "KQED-FM"
_POSSESSIVE = re.compile(r"(?:'s|’s)$")
# Participles that pass a source's words on through an outlet: "figures reported Sunday by WFNK-TV".
_RELAY_PARTICIPLES = frozenset("report publish release obtain cite see air broadcast review".split())


def outlet_name(text: str) -> str | None:
    """``text`` as an outlet name (trimmed of "the" case and possessive), or None when it is not an outlet."""
    text = _POSSESSIVE.sub("", " ".join(text.split()).strip(" ,.;:"))
    if not text:
        return None
    if text.lower() in KNOWN_OUTLETS:
        return text
    if text.lower() in _BARE_MEDIUM:
        return None
    if (_OUTLET_SUFFIX.match(text) or _CALL_SIGN.match(text) or _MEDIUM_FIRST.match(text)) and text[0].isupper():
        return text
    return None


def relayed_by(head: Token) -> tuple[Token, str] | None:
    """A source phrase that names the outlet it came through ("state figures reported Sunday by WFNK-TV",
    "documents obtained by The Times"): the participle and the outlet's name, or None."""
    agents = [(child, obj) for child in head.children
              if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in _RELAY_PARTICIPLES
              for agent in child.children if agent.dep_ == "agent"
              for obj in agent.children if obj.dep_ == "pobj"]
    for participle, obj in agents:
        words = [t for t in obj.subtree if not (t.dep_ == "det" and t.lower_ == "the")]
        outlet = outlet_name(head.doc[words[0].i : words[-1].i + 1].text) if words else None
        if outlet:
            return participle, outlet
    return None
