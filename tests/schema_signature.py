"""What a database's schema means, read from SQLite, so two files can be compared.

A database upgraded by the migration ladder must end up with the schema a fresh
database gets from the models. Their ``CREATE TABLE`` texts differ legitimately
(spacing, quoting, the order of columns added by ``ALTER TABLE``, a rebuilt table's
quoted name), so they are not compared as text. Instead :func:`schema_signature`
reads what SQLite itself reports and keeps what changes behaviour:

- every table: WITHOUT ROWID / STRICT, and per column (``PRAGMA table_xinfo``) the
  declared type, NOT NULL, the default value, the position in the primary key and
  the hidden/generated flag. Columns are matched by name, not by position;
- every index (``index_list`` / ``index_xinfo``): unique, origin (``CREATE INDEX``,
  primary key, UNIQUE constraint), the columns in order with their sort order and
  collation, and a partial index's ``WHERE``. Indexes SQLite makes for a primary
  key or UNIQUE constraint are matched by their columns, since their names
  (``sqlite_autoindex_t_N``) only count constraints in the order they were written;
- every foreign key (``foreign_key_list``): columns, parent table and columns,
  ON UPDATE, ON DELETE, MATCH;
- CHECK constraints, which no pragma lists: taken from the table's SQL with a
  tokenizer (quoted strings kept exactly, identifiers and keywords case-folded and
  unquoted, whitespace and comments dropped), with their constraint names;
- views and triggers, as the same tokens;
- ``application_id`` and ``user_version``.

What legitimately differs is made equal, nothing more: the case of names (SQLite's
identifiers ignore it), the case and spacing of a type name, ``DEFAULT ('')`` and
``DEFAULT ''``, ``DEFAULT NULL`` and no default, ``REFERENCES family`` and
``REFERENCES family (id)``, the numbers in ``sqlite_autoindex_t_N``.

Clauses that only the SQL text holds and that this does not parse (COLLATE on a
column, DEFERRABLE, AUTOINCREMENT, ON CONFLICT, generated columns' expressions,
indexes on expressions) raise :class:`UnreadSchema` instead of being skipped: the models use
none of them today, and the day one appears the comparison must learn it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Protocol

# ------------------------------------------------------------------ tokens


@dataclass(frozen=True)
class Token:
    kind: str  # "word" (identifier or keyword), "string", "number", "op"
    text: str  # words case-folded and unquoted; strings without their quotes
    bare: bool = True  # a word written without quotes (only a bare word is a keyword)

    def key(self) -> tuple[str, str]:
        return (self.kind, self.text)


_OPERATORS = ("->>", "->", "||", "<=", ">=", "==", "!=", "<>", "<<", ">>")
_SAME_OPERATOR = {"==": "=", "<>": "!="}
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]+|(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_WORD = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_$\u0080-\U0010ffff]*")
_CLOSING = {"'": "'", '"': '"', "`": "`", "[": "]"}


def tokens(sql: str) -> list[Token]:
    """SQLite's tokens of ``sql``, without whitespace and comments."""
    out: list[Token] = []
    i = 0
    while i < len(sql):
        ch = sql[i]
        if ch.isspace():
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = len(sql) if end < 0 else end + 2
        elif ch in _CLOSING:
            close = _CLOSING[ch]
            j, text = i + 1, []
            while True:
                if j >= len(sql):
                    raise ValueError(f"unterminated quote in {sql!r}")
                if sql[j] == close:
                    # A doubled quote stands for itself (not inside [...]).
                    if close != "]" and sql.startswith(close * 2, j):
                        text.append(close)
                        j += 2
                        continue
                    break
                text.append(sql[j])
                j += 1
            value = "".join(text)
            if ch == "'":
                out.append(Token("string", value))
            else:
                out.append(Token("word", value.casefold(), bare=False))
            i = j + 1
        elif match := _NUMBER.match(sql, i):
            out.append(Token("number", match.group().lower()))
            i = match.end()
        elif match := _WORD.match(sql, i):
            out.append(Token("word", match.group().casefold()))
            i = match.end()
        else:
            op = next((o for o in _OPERATORS if sql.startswith(o, i)), ch)
            out.append(Token("op", _SAME_OPERATOR.get(op, op)))
            i += len(op)
    return out


