"""The annotation stage as a whole: one parse, every annotator, the language gate."""

from __future__ import annotations

from byline import extract

ENGLISH = """Flood barrier holds on the Ostra river

Published: 2026-02-06T10:00:00+00:00

Engineer Lena Marsh said on Thursday that at least 40 homes were saved by the new barrier.

"It did exactly what it was built to do," Marsh told Reuters.
"""

FRENCH = """La digue tient bon sur l'Ostra

Le maire a déclaré jeudi que la nouvelle digue avait sauvé au moins 40 maisons dans la vallée.

« Elle a fait exactement ce pour quoi elle a été construite », a dit l'ingénieure Lena Marsh aux journalistes.
"""


def test_english_article_gets_every_annotation():
    record = extract(ENGLISH, plain=True)
    assert record.language == "en"
    assert [q.speaker.name for q in record.quotes if q.kind == "direct"] == ["Lena Marsh"]
    assert record.quotes[-1].via == "Reuters"
    assert any(q.value == 40 and q.bound == "at_least" for c in record.claims for q in c.quantities)
    assert any(e.name == "Lena Marsh" and e.kind == "person" for e in record.entities)
    assert any(t.text == "Thursday" and t.resolved == "2026-02-05" for t in record.times)


def test_other_language_is_left_unannotated_and_says_so():
    record = extract(FRENCH, plain=True)
    assert record.language == "fr"
    assert record.quotes == [] and record.claims == [] and record.entities == [] and record.times == []
    assert [a.field for a in record.anomalies] == ["language"]
    assert "English text only" in record.anomalies[0].problem


def test_annotate_false_skips_the_stage():
    record = extract(ENGLISH, plain=True, annotate=False)
    assert record.quotes == [] and record.entities == []
    assert record.body  # extraction itself still ran
