"""Exceptions, warnings and failure records of arabnews."""

from __future__ import annotations

import attrs

__all__ = [
    "ArabnewsError",
    "DocumentSkippedWarning",
    "DocumentTimeoutError",
    "ModelNotAvailableError",
    "SkippedDocument",
]


class ArabnewsError(Exception):
    """Base class of every error that arabnews raises on purpose."""


class ModelNotAvailableError(ArabnewsError):
    """A model or data file that a stage needs is missing or unusable.

    The message names the file and says how to obtain it or point arabnews at it.
    Nothing is ever downloaded at run time, so this is the error a user sees instead
    of a stack trace from deep inside Stanza or torch.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class DocumentTimeoutError(ArabnewsError, TimeoutError):
    """A document took longer than the ``timeout`` given to ``Pipeline.analyze_many``."""


class DocumentSkippedWarning(UserWarning):
    """``Pipeline.analyze_many(errors="skip")`` left a document out (see ``pipeline.skipped``)."""


@attrs.frozen(slots=True)
class SkippedDocument:
    """A document that ``Pipeline.analyze_many(errors="skip")`` left out.

    Attributes:
        index: position of the document in the input (0-based).
        error_type: name of the exception class (``"TypeError"``,
            ``"DocumentTimeoutError"``, ``"BrokenProcessPool"`` when the worker died).
        message: the exception's message.
    """

    index: int
    error_type: str
    message: str