def _keys(toks: list[Token]) -> tuple[tuple[str, str], ...]:
    return tuple(t.key() for t in toks)


def _is_word(tok: Token, word: str) -> bool:
    return tok.kind == "word" and tok.bare and tok.text == word


def _strip_parentheses(toks: list[Token]) -> list[Token]:
    """``( x )`` → ``x`` while one pair of parentheses encloses everything."""
    while len(toks) >= 2 and toks[0].text == "(" and toks[-1].text == ")":
        depth = 0
        for n, tok in enumerate(toks):
            if tok.kind == "op" and tok.text == "(":
                depth += 1
            elif tok.kind == "op" and tok.text == ")":
                depth -= 1
                if depth == 0 and n != len(toks) - 1:
                    return toks  # "(a) + (b)": the first pair closes early
        toks = toks[1:-1]
    return toks


def normal_default(text: str | None) -> tuple[tuple[str, str], ...] | None:
    """A column default as tokens; None for no default and for ``DEFAULT NULL``."""
    if text is None:
        return None
    toks = _strip_parentheses(tokens(text))
    if len(toks) == 1 and toks[0].kind == "word" and not toks[0].bare:
        # SQLite takes a double-quoted default that names no column as a string.
        toks = [Token("string", toks[0].text)]
    if len(toks) == 1 and _is_word(toks[0], "null"):
        return None
    return _keys(toks)


def normal_type(declared: str) -> str:
    """``varchar ( 20 )`` and ``VARCHAR(20)`` are the same declared type."""
    return re.sub(r"\s*([(),])\s*", r"\1", " ".join(declared.upper().split()))


# ------------------------------------------------------------------ the signature


class UnreadSchema(Exception):
    """The schema uses a clause this comparison does not read; teach it first."""


@dataclass(frozen=True)
class ColumnInfo:
    type: str
    notnull: bool
    default: tuple[tuple[str, str], ...] | None
    default_text: str | None = field(compare=False)  # as written, for messages
    pk: int  # 1-based position in the primary key, 0 if not in it
    hidden: int  # 0 normal, 1 hidden (virtual tables), 2/3 generated


@dataclass(frozen=True)
class IndexInfo:
    name: str  # "" for the index SQLite makes for a PRIMARY KEY or UNIQUE constraint
    unique: bool
    origin: str  # "c" CREATE INDEX, "pk" primary key, "u" UNIQUE constraint
    columns: tuple[tuple[str, bool, str], ...]  # (name, descending, collation)
    where: tuple[tuple[str, str], ...]  # a partial index's condition; () if not partial


@dataclass(frozen=True)
class ForeignKeyInfo:
    on_update: str
    on_delete: str
    match: str


@dataclass(frozen=True)
class TableInfo:
    without_rowid: bool
    strict: bool
    columns: dict[str, ColumnInfo]
    indexes: dict[str, IndexInfo]  # keyed by name, or by origin and columns (see IndexInfo)
    foreign_keys: dict[str, ForeignKeyInfo]  # keyed by "(columns) -> parent (columns)"
    checks: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (name or "", tokens)


@dataclass(frozen=True)
class Schema:
    application_id: int
    user_version: int
    tables: dict[str, TableInfo]
    others: dict[str, tuple[tuple[str, str], ...]]  # "view v" / "trigger t" -> tokens


class Connection(Protocol):
    """A DB-API connection: sqlite3's, or sqlcipher3's for an encrypted file."""

    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...


# Only the SQL text says these; met in a table's SQL, they stop the comparison.
_UNREAD_WORDS = {
    "collate": "COLLATE on a column",
    "deferrable": "DEFERRABLE foreign keys",
    "autoincrement": "AUTOINCREMENT",
    "conflict": "ON CONFLICT clauses",
}


