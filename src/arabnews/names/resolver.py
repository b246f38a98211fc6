"""Corpus-level clustering of name mentions: :class:`NameResolver`.

The resolver's state is the multiset of (spelling, label) mentions it was fed. Clusters
are a deterministic function of that multiset, never of the order of the calls, which is
what makes :meth:`NameResolver.merge` of resolvers built on separate workers equal to one
resolver fed everything.

How mentions become clusters:

1. Every distinct spelling gets a comparison key (:func:`~arabnews.names.name_key`); keys
   are indexed by blocking keys of their last token, so a new key is compared only with
   the few keys that share a block, never with the whole corpus.
2. Keys that :func:`~arabnews.names.same_name` accepts are linked; linked keys form a
   cluster. A key that matches a gazetteer entry is anchored to it; links between keys
   anchored to different entries are never made, and the cluster takes the entry's id.
3. A cluster of bare single-token names (ماكرون) joins the one multi-token PER cluster
   whose surname it matches (إيمانويل ماكرون), when exactly one does.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from arabnews._checks import require_str
from arabnews.names._keys import NameKey, blocking_keys, name_key
from arabnews.names._match import Matcher, default_matcher
from arabnews.names.gazetteer import Gazetteer
from arabnews.spans import ENTITY_LABELS

__all__ = ["NameResolver"]

_DEFAULT: Final = "default"
_PERSONISH = frozenset({"PER", None})


class _Key:
    """Book-keeping for one distinct comparison key."""

    __slots__ = ("anchor", "key", "labels", "spellings")

    def __init__(self, key: NameKey, anchor: str | None) -> None:
        self.key = key
        self.anchor = anchor
        self.spellings: set[str] = set()
        self.labels: Counter[str] = Counter()


def _unanchored_id(keytext: str) -> str:
    digest = hashlib.blake2b(keytext.encode("utf-8"), digest_size=6).hexdigest()
    return f"name:{digest}"


class NameResolver:
    """Incremental, mergeable clustering of name mentions.

    Args:
        gazetteer: known entities (default: :meth:`Gazetteer.default`); ``None`` for none.
        matcher: the name matcher (default: the shipped cost model).

    >>> r = NameResolver()
    >>> r.add("فولوديمير زيلينسكي", "PER") == r.add("زيلنسكي") == r.add("وزيلينسكي")
    True
    >>> r.canonical("زيلنسكي")
    'فولوديمير زيلينسكي'
    >>> r2 = NameResolver(gazetteer=None)
    >>> a = r2.add("دينيس شميهال", "PER"); b = r2.add("شميهال", "PER")
    >>> a == b, r2.canonical("شميهال")
    (True, 'دينيس شميهال')
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None | str = _DEFAULT,
        matcher: Matcher | None = None,
    ) -> None:
        if isinstance(gazetteer, str):
            if gazetteer != _DEFAULT:
                raise ValueError(f"gazetteer must be a Gazetteer, None or 'default', not {gazetteer!r}")
            gazetteer = Gazetteer.default()
        self._gazetteer: Gazetteer | None = gazetteer
        self._matcher = matcher if matcher is not None else default_matcher()
        self._counts: dict[str, Counter[str]] = {}  # spelling -> label ("" for none) -> count
        self._key_of: dict[str, str] = {}  # spelling -> key text
        self._keys: dict[str, _Key] = {}
        self._index: dict[str, set[str]] = {}  # blocking key -> key texts
        self._links: dict[str, dict[str, float]] = {}  # same-name links with similarity
        self._surname_of: dict[str, set[str]] = {}  # bare key -> multi-token keys it ends
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._ids: dict[str, str] = {}  # cache: key text -> cluster id
        self._total = 0

    # ------------------------------------------------------------------ feeding

    def add(self, name: str, label: str | None = None) -> str:
        """Record one mention of *name* and return its cluster id.

        The id of a gazetteer entity is the entry id (``"zelensky"``); other clusters get
        ``"name:<hash>"`` of their smallest key. Ids depend only on the mentions seen, so
        a bare surname's id can change when a later mention makes it ambiguous. A name
        without letters is not recorded and gets ``""``.
        """
        require_str(name, "name")
        if label is not None and label not in ENTITY_LABELS:
            raise ValueError(f"label must be one of {sorted(ENTITY_LABELS)} or None, not {label!r}")
        return self._add(name, Counter({label or "": 1}))

    def update(self, names: Iterable[str | tuple[str, str | None]]) -> None:
        """Add many mentions: names, or ``(name, label)`` pairs."""
        for item in names:
            if isinstance(item, tuple):
                self.add(*item)
            else:
                self.add(item)

    def _add(self, name: str, labels: Counter[str]) -> str:
        spelling = " ".join(name.split())
        keytext = self._key_of.get(spelling)
        if keytext is None:
            key = name_key(spelling)
            keytext = key.text
            if not keytext:
                return ""
            self._key_of[spelling] = keytext
            if keytext not in self._keys:
                self._register(key)
        info = self._keys[keytext]
        info.spellings.add(spelling)
        counts = self._counts.setdefault(spelling, Counter())
        counts.update(labels)
        new_labels = Counter({k: v for k, v in labels.items() if k})
        if new_labels:
            before = info.labels.most_common(1)
            info.labels.update(new_labels)
            if info.labels.most_common(1)[:1] != before[:1]:
                self._ids.clear()  # a majority label changed: bare-surname links may too
        self._total += sum(labels.values())
        return self._cluster_of(keytext)

    def _register(self, key: NameKey) -> None:
        keytext = key.text
        anchor = self._gazetteer.lookup_key(key) if self._gazetteer is not None else None
        self._keys[keytext] = _Key(key, anchor)
        self._parent[keytext] = keytext
        self._members[keytext] = {keytext}
        self._ids.clear()
        matcher = self._matcher
        threshold = matcher.model.threshold
        link = max(threshold, matcher.model.single_token_link)
        candidates: set[str] = set()
        blocks = _blocks(key)
        for block in blocks:
            bucket = self._index.get(block)
            if bucket is not None:
                candidates.update(bucket)
            else:
                bucket = self._index[block] = set()
            bucket.add(keytext)
        multi = len(key.tokens) > 1
        for other in sorted(candidates):
            oinfo = self._keys[other]
            if anchor is not None and oinfo.anchor is not None and anchor != oinfo.anchor:
                continue  # two known, different entities
            okey = oinfo.key
            sim = matcher.key_similarity(key, okey, 1.0)
            if sim >= (link if not multi and len(okey.tokens) == 1 else threshold):
                self._links.setdefault(keytext, {})[other] = sim
                self._links.setdefault(other, {})[keytext] = sim
                self._union(keytext, other)
                continue
            omulti = len(okey.tokens) > 1
            if multi == omulti:
                continue
            bare, full = (other, keytext) if multi else (keytext, other)
            bare_tok = self._keys[bare].key.tokens[0]
            full_tok = self._keys[full].key.tokens[-1]
            if matcher._tok_sim(bare_tok, full_tok, threshold) >= threshold:
                self._surname_of.setdefault(bare, set()).add(full)

    def _find(self, x: str) -> str:
        parent = self._parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra] |= self._members.pop(rb)

    # ------------------------------------------------------------------ clusters

    def _label(self, members: Iterable[str]) -> str | None:
        total: Counter[str] = Counter()
        for m in members:
            total.update(self._keys[m].labels)
        if not total:
            return None
        return min(total, key=lambda lab: (-total[lab], lab))

    def _own_id(self, keytext: str) -> str:
        """Cluster id without bare-surname attachment."""
        info = self._keys[keytext]
        if info.anchor is not None:
            return info.anchor
        members = self._members[self._find(keytext)]
        anchors = {self._keys[m].anchor for m in members} - {None}
        if len(anchors) == 1:
            return next(iter(anchors))  # type: ignore[arg-type]
        if anchors:
            # linked to several known entities through unknown spellings: follow the
            # strongest direct link to an anchored key
            links = self._links.get(keytext, {})
            best = sorted(
                (-sim, self._keys[o].anchor or "")
                for o, sim in links.items()
                if self._keys[o].anchor is not None
            )
            if best:
                return best[0][1]
            members = {m for m in members if self._keys[m].anchor is None}
        return _unanchored_id(min(members))

    def _cluster_of(self, keytext: str) -> str:
        got = self._ids.get(keytext)
        if got is not None:
            return got
        ident = self._own_id(keytext)
        info = self._keys[keytext]
        if info.anchor is None and len(info.key.tokens) == 1:
            members = self._members[self._find(keytext)]
            if all(len(self._keys[m].key.tokens) == 1 for m in members) and (
                self._label(members) in _PERSONISH
            ):
                targets = set()
                for m in members:
                    for full in self._surname_of.get(m, ()):
                        fid = self._own_id(full)
                        fmembers = self._members[self._find(full)]
                        if self._label(fmembers) in _PERSONISH or (
                            self._gazetteer is not None
                            and (entry := self._gazetteer.get(fid)) is not None
                            and entry.label == "PER"
                        ):
                            targets.add(fid)
                if len(targets) == 1:
                    ident = next(iter(targets))
        self._ids[keytext] = ident
        return ident

    def cluster_id(self, name: str) -> str | None:
        """The cluster id of a name already added, or ``None`` for an unseen name."""
        require_str(name, "name")
        spelling = " ".join(name.split())
        keytext = self._key_of.get(spelling)
        if keytext is None:
            keytext = name_key(spelling).text
            if keytext not in self._keys:
                return None
        return self._cluster_of(keytext)

    def canonical(self, name: str) -> str:
        """The canonical spelling of *name*'s cluster.

        The gazetteer's spelling for a known entity, else the most frequent spelling in
        the cluster (ties: the alphabetically first). An unseen name unknown to the
        gazetteer is returned with its whitespace collapsed.
        """
        require_str(name, "name")
        spelling = " ".join(name.split())
        ident = self.cluster_id(spelling)
        if self._gazetteer is not None:
            entry = self._gazetteer.get(ident) if ident is not None else None
            if entry is None and ident is None:
                entry = self._gazetteer.lookup(spelling)
            if entry is not None:
                return entry.canonical
        if ident is None:
            return spelling
        return self._most_frequent(self._spellings_of(ident))

    def _most_frequent(self, spellings: Iterable[str]) -> str:
        return min(spellings, key=lambda s: (-sum(self._counts[s].values()), s))

    def _spellings_of(self, ident: str) -> list[str]:
        return self.clusters().get(ident, [])

    def label(self, name: str) -> str | None:
        """The majority label of *name*'s cluster (the gazetteer's for known entities)."""
        ident = self.cluster_id(name)
        if ident is None:
            return None
        if self._gazetteer is not None and (entry := self._gazetteer.get(ident)) is not None:
            return entry.label
        keys = {self._key_of[s] for s in self._spellings_of(ident)}
        return self._label(keys)

    def clusters(self) -> dict[str, list[str]]:
        """Cluster id -> the spellings in it (sorted), for every cluster."""
        out: dict[str, list[str]] = {}
        for keytext in self._keys:
            ident = self._cluster_of(keytext)
            out.setdefault(ident, []).extend(self._keys[keytext].spellings)
        return {k: sorted(v) for k, v in sorted(out.items())}

    # ------------------------------------------------------------------ combining

    def counts(self) -> dict[str, dict[str | None, int]]:
        """Spelling -> label (``None`` for unlabelled) -> number of mentions."""
        return {
            s: {(lab or None): n for lab, n in sorted(c.items())}
            for s, c in sorted(self._counts.items())
        }

    def merge(self, other: NameResolver) -> NameResolver:
        """A new resolver holding the mentions of both (equal to one fed them all)."""
        if not isinstance(other, NameResolver):
            raise TypeError(f"other must be NameResolver, not {type(other).__name__}")
        merged = NameResolver(gazetteer=self._gazetteer, matcher=self._matcher)
        for source in (self, other):
            for spelling, labels in source._counts.items():
                merged._add(spelling, labels)
        return merged

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready snapshot: the mentions seen (clusters are recomputed on load)."""
        return {
            "version": 1,
            "gazetteer": "default" if self._gazetteer is Gazetteer.default() else (
                None if self._gazetteer is None else "custom"
            ),
            "mentions": [
                [s, {lab: n for lab, n in sorted(c.items())}] for s, c in sorted(self._counts.items())
            ],
        }

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        gazetteer: Gazetteer | None | str = _DEFAULT,
        matcher: Matcher | None = None,
    ) -> NameResolver:
        """Rebuild a resolver from :meth:`to_dict` output.

        A snapshot made without a gazetteer is rebuilt without one; one made with a custom
        gazetteer needs it passed again as *gazetteer*.
        """
        if data.get("version") != 1 or not isinstance(data.get("mentions"), list):
            raise ValueError("not a NameResolver snapshot (version 1)")
        if data.get("gazetteer") is None:
            gazetteer = None
        resolver = cls(gazetteer=gazetteer, matcher=matcher)
        for spelling, labels in data["mentions"]:
            require_str(spelling, "spelling")
            counts = Counter({str(k): int(v) for k, v in labels.items()})
            if any(k and k not in ENTITY_LABELS for k in counts) or any(
                v <= 0 for v in counts.values()
            ):
                raise ValueError(f"bad label counts for {spelling!r}: {labels!r}")
            resolver._add(spelling, counts)
        return resolver

    # ------------------------------------------------------------------ protocol

    def __len__(self) -> int:
        """Number of mentions added."""
        return self._total

    def __iter__(self) -> Iterator[str]:
        """The distinct spellings added, sorted."""
        return iter(sorted(self._counts))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and " ".join(name.split()) in self._counts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameResolver):
            return NotImplemented
        return self._gazetteer is other._gazetteer and self._counts == other._counts

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"NameResolver({len(self._counts)} spellings, {self._total} mentions, "
            f"{len(set(map(self._cluster_of, self._keys)))} clusters)"
        )


def _blocks(key: NameKey) -> frozenset[str]:
    """Blocking keys: those of the last token, plus those of all letters run together
    (عبد الله / عبدالله)."""
    last = blocking_keys(key.tokens[-1])
    if len(key.tokens) == 1:
        return last | {"#" + b for b in last}
    joined = name_key(key.joined).tokens
    return last | {"#" + b for b in blocking_keys(joined[0])} if joined else last
