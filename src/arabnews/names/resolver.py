"""Corpus-level clustering of name mentions: :class:`NameResolver`.

The resolver's state is the multiset of (spelling, label) mentions it was fed. Clusters
are a deterministic function of that multiset, never of the order of the calls, which is
what makes :meth:`NameResolver.merge` of resolvers built on separate workers equal to one
resolver fed everything.

How mentions become clusters:

1. Every distinct spelling gets a comparison key (:func:`~arabnews.names.name_key`); keys
   are indexed by blocking keys of their last token, so a new key is compared only with
   the few keys that share a block, never with the whole corpus.
2. Keys that :func:`~arabnews.names.same_name` accepts are linked (one-token names need
   a higher similarity, ``single_token_link``). A key that matches a gazetteer entry is
   anchored to it and takes the entry id; an unknown key linked to anchored keys joins
   the most similar of them.
3. The other keys are clustered around *centres* without chaining: keys are taken in a
   fixed order (more tokens first, then the key text); a key joins the first earlier
   linked key that is itself a centre, or becomes a centre. Every member therefore
   matches its centre directly, so look-alikes cannot chain a corpus into one cluster.
4. A cluster of bare one-token names (ميرتس) joins the one multi-token PER cluster whose
   surname its centre matches (فريدريش ميرتس), when exactly one does.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from arabnews._checks import require_str
from arabnews.names._keys import (
    _CLITICS,
    NameKey,
    TokenKey,
    _clitic_alternative,
    article_first,
    blocking_keys,
    name_key,
)
from arabnews.names._match import Matcher, default_matcher, without_article
from arabnews.names._usage import UsageTable
from arabnews.names.gazetteer import Gazetteer, compatible_labels
from arabnews.spans import ENTITY_LABELS

_LATIN_KEY: Final = "latin:"
_ARTICLE_KEY: Final = "article:"
_WORD_KEY: Final = "|word:"
_NO_IDS: Final[frozenset[str]] = frozenset()

__all__ = ["NameResolver"]

_DEFAULT: Final = "default"
_PERSONISH = frozenset({"PER", None})


class _Key:
    """Book-keeping for one distinct comparison key."""

    __slots__ = ("anchor", "key", "known", "labels", "listed", "spellings")

    def __init__(
        self, key: NameKey, anchor: str | None, listed: frozenset[str], known: bool
    ) -> None:
        self.key = key
        self.anchor = anchor
        self.listed = listed  # the gazetteer entries listing the key, when several
        self.known = known  # whether the gazetteer lists the key at all
        self.spellings: set[str] = set()
        self.labels: Counter[str] = Counter()


@functools.lru_cache(maxsize=8)
def _matcher_for(gazetteer: Gazetteer | None) -> Matcher:
    """The shipped cost model with *gazetteer* as what it knows (built once for each)."""
    return Matcher(known=gazetteer)


def _canonical(key: NameKey, keytext: str) -> NameKey:
    """The key a key text stands for, whichever spelling brought it: the proclitic
    alternative is read from the key text (ووارسو and وارسو share the text وارسو, but
    only the second spelling starts with a proclitic before the rest of the name); a key
    text of an article-stripped word has none (see :func:`_keytext`)."""
    first = key.tokens[0]
    article = keytext.startswith(_ARTICLE_KEY)
    alt = None if article else _clitic_alternative(first.text, first.text)
    if alt == first.alternative:
        return key
    token = TokenKey(
        first.text,
        alt,
        first.latin,
        first.written,
        article=first.article,
        alt_article=alt is not None and first.alt_article,
        feminine=first.feminine,
        surface=first.surface,
    )
    return NameKey((token, *key.tokens[1:]))


def _keytext(key: NameKey, spelling: str, gazetteer: Gazetteer | None) -> str:
    """A key's identity here, for *spelling* of *key*: a Latin spelling keeps its own
    (*Venezuela* and فينيزويلا share a key text, but only the Latin one is a listed
    spelling of the gazetteer), and so does a word that lost its article before a letter
    a proclitic could be (الفروسية, equestrianism, and فروسية share the text فروسيا, but
    only the second can be ف + روسية) or where the article tells known names apart
    (الهند, India, and هند, a given name: :meth:`Gazetteer.article_decides`), so that a
    key's gazetteer anchor never depends on which spelling came first. A one-word name
    that Arabic Wikipedia holds as a written word keeps that word too (كندة and كندا share
    the text كندا, كيف and كييف the text كيف: :meth:`Matcher.surface_apart
    <arabnews.names.Matcher.surface_apart>` may tell them apart, and the gazetteer does)."""
    if key.latin:
        # as written: Samir and Samer share the text سامير but romanize different names
        return _LATIN_KEY + " ".join(t.written or t.text for t in key.tokens)
    first = key.tokens[0].text[:1] if key.tokens else ""
    text = key.text
    # (the article test first: most spellings have none, and then nothing else is asked)
    if (
        first
        and article_first(spelling)
        and (first in _CLITICS or (gazetteer is not None and gazetteer.article_decides(key.text)))
    ):
        text = _ARTICLE_KEY + key.text
    if len(key.tokens) == 1:
        surface = key.tokens[0].surface
        if surface and surface in UsageTable.default():
            return text + _WORD_KEY + without_article(surface)
    return text


def _unanchored_id(keytext: str) -> str:
    digest = hashlib.blake2b(keytext.encode("utf-8"), digest_size=6).hexdigest()
    return f"name:{digest}"


class NameResolver:
    """Incremental, mergeable clustering of name mentions.

    Args:
        gazetteer: known entities (default: :meth:`Gazetteer.default`); ``None`` for none.
        matcher: the name matcher (default: the shipped cost model, with this gazetteer's
            entities told apart: ``Matcher(known=gazetteer)``).

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
        gazetteer: Gazetteer | str | None = _DEFAULT,
        matcher: Matcher | None = None,
    ) -> None:
        if isinstance(gazetteer, str):
            if gazetteer != _DEFAULT:
                raise ValueError(
                    f"gazetteer must be a Gazetteer, None or 'default', not {gazetteer!r}"
                )
            gazetteer = Gazetteer.default()
        self._gazetteer: Gazetteer | None = gazetteer
        if matcher is None:
            # the matcher tells apart the entities of this resolver's gazetteer (listed
            # spellings of different entities are different names), and none without one
            matcher = (
                default_matcher() if gazetteer is Gazetteer.default() else _matcher_for(gazetteer)
            )
        self._matcher = matcher
        self._counts: dict[str, Counter[str]] = {}  # spelling -> label ("" for none) -> count
        self._key_of: dict[str, str] = {}  # spelling -> key text
        self._keys: dict[str, _Key] = {}
        self._index: dict[str, set[str]] = {}  # blocking key -> key texts
        self._links: dict[str, dict[str, float]] = {}  # same-name links with similarity
        self._surname_of: dict[str, set[str]] = {}  # bare key -> multi-token keys it ends
        self._bares: dict[str, set[str]] = {}  # the reverse of _surname_of
        self._anchored: dict[str, set[str]] = {}  # gazetteer id -> keys anchored to it
        self._centres: dict[str, str] = {}  # cache: unanchored key -> its centre
        # cache: key -> cluster id, emptied by every change that can move an id (a new key,
        # a key's majority label); a corpus names the same entities again and again
        self._ids: dict[str, str] = {}
        self._total = 0

    # ------------------------------------------------------------------ feeding

    def add(self, name: str, label: str | None = None) -> str:
        """Record one mention of *name* and return its cluster id.

        The id of a gazetteer entity is the entry id (``"zelensky"``); other clusters get
        ``"name:<hash>"`` of their centre's key. Ids depend only on the mentions seen, so
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
            keytext = _keytext(key, spelling, self._gazetteer)
            if not keytext:
                return ""
            self._key_of[spelling] = keytext
            if keytext not in self._keys:
                self._register(key, keytext)
        info = self._keys[keytext]
        info.spellings.add(spelling)
        counts = self._counts.setdefault(spelling, Counter())
        counts.update(labels)
        named = {k: v for k, v in labels.items() if k}
        if named:
            before = self._label(keytext)
            info.labels.update(named)
            if self._label(keytext) != before:
                self._ids.clear()  # labels decide anchors and surname attachments
                if info.anchor is not None:
                    # whether this key may keep its gazetteer anchor depends on its label
                    self._centres.clear()
        self._total += sum(labels.values())
        return self._cluster_of(keytext)

    def _register(self, key: NameKey, keytext: str) -> None:
        self._ids.clear()
        key = _canonical(key, keytext)
        anchor = self._gazetteer.lookup_key(key) if self._gazetteer is not None else None
        listed = self._gazetteer.ids_of(key) if self._gazetteer is not None else _NO_IDS
        self._keys[keytext] = _Key(
            key, anchor, listed if len(listed) > 1 else _NO_IDS, bool(listed)
        )
        if anchor is not None:
            self._anchored.setdefault(anchor, set()).add(keytext)
        matcher = self._matcher
        threshold = matcher.model.threshold
        single_link = matcher.model.single_token_link
        single_raw = matcher.model.single_token_raw
        multi = len(key.tokens) > 1
        # Strict keys are shared by every kind of key; loose keys (two-consonant deletions)
        # only bring together pairs where one side has several tokens: two bare names that
        # share no more than that cannot reach the single-token link threshold anyway.
        strict, loose = _blocks(key)
        own = "m:" if multi else "1:"
        index = self._index
        candidates: set[str] = set()
        for block in strict:
            candidates.update(index.get(block, ()))
        for block in loose:
            candidates.update(index.get("m:" + block, ()))
            if multi:
                candidates.update(index.get("1:" + block, ()))
        for block in strict:
            index.setdefault(block, set()).add(keytext)
        for block in loose:
            index.setdefault(own + block, set()).add(keytext)
        tok_sim = matcher.token_key_similarity
        listed_sim = matcher.listed_similarity
        firsts: dict[TokenKey, bool] = {}  # given_names_apart's verdicts on first words
        for other in sorted(candidates):
            oinfo = self._keys[other]
            if anchor is not None and oinfo.anchor is not None and anchor != oinfo.anchor:
                continue  # two known, different entities
            okey = oinfo.key
            omulti = len(okey.tokens) > 1
            if multi and omulti:
                if not (listed and oinfo.known) and matcher.given_names_apart(key, okey, firsts):
                    continue  # (the cheap test first: a surname shared by many people)
                sim = matcher.key_similarity(key, okey, 1.0)
                if sim >= matcher.threshold_for(key, okey):
                    self._link(keytext, other, sim)
                continue
            if not multi and not omulti:
                # cut the computation off at the (higher) single-token link threshold
                link = max(matcher.threshold_for(key, okey), single_link)
                if not _close_enough(matcher, key.tokens[0], okey.tokens[0], single_raw):
                    continue
                known = listed_sim(key.tokens[0], okey.tokens[0])
                if known is not None and known < matcher.threshold_for(key, okey):
                    continue  # the known entities tell them apart, as in same_name (Riyadh / رياض)
                sim = matcher.word_similarity(key.tokens[0], okey.tokens[0], link)
                if sim >= link:
                    self._link(keytext, other, sim)
                continue
            bare, full = (okey, key) if multi else (key, okey)
            # عبد الله / عبدالله: the same letters split differently
            sim = matcher.joined_similarity(bare, full, 1.0, threshold)
            if sim >= threshold:
                self._link(keytext, other, sim)
            elif (
                _close_enough(matcher, bare.tokens[0], full.tokens[-1], single_raw)
                and listed_sim(bare.tokens[0], full.tokens[-1]) != 0.0
                and tok_sim(bare.tokens[0], full.tokens[-1], threshold) >= threshold
            ):
                bare_text, full_text = (other, keytext) if multi else (keytext, other)
                self._surname_of.setdefault(bare_text, set()).add(full_text)
                self._bares.setdefault(full_text, set()).add(bare_text)
        if anchor is None:
            self._invalidate(keytext)

    def _invalidate(self, keytext: str) -> None:
        """Forget the centres that a new key can change: later keys reachable from it."""
        memo = self._centres
        if not memo:
            return
        keys = self._keys
        todo = [keytext]
        seen = {keytext}
        while todo:
            k = todo.pop()
            ok = _order(keys[k].key, k)
            for other in self._links.get(k, ()):
                if (
                    other not in seen
                    and self._anchor(other) is None
                    and _order(keys[other].key, other) > ok
                ):
                    seen.add(other)
                    todo.append(other)
                    memo.pop(other, None)

    def _link(self, a: str, b: str, sim: float) -> None:
        self._links.setdefault(a, {})[b] = sim
        self._links.setdefault(b, {})[a] = sim

    # ------------------------------------------------------------------ clusters

    def _centre(self, keytext: str) -> str:
        """The centre of an unanchored key (see the module docstring), memoised."""
        memo = self._centres
        got = memo.get(keytext)
        if got is not None:
            return got
        # collect the unanchored predecessors this answer depends on, then settle them in
        # order (each one's own predecessors come earlier), without recursion
        keys = self._keys
        todo = [keytext]
        need: set[str] = {keytext}
        while todo:
            k = todo.pop()
            ok = _order(keys[k].key, k)
            for other in self._links.get(k, ()):
                if other in need or other in memo or self._anchor(other) is not None:
                    continue
                if _order(keys[other].key, other) < ok:
                    need.add(other)
                    todo.append(other)
        for k in sorted(need, key=lambda t: _order(keys[t].key, t)):
            ok = _order(keys[k].key, k)
            preds = sorted(
                (_order(keys[o].key, o), o)
                for o in self._links.get(k, ())
                if self._anchor(o) is None and _order(keys[o].key, o) < ok
            )
            memo[k] = next((o for _, o in preds if memo[o] == o), k)
        return memo[keytext]

    def _own_id(self, keytext: str) -> str:
        """Cluster id without bare-surname attachment."""
        own = self._anchor(keytext)
        if own is not None:
            return own
        anchor = self._linked_anchor(keytext)
        if anchor is not None:
            return anchor
        centre = self._centre(keytext)
        # a member follows its centre into a gazetteer cluster
        anchor = self._linked_anchor(centre) if centre != keytext else None
        return anchor if anchor is not None else _unanchored_id(centre)

    def _anchor(self, keytext: str) -> str | None:
        """The gazetteer id a key is anchored to, unless the key's majority label is
        incompatible with the entry's (a person, a place and an organisation are never one
        another)."""
        anchor = self._keys[keytext].anchor
        if anchor is None and self._keys[keytext].listed:
            return self._own_label_entry(keytext)
        if anchor is None or self._gazetteer is None:
            return anchor
        entry = self._gazetteer.get(anchor)
        if entry is not None and not compatible_labels(self._label(keytext), entry.label):
            return None
        return anchor

    def _own_label_entry(self, keytext: str) -> str | None:
        """Of the entries that list a key, the only one of its mentions' label (the
        newspaper «الشرق الأوسط» for an ``ORG``, the region for a ``LOC``), if there is one."""
        gaz = self._gazetteer
        return None if gaz is None else gaz.one_of(self._keys[keytext].listed, self._label(keytext))

    def _linked_anchor(self, keytext: str) -> str | None:
        """The gazetteer id of the most similar anchored key linked to *keytext* whose
        entry's label is compatible with *keytext*'s."""
        return self._linked_anchor_scored(keytext)[0]

    def _ambiguous(self, keytext: str) -> frozenset[str]:
        """The entities the gazetteer lists an unanchored key for when it lists it for
        several that its mentions' label allows (كاميرون: Cameroon without its article,
        and David Cameron's surname): a link to any of them would be a guess."""
        gaz = self._gazetteer
        ids = self._keys[keytext].listed
        if not ids or gaz is None:
            return _NO_IDS
        # the mentions' label may settle it (a PER كاميرون is the person)
        label = self._label(keytext)
        ok = frozenset(
            i for i in ids if (entry := gaz.get(i)) is None or compatible_labels(label, entry.label)
        )
        if len(ok) > 1 and self._own_label_entry(keytext) is not None:
            return _NO_IDS  # (one of them has the mentions' own label: _anchor takes it)
        return ok if len(ok) > 1 else _NO_IDS

    def _linked_anchor_scored(self, keytext: str) -> tuple[str | None, float]:
        gaz = self._gazetteer
        label = self._label(keytext)
        ambiguous = self._ambiguous(keytext)
        anchored = []
        for o, sim in self._links.get(keytext, {}).items():
            anchor = self._anchor(o)
            if anchor is None or anchor in ambiguous:
                continue
            entry = gaz.get(anchor) if gaz is not None else None
            if entry is not None and not compatible_labels(label, entry.label):
                continue
            anchored.append((-sim, anchor))
        if not anchored:
            return None, 0.0
        best = min(anchored)
        return best[1], -best[0]

    def _label(self, keytext: str) -> str | None:
        labels = self._keys[keytext].labels
        if not labels:
            return None
        return min(labels, key=lambda lab: (-labels[lab], lab))

    def _cluster_of(self, keytext: str) -> str:
        ident = self._ids.get(keytext)
        if ident is None:
            ident = self._ids[keytext] = self._cluster_of_now(keytext)
        return ident

    def _cluster_of_now(self, keytext: str) -> str:
        ident = self._own_id(keytext)
        info = self._keys[keytext]
        if ident.startswith("name:") and len(info.key.tokens) == 1:
            centre = self._centre(keytext)
            if self._label(centre) in _PERSONISH:
                targets = set()
                ambiguous = self._ambiguous(keytext)
                for full in self._surname_of.get(centre, ()):
                    fid = self._own_id(full)
                    if fid in ambiguous:
                        continue
                    entry = self._gazetteer.get(fid) if self._gazetteer is not None else None
                    if (entry.label if entry is not None else self._label(full)) in _PERSONISH:
                        targets.add(fid)
                if len(targets) == 1:
                    ident = targets.pop()
        return ident

    def cluster_id(self, name: str) -> str | None:
        """The cluster id of a name already added, or ``None`` for an unseen name."""
        require_str(name, "name")
        spelling = " ".join(name.split())
        keytext = self._key_of.get(spelling)
        if keytext is None:
            keytext = _keytext(name_key(spelling), spelling, self._gazetteer)
            if keytext not in self._keys:
                return None
        return self._cluster_of(keytext)

    def score(self, name: str) -> float | None:
        """How sure the link of *name* to its cluster is, in [0, 1] (``None`` for an unseen
        name): 1.0 for an exact gazetteer spelling or the cluster's own centre, else the
        calibrated similarity (:func:`~arabnews.names.similarity`) to the gazetteer
        spelling or centre it was linked through; a bare surname attached to a full name
        scores its surname similarity times the ``single_token_link`` prior."""
        require_str(name, "name")
        spelling = " ".join(name.split())
        keytext = self._key_of_name(spelling)
        if keytext not in self._keys:
            return None
        ident = self._cluster_of(keytext)
        info = self._keys[keytext]
        own = self._anchor(keytext)
        if own is not None:
            found = self._gazetteer.match_key(info.key) if self._gazetteer is not None else None
            return found[1] if found is not None else 1.0
        anchor, sim = self._linked_anchor_scored(keytext)
        if anchor is not None and anchor == ident:
            return round(sim, 4)
        centre = self._centre(keytext)
        if ident != self._own_id(keytext):  # a bare surname attached to a full name
            full = max(
                (
                    self._matcher.token_key_similarity(
                        info.key.tokens[0], self._keys[f].key.tokens[-1]
                    )
                    for f in self._surname_of.get(centre, ())
                    if self._own_id(f) == ident
                ),
                default=0.0,
            )
            return round(full * self._matcher.model.single_token_link, 4)
        if centre == keytext:
            return 1.0
        return round(self._links.get(keytext, {}).get(centre, 0.0), 4)

    def link(self, name: str, label: str | None = None) -> tuple[str, str, float]:
        """Cluster id, canonical spelling and :meth:`score` of one mention of *name* (add it
        first), for a mention labelled *label*: a cluster of a gazetteer entity whose label
        is incompatible with *label* (a person, a place or an organisation against another of
        them) is not used; the mention then keeps an id and spelling of its own, with score 1.0."""
        require_str(name, "name")
        spelling = " ".join(name.split())
        ident = self.cluster_id(spelling)
        if ident is None:
            raise KeyError(f"name not added to the resolver: {name!r}")
        entry = self._gazetteer.get(ident) if self._gazetteer is not None else None
        if entry is not None and not compatible_labels(label, entry.label):
            return _unanchored_id(self._key_of_name(spelling)), spelling, 1.0
        return ident, self.canonical(spelling), self.score(spelling) or 0.0

    def canonical(self, name: str) -> str:
        """The canonical spelling of *name*'s cluster.

        The gazetteer's spelling for a known entity, else the fullest spelling in the
        cluster (the most words: a full name rather than the bare surname a text repeats,
        فؤاد حسين rather than حسين), then the most frequent, then the alphabetically first.
        An unseen name unknown to the gazetteer is returned with its whitespace collapsed.
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
        return self._fullest(self._spellings_of(self._key_of_name(spelling), ident))

    def _key_of_name(self, spelling: str) -> str:
        keytext = self._key_of.get(spelling)
        if keytext is None:
            keytext = _keytext(name_key(spelling), spelling, self._gazetteer)
        return keytext

    def _fullest(self, spellings: Iterable[str]) -> str:
        return min(spellings, key=lambda s: (-len(s.split()), -sum(self._counts[s].values()), s))

    def _members(self, keytext: str, ident: str) -> set[str]:
        """The keys of *keytext*'s cluster *ident*, found from its neighbourhood rather
        than by listing the whole corpus: every member is linked to its centre or to an
        anchored key, or is a bare surname of, or the full name behind, a member.

        The walk goes on until no new member turns up (a surname's variant joins through
        its own centre, then the full name, then the full name's bare surname: any number
        of steps), and only through members, so it costs the cluster's neighbourhood.
        """
        keys = self._keys
        links = self._links
        seen = {keytext} | self._anchored.get(ident, set())
        todo = list(seen)
        members: set[str] = set()
        while todo:
            k = todo.pop()
            if self._cluster_of(k) != ident:
                continue
            members.add(k)
            step = set(links.get(k, ()))
            step.update(self._surname_of.get(k, ()))
            step.update(self._bares.get(k, ()))
            if keys[k].anchor is None:
                centre = self._centre(k)
                step.add(centre)
                step.update(links.get(centre, ()))
            for o in step:
                if o not in seen:
                    seen.add(o)
                    todo.append(o)
        return members

    def _spellings_of(self, keytext: str, ident: str) -> list[str]:
        return sorted(s for k in self._members(keytext, ident) for s in self._keys[k].spellings)

    def label(self, name: str) -> str | None:
        """The majority label of *name*'s cluster (the gazetteer's for known entities)."""
        ident = self.cluster_id(name)
        if ident is None:
            return None
        if self._gazetteer is not None and (entry := self._gazetteer.get(ident)) is not None:
            return entry.label
        total: Counter[str] = Counter()
        for keytext in self._members(self._key_of_name(" ".join(name.split())), ident):
            total.update(self._keys[keytext].labels)
        return min(total, key=lambda lab: (-total[lab], lab)) if total else None

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
            "gazetteer": "default"
            if self._gazetteer is Gazetteer.default()
            else (None if self._gazetteer is None else "custom"),
            "mentions": [
                [s, {lab: n for lab, n in sorted(c.items())}]
                for s, c in sorted(self._counts.items())
            ],
        }

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        gazetteer: Gazetteer | str | None = _DEFAULT,
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


def _close_enough(matcher: Matcher, a: TokenKey, b: TokenKey, floor: float) -> bool:
    """Whether two one-token names reach the edit similarity *floor* (either may have a
    proclitic stripped): the cheap first half of the single-token link rule."""
    for x in (a.text, a.alternative):
        for y in (b.text, b.alternative):
            if x is not None and y is not None and matcher.raw_similarity(x, y, floor) > 0.0:
                return True
    return False


def _order(key: NameKey, keytext: str) -> tuple[int, str]:
    """The fixed order in which keys become centres: fuller names first."""
    return (-len(key.tokens), keytext)


def _blocks(key: NameKey) -> tuple[frozenset[str], frozenset[str]]:
    """Strict and loose blocking keys: those of the last token, plus (tagged ``#``) those
    of all the letters run together (عبد الله / عبدالله)."""
    last = key.tokens[-1]
    # All the letters run together may be only an article (ا ل): then the last token blocks.
    run = name_key(key.joined).tokens if len(key.tokens) > 1 else ()
    joined = run[0] if run else last
    strict = blocking_keys(last, loose=False)
    loose = blocking_keys(last) - strict
    jstrict = blocking_keys(joined, loose=False)
    jloose = blocking_keys(joined) - jstrict
    return (
        strict | {"#" + b for b in jstrict},
        loose | {"#" + b for b in jloose},
    )
