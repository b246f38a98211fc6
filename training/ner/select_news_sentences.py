"""Deterministic sentence selection for the hand-labelled web-news NER set.

Re-runs the selection behind ``benchmarks/data/ner_news_{dev,confirm}.jsonl`` (the rule is
described in ``benchmarks/data/ner_news_NOTES.md``) and writes the unlabelled rows
(id, source, licence, doc, split, text) as JSON lines::

    python training/ner/select_news_sentences.py [--shared ../shared] [--out FILE]

``--confirm2`` writes instead the second held-out selection behind
``benchmarks/data/ner_news_confirm2.jsonl``: sentences not in dev/confirm, taken only from the
articles of the confirm split and from FIGNEWS posts not used so far (never from a dev
article), ids continuing after the first selection.  ``--confirm3`` writes the third, behind
``ner_news_confirm3.jsonl``, the same way from what dev/confirm/confirm2 left (one function,
``_select_more``, makes both).

``--saudi N`` writes a local-only selection from the non-commercial SaudiNewsNet sample
(``news/saudinewsnet_sample_300.NC.jsonl``), never read for NER before session 8: *N*
sentences, split by article into ``local-dev`` and ``local-confirm``. NC: the rows and their
labels live in ``benchmarks/data/local/ner/`` (git-ignored) and are never committed.
``--saudi-more N`` writes *N* more (``local-confirm2``) from the articles that selection left;
``--saudi-rest N`` (``local-confirm3``) from the articles neither used.

``--gsr N`` (session 9) writes *N* rows from the Arabic PLOVER gold standard's dev share
(``events/gsr_dev``, newswire 2004-2010, MIT), split by document into ``gsr-dev`` and
``gsr-confirm``; their labels are committed as ``benchmarks/data/ner_gsr_{dev,confirm}.jsonl``.
``--gsr-more N`` writes *N* more (``gsr-confirm2``) from the documents that selection left;
``--gsr-later SPLIT N`` (session 10: ``gsr-confirm3`` to ``gsr-confirm6``) from the documents
none of the earlier selections used.

Nothing here looks at entities or runs a tagger: the rows are chosen from the text's shape and
sha256 orders only, so the set is not biased towards what any model finds.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

TARGET = {"wikinews_2024": 120, "wikinews_2014": 80, "fignews": 40}
LICENCE = {
    "wikinews_2024": "CC BY 2.5 (Wikinews)",
    "wikinews_2014": "CC BY 2.5 (Wikinews)",
    "fignews": "MIT (FIGNEWS-2024)",
}
MAX_PER_ARTICLE = 4
MIN_TOKENS = 5
MAX_TOKENS = 70
FIGNEWS_MIN_TOKENS = 6

# FIGNEWS posts read by hand (in sha256 order) and skipped as not news prose: slogans,
# propaganda appeals, first-person opinion, quiz/promo lines.  Why each: NOTES.md.
FIGNEWS_NOT_NEWS = frozenset({"10795", "1736", "5459", "8229", "9227"})


@attrs.frozen
class Later:
    """A later held-out selection: its split name, targets per source, the most sentences per
    Wikinews article, and the FIGNEWS posts skipped as not news (all lists so far)."""

    split: str
    target: dict[str, int]
    per_article: int
    skip: frozenset[str]


# The second selection (confirm2): about 110 sentences, at most 3 per Wikinews article.
# FIGNEWS posts past the first 40, read by hand (before any labelling) and skipped as not news
# prose, as above: 272 (greeting + promo video + rhetorical question), 1887 (rhetorical
# question), 1427 (propaganda appeal "افحصوا المعلومة"), 5276 (appeal "انتبهوا"), 112 (leaflet
# addressed to residents), 1231 (first-person opinion), 5652 (slogan + greeting).
FIGNEWS_NOT_NEWS_CONFIRM2 = frozenset({"272", "1887", "1427", "5276", "112", "1231", "5652"})
CONFIRM2 = Later(
    "confirm2",
    {"wikinews_2024": 45, "wikinews_2014": 35, "fignews": 30},
    3,
    FIGNEWS_NOT_NEWS | FIGNEWS_NOT_NEWS_CONFIRM2,
)
# The third selection (confirm3): about 110 sentences, from what the first two left of the
# confirm articles (few 2024 sentences remain, so at most 4 per article) and new posts.
# FIGNEWS posts past confirm2's, read by hand (before any labelling) and skipped as not news,
# as above: 301 (rhetorical question), 3787, 3169 (propaganda opinion), 4573 (a commentator's
# first-person opinion), 6383 (propaganda + "شاهدوا:"), 582 (slogan), 3393 (dialect slogan),
# 3408 (leaflet addressed to residents).
FIGNEWS_NOT_NEWS_CONFIRM3 = frozenset(
    {"301", "582", "3169", "3393", "3408", "3787", "4573", "6383"}
)
CONFIRM3 = Later(
    "confirm3",
    {"wikinews_2024": 30, "wikinews_2014": 40, "fignews": 40},
    4,
    CONFIRM2.skip | FIGNEWS_NOT_NEWS_CONFIRM3,
)


# A run of . ! ? (Arabic or Latin) followed by whitespace ends a sentence; ".." alone does not
# (seed convention), and a terminator inside an open double quote does not.
_END = re.compile(r"[.!?؟]+(?=\s|$)")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_sentences(line: str) -> list[str]:
    """Sentences of one line, each exactly as in the source (outer whitespace trimmed)."""
    out: list[str] = []
    start = 0
    for m in _END.finditer(line):
        if m.group() == "..":
            continue
        if line.count('"', start, m.start()) % 2 == 1:
            continue
        piece = line[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = line[start:].strip()
    if rest:
        out.append(rest)
    return out


def _eligible(sentence: str, low: int = MIN_TOKENS) -> bool:
    return low <= len(sentence.split()) <= MAX_TOKENS


def _mostly_arabic(text: str) -> bool:
    """At least half of the letters are Arabic script (FIGNEWS also holds Hebrew posts)."""
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return 2 * arabic >= len(letters)


def articles_2024(path: Path) -> list[list[str]]:
    """Blank-line separated articles; each a list of lines (headline first)."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return [[ln for ln in b.split("\n") if ln.strip()] for b in blocks if b.strip()]


