"""The Stanza backend: the shipped model (our tokens) or official Stanza models (theirs).

Two ways to run Stanza:

* **The shipped model** (default). arabnews tokenises the text itself
  (:func:`arabnews.tokens.tokenize`), builds a Stanza ``Document`` whose tokens carry their
  offsets in the caller's text, and runs only Stanza's NER processor over it
  (``tokenize_pretokenized=True``). Entities are read back by those offsets, so they always
  index the caller's text.
* **Official Stanza Arabic models** that a user downloaded elsewhere:
  :meth:`StanzaRecognizer.from_dir`. Stanza tokenises (``tokenize,mwt,ner``) and the offsets
  are Stanza's own ``start_char``/``end_char``, shifted by the sentence start.

Either way nothing is downloaded: ``download_method=None``, explicit model paths, and a
private empty resources folder, so Stanza never looks at the network or at ``~/stanza_resources``.
A model is loaded once per process (cached by its files, device and batch size) and shared by
every recognizer that uses it; sentences are tagged in batches (one Stanza call for many
sentences and texts, up to :data:`MAX_CALL_TOKENS` tokens per call to bound memory).
"""

from __future__ import annotations

import atexit
import functools
import itertools
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from arabnews._checks import require_str
from arabnews.errors import ModelNotAvailableError
from arabnews.ner.base import (
    bioes_spans,
    canonical_label,
    sentence_spans,
    sentence_tokens,
    sort_entities,
)
from arabnews.ner.crf import span_probability
from arabnews.ner.loading import (
    SHIPPED_HINT,
    ModelFiles,
    check_model_files,
    input_normalizer,
    locate_model_dir,
    read_manifest,
    require_stanza,
    shipped_model_dir,
    sniff_checkpoint,
)
from arabnews.spans import Entity, Span

if TYPE_CHECKING:
    from arabnews.tokens import Token

__all__ = [
    "StanzaRecognizer",
    "entities_from_stanza",
    "iter_stanza_documents",
    "stanza_document",
    "stanza_documents",
]

# Longest token sequence handed to the tagger at once; longer "sentences" (tables, lists
# without punctuation) are cut, which costs a little context but bounds memory and time.
MAX_SENTENCE_TOKENS = 200
# Characters of one token the tagger sees: Stanza pads every word of a batch to the longest,
# so one URL would multiply the character LSTM's memory; Arabic words are rarely longer.
MAX_TOKEN_CHARS = 24
# Sentences per Stanza batch (they are sorted by length first, so padding stays small).
DEFAULT_BATCH_SIZE = 128
# Tokens per Stanza call: bounds peak memory however much text one call gets.
MAX_CALL_TOKENS = 8000
# Tokens read ahead of the tagger: sentences are tokenised, sorted by length and tagged one
# window at a time, so memory stays bounded whatever the size of the input.
WINDOW_TOKENS = 4 * MAX_CALL_TOKENS
# torch intra-op threads set at load (see StanzaRecognizer; None leaves torch alone).
DEFAULT_THREADS: int | None = 1
# Quantised LSTM weights on CPU (see StanzaRecognizer): True is "int8".
DEFAULT_QUANTIZE: bool | str = True

_LOCK = threading.Lock()
_PIPELINES: dict[tuple[Any, ...], Any] = {}


@attrs.frozen(slots=True)
class _TokenRef:
    text_index: int
    start: int
    end: int


_SHIPPED_RESOURCES = os.path.join(os.path.dirname(__file__), "data", "stanza_resources")


@functools.cache
def _empty_resources_dir() -> str:
    """A folder with an empty ``resources.json`` so Stanza never looks elsewhere.

    The package ships one (``data/stanza_resources``), read only: Stanza reads it and, with
    ``download_method=None``, writes nothing, so no temporary folder is left behind by worker
    processes that exit without running ``atexit`` handlers (multiprocessing, Dask). Where the
    package is not on disk as files (a zip import), a private folder is made once per process
    with :func:`tempfile.mkdtemp` (a fresh name, mode 0700, created atomically, so nothing
    planted in the temp folder is followed or read) and removed when the process exits.
    """
    if os.path.isfile(os.path.join(_SHIPPED_RESOURCES, "resources.json")):
        return _SHIPPED_RESOURCES
    folder = tempfile.mkdtemp(prefix="arabnews-stanza-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    fd = os.open(
        os.path.join(folder, "resources.json"),
        os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
        0o600,
    )
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({}))
    return folder


_THREADS_SET: list[int] = []


def _apply_threads(threads: int | None) -> None:
    """Set torch's intra-op threads (process-wide) unless *threads* is ``None`` or the user set
    ``OMP_NUM_THREADS``; done once per distinct value, before the first Stanza call."""
    if threads is None or os.environ.get("OMP_NUM_THREADS"):
        return
    if _THREADS_SET and _THREADS_SET[-1] == threads:
        return
    try:
        import torch
    except ImportError:  # require_stanza() reports it
        return
    torch.set_num_threads(threads)
    _THREADS_SET.append(threads)


