"""Quote and claim spans -> nested runs, and the article's quote panel."""

from __future__ import annotations

from byline.web.markup import Node, article_paragraphs, describe_quantity, quote_panel, speaker_key


def _flat(nodes: list[Node], path: tuple = ()) -> list[tuple[tuple, str]]:
    """(enclosing kinds, text) for every text run, in order."""
    out = []
    for n in nodes:
        if n.kind == "text":
            out.append((path, n.text))
        else:
            out.extend(_flat(n.children, path + (f"{n.kind}{n.index}",)))
    return out


def _record(body, quotes=(), claims=()):
    return {"body": list(body), "quotes": list(quotes), "claims": list(claims)}


def _quote(paragraphs, span, text="", **speaker):
    return {"text": text, "kind": "direct", "paragraphs": paragraphs, "span": span, "speaker": speaker, "via": speaker.pop("via", None)}


def test_claim_inside_quote_nests() -> None:
    text = "He said at least 5 died there today."
    record = _record([text], [_quote([0], [8, 35], name="A")], [{"paragraph": 0, "span": [8, 24], "text": "", "quantities": []}])
    runs = _flat(article_paragraphs(record)[0])
    assert runs == [((), "He said "), (("quote0", "claim0"), "at least 5 died "), (("quote0",), "there today"), ((), ".")]


def test_crossing_spans_split_and_text_is_kept_whole() -> None:
    text = "one two three four five"
    record = _record([text], [_quote([0], [4, 13], name="A")], [{"paragraph": 0, "span": [8, 18], "text": "", "quantities": []}])
    paragraph = article_paragraphs(record)[0]
    runs = _flat(paragraph)
    assert "".join(t for _, t in runs) == text
    assert runs == [((), "one "), (("quote0",), "two "), (("quote0", "claim0"), "three"), (("claim0",), " four"), ((), " five")]
    claims = [n for n in paragraph if n.kind == "claim"] + [c for n in paragraph for c in n.children if c.kind == "claim"]
    assert sorted((c.first, c.last) for c in claims) == [(False, True), (True, False)]  # one tooltip, one end


def test_quote_continuing_into_next_paragraph() -> None:
    body = ["\u201cFirst part,\u201d she said. \u201cSecond part.", "\u201cThird part,\u201d she added."]
    record = _record(body, [_quote([0, 1], [body[0].index("Second"), len(body[0])], "Second part. Third part,", name="B")])
    paragraphs = article_paragraphs(record)
    assert _flat(paragraphs[1])[0] == (("quote0",), "\u201cThird part,\u201d")
    pieces = [n for p in paragraphs for n in p if n.kind == "quote"]
    assert [(n.first, n.last) for n in pieces] == [(True, False), (False, True)]


def test_bad_spans_fall_back_to_the_text_or_are_dropped() -> None:
    record = _record(["Alpha beta gamma."], [_quote([0], [50, 99], "beta", name="A"), _quote([7], [0, 1], "x", name="B")],
                     [{"paragraph": 3, "span": [0, 2], "text": "Al", "quantities": []}])
    assert _flat(article_paragraphs(record)[0]) == [((), "Alpha "), (("quote0",), "beta"), ((), " gamma.")]


def test_quote_panel_counts_by_kind_of_source() -> None:
    quotes = [
        _quote([0], [0, 1], name="Ilse Brandt", kind="person"),
        _quote([0], [0, 1], name="Ilse Brandt", kind="person", via="Wire"),
        _quote([0], [0, 1], descriptor="one official", anonymous=True, kind="person", via="Wire"),
        _quote([0], [0, 1], name="Emergency Office", kind="organization"),
        _quote([0], [0, 1]),
    ]
    panel = quote_panel(_record(["x"], quotes))
    assert panel.totals == {"named": 2, "anonymous": 1, "organization": 1, "unattributed": 1, "relayed": 2}
    assert panel.relayed == {"Wire": 2}
    assert [(s.key, s.count) for s in panel.speakers] == [
        ("Ilse Brandt", 2), ("Emergency Office", 1), ("one official", 1), ("unattributed", 1)]
    assert panel.colour_of_quote[0] == panel.colour_of_quote[1] != panel.colour_of_quote[2]
    assert speaker_key({"descriptor": "one official", "anonymous": True}) == "one official"


def test_quantities_read_like_a_sentence() -> None:
    assert describe_quantity({"value": 83, "bound": "at_least", "counts": "people killed"}) == "at least 83 people killed"
    assert describe_quantity({"value": None, "low": 31, "high": 35, "bound": "range", "counts": "dead"}) == "between 31 and 35 dead"
    assert describe_quantity({"value": 5, "low": 5, "high": 5, "bound": "exact", "unit": "percent"}) == "5 percent"
    assert describe_quantity({"value": 300, "low": 300, "high": None, "bound": "more_than"}) == "more than 300"
    assert describe_quantity({"value": 2400.0, "bound": "exact", "unit": None, "counts": None}) == "2,400"
    assert describe_quantity({"value": 4.5, "bound": "about", "unit": "%", "counts": "inflation"}) == "about 4.5 % inflation"


def test_time_expressions_nest_inside_quotes_and_need_a_resolved_date() -> None:
    text = "She said on Monday that it would end."
    record = _record([text], [_quote([0], [9, 36], name="A")])
    record["times"] = [{"text": "Monday", "paragraph": 0, "span": [12, 18], "resolved": "2025-11-24"},
                       {"text": "soon", "paragraph": 0, "span": [0, 3], "resolved": None}]
    runs = _flat(article_paragraphs(record)[0])
    assert runs == [((), "She said "), (("quote0",), "on "), (("quote0", "time0"), "Monday"),
                    (("quote0",), " that it would end"), ((), ".")]
