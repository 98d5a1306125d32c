"""Exact and near duplicates, and the stories they form.

* Exact: a hash of the body's normalised text (case, punctuation and
  whitespace ignored). The same text twice on one outlet is one article;
  on two outlets it is two copies of one story.
* Near: MinHash (datasketch) over word 5-shingles, banded for LSH. The band
  hashes live in the store (not in memory), so candidate lookup costs the
  same at 1,000 or 1,000,000 articles. A candidate joins the story when its
  estimated Jaccard similarity reaches :data:`STORY_THRESHOLD`.
* Revisions: the same page (canonical URL) fetched again with a changed text
  is always in the same story as its earlier versions.
* A story's original is its earliest copy (published date, else fetch date,
  else first stored); each other copy lists the paragraphs it added, cut and
  edited relative to the original (difflib over normalised paragraphs).

The thresholds and how they were measured are in ``docs/decisions.md``.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
import zlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from byline.store.base import PreparedArticle, Store
from byline.store.rows import StoryCopy

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: P(candidate) is 0.87 at Jaccard 0.5, 0.05 at 0.2
ROWS = NUM_PERM // BANDS
STORY_THRESHOLD = 0.5  # estimated Jaccard of 5-shingles to link two articles as copies of one story
MIN_STORY_WORDS = 40  # shorter bodies are not linked into stories
EDITED_PARAGRAPH = 0.6  # difflib ratio from which a changed paragraph is an edit of the original one
_SEED = 1  # fixed: signatures must be comparable across runs and processes
_MAX_HASH = (1 << 32) - 1

_NON_WORD = re.compile(r"[^\w\s]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lowercase, strip accents' compatibility forms, drop punctuation, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_NON_WORD.sub(" ", text).split())


def content_hash(body: list[str], *, normalised: str | None = None) -> str:
    """Hash of the normalised body text: equal for exact duplicates."""
    text = normalised if normalised is not None else normalise(" ".join(body))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's MinHash permutations for our seed: the same in every process and run."""
    a, b = MinHash(num_perm=NUM_PERM, seed=_SEED).permutations
    return a.astype(np.uint64) | np.uint64(1), b.astype(np.uint64)  # odd multipliers for multiply-shift


_WORD_MULTIPLIERS = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)


def _shingle_hashes(words: list[str]) -> np.ndarray:
    """32-bit hashes of the word 5-shingles, vectorised: each word hashed once (crc32), then combined."""
    word_hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if len(words) < SHINGLE_WORDS:
        return np.array([zlib.crc32(" ".join(words).encode("utf-8"))], dtype=np.uint64)
    n = len(words) - SHINGLE_WORDS + 1
    combined = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE_WORDS):
        combined = (combined * np.uint64(0x100000001B3)) ^ (word_hashes[k:k + n] * _WORD_MULTIPLIERS[k])
    return np.unique((combined ^ (combined >> np.uint64(29))) & np.uint64(_MAX_HASH))


def signature(body: list[str], *, normalised: str | None = None) -> tuple[bytes, list[int]]:
    """MinHash signature (uint32 bytes) of the body's word 5-shingles and its LSH band hashes.

    The permutation parameters are datasketch's (seeded, so every process and
    run agrees); the hashing is vectorised multiply-shift over all shingles
    at once with numpy, several times faster than ``MinHash.update_batch``,
    which hashes each shingle with SHA-1 in Python (7 ms a page here).
    """
    words = (normalised if normalised is not None else normalise(" ".join(body))).split()
    if not words:
        return b"", []
    a, b = _permutations()
    hashes = _shingle_hashes(words)
    # Multiply-shift universal hashing (wraps mod 2**64, keeps the high 32 bits): no slow 64-bit modulo.
    values = ((hashes[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).min(axis=0).astype(np.uint32)
    bands = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        bands.append(int.from_bytes(digest, "little", signed=True))
    return values.tobytes(), bands


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.mean(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32)))