def _load_shipped_pipeline(
    files: ModelFiles, device: str, batch_size: int, quantize: str | None = "int8"
) -> Any:
    quantize = quantize if device == "cpu" else None
    key = ("pretokenized", files, device, batch_size, quantize)
    with _LOCK:
        cached = _PIPELINES.get(key)
        if cached is not None:
            return cached
        stanza = require_stanza()
        check_model_files(files)
        options: dict[str, Any] = {
            "tokenize_pretokenized": True,
            "ner_model_path": str(files.model),
            "ner_batch_size": batch_size,
        }
        if files.pretrain is not None:
            options["ner_pretrain_path"] = str(files.pretrain)
        if files.charlm_forward is not None:
            options["ner_forward_charlm_path"] = str(files.charlm_forward)
        if files.charlm_backward is not None:
            options["ner_backward_charlm_path"] = str(files.charlm_backward)
        try:
            pipeline = stanza.Pipeline(
                lang="ar",
                dir=_empty_resources_dir(),
                processors="tokenize,ner",
                download_method=None,
                allow_unknown_language=True,  # our empty resources.json lists no languages
                device=device,
                logging_level="ERROR",
                **options,
            )
        except Exception as exc:  # after our checks, any failure means these files do not fit
            raise ModelNotAvailableError(
                f"Stanza could not load the NER model {files.model} "
                f"(with pretrain {files.pretrain}): {type(exc).__name__}; the files may "
                f"come from different trainings or a newer Stanza; {SHIPPED_HINT}",
                path=str(files.model),
            ) from exc
        _for_inference(pipeline, quantize=quantize)
        _PIPELINES[key] = pipeline
        return pipeline


@functools.cache
def _no_loss_type() -> type[Any]:
    from torch import nn

    class NoLoss(nn.Module):
        """Stands in for Stanza's CRF loss at inference: the tagger only needs the
        transitions to decode, so the loss (a forward pass over every tag path) is skipped."""

        def __init__(self, crf: Any) -> None:
            super().__init__()
            self.crf = crf

        def forward(self, inputs: Any, masks: Any, tags: Any) -> tuple[int, Any]:
            return 0, self.crf._transitions

    return NoLoss


def _for_inference(pipeline: Any, *, quantize: str | None) -> None:
    """Make a loaded pipeline's taggers cheaper to run; nothing here is ever trained.

    * Stanza's tagger computes its CRF training loss on every call; it is replaced by a
      module returning the transitions alone (tags identical).
    * *quantize* (``"int8"`` or ``"float16"``): the LSTMs (the character LMs over every
      character, the word-level tagger) run with quantised weights (:func:`_quantize_lstms`).
    """
    import torch
    from torch import nn

    no_loss = _no_loss_type()
    processor = getattr(pipeline, "processors", {}).get("ner")
    for trainer in getattr(processor, "trainers", ()):
        model = trainer.model
        model.crits = nn.ModuleList(no_loss(crf) for crf in model.crits)
        if quantize is not None:
            _quantize_lstms(torch, model, quantize)
        trainer.predict = functools.partial(_scored_predict, trainer, trainer.predict)


# Per thread: where the tagger's predict puts each sentence's CRF scores (crf.path_scores), in
# document order, while a caller of the pipeline collects them (None: nobody does).
_SCORES = threading.local()


def _scored_predict(
    trainer: Any, original: Callable[..., list[Any]], batch: Any, unsort: bool = True
) -> list[Any]:
    """Stanza's ``Trainer.predict`` (the same tags) that also hands each sentence's
    span-probability arrays (:func:`arabnews.ner.crf.path_scores`) to :data:`_SCORES`.

    It repeats the steps of Stanza 1.15's ``predict``; a Stanza whose internals differ (the
    errors caught are those of reaching them) falls back to its own ``predict``
    (*original*), and the entities then have no score. The scores are computed outside that
    fallback, so an error of ours is not hidden."""
    from arabnews.ner.crf import path_scores

    buffer = getattr(_SCORES, "buffer", None)
    try:
        tag_seqs, lattices = _predict_with_lattices(trainer, batch, unsort, buffer is not None)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return original(batch, unsort)
    if buffer is not None:
        buffer.extend(None if lat is None else path_scores(*lat) for lat in lattices)
    return tag_seqs


