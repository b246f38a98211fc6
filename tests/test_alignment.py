"""Alignment: composition, monotonicity and round-trips (property-based)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arabnews.alignment import Alignment, AlignmentBuilder, apply_edits


@st.composite
def edited(draw: st.DrawFn, alphabet: str = "abcدهو") -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(st.text(alphabet=alphabet, max_size=40))
    edits = []
    pos = 0
    while pos < len(text) and draw(st.booleans()):
        start = draw(st.integers(pos, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 4)))
        repl = draw(st.text(alphabet="XYZ", max_size=3))
        edits.append((start, end, repl))
        pos = end
    return text, edits


@given(edited())
def test_apply_edits_equal_segments_copy_the_original(case: tuple[str, list]) -> None:  # type: ignore[type-arg]
    text, edits = case
    new, al = apply_edits(text, edits)
    assert al.original_length == len(text) and al.cleaned_length == len(new)
    for cs, ce, os_, oe, eq in al.segments():
        if eq:
            assert new[cs:ce] == text[os_:oe]


@given(edited(), st.data())
def test_mapping_is_monotone_and_in_range(case: tuple[str, list], data: st.DataObject) -> None:  # type: ignore[type-arg]
    text, edits = case
    new, al = apply_edits(text, edits)
    starts = [al.to_original(i) for i in range(len(new) + 1)]
    ends = [al.to_original_end(i) for i in range(len(new) + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)
    assert all(0 <= x <= len(text) for x in starts + ends)
    i = data.draw(st.integers(0, len(new)))
    j = data.draw(st.integers(i, len(new)))
    s, e = al.span_to_original(i, j)
    assert 0 <= s <= e <= len(text)


@given(edited(), st.data())
def test_compose_matches_two_step_mapping(case: tuple[str, list], data: st.DataObject) -> None:  # type: ignore[type-arg]
    text, edits = case
    mid, inner = apply_edits(text, edits)
    edits2 = data.draw(edited().filter(lambda _: True).map(lambda c: c[1]))
    edits2 = [(s, e, r) for s, e, r in edits2 if e <= len(mid)]
    new, outer = apply_edits(mid, edits2)
    composed = outer.compose(inner)
    assert composed.original_length == len(text) and composed.cleaned_length == len(new)
    for cs, ce, os_, oe, eq in composed.segments():
        if eq:
            assert new[cs:ce] == text[os_:oe]
    # every original character is inside exactly one segment
    covered = sum(oe - os_ for _, _, os_, oe, _ in composed.segments())
    assert covered == len(text)


def test_deletions_are_skipped_at_span_edges() -> None:
    new, al = apply_edits("ab--cd", [(2, 4, "")])
    assert new == "abcd"
    assert al.span_to_original(0, 2) == (0, 2)  # end excludes the deleted text
    assert al.span_to_original(2, 4) == (4, 6)  # start skips it
    assert al.from_original(3) == 2


def test_expansion_maps_to_whole_unit() -> None:
    new, al = apply_edits("xﻻy", [(1, 2, "لا")])
    assert new == "xلاy"
    assert al.span_to_original(1, 2) == (1, 2)
    assert al.span_to_original(2, 3) == (1, 2)
    assert al.span_to_original(2, 4) == (1, 3)


def test_builder_rejects_insertions() -> None:
    b = AlignmentBuilder()
    try:
        b.change(0, 2)
    except ValueError:
        pass
    else:  # pragma: no cover
        raise AssertionError("insertion accepted")


def test_identity() -> None:
    al = Alignment.identity(5)
    assert al.is_identity and al.span_to_original(1, 4) == (1, 4)
    assert "cleaned_length=5" in repr(al)