def _rows(con: Connection, sql: str, *args: object) -> list[tuple[Any, ...]]:
    return list(con.execute(sql, args).fetchall())


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _checks(table: str, sql: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    toks = tokens(sql)
    for tok in toks:
        if tok.bare and tok.text in _UNREAD_WORDS:
            raise UnreadSchema(f"table {table}: {_UNREAD_WORDS[tok.text]} are not compared")
    found = []
    for n, tok in enumerate(toks):
        if not _is_word(tok, "check"):
            continue
        name = ""
        if n >= 2 and _is_word(toks[n - 2], "constraint"):
            name = toks[n - 1].text
        depth, end = 0, n + 1
        for end in range(n + 1, len(toks)):
            if toks[end].kind == "op" and toks[end].text == "(":
                depth += 1
            elif toks[end].kind == "op" and toks[end].text == ")":
                depth -= 1
                if depth == 0:
                    break
        found.append((name, _keys(_strip_parentheses(toks[n + 1 : end + 1]))))
    return tuple(sorted(found))


def _where(index: str, sql: str) -> tuple[tuple[str, str], ...]:
    toks = tokens(sql)
    for n, tok in enumerate(toks):
        if _is_word(tok, "where"):
            return _keys(_strip_parentheses(toks[n + 1 :]))
    raise UnreadSchema(f"index {index}: partial, but no WHERE found in its SQL")


def _table(con: Connection, name: str, sql: str, kind: tuple[Any, ...]) -> TableInfo:
    q = _quote(name)
    columns = {
        col_name.casefold(): ColumnInfo(
            type=normal_type(col_type),
            notnull=bool(notnull),
            default=normal_default(default),
            default_text=default,
            pk=int(pk),
            hidden=int(hidden),
        )
        for _cid, col_name, col_type, notnull, default, pk, hidden in _rows(
            con, f"PRAGMA table_xinfo({q})"
        )
    }
    for col_name, column in columns.items():
        if column.hidden in (2, 3):
            raise UnreadSchema(f"{name}.{col_name}: generated columns are not compared")
    index_sql = dict(_rows(con, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"))
    indexes: dict[str, IndexInfo] = {}
    for _seq, index, unique, origin, partial in _rows(con, f"PRAGMA index_list({q})"):
        cols = []
        for _seqno, cid, col_name, desc, coll, key in _rows(
            con, f"PRAGMA index_xinfo({_quote(index)})"
        ):
            if not key:
                continue  # the rowid SQLite stores after the key columns
            if cid == -2:
                raise UnreadSchema(f"index {index}: indexes on expressions are not compared")
            cols.append((col_name.casefold(), bool(desc), coll.upper()))
        where = _where(index, index_sql[index]) if partial else ()
        info = IndexInfo(
            name=index.casefold() if origin == "c" else "",
            unique=bool(unique),
            origin=origin,
            columns=tuple(cols),
            where=where,
        )
        key = index.casefold() if origin == "c" else f"{origin} ({', '.join(c[0] for c in cols)})"
        indexes[key] = info
    by_id: dict[int, list[tuple[Any, ...]]] = {}
    for row in _rows(con, f"PRAGMA foreign_key_list({q})"):
        by_id.setdefault(row[0], []).append(row)
    foreign_keys: dict[str, ForeignKeyInfo] = {}
    for rows in by_id.values():
        rows.sort(key=lambda r: r[1])
        parent = rows[0][2]
        to = tuple(r[4] and r[4].casefold() for r in rows)
        if all(t is None for t in to):
            # REFERENCES parent: the parent's primary key.
            to = tuple(
                c.casefold()
                for _cid, c, *_rest, pk in sorted(
                    _rows(con, f"PRAGMA table_info({_quote(parent)})"), key=lambda r: r[5]
                )
                if pk
            )
        key = (
            f"({', '.join(r[3].casefold() for r in rows)}) -> {parent.casefold()} ({', '.join(to)})"
        )
        while key in foreign_keys:  # the same reference twice
            key += " again"
        foreign_keys[key] = ForeignKeyInfo(
            on_update=rows[0][5].upper(), on_delete=rows[0][6].upper(), match=rows[0][7].upper()
        )
    return TableInfo(
        without_rowid=bool(kind[4]),
        strict=bool(kind[5]),
        columns=columns,
        indexes=indexes,
        foreign_keys=foreign_keys,
        checks=_checks(name, sql),
    )


def schema_signature(con: Connection) -> Schema:
    """The schema of the open database ``con``, as SQLite reports it (see module doc)."""
    listed = {row[1]: row for row in _rows(con, "PRAGMA main.table_list")}
    tables, others = {}, {}
    for kind, name, sql in _rows(
        con,
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    ):
        if kind == "table":
            tables[name.casefold()] = _table(con, name, sql, listed[name])
        elif kind in ("view", "trigger"):
            others[f"{kind} {name.casefold()}"] = _keys(tokens(sql))
    return Schema(
        application_id=int(_rows(con, "PRAGMA application_id")[0][0]),
        user_version=int(_rows(con, "PRAGMA user_version")[0][0]),
        tables=tables,
        others=others,
    )


# ------------------------------------------------------------------ differences


def _index_columns(columns: tuple[tuple[str, bool, str], ...]) -> str:
    return ", ".join(
        name + (" DESC" if desc else "") + ("" if coll == "BINARY" else f" COLLATE {coll}")
        for name, desc, coll in columns
    )


def _show(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and all(isinstance(v, tuple) and len(v) == 2 for v in value):
        return " ".join(repr(t) if k == "string" else t for k, t in value) or "-"
    return repr(value)


def schema_differences(
    expected: Schema, found: Schema, names: tuple[str, str] = ("expected", "found")
) -> list[str]:
    """Every difference between two signatures, one line each, naming where it is.

    Lines read like ``access_log.detail: default: '' (found) != none (expected)``;
    an empty list means the schemas are the same.
    """
    a, b = names
    out: list[str] = []

    def differ(where: str, what: str, x: object, y: object) -> None:
        if x != y:
            out.append(f"{where}: {what}: {_show(x)} ({a}) != {_show(y)} ({b})")

    def only(where: str, keys_x: set[str], keys_y: set[str]) -> set[str]:
        for key in sorted(keys_x - keys_y):
            out.append(f"{where}{key}: only in {a}")
        for key in sorted(keys_y - keys_x):
            out.append(f"{where}{key}: only in {b}")
        return keys_x & keys_y

    differ("database", "application_id", expected.application_id, found.application_id)
    differ("database", "user_version", expected.user_version, found.user_version)
    for name in sorted(only("table ", set(expected.tables), set(found.tables))):
        x, y = expected.tables[name], found.tables[name]
        differ(name, "WITHOUT ROWID", x.without_rowid, y.without_rowid)
        differ(name, "STRICT", x.strict, y.strict)
        for col in sorted(only(f"{name}.", set(x.columns), set(y.columns))):
            cx, cy = x.columns[col], y.columns[col]
            where = f"{name}.{col}"
            differ(where, "type", cx.type, cy.type)
            differ(where, "not null", cx.notnull, cy.notnull)
            if cx.default != cy.default:
                out.append(
                    f"{where}: default: {cx.default_text or 'none'} ({a}) != "
                    f"{cy.default_text or 'none'} ({b})"
                )
            differ(where, "primary key position", cx.pk, cy.pk)
            differ(where, "hidden", cx.hidden, cy.hidden)
        for key in sorted(only(f"{name}: index ", set(x.indexes), set(y.indexes))):
            ix, iy = x.indexes[key], y.indexes[key]
            where = f"{name}: index {key}"
            differ(where, "unique", ix.unique, iy.unique)
            differ(where, "origin", ix.origin, iy.origin)
            differ(where, "columns", _index_columns(ix.columns), _index_columns(iy.columns))
            differ(where, "WHERE", ix.where, iy.where)
        for key in sorted(only(f"{name}: foreign key ", set(x.foreign_keys), set(y.foreign_keys))):
            fx, fy = x.foreign_keys[key], y.foreign_keys[key]
            where = f"{name}: foreign key {key}"
            differ(where, "ON UPDATE", fx.on_update, fy.on_update)
            differ(where, "ON DELETE", fx.on_delete, fy.on_delete)
            differ(where, "MATCH", fx.match, fy.match)
        for side, first, second in ((a, x.checks, y.checks), (b, y.checks, x.checks)):
            for check_name, check in sorted(set(first) - set(second)):
                out.append(
                    f"{name}: CHECK {check_name or '(unnamed)'} ({_show(check)}): only in {side}"
                )
    for key in sorted(only("", set(expected.others), set(found.others))):
        differ(key, "SQL", expected.others[key], found.others[key])
    return out