def _predict_with_lattices(
    trainer: Any, batch: Any, unsort: bool, keep: bool
) -> tuple[list[Any], list[Any]]:
    """The tags of a batch, as Stanza's ``predict`` gives them, and (with *keep*) each
    sentence's emissions, transitions and best path, ``None`` for a sentence without an
    entity (it needs no score)."""
    from stanza.models.ner import trainer as st

    device = next(trainer.model.parameters()).device
    inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = (
        st.unpack_batch(batch, device)
    )
    word, wordchars, wordchars_mask, chars, tags = inputs
    if trainer.model.training:  # eval() walks every submodule: once is enough
        trainer.model.eval()
    _, logits, trans = trainer.model(
        word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens, chars,
        charoffsets, charlens, char_orig_idx,
    )  # fmt: skip
    trans = [x.data.cpu().numpy() for x in trans]
    logits = [x.data.cpu().numpy() for x in logits]
    predict_tagset = trainer.args["predict_tagset"]
    column = predict_tagset if 0 <= predict_tagset < len(logits) else 0
    tag_seqs: list[Any] = []
    lattices: list[Any] = []
    low = st.VOCAB_PREFIX_SIZE
    for i in range(logits[0].shape[0]):
        n = sentlens[i]
        paths = [st.viterbi_decode(x[i, :n], y)[0] for x, y in zip(logits, trans, strict=True)]
        best = paths[column]
        paths = [[x if x >= low else low for x in y] for y in paths]
        unmapped = trainer.vocab["tag"].unmap(list(zip(*paths, strict=True)))
        unmapped = [x[predict_tagset] if isinstance(x, list) else x for x in unmapped]
        sentence_tags = st.fix_singleton_tags(unmapped)
        tag_seqs.append(sentence_tags)
        if keep:
            has_entity = any(t not in (None, "O") for t in sentence_tags)
            lattices.append((logits[column][i, :n], trans[column], best) if has_entity else None)
    if unsort:
        tag_seqs = st.utils.unsort(tag_seqs, orig_idx)
        if keep:
            lattices = st.utils.unsort(lattices, orig_idx)
    return tag_seqs, lattices


def _tag_with_scores(call: Callable[[], Any]) -> tuple[Any, list[Any] | None]:
    """Run *call* (a pipeline call) collecting the CRF scores of every sentence it tags."""
    _SCORES.buffer = []
    try:
        result = call()
        return result, _SCORES.buffer
    finally:
        _SCORES.buffer = None


@functools.cache
def _one_sequence_type() -> type[Any]:
    import torch
    from torch import nn
    from torch.nn.utils.rnn import (
        PackedSequence,
        pack_padded_sequence,
        pad_packed_sequence,
        pad_sequence,
    )

    class OneSequence(nn.Module):
        """Runs a packed batch of one sequence as a plain tensor, and with *split* each
        sequence of a larger batch on its own.

        A plain tensor spares torch's quantised LSTM formatting the packed batch sizes as text
        on every packed call (about a tenth of the time of tagging one short sentence).
        *split* is for int8 weights: dynamic int8 quantises the activations with one scale
        per call, so in a batch a sentence's tags would depend on the sentences beside it;
        alone they are its own, and ``recognize_many`` agrees with ``recognize``. (float16
        weights keep float activations: batches are safe and faster.)"""

        def __init__(self, lstm: Any, split: bool = False) -> None:
            super().__init__()
            self.lstm = lstm
            self.split = split

        def forward(self, data: Any, hx: Any = None) -> Any:
            if not isinstance(data, PackedSequence):
                return self.lstm(data, hx)
            first = bool(getattr(self.lstm, "batch_first", False))
            if int(data.batch_sizes[0]) == 1:
                output, hidden = self.lstm(data.data.unsqueeze(0 if first else 1), hx)
                return data._replace(data=output.squeeze(0 if first else 1)), hidden
            if not self.split:
                return self.lstm(data, hx)
            # One call per sequence, in the batch's own order; hx and the returned state are
            # in that order too (as nn.LSTM takes and gives them for a packed batch).
            padded, lengths = pad_packed_sequence(data, batch_first=True)
            outputs, hs, cs = [], [], []
            for i, n in enumerate(lengths.tolist()):
                x = padded[i : i + 1, :n] if first else padded[i, :n].unsqueeze(1)
                h0 = None if hx is None else (hx[0][:, i : i + 1], hx[1][:, i : i + 1])
                out, (h, c) = self.lstm(x, h0)
                outputs.append(out.reshape(n, -1))
                hs.append(h)
                cs.append(c)
            out_padded = pad_sequence(outputs, batch_first=True)
            order = data.sorted_indices
            if order is not None:
                out_padded, lengths = out_padded[order], lengths[order]
            packed = pack_padded_sequence(out_padded, lengths, batch_first=True)
            return data._replace(data=packed.data), (torch.cat(hs, 1), torch.cat(cs, 1))

    return OneSequence


# Weight formats for quantize=True and its named values: int8 is the default (the fastest on
# one core, about 1.4 times float16 through recognize(), and no benchmark split loses F1).
_QUANTIZE_DTYPES = {"int8": "qint8", "float16": "float16"}