def _is_headline_2014(line: str) -> bool:
    s = line.rstrip()
    n = len(s.split())
    return not s.startswith("#") and 4 <= n <= 15 and s[-1] not in ".؟!:"


def articles_2014(path: Path) -> list[list[str]]:
    """Articles start at a headline line (4-15 words, no final . ؟ ! :); '#' lines skipped."""
    arts: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        if _is_headline_2014(line) or not arts:
            arts.append([line])
        else:
            arts[-1].append(line)
    return arts


def _pick_wikinews(source: str, arts: list[list[str]]) -> list[tuple[str, int, str]]:
    """Round robin: round 1 the lead (first eligible body sentence) of every article, later
    rounds the next sentence in sha256 order; articles ordered by sha256 of their doc id from
    round 2 on.  Returns (doc, position in article, text)."""
    queues: list[tuple[str, list[tuple[int, str]]]] = []
    for k, lines in enumerate(arts):
        doc = f"{source}:{k}"
        sents = [s for ln in lines for s in split_sentences(ln)]
        indexed = [(i, s) for i, s in enumerate(sents) if _eligible(s)]
        body = [(i, s) for i, s in indexed if i >= len(split_sentences(lines[0]))]
        lead = body[:1]
        rest = sorted((p for p in indexed if p not in lead), key=lambda p: _sha(f"{doc}\t{p[1]}"))
        queues.append((doc, lead + rest))
    picked: list[tuple[str, int, str]] = []
    rnd = 0
    while len(picked) < TARGET[source] and rnd < MAX_PER_ARTICLE:
        order = queues if rnd == 0 else sorted(queues, key=lambda q: _sha(q[0]))
        for doc, q in order:
            if len(picked) >= TARGET[source]:
                break
            if rnd < len(q):
                picked.append((doc, q[rnd][0], q[rnd][1]))
        rnd += 1
    return picked


