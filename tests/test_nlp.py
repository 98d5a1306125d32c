"""The shared parse: paragraph breaks are sentence boundaries for every annotator."""

from __future__ import annotations

from byline.nlp import parse_paragraphs


def test_a_sentence_never_runs_over_a_paragraph_break():
    adoc = parse_paragraphs([
        '"We will not back down," said Mayor Ann Ruiz',
        "The town had asked the state for pumps twice, she said.",
        "Residents were angry. Some left.",
    ])
    starts = {s.start_char for s in adoc.doc.sents}
    for paragraph_start in adoc.starts:
        assert paragraph_start in starts
    # the parser still splits sentences inside a paragraph
    assert adoc.starts[2] + len("Residents were angry. ") in starts


def test_locate_maps_back_to_paragraphs():
    adoc = parse_paragraphs(["First one.", "Second one."])
    second = adoc.doc.text.index("Second")
    assert adoc.locate(second) == (1, 0)


def test_the_models_wrong_lemma_for_hope_is_corrected():
    # the model lemmatises "hopes"/"hoped"/"hoping" as "hop", which hid "X hopes to ..." from the cues
    doc = parse_paragraphs(["The mayor hopes the levee holds.", "She hoped to win. They were hoping for rain."]).doc
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope", "hope"]


def test_a_noun_keeps_its_own_lemma():
    doc = parse_paragraphs(["The brewery buys hops from Kent."]).doc
    assert [t.lemma_ for t in doc if t.lower_ == "hops"] == ["hop"]