def _quantize_lstms(torch: Any, model: Any, dtype: str = "int8") -> None:
    """Quantised weights (*dtype*: ``"int8"`` or ``"float16"``) for every ``nn.LSTM`` inside
    *model* (Stanza wraps them in PackedLSTM), swapped in place by torch's dynamic
    quantisation; int8 ones run one sequence at a time (:func:`_one_sequence_type`), so a
    sentence's tags never depend on the batch. Where the CPU or this torch cannot run them
    (no fbgemm kernels, e.g. on ARM), the float model stays.
    """
    import warnings

    if torch.backends.quantized.engine not in ("fbgemm", "x86"):
        return
    lstm = torch.nn.LSTM
    originals = [
        (owner, name, child)
        for owner in list(model.modules())
        for name, child in owner.named_children()
        if type(child) is lstm
    ]
    with warnings.catch_warnings():  # torch announces the API's deprecation on every use
        warnings.simplefilter("ignore")
        try:
            quantize_dynamic = torch.ao.quantization.quantize_dynamic
            weights = getattr(torch, _QUANTIZE_DTYPES[dtype])
            quantize_dynamic(model, {lstm}, dtype=weights, inplace=True)
            for owner, name, child in originals:  # one step each, or fall back to float
                getattr(owner, name)(torch.zeros(1, 1, child.input_size))
                wrapped = _one_sequence_type()(getattr(owner, name), split=dtype == "int8")
                setattr(owner, name, wrapped)
        except (AttributeError, NotImplementedError, RuntimeError):  # no API or no kernels
            for owner, name, child in originals:
                setattr(owner, name, child)


def _load_official_pipeline(directory: Path, lang: str, device: str, batch_size: int) -> Any:
    key = ("official", str(directory), lang, device, batch_size)
    with _LOCK:
        cached = _PIPELINES.get(key)
        if cached is not None:
            return cached
        stanza = require_stanza()
        _check_official_dir(directory, lang)
        try:
            pipeline = stanza.Pipeline(
                lang=lang,
                dir=str(directory),
                processors="tokenize,mwt,ner",
                download_method=None,
                device=device,
                logging_level="ERROR",
                ner_batch_size=batch_size,
            )
        except Exception as exc:  # Stanza raises many kinds; all mean "this folder is unusable"
            raise ModelNotAvailableError(
                f"Stanza could not load its {lang!r} models from {directory}: "
                f"{type(exc).__name__}. The folder must be a Stanza resources folder "
                f"(resources.json and {lang}/tokenize, {lang}/mwt, {lang}/ner, and their "
                f"pretrain/charlm files), as written by stanza.download('{lang}', dir=...) "
                f"on a machine with network access",
                path=str(directory),
            ) from exc
        _for_inference(pipeline, quantize=None)
        _PIPELINES[key] = pipeline
        return pipeline


def _check_official_dir(directory: Path, lang: str) -> None:
    """Check an official Stanza resources folder before Stanza reads it."""
    resources_json = directory / "resources.json"
    if not resources_json.is_file():
        raise ModelNotAvailableError(
            f"{resources_json} is missing: StanzaRecognizer.from_dir needs a Stanza resources "
            f"folder as written by stanza.download('{lang}', dir=...); copy that whole folder",
            path=str(resources_json),
        )
    lang_dir = directory / lang
    for processor in ("tokenize", "mwt", "ner"):
        if not any((lang_dir / processor).glob("*.pt")):
            raise ModelNotAvailableError(
                f"no {processor} model (*.pt) in {lang_dir / processor}; download the Stanza "
                f"'{lang}' models with stanza.download('{lang}', dir=...) and copy the folder",
                path=str(lang_dir / processor),
            )
    for checkpoint in sorted(lang_dir.rglob("*.pt")):
        sniff_checkpoint(checkpoint, f"Stanza {checkpoint.parent.name} model")
    for ner_model in sorted((lang_dir / "ner").glob("*.pt")):
        from arabnews.ner.loading import inspect_checkpoint

        info = inspect_checkpoint(ner_model)
        if info.transformer:
            raise ModelNotAvailableError(
                f"the NER model {ner_model} needs the transformer {info.transformer!r}, which "
                f"arabnews does not load offline; download a Stanza Arabic NER package "
                f"without a transformer",
                path=str(ner_model),
            )
        if info.needs_pretrain and not any((lang_dir / "pretrain").glob("*.pt")):
            raise ModelNotAvailableError(
                f"the NER model {ner_model} needs word vectors but {lang_dir / 'pretrain'} has "
                f"none; copy the pretrain files that stanza.download fetched with it",
                path=str(ner_model),
            )
        if info.needs_charlm and not (
            any((lang_dir / "forward_charlm").glob("*.pt"))
            and any((lang_dir / "backward_charlm").glob("*.pt"))
        ):
            raise ModelNotAvailableError(
                f"the NER model {ner_model} needs character language models but "
                f"{lang_dir}/forward_charlm and backward_charlm are incomplete; copy the charlm "
                f"files that stanza.download fetched with it",
                path=str(ner_model),
            )