def _pick_fignews(
    path: Path, count: int = TARGET["fignews"], skip: frozenset[str] = FIGNEWS_NOT_NEWS
) -> list[tuple[str, int, str]]:
    """Posts in sha256(id) order; from each post not in ``skip`` the first sentence of
    6-70 tokens, mostly Arabic letters, with no hashtag and no URL; posts without one are
    passed over.  The first ``count`` picks."""
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows.sort(key=lambda r: _sha(f"fignews:{r['id']}"))
    picked: list[tuple[str, int, str]] = []
    for r in rows:
        if len(picked) >= count:
            break
        if r["id"] in skip:
            continue
        for i, s in enumerate(split_sentences(r["text"])):
            if "#" in s or "http" in s or not _eligible(s, FIGNEWS_MIN_TOKENS):
                continue
            if not _mostly_arabic(s):
                continue
            picked.append((f"fignews:{r['id']}", i, s))
            break
    return picked


def select(shared: Path) -> list[dict[str, str]]:
    news = shared / "data" / "news"
    chosen = {
        "wikinews_2024": _pick_wikinews(
            "wikinews_2024", articles_2024(news / "wikinews_2024_plain.txt")
        ),
        "wikinews_2014": _pick_wikinews(
            "wikinews_2014", articles_2014(news / "wikinews_2014_plain.txt")
        ),
        "fignews": _pick_fignews(news / "fignews_iaa_arabic_original.jsonl"),
    }
    rows: list[dict[str, str]] = []
    for source, found in chosen.items():
        docs = sorted({d for d, _, _ in found}, key=_sha)
        split = {d: ("dev" if i % 2 == 0 else "confirm") for i, d in enumerate(docs)}
        rows += _rows(source, found, len(rows), split.__getitem__)
    return rows


def _rows(
    source: str, found: list[tuple[str, int, str]], before: int, split_of: Callable[[str], str]
) -> list[dict[str, str]]:
    """Rows of one source's picks, in text order (FIGNEWS posts in sha256 order), numbered
    after *before* rows."""
    if source == "fignews":
        picks = sorted(found, key=lambda p: _sha(p[0]))
    else:
        picks = sorted(found, key=lambda p: (int(p[0].split(":")[1]), p[1]))
    return [
        {
            "id": f"nn{before + k + 1:04d}",
            "source": source,
            "licence": LICENCE[source],
            "doc": doc,
            "split": split_of(doc),
            "text": text,
        }
        for k, (doc, _, text) in enumerate(picks)
    ]


def _pick_more_wikinews(
    source: str, arts: list[list[str]], docs: set[str], used: set[str], more: Later
) -> list[tuple[str, int, str]]:
    """From the articles in ``docs`` only: the eligible sentences whose text is not in ``used``,
    per article in sha256("<doc>\t<sentence>") order (the order the first selection used past
    the lead), at most ``more.per_article``; round robin over the articles in sha256(doc)
    order until ``more.target[source]`` is reached."""
    queues: list[tuple[str, list[tuple[int, str]]]] = []
    for k, lines in enumerate(arts):
        doc = f"{source}:{k}"
        if doc not in docs:
            continue
        sents = [s for ln in lines for s in split_sentences(ln)]
        seen: set[str] = set()
        queue: list[tuple[int, str]] = []
        for i, s in enumerate(sents):
            if _eligible(s) and s not in used and s not in seen:
                seen.add(s)
                queue.append((i, s))
        queue.sort(key=lambda p: _sha(f"{doc}\t{p[1]}"))
        queues.append((doc, queue))
    queues.sort(key=lambda q: _sha(q[0]))
    picked: list[tuple[str, int, str]] = []
    for rnd in range(more.per_article):
        for doc, q in queues:
            if len(picked) >= more.target[source]:
                return picked
            if rnd < len(q):
                picked.append((doc, q[rnd][0], q[rnd][1]))
    return picked


