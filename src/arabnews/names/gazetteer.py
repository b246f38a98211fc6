"""The gazetteer: names that dominate Arabic world news, with canonical spellings.

Shipped as ``data/gazetteer.tsv`` (one entry per row: id, label, Wikidata id, canonical
Arabic spelling, English name, known variants separated by ``|``), loaded lazily once and
validated at load.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path

import attrs

from arabnews._checks import require_str
from arabnews._data import parse_table, read_table
from arabnews.names._features import consonants, stem_of_ending, within_edits
from arabnews.names._keys import (
    _CLITICS,
    NameKey,
    TokenKey,
    article_first,
    blocking_keys,
    name_key,
)
from arabnews.names._match import Matcher, default_matcher
from arabnews.spans import ENTITY_LABELS

__all__ = ["Gazetteer", "GazetteerEntry", "compatible_labels"]

_QID = re.compile(r"Q[1-9][0-9]*")
_ID = re.compile(r"[a-z0-9][a-z0-9_]*")
_COLUMNS = ("id", "label", "wikidata", "canonical", "english", "variants")
# Fuzzy lookups need a few letters: two- and three-letter names are too often unrelated.
_MIN_FUZZY_LETTERS = 4
#: A one-word Latin name links to a listed Latin word one letter away only when one of the
#: two has at least this many letters and the other one fewer (*Zelenskyy* / *Zelensky*,
#: *Teheran* / *Tehran*; not *Minsky* / *Minsk*, *Sudani* / *Sudan*, *Bosra* / *Basra*).
_LATIN_NEAR_MIN = 7
#: A Latin name of several words links fuzzily to a person whose Latin spellings lack its
#: last word only at this similarity or above (*Abu Mazen*, an Arabic alias; not *John
#: Kerry* for John Kirby, 0.55).
_LATIN_PERSON_SURE = 0.9
# answers of Gazetteer.match_key kept (then all forgotten at once)
_MATCH_CACHE = 50_000
# everything a token key holds, for that cache (a key's equality leaves some of it out)
_token_mark = operator.attrgetter(*(f.name for f in attrs.fields(TokenKey)))
_LABELLED = frozenset({"PER", "LOC", "ORG"})  # (labels that never link to one another)
_LATIN = "latin:"
_NO_IDS: frozenset[str] = frozenset()
# a qualifier after a place's English name: ", D.C.", " (country)"
_QUALIFIER = re.compile(r"\s*(?:,[^,()]*|\([^()]*\))$")


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class GazetteerEntry:
    """One known entity.

    :ivar id: stable identifier (``"zelensky"``), used as the cluster id of its mentions.
    :ivar canonical: the canonical Arabic spelling (``"فولوديمير زيلينسكي"``).
    :ivar english: the English name.
    :ivar label: ``PER``, ``LOC``, ``ORG`` or ``MISC``.
    :ivar wikidata: the Wikidata QID where known, else ``None``.
    :ivar variants: other known spellings (Arabic or Latin), short forms included.
    """

    id: str
    canonical: str
    english: str
    label: str
    wikidata: str | None = None
    variants: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)

    def __attrs_post_init__(self) -> None:
        if not _ID.fullmatch(self.id):
            raise ValueError(f"gazetteer id must be lower-case ascii words: {self.id!r}")
        if self.label not in ENTITY_LABELS:
            raise ValueError(
                f"gazetteer entry {self.id}: label {self.label!r} not in PER/LOC/ORG/MISC"
            )
        if self.wikidata is not None and not _QID.fullmatch(self.wikidata):
            raise ValueError(f"gazetteer entry {self.id}: bad Wikidata id {self.wikidata!r}")
        if not name_key(self.canonical).tokens:
            raise ValueError(f"gazetteer entry {self.id}: empty canonical spelling")

    @property
    def spellings(self) -> tuple[str, ...]:
        """Canonical spelling, English name and variants; for a place, also each of them
        without a trailing qualifier (*Washington* for *Washington, D.C.*, *Georgia* for
        *Georgia (country)*, ميانمار for ميانمار (بورما)), which news writes alone. An
        organisation keeps its qualifier: there it tells bodies of one name apart (*Labour
        Party (UK)*)."""
        listed = (self.canonical, self.english, *self.variants)
        if self.label != "LOC":
            return listed
        heads = [h for s in listed if (h := _QUALIFIER.sub("", s)) and h != s]
        return (*listed, *(h for h in dict.fromkeys(heads) if h not in listed))


class Gazetteer:
    """A set of :class:`GazetteerEntry` with exact and fuzzy lookup.

    >>> gaz = Gazetteer.default()
    >>> gaz.lookup("زيلنسكي").id, gaz.lookup("Zelensky").canonical
    ('zelensky', 'فولوديمير زيلينسكي')
    >>> gaz.lookup("فلان الفلاني") is None
    True
    """

    def __init__(self, entries: Iterable[GazetteerEntry], matcher: Matcher | None = None) -> None:
        self._entries: dict[str, GazetteerEntry] = {}
        self._matcher = matcher if matcher is not None else default_matcher()
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._blocks: dict[str, list[tuple[NameKey, str]]] = defaultdict(list)
        arabic: dict[str, list[NameKey]] = defaultdict(list)
        bare: dict[str, set[str]] = defaultdict(set)
        articled: dict[str, set[str]] = defaultdict(set)
        latin_words: dict[str, set[str]] = defaultdict(set)
        for entry in entries:
            if entry.id in self._entries:
                raise ValueError(f"duplicate gazetteer id {entry.id!r}")
            self._entries[entry.id] = entry
            for spelling in entry.spellings:
                key = name_key(spelling)
                if not key.tokens:
                    continue
                # a Latin spelling (Turkey) is matched by Latin queries only: its
                # transliteration is a guess that can collide with an Arabic word (تركي)
                tag = _LATIN if _is_latin(key) else ""
                if tag:
                    latin_words[entry.id].update(_latin_words(spelling))
                self._exact[tag + key.text].add(entry.id)
                if not tag and key not in arabic[entry.id]:
                    arabic[entry.id].append(key)
                if not tag:
                    forms = articled if article_first(spelling) else bare
                    forms[key.text].add(entry.id)
                    forms[_joined(key)].add(entry.id)
                self._exact[tag + _joined(key)].add(entry.id)
                for block in _blocks(key):
                    self._blocks[block].append((key, entry.id))
        self._ids = {k: frozenset(v) for k, v in self._exact.items()}
        self._arabic = {k: tuple(v) for k, v in arabic.items()}
        self._bare = {k: frozenset(v) for k, v in bare.items()}
        self._articled = {k: frozenset(v) for k, v in articled.items()}
        self._decides: dict[str, bool] = {}
        # match_key's answers (a corpus looks the same names up again and again), keyed by
        # everything a token key carries: its equality leaves out the written form
        self._matches: dict[tuple[object, ...], tuple[str, float] | None] = {}
        self._latin_words = {k: frozenset(v) for k, v in latin_words.items()}

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The shipped gazetteer (``data/gazetteer.tsv``), loaded once."""
        return cls._from_rows(read_table("arabnews.names", "gazetteer.tsv", columns=_COLUMNS))

    @classmethod
    def from_tsv(cls, path: str | Path) -> Gazetteer:
        """Load a gazetteer from a TSV file at *path* (a ``str`` or ``Path``; see
        :meth:`from_tsv_text` for the layout)."""
        if not isinstance(path, (str, Path)):
            raise TypeError(f"path must be str or Path, not {type(path).__name__}")
        text = Path(path).read_text(encoding="utf-8")
        return cls._from_rows(parse_table(text, str(path), columns=_COLUMNS))

    @classmethod
    def from_tsv_text(cls, text: str) -> Gazetteer:
        """Load a gazetteer from TSV text (columns: id, label, wikidata, canonical, english,
        variants; ``#`` lines are comments; variants split on ``|``)."""
        require_str(text, "text")
        return cls._from_rows(parse_table(text, "gazetteer TSV", columns=_COLUMNS))

    @classmethod
    def _from_rows(cls, rows: Iterable[Mapping[str, str]]) -> Gazetteer:
        entries = []
        for row in rows:
            ident, label, qid, canonical, english, variants = (row[c].strip() for c in _COLUMNS)
            entries.append(
                GazetteerEntry(
                    id=ident,
                    canonical=canonical,
                    english=english,
                    label=label,
                    wikidata=qid or None,
                    variants=tuple(v.strip() for v in variants.split("|") if v.strip()),
                )
            )
        return cls(entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, ident: object) -> bool:
        return ident in self._entries

    def get(self, ident: str) -> GazetteerEntry | None:
        """The entry with id *ident*, or ``None``."""
        return self._entries.get(ident)

    def lookup(self, name: str, label: str | None = None) -> GazetteerEntry | None:
        """The entry whose spellings *name* matches, or ``None`` (unknown or ambiguous).

        Exact matches (after normalisation) win; otherwise the entry with the most similar
        spelling that :func:`~arabnews.names.same_name` accepts, if only one entry has it.
        A one-token name matches fuzzily only when its consonants are those of the listed
        spelling (only vowel letters or letters of one sound class differ: بوتن / بوتين).
        With *label*, a ``PER``, ``LOC`` or ``ORG`` name matches no entry of another of them.
        """
        require_str(name, "name")
        found = self.match_key(name_key(name), label)
        return self._entries[found[0]] if found is not None else None

    def match(self, name: str, label: str | None = None) -> tuple[GazetteerEntry, float] | None:
        """:meth:`lookup` with how sure the match is: 1.0 for an exact spelling, else the
        calibrated similarity (:func:`~arabnews.names.similarity`) to the closest one."""
        require_str(name, "name")
        found = self.match_key(name_key(name), label)
        return (self._entries[found[0]], found[1]) if found is not None else None

    def ids_of(self, key: NameKey) -> frozenset[str]:
        """The ids of the entries that list *key* as one of their spellings, exactly
        (after normalisation; a Latin key among the Latin spellings only; an Arabic key
        with its first word written with the article or without it, as listed: الهند
        is India, هند is not)."""
        if not key.tokens:
            return _NO_IDS
        if _is_latin(key):
            return self.ids_of_text(key.text, True)
        return self.ids_of_form(key.text, key.tokens[0].article)

    def ids_of_form(self, text: str, article: bool) -> frozenset[str]:
        """The ids of the entries listing the Arabic key text *text* written with the
        article (*article* true) or without it. Where the article comes and goes in a
        name's spellings, the entry lists both (الناتو / ناتو)."""
        ids = self._ids.get(text, _NO_IDS)
        if not ids or not self.article_decides(text):
            return ids
        return ids & (self._articled if article else self._bare).get(text, _NO_IDS)

    def article_decides(self, text: str) -> bool:
        """Whether the article tells two Arabic spellings of key text *text* apart.

        Where entries list *text* with the article and others without it (الكاميرون,
        Cameroon; كاميرون, Cameron), it does. Where it is listed one way only, it does
        when the letters are a native Arab given name or a common word of their own
        (:meth:`Matcher.native_word <arabnews.names.Matcher.native_word>`): الهند is
        India, هند a given name; فتح is Fatah, الفتح a word. A transliterated name takes
        the article or not (الإكوادور / إكوادور, الأونروا / أونروا), so elsewhere it
        does not."""
        got = self._decides.get(text)
        if got is None:
            got = self._article_decides(text)
            self._decides[text] = got
        return got

    def _article_decides(self, text: str) -> bool:
        if text not in self._ids:
            return False
        articled = self._articled.get(text, _NO_IDS)
        bare = self._bare.get(text, _NO_IDS)
        if articled == bare:
            return False
        if articled and bare:
            return True
        return self._matcher.native_word(text)

    def ids_of_text(self, text: str, latin: bool = False) -> frozenset[str]:
        """:meth:`ids_of` for the text of a key (:attr:`NameKey.text`) and whether it
        was written in Latin letters."""
        return self._ids.get(_LATIN + text if latin else text, _NO_IDS)

    def ids_of_stem(self, whole: str, stem: str) -> frozenset[str]:
        """The ids of the entries a proclitic glued to *stem* can name, for a first token
        whose text is *whole* (:attr:`TokenKey.text`) and whose text with the proclitic
        stripped (:attr:`TokenKey.alternative`, then the other tokens) is *stem*: the entries
        listing *stem*, and when no article follows the proclitic, only those that list it
        without the article. A clitic goes before the article (والعراق, بالرادا), so
        كرادا is not ك + الرادا; after ل, لل and ل read alike (للعراق)."""
        ids = self._ids.get(stem, _NO_IDS)
        if not ids or whole[:1] == "ل":
            return ids
        if whole[1:3] == "ال":
            # the article after the proclitic, where it tells names apart: only the
            # entries listing it so (والهند is India, والفتح is not Fatah)
            return self.ids_of_form(stem, True)
        return ids & self._bare.get(stem, _NO_IDS)

    def arabic_keys(self, ident: str) -> tuple[NameKey, ...]:
        """The keys of the Arabic spellings listed for entry *ident* (for ``syria`` the key
        of سوريا, which سورية shares), in listing order; empty for an unknown id."""
        return self._arabic.get(ident, ())

    def _near_exact(self, a: NameKey, b: NameKey, ident: str) -> bool:
        """One-token names: the same consonants, up to letters of one sound class; or
        those of *a* without its proclitic, where a proclitic may stand before *b*'s
        spelling of entry *ident* (:meth:`ids_of_stem`)."""
        first = a.tokens[0]
        want = consonants(b.tokens[0].text)
        if consonants(first.text) == want:
            return True
        alt = first.alternative
        return (
            alt is not None
            and consonants(alt) == want
            and ident in self.ids_of_stem(first.text, b.tokens[0].text)
        )

    def _written_apart(self, key: NameKey, ident: str) -> bool:
        """Whether a one-word Arabic name with the key text of a listed spelling of entry
        *ident* is another written word than every such spelling (:meth:`Matcher.surface_apart
        <arabnews.names.Matcher.surface_apart>`: كيف / كييف, كندة / كندا)."""
        if len(key.tokens) != 1:
            return False
        tok = key.tokens[0]
        listed = [
            k.tokens[0]
            for k in self.arabic_keys(ident)
            if len(k.tokens) == 1 and k.tokens[0].text == tok.text
        ]
        return bool(listed) and all(self._matcher.surface_apart(tok, t) for t in listed)

    def _latin_near(self, key: NameKey, ident: str) -> bool:
        return self.latin_word_of(key.tokens[-1].written or "", ident)

    def latin_word_of(self, written: str, ident: str) -> bool:
        """Whether a Latin word (lower case, as :attr:`TokenKey.written
        <arabnews.names.TokenKey.written>` holds it) is a word of a Latin spelling of entry
        *ident*: its last word or any word of four letters or more, a qualifier left out
        (:func:`_latin_words`); or one letter from one when both are long (*Zelenskyy* /
        *Zelensky*). The Arabic letters of a transliteration keep too little of a Latin word
        to link it on their own: *Albert* is not Beirut, *Rossi* not Russia, *Evans* not JD
        Vance.

        >>> gaz = Gazetteer.default()
        >>> gaz.latin_word_of("vance", "vance"), gaz.latin_word_of("evans", "vance")
        (True, False)
        """
        words = self._latin_words.get(ident, frozenset())
        if written in words:
            return True
        return len(written) >= _LATIN_NEAR_MIN - 1 and any(
            len(w) >= _LATIN_NEAR_MIN - 1
            and max(len(w), len(written)) >= _LATIN_NEAR_MIN
            and within_edits(w, written, 1)
            for w in words
        )

    def lookup_key(self, key: NameKey, label: str | None = None) -> str | None:
        """:meth:`lookup` on a precomputed key; returns the entry id."""
        found = self.match_key(key, label)
        return found[0] if found is not None else None

    def one_of(self, ids: Collection[str] | None, label: str | None) -> str | None:
        """The one entry of *ids* that a mention labelled *label* links to, if there is one:
        the only entry, when its label is compatible; of several entries that list the
        spelling, the only one of the mention's own label («الشرق الأوسط» as an ``ORG`` is
        the newspaper, as a ``LOC`` the region; without a label, neither)."""
        if not ids:
            return None
        if len(ids) == 1:
            (only,) = ids
            return only if compatible_labels(label, self._entries[only].label) else None
        same = [i for i in ids if label is not None and self._entries[i].label == label]
        return same[0] if len(same) == 1 else None

    def match_key(self, key: NameKey, label: str | None = None) -> tuple[str, float] | None:
        """:meth:`match` on a precomputed key; returns the entry id and the score."""
        mark = (label, *(_token_mark(t) for t in key.tokens))
        try:
            return self._matches[mark]
        except KeyError:
            pass
        found = self._match_key(key, label)
        if len(self._matches) >= _MATCH_CACHE:
            self._matches.clear()
        self._matches[mark] = found
        return found

    def _match_key(self, key: NameKey, label: str | None) -> tuple[str, float] | None:
        if not key.tokens:
            return None
        latin = _is_latin(key)
        exacts = [key.text, _joined(key)]
        if latin:
            exacts = [_LATIN + e for e in exacts] + exacts
        forms = self._articled if key.tokens[0].article else self._bare
        decides = not latin and self.article_decides(key.text)
        for exact in exacts:
            ids = self._exact.get(exact)
            if ids and decides:
                # written with the article or without it as listed (هند is not الهند)
                ids = ids & forms.get(exact, _NO_IDS)
            if ids:
                ident = self.one_of(ids, label)
                if ident is not None and not latin and self._written_apart(key, ident):
                    return None  # كيف (how) has the key of كييف, Kyiv: not its spelling
                return (ident, 1.0) if ident is not None else None
        first = key.tokens[0]
        alt = first.alternative
        if alt is None and len(key.tokens) > 1 and first.text[:1] in _CLITICS:
            # a proclitic before a short first word (وبن غفير, بليز تراس): the words after
            # it must then be a listed spelling exactly
            alt = first.text[1:] if len(first.text) > 2 and not first.latin else None
        if alt is not None:  # وزيلينسكي, والكرملين: the stem is a known spelling
            stem = " ".join((alt, *(t.text for t in key.tokens[1:])))
            stem_ids = self.ids_of_stem(first.text, stem)
            if stem_ids:
                ident = self.one_of(stem_ids, label)
                return (ident, 1.0) if ident is not None else None
        if len(_joined(key)) < _MIN_FUZZY_LETTERS:
            return None
        best = 0.0
        best_ids: set[str] = set()
        seen: set[tuple[str, str]] = set()
        matcher = self._matcher
        single = len(key.tokens) == 1
        for block in _blocks(key):
            for cand, ident in self._blocks.get(block, ()):
                mark = (cand.text, ident)
                if mark in seen:
                    continue
                seen.add(mark)
                if single and (len(cand.tokens) != 1 or not self._near_exact(key, cand, ident)):
                    continue
                if not latin and _is_latin(cand):
                    continue
                if single and latin and not self._latin_near(key, ident):
                    continue  # a one-word Latin name links by its Latin letters
                if single and _derived_form(key.tokens[0].text, cand.tokens[0].text):
                    continue  # مينسكي is not Minsk, زاخاروف not Zakharova
                if not compatible_labels(label, self._entries[ident].label):
                    continue
                threshold = matcher.threshold_for(key, cand)
                model = matcher.model
                link = model.single_token_gazetteer if single else model.gazetteer_link
                threshold = max(threshold, link)
                sim = matcher.key_similarity(key, cand, 1.0)
                if sim < threshold:
                    continue
                if (
                    latin
                    and not single
                    and sim < _LATIN_PERSON_SURE
                    and self._entries[ident].label == "PER"
                    and not self._latin_near(key, ident)
                ):
                    continue  # a person's Latin surname is its own (John Kerry: not Kirby)
                if sim > best + 1e-9:
                    best, best_ids = sim, {ident}
                elif sim > best - 1e-9:
                    best_ids.add(ident)
        return (next(iter(best_ids)), round(best, 4)) if len(best_ids) == 1 else None