def iter_stanza_documents(
    texts: Sequence[str],
    sentences: Sequence[Sequence[Span]],
    *,
    normalize: Callable[[str], str] | None = None,
    max_tokens: int | None = None,
    window_tokens: int | None = None,
    tokens: Sequence[Sequence[Sequence[Token]] | None] | None = None,
) -> Iterator[tuple[Any, list[list[_TokenRef]]]]:
    """Pretokenized Stanza ``Document`` s of at most *max_tokens* tokens, with token refs,
    made lazily.

    Sentences are read in order, cut at :data:`MAX_SENTENCE_TOKENS`, and gathered into
    windows of about *window_tokens* tokens (all of them when ``None``); each window is sorted
    by sentence length (similar lengths pad less) and cut into ``Document`` s of at most
    *max_tokens* tokens. Only one window exists at a time, which bounds memory whatever the
    input's size. *tokens*, per text, are the non-space tokens of each of its sentences
    (``arabnews.ner.base.sentence_tokens``); where ``None`` the sentence is tokenised here.
    """
    from stanza.models.common.doc import Document

    from arabnews.tokens import tokenize

    norm = normalize or (lambda t: t)
    window: list[tuple[list[dict[str, Any]], list[_TokenRef]]] = []
    size = 0
    given = [None] * len(texts) if tokens is None else tokens
    for index, (text, spans, groups) in enumerate(zip(texts, sentences, given, strict=True)):
        for n_span, span in enumerate(spans):
            toks = (
                [t for t in tokenize(text, span.start, span.end) if t.text.strip()]
                if groups is None
                else groups[n_span]
            )
            for first in range(0, len(toks), MAX_SENTENCE_TOKENS):
                chunk = toks[first : first + MAX_SENTENCE_TOKENS]
                entries = []
                for k, tok in enumerate(chunk, 1):
                    form = norm(tok.text)[:MAX_TOKEN_CHARS]
                    form = "".join(form.split()) or "_"  # Stanza tokens hold no whitespace
                    # no start_char/end_char: offsets travel in the refs, and Stanza would
                    # need the whole joined text to slice entity texts with them
                    entries.append({"id": (k,), "text": form})
                window.append((entries, [_TokenRef(index, t.start, t.end) for t in chunk]))
                size += len(chunk)
                if window_tokens is not None and size >= window_tokens:
                    yield from _window_documents(window, max_tokens, Document)
                    window, size = [], 0
    if window or window_tokens is None:
        yield from _window_documents(window, max_tokens, Document)


def _window_documents(
    window: list[tuple[list[dict[str, Any]], list[_TokenRef]]],
    max_tokens: int | None,
    document: Any,
) -> Iterator[tuple[Any, list[list[_TokenRef]]]]:
    order = sorted(range(len(window)), key=lambda k: len(window[k][1]))
    group: list[int] = []
    size = 0
    emitted = False
    for k in order:
        if group and max_tokens is not None and size + len(window[k][1]) > max_tokens:
            yield document([window[i][0] for i in group]), [window[i][1] for i in group]
            emitted = True
            group, size = [], 0
        group.append(k)
        size += len(window[k][1])
    if group or not emitted:
        yield document([window[i][0] for i in group]), [window[i][1] for i in group]


def stanza_documents(
    texts: Sequence[str],
    sentences: Sequence[Sequence[Span]],
    *,
    normalize: Callable[[str], str] | None = None,
    max_tokens: int | None = None,
) -> list[tuple[Any, list[list[_TokenRef]]]]:
    """All of :func:`iter_stanza_documents` at once (for small inputs and tests)."""
    return list(iter_stanza_documents(texts, sentences, normalize=normalize, max_tokens=max_tokens))


def stanza_document(
    texts: Sequence[str],
    sentences: Sequence[Sequence[Span]],
    *,
    normalize: Callable[[str], str] | None = None,
) -> tuple[Any, list[list[_TokenRef]]]:
    """A pretokenized Stanza ``Document`` for many texts, and each sentence's token refs.

    Tokens come from :func:`arabnews.tokens.tokenize`; their text is passed through
    *normalize* (the model's declared input normalisation) but their offsets stay those of
    the caller's text, carried separately in the returned refs.
    """
    return stanza_documents(texts, sentences, normalize=normalize)[0]


def entities_from_stanza(
    doc: Any, text: str, *, offset: int = 0, scores: list[Any] | None = None
) -> tuple[Entity, ...]:
    """Entities from a tagged Stanza ``Document`` whose tokens carry ``start_char``/``end_char``.

    Offsets are Stanza's token offsets minus *offset* (where the document's text starts in
    *text*). Tags are read per token (BIOES, IOB tolerated); labels are mapped to ours
    (``PERS`` -> ``PER``) and unknown labels are dropped. Entities that would not slice
    *text* (a tokenizer that normalised text) are dropped rather than returned wrong.
    *scores*: the CRF arrays of each sentence (:func:`arabnews.ner.crf.path_scores`), which
    give each entity its ``score``; without them ``score`` is ``None``.
    """
    out = []
    for sentence, sc in zip(doc.sentences, _sentence_scores(doc, scores), strict=True):
        tokens = sentence.tokens
        tags = [getattr(tok, "ner", None) for tok in tokens]
        for first, last, kind in bioes_spans(tags):
            label = canonical_label(kind)
            start_char = tokens[first].start_char
            end_char = tokens[last - 1].end_char
            if label is None or start_char is None or end_char is None:
                continue
            start, end = start_char - offset, end_char - offset
            if not 0 <= start < end <= len(text):
                continue
            out.append(Entity(start, end, text[start:end], label, score=_score(sc, first, last)))
    return sort_entities(out)


