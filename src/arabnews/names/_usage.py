"""How Arabic Wikipedia uses a word: one small vector per frequent written word.

Two spellings of one name are used alike (أمريكا / أميركا stand among the same words); two
look-alike names or words are not (صعدة, a Yemeni city, and سعيدة, an Algerian one or a
given name). The table holds, for every written word (:func:`~arabnews.names.surface_form`)
seen at least 20 times in the Arabic Wikipedia text of ``../shared/data/text``, a
100-dimensional vector of the words around it (positive PMI of a ±10-word window, reduced
by a truncated SVD), stored as signed bytes. ``training/names/build_usage.py`` builds it;
the matcher reads it only to keep apart two words that are both well attested and used
differently (:attr:`CostModel.usage_apart <arabnews.names.CostModel.usage_apart>`): usage
never joins two spellings (حسن and حسين are used alike and are two names).

File layout (``data/usage.bin``): a first line ``ARABNEWS-USAGE 1``, a second line with a
JSON header (``dims``, ``count``, ``words_bytes`` and the build settings), then the words
(UTF-8, one per line, ``words_bytes`` bytes), then ``count * dims`` signed bytes.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Mapping

import attrs

from arabnews._data import read_bytes

__all__ = ["UsageTable", "usage_similarity"]

_MAGIC = b"ARABNEWS-USAGE 1\n"
_FILE = "arabnews/names/data/usage.bin"


@attrs.frozen(slots=True, repr=False)
class UsageTable:
    """Word -> usage vector (read-only).

    :ivar dims: the length of each vector.
    :ivar index: written word -> its row.
    :ivar vectors: all rows, ``dims`` signed bytes each.
    :ivar header: the file's header (build settings, source).
    """

    dims: int
    index: Mapping[str, int]
    vectors: memoryview
    header: Mapping[str, object]

    def __repr__(self) -> str:
        return f"UsageTable({len(self.index)} words, {self.dims} dims)"

    def __contains__(self, word: object) -> bool:
        return word in self.index

    @classmethod
    def from_bytes(cls, data: bytes, source: str = _FILE) -> UsageTable:
        """Parse the file layout of the module docstring.

        Raises:
            ValueError: a wrong first line, header or length (the message names *source*).
        """
        if not data.startswith(_MAGIC):
            raise ValueError(f"{source}: not a usage table (first line {_MAGIC!r} expected)")
        end = data.find(b"\n", len(_MAGIC))
        if end < 0:
            raise ValueError(f"{source}: no header line")
        try:
            header = json.loads(data[len(_MAGIC) : end].decode("utf-8"))
            dims, count, words_bytes = (
                int(header["dims"]),
                int(header["count"]),
                int(header["words_bytes"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{source}: invalid header: {exc!r}") from exc
        start = end + 1
        words = data[start : start + words_bytes].decode("utf-8").split("\n")
        body = memoryview(data)[start + words_bytes :]
        if dims <= 0 or len(words) != count or len(body) != count * dims:
            raise ValueError(
                f"{source}: expected {count} words and {count * dims} vector bytes, "
                f"got {len(words)} and {len(body)}"
            )
        index = {w: i for i, w in enumerate(words)}
        if len(index) != count:
            raise ValueError(f"{source}: a word is listed twice")
        return cls(dims, index, body.cast("b"), header)

    @classmethod
    @functools.cache
    def default(cls) -> UsageTable:
        """The shipped table (read once)."""
        return cls.from_bytes(read_bytes("arabnews.names", "usage.bin"))

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine of the usage vectors of two written words (:func:`surface_form`), or
        ``None`` when the table lacks either (a word seen fewer than 20 times)."""
        ia = self.index.get(a)
        if ia is None:
            return None
        ib = self.index.get(b)
        if ib is None:
            return None
        d = self.dims
        va = self.vectors[ia * d : ia * d + d]
        vb = self.vectors[ib * d : ib * d + d]
        dot = sum(map(operator.mul, va, vb))
        norm = math.sqrt(sum(map(operator.mul, va, va)) * sum(map(operator.mul, vb, vb)))
        return dot / norm if norm else 0.0


def usage_similarity(a: str, b: str) -> float | None:
    """:meth:`UsageTable.similarity` on the shipped table.

    >>> from arabnews.names import surface_form
    >>> usage_similarity(surface_form("صعدة"), surface_form("سعيدة")) < 0.15
    True
    >>> usage_similarity("زيلينسكي", "فولوديمير") is None  # not in the 2017 text
    True
    """
    return UsageTable.default().similarity(a, b)