def _select_more(shared: Path, more: Later, before: list[dict[str, str]]) -> list[dict[str, str]]:
    """A later held-out selection: rows ``split: more.split``, ids after ``before`` (the rows
    of every earlier selection, the first one first).  Wikinews sentences only from the
    articles of the first selection's confirm split; FIGNEWS posts in the first selection's
    order and filters, continued past every post used before."""
    used = {r["text"] for r in before}
    used_docs = {r["doc"] for r in before}
    confirm_docs = {r["doc"] for r in before if r["split"] == "confirm"}
    news = shared / "data" / "news"
    posts = _pick_fignews(news / "fignews_iaa_arabic_original.jsonl", sys.maxsize, more.skip)
    arts = {
        "wikinews_2024": articles_2024(news / "wikinews_2024_plain.txt"),
        "wikinews_2014": articles_2014(news / "wikinews_2014_plain.txt"),
    }
    chosen = {src: _pick_more_wikinews(src, a, confirm_docs, used, more) for src, a in arts.items()}
    # Never a post used before (a skip list change must not pull one in).
    fresh = [p for p in posts if p[0] not in used_docs and p[2] not in used]
    chosen["fignews"] = fresh[: more.target["fignews"]]
    rows: list[dict[str, str]] = []
    for source, found in chosen.items():
        rows += _rows(source, found, len(before) + len(rows), lambda _doc: more.split)
    return rows


def select_confirm2(shared: Path) -> list[dict[str, str]]:
    """The second held-out selection: rows ``split: "confirm2"``, ids after the first 240."""
    return _select_more(shared, CONFIRM2, select(shared))


def select_confirm3(shared: Path) -> list[dict[str, str]]:
    """The third held-out selection: rows ``split: "confirm3"``, ids after confirm2's."""
    first = select(shared)
    before = first + _select_more(shared, CONFIRM2, first)
    return _select_more(shared, CONFIRM3, before)


# Training sentences (``--train-wiki``): Arabic Wikipedia (the ``text/`` corpus, which has no
# Wikinews or FIGNEWS text, so nothing shares an article or a post with the evaluation splits),
# sentences that read like news: at least one of these words (offices, bodies, reporting verbs,
# events), so that most sentences hold names. A word list, not a tagger: the set is not biased
# towards what any model finds.
_CUE_WORDS = (
    "رئيس الرئيس وزير الوزير وزارة حكومة الحكومة حزب الحزب حركة منظمة شركة جامعة مجلس "
    "المجلس جيش الجيش قوات الأمم الاتحاد قال وقال أعلن وأعلن أكد صرح انتخابات بطولة كأس "
    "مهرجان جائزة اتفاقية مؤتمر سفير السفير الملك الأمير زار اجتماع هيئة وكالة صحيفة "
    "نادي منتخب"
)
NEWS_CUES = frozenset(_CUE_WORDS.split())
WIKI_LICENCE = "CC BY-SA 3.0 (Arabic Wikipedia, 2017-01-20 dump)"
WIKI_MIN_TOKENS = 8
WIKI_MAX_TOKENS = 50
WIKI_PER_ARTICLE = 2