def _sentence_scores(doc: Any, scores: list[Any] | None) -> list[Any]:
    """Each sentence's CRF arrays, or ``None`` each where they do not line up with *doc*."""
    sentences = doc.sentences
    if scores is None or len(scores) != len(sentences):
        return [None] * len(sentences)
    return [
        sc if sc is not None and len(sc[0]) == len(sentence.tokens) else None
        for sentence, sc in zip(sentences, scores, strict=True)
    ]


def _scores_by_document(docs: Sequence[Any], scores: list[Any] | None) -> list[list[Any] | None]:
    """*scores* (every sentence's CRF arrays, one document after another) cut per document;
    ``None`` each where their count is not the documents' sentence count. Linear in the
    number of sentences."""
    counts = [len(doc.sentences) for doc in docs]
    if scores is None or len(scores) != sum(counts):
        return [None] * len(counts)
    bounds = list(itertools.accumulate(counts, initial=0))
    return [scores[a:b] for a, b in itertools.pairwise(bounds)]


def _score(sc: Any, first: int, last: int) -> float | None:
    return None if sc is None else round(span_probability(sc[0], sc[1], first, last), 4)


def _entities_from_refs(
    doc: Any, refs: list[list[_TokenRef]], texts: Sequence[str], scores: list[Any] | None = None
) -> list[list[Entity]]:
    out: list[list[Entity]] = [[] for _ in texts]
    per_sentence = _sentence_scores(doc, scores)
    for sentence, sent_refs, sc in zip(doc.sentences, refs, per_sentence, strict=True):
        tags = [getattr(tok, "ner", None) for tok in sentence.tokens]
        for first, last, kind in bioes_spans(tags):
            label = canonical_label(kind)
            if label is None:
                continue
            ref = sent_refs[first]
            text = texts[ref.text_index]
            start, end = ref.start, sent_refs[last - 1].end
            out[ref.text_index].append(
                Entity(start, end, text[start:end], label, score=_score(sc, first, last))
            )
    return out


def _sorted_unique(entities: list[Entity]) -> tuple[Entity, ...]:
    """:func:`sort_entities` in place, without its set of keys (which would cost more memory
    than the entities on a very long text): sort, then drop adjacent repeats."""
    entities.sort(key=lambda e: (e.start, -e.end, e.label))
    out: list[Entity] = []
    for ent in entities:
        if out and (out[-1].start, out[-1].end, out[-1].label) == (ent.start, ent.end, ent.label):
            continue
        out.append(ent)
    entities.clear()
    return tuple(out)