def _derived_form(a: str, b: str) -> bool:
    """Whether one of two one-word token texts is the other with a final vowel letter
    added (ا, ي, و; ة and ه are folded to ا): a name's nisba or other gender, not a
    spelling of it (مينسكي / مينسك, زاخاروف / زاخاروفا). Known names are spelt with their
    final vowel."""
    return stem_of_ending(a, b, "اوي") is not None


def _latin_words(spelling: str) -> tuple[str, ...]:
    """The words of a Latin spelling that a one-word Latin name may be, as written and
    without a trailing qualifier: the last word (*Vance* of *JD Vance*) and every word of
    four letters or more (*Tedros* of *Tedros Adhanom Ghebreyesus*, *Golan* of *Golan
    Heights*, *Pentagon* of *Pentagon (US Department of Defense)*)."""
    words = [t.written for t in name_key(_QUALIFIER.sub("", spelling)).tokens if t.written]
    return tuple(
        w for i, w in enumerate(words) if len(w) >= _MIN_FUZZY_LETTERS or i == len(words) - 1
    )


def compatible_labels(a: str | None, b: str | None) -> bool:
    """Whether a mention labelled *a* may link to an entity labelled *b*: a person, a place
    and an organisation never link to one another (no label, or ``MISC``, links to anything).

    A place is not an organisation named like it either: الجزيرة the Sudanese state is not
    the channel. Over the 2,321 sentences of the NER benchmark sets the recogniser's only
    links across place and organisation were of that kind (3, all wrong)."""
    if a is None or b is None or a == b:
        return True
    return not (a in _LABELLED and b in _LABELLED)


def _is_latin(key: NameKey) -> bool:
    return key.latin


def _joined(key: NameKey) -> str:
    return "#" + key.joined


def _blocks(key: NameKey) -> frozenset[str]:
    """Blocking keys of a name: those of its last token (surname), tagged by position."""
    return blocking_keys(key.tokens[-1])
