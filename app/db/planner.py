"""Hints to the SQLite query planner, written so they mean nothing to PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


class not_by_index(FunctionElement[Any]):
    """A column SQLite must not reach through an index: ``+column`` there (the planner then
    walks the primary key, which an ORDER BY id … LIMIT stops early), the plain column
    elsewhere. For a filter that holds for most of a table's rows."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any] | QueryableAttribute[Any]) -> None:
        super().__init__(column)
        self.type = self.clauses.clauses[0].type


@compiles(not_by_index)
def _plain(element: not_by_index, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(not_by_index, "sqlite")
def _unary_plus(element: not_by_index, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)