class StanzaRecognizer:
    """Named entities from a Stanza NER model, offline.

    ``StanzaRecognizer()`` uses the model shipped with arabnews; ``StanzaRecognizer(path)``
    and :meth:`from_dir` another model folder, in either layout (see :meth:`from_dir`);
    :meth:`from_files` names the files one by one. Loading happens on first use (or
    :meth:`load`) and raises :class:`~arabnews.errors.ModelNotAvailableError` when a file is
    missing, unusable, or differs from the sha256 its ``manifest.json`` records.

    *device* is passed to Stanza (``"cpu"`` by default; ``"cuda"`` if you have one).

    *threads*: torch's intra-op threads, set when the model loads (torch's setting is
    process-wide). The default, ``DEFAULT_THREADS`` (one), is what holds up on a busy
    machine: tagging one sentence at a time gains little from more threads, while torch's own
    default (one thread per core) fights every other process for the cores. Measured on a
    shared 2-core machine (load average 6.6), ``recognize`` of 100 KB of news took 43.1 s with
    torch's default (2 threads) and 9.5 s with one (``benchmarks/bench_ner.py
    --threads-check``). ``threads=None`` leaves torch alone (as does an ``OMP_NUM_THREADS``
    set in the environment); a number sets it. For more throughput use more processes
    (:meth:`arabnews.Pipeline.analyze_many` with ``workers``), not more threads.

    *quantize* (default ``True``, which is ``"int8"``): on CPU, the LSTMs of a model in the
    ``training/ner`` layout (the shipped one included) run with quantised weights (torch's
    dynamic quantisation). ``"int8"`` runs each sentence on its own (int8 quantises the
    activations with one scale per call, so a batch would tie a sentence's tags to its
    neighbours): the fastest through ``recognize`` one sentence per call (about 1.3 times
    float16 on one core), and no benchmark split loses F1. ``"float16"`` keeps batches
    together: about 1.2 times faster than int8 on whole texts. ``quantize=False`` runs the
    float model as trained; so does a CPU without the kernels (no fbgemm, e.g. ARM). Official
    Stanza models (:meth:`from_dir`) always run in float. Figures in ``docs/ner.rst``.
    """

    __slots__ = (
        "_batch_size",
        "_device",
        "_files",
        "_lang",
        "_official_dir",
        "_quantize",
        "_threads",
    )
    _batch_size: int
    _device: str
    _files: ModelFiles | None
    _lang: str
    _official_dir: Path | None
    _quantize: str | None
    _threads: int | None

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        *,
        device: str = "cpu",
        batch_size: int = DEFAULT_BATCH_SIZE,
        threads: int | None = DEFAULT_THREADS,
        quantize: bool | str = DEFAULT_QUANTIZE,
    ) -> None:
        self._init(device, batch_size, threads, "ar", quantize)
        if model_dir is None:
            self._files = read_manifest(shipped_model_dir())
        else:
            layout = locate_model_dir(model_dir, lang=self._lang)
            self._files, self._official_dir = layout.files, layout.official_root

    def _init(
        self, device: str, batch_size: int, threads: int | None, lang: str, quantize: bool | str
    ) -> None:
        if threads is not None and (isinstance(threads, bool) or int(threads) < 1):
            raise ValueError(f"threads must be a positive int or None, not {threads!r}")
        self._official_dir = None
        self._files = None
        self._lang = lang
        self._device = device
        self._batch_size = int(batch_size)
        self._threads = None if threads is None else int(threads)
        if isinstance(quantize, bool):
            self._quantize = "int8" if quantize else None
        elif quantize in _QUANTIZE_DTYPES:
            self._quantize = quantize
        else:
            raise ValueError(f"quantize must be True, False, 'int8' or 'float16', not {quantize!r}")

    @classmethod
    def from_files(
        cls,
        model: str | os.PathLike[str],
        *,
        pretrain: str | os.PathLike[str] | None = None,
        charlm_forward: str | os.PathLike[str] | None = None,
        charlm_backward: str | os.PathLike[str] | None = None,
        input_normalization: str | None = None,
        device: str = "cpu",
        batch_size: int = DEFAULT_BATCH_SIZE,
        threads: int | None = DEFAULT_THREADS,
        quantize: bool | str = DEFAULT_QUANTIZE,
    ) -> StanzaRecognizer:
        """A recognizer for a Stanza NER checkpoint given file by file (our tokenizer)."""

        def path(p: str | os.PathLike[str] | None) -> Path | None:
            return Path(p).expanduser() if p else None

        self = cls.__new__(cls)
        self._init(device, batch_size, threads, "ar", quantize)
        model_path = path(model)
        assert model_path is not None
        self._files = ModelFiles(
            model=model_path,
            pretrain=path(pretrain),
            charlm_forward=path(charlm_forward),
            charlm_backward=path(charlm_backward),
            input_normalization=input_normalization,
        )
        return self

    @classmethod
    def from_dir(
        cls,
        path: str | os.PathLike[str],
        *,
        lang: str = "ar",
        device: str = "cpu",
        batch_size: int = DEFAULT_BATCH_SIZE,
        threads: int | None = DEFAULT_THREADS,
        quantize: bool | str = DEFAULT_QUANTIZE,
    ) -> StanzaRecognizer:
        """A model from a folder (``~`` is expanded), in either of two layouts:

        1. **A model trained with** ``training/ner`` (the shipped model's layout): a
           ``manifest.json`` naming the tagger and its pretrain (sha256 checked at load), or
           a folder with one tagger ``*.pt`` and an optional ``*pretrain*.pt``. arabnews
           tokenises the text.
        2. **An official Stanza resources folder** (what ``stanza.download('ar', dir=path)``
           writes elsewhere), or its ``ar/`` subfolder: ``ar/ner/<name>.pt``,
           ``ar/pretrain/<name>.pt`` and, if the model uses them, ``ar/forward_charlm/`` and
           ``ar/backward_charlm/``; ``resources.json`` (optional) says which pretrain and
           charlm go with the tagger. When the folder also holds Stanza's tokenizer
           (``ar/tokenize``, ``ar/mwt``) and ``resources.json``, Stanza's own tokenizer runs
           (the tokens the official model was trained on); otherwise arabnews tokenises.

        Nothing is downloaded. A folder in neither layout raises one
        :class:`~arabnews.errors.ModelNotAvailableError` describing both.
        """
        self = cls.__new__(cls)
        self._init(device, batch_size, threads, lang, quantize)
        layout = locate_model_dir(path, lang=lang)
        self._files, self._official_dir = layout.files, layout.official_root
        return self

    @property
    def files(self) -> ModelFiles | None:
        """The model files (``None`` for official models loaded with :meth:`from_dir`)."""
        return self._files

    def load(self) -> StanzaRecognizer:
        """Load (and check) the model now rather than on first use; returns ``self``."""
        self._pipeline()
        return self

    def _pipeline(self) -> Any:
        _apply_threads(self._threads)
        if self._official_dir is not None:
            return _load_official_pipeline(
                self._official_dir, self._lang, self._device, self._batch_size
            )
        assert self._files is not None
        return _load_shipped_pipeline(self._files, self._device, self._batch_size, self._quantize)

    def recognize(
        self,
        text: str,
        sentences: Sequence[Span] | None = None,
        *,
        tokens: Sequence[Token] | None = None,
    ) -> tuple[Entity, ...]:
        """Entities of *text* (offsets into *text*); *sentences* default to the splitter's.

        *tokens*: the tokens of *text* (:func:`arabnews.tokenize`), when already made; the
        model is then fed those instead of tokenising the text again (a :meth:`from_dir`
        model of the official layout tokenises with its own tokenizer and ignores them).
        """
        require_str(text, "text")
        return self.recognize_many([text], [sentences], tokens=[tokens])[0]

    def recognize_many(
        self,
        texts: Sequence[str],
        sentences: Sequence[Sequence[Span] | None] | None = None,
        *,
        tokens: Sequence[Sequence[Token] | None] | None = None,
    ) -> list[tuple[Entity, ...]]:
        """Entities of many texts with one batched Stanza call; one tuple per text.

        *tokens*, when given, holds each text's tokens (or ``None`` to tokenise that text here).
        """
        texts = list(texts)
        for i, text in enumerate(texts):
            require_str(text, f"texts[{i}]")
        given: list[Sequence[Span] | None] = (
            list(sentences) if sentences is not None else [None] * len(texts)
        )
        if len(given) != len(texts):
            raise ValueError("texts and sentences must have the same length")
        given_tokens: list[Sequence[Token] | None] = (
            list(tokens) if tokens is not None else [None] * len(texts)
        )
        if len(given_tokens) != len(texts):
            raise ValueError("texts and tokens must have the same length")
        spans = [sentence_spans(t, s) for t, s in zip(texts, given, strict=True)]
        if not any(spans):
            return [() for _ in texts]
        if self._official_dir is not None:
            return self._recognize_official(texts, spans)
        groups = [
            None if toks is None else sentence_tokens(text, ss, toks)
            for text, ss, toks in zip(texts, spans, given_tokens, strict=True)
        ]
        pipeline = self._pipeline()
        assert self._files is not None
        normalize = input_normalizer(self._files.input_normalization)
        found: list[list[Entity]] = [[] for _ in texts]
        for doc, refs in iter_stanza_documents(
            texts,
            spans,
            normalize=normalize,
            max_tokens=MAX_CALL_TOKENS,
            window_tokens=WINDOW_TOKENS,
            tokens=groups,
        ):
            if refs:
                tagged, scores = _tag_with_scores(functools.partial(pipeline, doc))
                for i, ents in enumerate(_entities_from_refs(tagged, refs, texts, scores)):
                    found[i].extend(ents)
        return [_sorted_unique(ents) for ents in found]

    def tag_tokens(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIOES tags for already tokenised sentences (evaluation on CoNLL-style data).

        The model's input normalisation is applied to each token, as in :meth:`recognize`.
        Only for the shipped layout (not for :meth:`from_dir` models).
        """
        if self._official_dir is not None:
            raise ValueError("tag_tokens needs a model loaded from files, not from_dir")
        from stanza.models.common.doc import Document

        pipeline = self._pipeline()
        assert self._files is not None
        norm = input_normalizer(self._files.input_normalization)
        rows = [
            [
                {"id": (k,), "text": "".join(norm(t)[:MAX_TOKEN_CHARS].split()) or "_"}
                for k, t in enumerate(sentence, 1)
            ]
            for sentence in sentences
        ]
        out: list[list[str]] = [[] for _ in rows]
        order = sorted((k for k, r in enumerate(rows) if r), key=lambda k: len(rows[k]))
        start = 0
        while start < len(order):
            stop, size = start, 0
            while stop < len(order) and (
                stop == start or size + len(rows[order[stop]]) <= MAX_CALL_TOKENS
            ):
                size += len(rows[order[stop]])
                stop += 1
            group = order[start:stop]
            tagged = pipeline(Document([rows[k] for k in group], text=None))
            for k, sentence in zip(group, tagged.sentences, strict=True):
                out[k] = [tok.ner or "O" for tok in sentence.tokens]
            start = stop
        return out

    def _recognize_official(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]]
    ) -> list[tuple[Entity, ...]]:
        from stanza.models.common.doc import Document

        pipeline = self._pipeline()
        pieces: list[tuple[int, Span]] = [(i, s) for i, ss in enumerate(spans) for s in ss]
        docs = [Document([], text=texts[i][s.start : s.end]) for i, s in pieces]
        tagged, scores = _tag_with_scores(lambda: pipeline.bulk_process(docs) if docs else [])
        per_doc = _scores_by_document(tagged, scores)
        out: list[list[Entity]] = [[] for _ in texts]
        for (i, span), doc, sc in zip(pieces, tagged, per_doc, strict=True):
            sub = texts[i][span.start : span.end]
            for ent in entities_from_stanza(doc, sub, scores=sc):
                out[i].append(
                    attrs.evolve(ent, start=ent.start + span.start, end=ent.end + span.start)
                )
        return [sort_entities(ents) for ents in out]

    def __repr__(self) -> str:
        where = self._official_dir if self._official_dir is not None else self._files
        return f"StanzaRecognizer({where!r})"


def clear_cache() -> None:
    """Forget loaded models (tests; or to free memory after the last use)."""
    with _LOCK:
        _PIPELINES.clear()