def select_train_wiki(shared: Path, count: int) -> list[dict[str, str]]:
    """Training rows (``split: "train"``, ids ``nt0001``...): articles in sha256(curid) order,
    from each at most ``WIKI_PER_ARTICLE`` sentences in sha256 order that have 8-50 tokens,
    mostly Arabic letters, no wiki markup and a word of ``NEWS_CUES``; the first *count*."""
    import gzip

    text = shared / "data" / "text"
    ids = [
        ln.split("\t")[0]
        for ln in (text / "arwiki_comparable_20170120.docs.tsv").read_text("utf-8").splitlines()[1:]
    ]
    with gzip.open(text / "arwiki_comparable_20170120.txt.gz", "rt", encoding="utf-8") as fh:
        docs = fh.read().split("\n\n")
    if len(docs) != len(ids):
        raise ValueError(f"{len(docs)} articles in the text, {len(ids)} ids")
    rows: list[dict[str, str]] = []
    for curid, body in sorted(zip(ids, docs, strict=True), key=lambda d: _sha(f"arwiki:{d[0]}")):
        if len(rows) >= count:
            break
        doc = f"arwiki:{curid}"
        sents = {s for ln in body.split("\n") for s in split_sentences(ln)}
        good = [
            s
            for s in sents
            if WIKI_MIN_TOKENS <= len(s.split()) <= WIKI_MAX_TOKENS
            and _mostly_arabic(s)
            and not any(c in s for c in "|=[]{}<>")
            and NEWS_CUES & set(s.split())
        ]
        for s in sorted(good, key=lambda s: _sha(f"{doc}\t{s}"))[:WIKI_PER_ARTICLE]:
            if len(rows) < count:
                rows.append(
                    {
                        "id": f"nt{len(rows) + 1:04d}",
                        "source": "arwiki",
                        "licence": WIKI_LICENCE,
                        "doc": doc,
                        "split": "train",
                        "text": s,
                    }
                )
    return rows


SAUDI_LICENCE = "CC BY-NC-SA 4.0 (SaudiNewsNet; local benchmarks only, never committed)"
SAUDI_PER_ARTICLE = 2


def select_saudi(
    shared: Path,
    count: int,
    *,
    skip: frozenset[str] = frozenset(),
    first_id: int = 1,
    split: str | None = None,
) -> list[dict[str, str]]:
    """Local-only rows (ids ``ns0001``...): articles in sha256(url) order, from each at most
    ``SAUDI_PER_ARTICLE`` sentences of the body in sha256 order with 5-70 tokens, mostly Arabic
    letters and no URL; the first *count*. Articles alternate between ``local-dev`` and
    ``local-confirm`` in that order, so no article is in both. With *skip* (docs used before):
    those articles are passed over; with *split*, every row is in it; ids from *first_id*."""
    path = shared / "data" / "news" / "saudinewsnet_sample_300.NC.jsonl"
    arts = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    arts.sort(key=lambda a: _sha(f"saudinewsnet:{a['url']}"))
    docs = []
    for art in arts:
        sents = {s for ln in art["content"].split("\n") for s in split_sentences(ln)}
        good = [s for s in sents if _eligible(s) and _mostly_arabic(s) and "http" not in s]
        docs.append((f"saudinewsnet:{art['url']}", f"saudinewsnet:{art['source']}", good))
    return _by_document(
        docs,
        count,
        per_doc=SAUDI_PER_ARTICLE,
        prefix="ns",
        licence=SAUDI_LICENCE,
        splits=("local-dev", "local-confirm"),
        skip=skip,
        first_id=first_id,
        split=split,
    )


def _by_document(
    docs: Sequence[tuple[str, str, Sequence[str]]],
    count: int,
    *,
    per_doc: int,
    prefix: str,
    licence: str,
    splits: tuple[str, str],
    skip: frozenset[str],
    first_id: int,
    split: str | None,
    once: bool = False,
) -> list[dict[str, str]]:
    """The first *count* rows from *docs* ((doc, source, sentences), in selection order):
    from each document not in *skip* at most *per_doc* sentences in sha256 order; documents
    alternate between the two *splits* unless *split* names one; ids *prefix* + number from
    *first_id*. With *once*, a sentence taken (or in *skip*) is never taken again."""
    rows: list[dict[str, str]] = []
    taken: set[str] = set(skip) if once else set()
    for k, (doc, source, sents) in enumerate(docs):
        if len(rows) >= count:
            break
        if doc in skip:
            continue
        fresh = [t for t in sents if t not in taken]
        for text in sorted(fresh, key=lambda t: _sha(f"{doc}\t{t}"))[:per_doc]:
            if len(rows) < count:
                if once:
                    taken.add(text)
                rows.append(
                    {
                        "id": f"{prefix}{len(rows) + first_id:04d}",
                        "source": source,
                        "licence": licence,
                        "doc": doc,
                        "split": split or splits[k % 2],
                        "text": text,
                    }
                )
    return rows


