"""Exceptions raised by arabnews."""

from __future__ import annotations

__all__ = ["ArabnewsError", "ModelNotAvailableError"]


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
