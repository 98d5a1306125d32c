"""CMS metadata blocks, bare and labelled, in any order."""

from __future__ import annotations

from byline.extract.lines import read_lines
from byline.extract.metablock import Metadata, metadata_blocks, parse_word_count, read_block_line

SEED_BLOCK = """Newsfront
President Donald Trump is planning a call with Venezuelan President Nicolás Maduro, Axios reported Monday.
donald trump, talks, venezuela
342
2025-58-24
Monday, 24 November 2025 06:58 PM
Newsmax Media, Inc."""


def _read(block: str) -> Metadata:
    meta = Metadata()
    for line in read_lines(block):
        read_block_line(line.text, meta, [])
    return meta


def test_seed_order():
    meta = _read(SEED_BLOCK)
    assert meta.section == "Newsfront"
    assert meta.description.startswith("President Donald Trump")
    assert meta.tags == ["donald trump", "talks", "venezuela"]
    assert meta.word_count == "342"
    assert meta.dates == [("published", "2025-58-24"), ("published", "Monday, 24 November 2025 06:58 PM")]
    assert meta.publisher == "Newsmax Media, Inc."


def test_reversed_order_gives_the_same_fields():
    meta = _read("\n".join(reversed(SEED_BLOCK.split("\n"))))
    assert (meta.section, meta.word_count, meta.publisher) == ("Newsfront", "342", "Newsmax Media, Inc.")
    assert meta.tags == ["donald trump", "talks", "venezuela"]


def test_labelled_lines():
    meta = _read("Section: Business\nKeywords: shipping; Red Sea\nWord count: 1,204 words\nPublisher: X Company\n"
                 "Updated: 2025-11-24T08:00:00-05:00\nLanguage: English")
    assert meta.section == "Business" and meta.tags == ["shipping", "Red Sea"]
    assert parse_word_count(meta.word_count) == 1204
    assert meta.publisher == "X Company"
    assert meta.dates == [("modified", "2025-11-24T08:00:00-05:00")]
    assert meta.language == "en"


def test_block_detection_needs_several_field_lines():
    lines = read_lines("A paragraph of prose that ends here.\n\n" + SEED_BLOCK + "\n\nJoin the community\nRead comments")
    blocks = metadata_blocks(lines, 0)
    assert blocks == {1}