def select_saudi_more(shared: Path, count: int, before: int = 240) -> list[dict[str, str]]:
    """A second local-only selection (session 8): *count* rows from the SaudiNewsNet articles
    the first ``--saudi before`` selection did not use, ids after its."""
    used = frozenset(r["doc"] for r in select_saudi(shared, before))
    return select_saudi(shared, count, skip=used, first_id=before + 1, split="local-confirm2")


def select_saudi_rest(shared: Path, count: int) -> list[dict[str, str]]:
    """A third local-only selection (session 8, ``local-confirm3``): *count* rows from the
    SaudiNewsNet articles neither earlier selection used, ids after theirs."""
    before = select_saudi(shared, 240) + select_saudi_more(shared, 240)
    used = frozenset(r["doc"] for r in before)
    return select_saudi(shared, count, skip=used, first_id=len(before) + 1, split="local-confirm3")


GSR_LICENCE = "MIT (openeventdata/arabic_event_gsr, dev share in ../shared)"
GSR_PER_DOC = 2


def _gsr_doc(ident: str) -> str:
    """The document of a gold-standard sentence id (``AAW_ARB_20071222.0001-3`` ->
    ``AAW_ARB_20071222.0001``; hashed ids ``<doc hash>_<n>`` -> the hash)."""
    if "-" in ident and ident.startswith("AAW_"):
        return ident.rsplit("-", 1)[0]
    return ident.rsplit("_", 1)[0]


