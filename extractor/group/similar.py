"""Content fingerprints: MinHash signatures of a text's word shingles, and candidate pairs by bands.

Two files hold the same document when most of their five-word shingles agree, whatever their
format, line breaks or page furniture. A signature keeps 128 minimum hashes, so similarity is
estimated without keeping the shingles, and banding finds the similar pairs without comparing
every pair (20 000 documents make 200 million pairs).
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from itertools import combinations

import numpy as np

WORD_RE = re.compile(r"\w+")
SHINGLE_WORDS = 5
PERMUTATIONS = 128
BAND_ROWS = 4  # 32 bands of 4: a pair at similarity 0.5 shares a band with probability 0.87
MIN_WORDS = 30  # fewer words than this give no trustworthy fingerprint
MERSENNE = np.uint64((1 << 61) - 1)
_RNG = np.random.default_rng(20240601)  # fixed seed: signatures must compare across imports
_A = _RNG.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
MAX_BUCKET = 200  # a band value shared by more files than this is boilerplate, not a copy


def normalised_words(text: str) -> list[str]:
    """Return the text's words, case-folded, without punctuation or layout.  "Ansökan,\\tDnr" -> ["ansökan", "dnr"]"""
    return WORD_RE.findall((text or "").casefold())


def signature(text: str) -> bytes | None:
    """Return the MinHash signature of the text's five-word shingles, or None for a near-empty text."""
    words = normalised_words(text)
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    mins = ((_A[:, None] * hashes[None, :] + _B[:, None]) % MERSENNE).min(axis=1)
    return (mins & np.uint64(0xFFFFFFFF)).astype("<u4").tobytes()


def similarity(a: bytes | None, b: bytes | None) -> float:
    """Return the estimated share of shingles two signatures have in common (0.0 if either is None)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.mean(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")))


def candidate_pairs(signatures: dict[str, bytes | None]) -> set[tuple[str, str]]:
    """Return the pairs of keys whose signatures agree on at least one whole band, each pair sorted."""
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    width = BAND_ROWS * 4
    for key, sig in signatures.items():
        if not sig:
            continue
        for band in range(len(sig) // width):
            buckets[(band, sig[band * width:(band + 1) * width])].append(key)
    pairs: set[tuple[str, str]] = set()
    for keys in buckets.values():
        if 1 < len(keys) <= MAX_BUCKET:
            pairs.update((a, b) if a < b else (b, a) for a, b in combinations(keys, 2))
    return pairs
