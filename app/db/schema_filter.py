"""What schema comparison leaves out: objects made by raw SQL rather than by a model."""

from __future__ import annotations


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """The full-text index (calls_fts and its shadow tables) is raw SQL, not a model."""
    return not (type_ == "table" and name is not None and name.startswith("calls_fts"))