@functools.cache
def _gsr_documents(shared: Path) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(document, source, its eligible sentences) of the gold standard's dev share, documents
    in sha256 order: read once, whichever selection asks (later ones re-derive the earlier)."""
    import csv

    by_doc: dict[str, set[str]] = {}
    for name in ("assault_gsr.csv", "protest_gsr.csv"):
        path = shared / "data" / "events" / "gsr_dev" / name
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = row["text"].strip()
                if _eligible(text) and _mostly_arabic(text):
                    by_doc.setdefault(f"gsr:{_gsr_doc(row['id'])}", set()).add(text)
    return tuple((doc, "gsr", tuple(sorted(by_doc[doc]))) for doc in sorted(by_doc, key=_sha))


def select_gsr(
    shared: Path,
    count: int,
    *,
    skip: frozenset[str] = frozenset(),
    first_id: int = 1,
    split: str | None = None,
) -> list[dict[str, str]]:
    """NER rows (ids ``ng0001``...) from the event gold standard's dev share (newswire
    2004-2010, MIT), never labelled for NER before session 9: the distinct sentences of
    ``events/gsr_dev/{assault,protest}_gsr.csv`` with 5-70 tokens, mostly Arabic letters;
    documents in sha256 order, from each at most ``GSR_PER_DOC`` sentences in sha256 order;
    the first *count*, none taken twice. Documents alternate between ``gsr-dev`` and
    ``gsr-confirm``. With *skip* (documents and sentences used before): those are passed
    over; with *split*, every row is in it; ids from *first_id*."""
    return _by_document(
        _gsr_documents(shared),
        count,
        per_doc=GSR_PER_DOC,
        prefix="ng",
        licence=GSR_LICENCE,
        splits=("gsr-dev", "gsr-confirm"),
        skip=skip,
        first_id=first_id,
        split=split,
        once=True,  # the corpus repeats some sentences under another document id
    )


def _gsr_after(
    shared: Path, count: int, before: list[dict[str, str]], split: str
) -> list[dict[str, str]]:
    """*count* rows from the gold-standard documents none of the rows *before* came from, no
    sentence of theirs again, ids after theirs, all in *split*."""
    used = frozenset(r["doc"] for r in before) | frozenset(r["text"] for r in before)
    return select_gsr(shared, count, skip=used, first_id=len(before) + 1, split=split)


#: The later newswire selections in the order they were made, each with its size: each draws
#: on the documents none of the earlier ones (and the first ``--gsr 240``) used.
GSR_LATER = {
    "gsr-confirm2": 240,
    "gsr-confirm3": 300,
    "gsr-confirm4": 300,
    "gsr-confirm5": 400,
    "gsr-confirm6": 381,
}


def select_gsr_later(shared: Path, split: str, count: int) -> list[dict[str, str]]:
    """*count* rows of the later newswire selection *split* (a key of :data:`GSR_LATER`;
    session 10 made ``gsr-confirm3`` to ``gsr-confirm6``): from the documents that the first
    selection and every later one made before it did not use, ids after theirs."""
    if split not in GSR_LATER:
        raise ValueError(f"{split!r}: not one of {sorted(GSR_LATER)}")
    before = select_gsr(shared, 240)
    for name, size in GSR_LATER.items():
        if name == split:
            break
        before += _gsr_after(shared, size, before, name)
    return _gsr_after(shared, count, before, split)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=None)
    which = ap.add_mutually_exclusive_group()
    which.add_argument(
        "--confirm2", action="store_true", help="the second held-out selection (confirm2)"
    )
    which.add_argument(
        "--confirm3", action="store_true", help="the third held-out selection (confirm3)"
    )
    which.add_argument(
        "--train-wiki", type=int, metavar="N", help="N training sentences from Wikipedia"
    )
    which.add_argument(
        "--saudi", type=int, metavar="N", help="N local-only sentences from SaudiNewsNet (NC)"
    )
    which.add_argument(
        "--saudi-more",
        type=int,
        metavar="N",
        help="N more local-only sentences from SaudiNewsNet articles --saudi 240 left (NC)",
    )
    which.add_argument(
        "--saudi-rest",
        type=int,
        metavar="N",
        help="N local-only sentences from the SaudiNewsNet articles neither selection used (NC)",
    )
    which.add_argument(
        "--gsr", type=int, metavar="N", help="N sentences from the event gold standard (dev)"
    )
    which.add_argument(
        "--gsr-more",
        type=int,
        metavar="N",
        help="N more sentences from the gold-standard documents --gsr 240 left",
    )
    which.add_argument(
        "--gsr-later",
        nargs=2,
        metavar=("SPLIT", "N"),
        help="N sentences of a later newswire selection (gsr-confirm3 ...): from the "
        "gold-standard documents none of the earlier selections used",
    )
    args = ap.parse_args()
    if args.gsr_later:
        rows = select_gsr_later(args.shared, args.gsr_later[0], int(args.gsr_later[1]))
    elif args.gsr_more:
        rows = select_gsr_later(args.shared, "gsr-confirm2", args.gsr_more)
    elif args.gsr:
        rows = select_gsr(args.shared, args.gsr)
    elif args.saudi_rest:
        rows = select_saudi_rest(args.shared, args.saudi_rest)
    elif args.saudi_more:
        rows = select_saudi_more(args.shared, args.saudi_more)
    elif args.saudi:
        rows = select_saudi(args.shared, args.saudi)
    elif args.train_wiki:
        rows = select_train_wiki(args.shared, args.train_wiki)
    elif args.confirm3:
        rows = select_confirm3(args.shared)
    elif args.confirm2:
        rows = select_confirm2(args.shared)
    else:
        rows = select(args.shared)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out is None:
        sys.stdout.write(lines)
    else:
        args.out.write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    main()