def paragraph_changes(original: list[str], copy: list[str]) -> tuple[list[str], list[str], list[list[str]]]:
    """(paragraphs the copy added, paragraphs it cut, [original, edited] pairs) relative to the original.

    Paragraphs equal after normalisation (case, punctuation, spacing) are kept;
    a changed paragraph still mostly the same (difflib ratio >= 0.6: "at least
    12 killed" -> "at least 19 killed") is an edit, otherwise a cut and an addition.
    """
    a = [normalise(p) for p in original]
    b = [normalise(p) for p in copy]
    added: list[str] = []
    cut: list[str] = []
    edited: list[list[str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                if difflib.SequenceMatcher(None, a[i], b[j], autojunk=False).ratio() >= EDITED_PARAGRAPH:
                    edited.append([original[i], copy[j]])
                else:
                    cut.append(original[i])
                    added.append(copy[j])
            cut.extend(original[i1 + (j2 - j1):i2] if (i2 - i1) > (j2 - j1) else [])
            added.extend(copy[j1 + (i2 - i1):j2] if (j2 - j1) > (i2 - i1) else [])
        if op == "delete":
            cut.extend(original[i1:i2])
        if op == "insert":
            added.extend(copy[j1:j2])
    return added, cut, edited


def link_story(store: Store, article_id: int, article: PreparedArticle) -> int | None:
    """Join a newly stored article to the story of its copies (creating or merging stories).

    Runs in the single writer, inside its transaction. Returns the story id,
    or None when the article has no copies yet.
    """
    minhash = article.minhash
    # Other fetches of the same page with another text are revisions: always one story.
    matches = set(store.same_url_articles(article.canonical_url, exclude=article_id))
    words = sum(len(p.split()) for p in article.record.get("body", []))
    # Briefs, paywall stubs and error pages are not matched by text: too few shingles to tell copies
    # from look-alikes, and identical stubs would form giant stories.
    if len(minhash) // 4 == NUM_PERM and words >= MIN_STORY_WORDS:
        matches |= set(store.same_text_articles(article.content_hash, exclude=article_id))
        for other, other_sig in store.lsh_candidates(article.bands, exclude=article_id):
            if similarity(minhash, other_sig) >= STORY_THRESHOLD:
                matches.add(other)
    if not matches:
        return None
    stories = sorted({s for s in (store.story_of(m) for m in matches) if s is not None})
    if not stories:
        story_id = store.create_story([article_id, *sorted(matches)])
        refresh_story(store, story_id, full=True)
        return story_id
    story_id = stories[0]
    before = {m[0] for m in store.story_members(story_id)}
    merged = len(stories) > 1
    if merged:
        store.merge_stories(story_id, stories[1:])
    for member in [article_id, *matches]:
        store.add_to_story(story_id, member)
    refresh_story(store, story_id, full=merged or bool(matches - before), new=article_id)
    return story_id


def refresh_story(store: Store, story_id: int, *, full: bool, new: int | None = None) -> None:
    """Recompute the original and the copies' changes (all of them when the original moved)."""
    members = store.story_members(story_id)
    # Earliest dated copy first; undated copies after dated ones, by id.
    original, _, original_sig = min(members, key=lambda m: (m[1] is None, m[1] or "", m[0]))
    previous = store.story_original(story_id)
    redo = members if (full or previous != original or new is None) else [m for m in members if m[0] == new]
    original_body = store.article_body(original)
    copies = []
    for member_id, _, member_sig in redo:
        if member_id == original:
            copies.append(StoryCopy(article_id=member_id, outlet="", published=None, url=None, headline=None,
                                    is_original=True, similarity=1.0))
            continue
        added, cut, edited = paragraph_changes(original_body, store.article_body(member_id))
        copies.append(StoryCopy(article_id=member_id, outlet="", published=None, url=None, headline=None,
                                is_original=False, similarity=similarity(original_sig, member_sig),
                                added_paragraphs=added, cut_paragraphs=cut, edited_paragraphs=edited))
    store.set_copies(story_id, original, copies)
