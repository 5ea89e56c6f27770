"""The data-table comparator: game data tables and database schemas (CSV/TSV, JSON, XML, INI, SQL).

Stages (one module each): ``read`` (format by extension, text decoding, one reader per format)
→ ``pairing`` (tables by name, then column Jaccard) → ``rows`` (identical rows, rows with edited
values on a key, runs) with ``edits`` (factors and offsets) → ``values`` (shared rare values)
→ ``filtration`` (declared base material) → ``score``. Findings are located by line ranges.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from comparators.base import ComparatorInfo, Comparison, Exclusion, Features, Match, MaterialRef, Region, Signature
from comparators.fingerprint import minhash
from comparators.fingerprint.tokens import hash_tokens
from comparators.hashing import sha256_bytes
from comparators.table.edits import Change
from comparators.table.filtration import BaseMaterial, base_material
from comparators.table.model import Table
from comparators.table.normalize import TRIVIAL_RULE, is_trivial
from comparators.table.pairing import TablePair, pair_tables
from comparators.table.read import format_of, read_tables, sniff
from comparators.table.rows import EDITED, IDENTICAL, RowMatch, RowSettings, match_rows, runs, table_changes
from comparators.table.score import FORMULA, Weights, table_score
from comparators.table.values import ValueRow, shared_rare_values

SCHEMA = "shared schema"
DATABASE_SCHEMA = "shared database schema"
RARE_VALUES = "shared rare values"


class TableComparator:
    """Compare data tables: shared schema, identical rows, rows with edited values, shared rare values.

    Parameters (all reported): ``min_jaccard`` (column-set Jaccard that pairs tables of different
    names), ``max_changed_share`` (most non-key cells an edited row may change unless the change
    is systematic), ``min_systematic`` (edited rows sharing one factor/offset that make a column's
    change systematic), ``rare_max`` (occurrences per side up to which a value is rare),
    ``schema_weight``/``values_weight`` (score), ``num_perm``/``seed`` (signature), ``max_bytes``.
    """

    name = "table"
    version = "0.1.0"

    def __init__(self, min_jaccard: float = 0.5, max_changed_share: float = 0.5, min_systematic: int = 3,
                 rare_max: int = 2, schema_weight: float = 0.2, values_weight: float = 0.3,
                 num_perm: int = 128, seed: int = 1, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.min_jaccard = min_jaccard
        self.rows = RowSettings(max_changed_share=max_changed_share, min_systematic=min_systematic)
        self.rare_max = rare_max
        self.weights = Weights(schema=schema_weight, values=values_weight)
        self.num_perm = num_perm
        self.seed = seed
        self.max_bytes = max_bytes

    # -- contract -----------------------------------------------------------------------
    @property
    def params(self) -> dict[str, Any]:
        return {"min_jaccard": self.min_jaccard, "max_changed_share": self.rows.max_changed_share,
                "min_systematic": self.rows.min_systematic, "rare_max": self.rare_max,
                "schema_weight": self.weights.schema, "values_weight": self.weights.values,
                "num_perm": self.num_perm, "seed": self.seed, "max_bytes": self.max_bytes,
                "signature_scheme": minhash.SCHEME, "trivial_values": TRIVIAL_RULE, "score": FORMULA,
                "normalise": "names: NFKC, camelCase split, case-folded, _/-/space unified; "
                             "cells: NFKC, trimmed, numbers canonical, text case-folded"}

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        path = Path(path)
        if not path.is_file() or format_of(path) is None:
            return False
        try:
            with path.open("rb") as handle:
                head = handle.read(65536)
        except OSError:
            return False
        return bool(head.strip()) and sniff(path, head)

    def extract(self, path: Path, display_path: str | None = None) -> Features:
        """Read the tables of one file (``display_path`` is the name recorded in results)."""
        path = Path(path)
        display = display_path or str(path)
        doc = read_tables(path, display, self.max_bytes)
        tokens = [token for table in doc.tables for token in _tokens(table)]
        sig = minhash.signature(hash_tokens(tokens), self.num_perm, self.seed)
        return Features(kind=self.name, path=display, sha256=sha256_bytes(doc.data), comparator=self.info(),
                        signature=Signature(minhash.SCHEME, self.seed, tuple(sig.tolist()),
                                            {"num_perm": self.num_perm,
                                             "over": "rows, column names, first-column values"}),
                        data={"format": doc.format, "encoding": doc.encoding,
                              "tables": [t.to_dict() for t in doc.tables]},
                        notes=doc.notes)

    # -- comparison ---------------------------------------------------------------------
    def compare(self, fa: Features, fb: Features, base: Sequence[Features] = ()) -> Comparison:
        """Compare the tables of A (claimed original) and B (accused); base rows and schemas do not count."""
        tables_a, tables_b = _tables(fa), _tables(fb)
        own_base = [f for f in base if f.kind == self.name]
        material = base_material([t for f in own_base for t in _tables(f)], [f.path for f in own_base])
        live_a = [[r for r in range(len(t.rows)) if not material.has_row(t, r)] for t in tables_a]
        live_b = [[r for r in range(len(t.rows)) if not material.has_row(t, r)] for t in tables_b]
        excluded = _row_exclusions(fa, tables_a, live_a, "a", material) + \
            _row_exclusions(fb, tables_b, live_b, "b", material)
        matches: list[Match] = []
        summaries: list[dict[str, Any]] = []
        matched_a: set[tuple[int, int]] = set()
        matched_b: set[tuple[int, int]] = set()
        credit = 0.0
        schema_credit = 0.0
        shared_a = 0
        schema_off_a: set[int] = set()
        schema_off_b: set[int] = set()
        for pair in pair_tables(tables_a, tables_b, self.min_jaccard):
            ta, tb = tables_a[pair.a], tables_b[pair.b]
            in_base = material.has_schema(ta, tb, pair.shared)
            if in_base:
                schema_off_a.add(pair.a)
                schema_off_b.add(pair.b)
                excluded.append(Exclusion(reason=f"declared base material ({', '.join(material.names)})",
                                          a=_schema_region(fa.path, ta), b=_schema_region(fb.path, tb),
                                          detail={"table_a": ta.name, "table_b": tb.name, "base_table": in_base,
                                                  "columns": _labels(tb, pair.shared)}))
            else:
                weight = _schema_weight(ta, tb, pair.shared)
                schema_credit += weight
                shared_a += len(pair.shared)
                matches.append(_schema_match(fa, fb, ta, tb, pair, weight))
            found, key = self._rows(ta, tb, pair, live_a[pair.a], live_b[pair.b])
            credit += sum(m.credit for m in found)
            matched_a.update((pair.a, m.a) for m in found)
            matched_b.update((pair.b, m.b) for m in found)
            for run in runs(found):
                matches.append(_row_match(fa, fb, ta, tb, pair, run, key))
            summaries.append(_summary(ta, tb, pair, live_a[pair.a], live_b[pair.b], found, key,
                                      in_base is not None))
        refs_a = [(t, r) for t, rows in enumerate(live_a) for r in rows]
        refs_b = [(t, r) for t, rows in enumerate(live_b) for r in rows]
        unmatched_b = [ref for ref in refs_b if ref not in matched_b]
        value_rows, rare_b = shared_rare_values(tables_a, tables_b, refs_a, refs_b, unmatched_b,
                                                material.values, self.rare_max)
        matches += _value_matches(fa, fb, tables_a, tables_b, value_rows)
        rows_a, rows_b = len(refs_a), len(refs_b)
        cols_a = sum(len(t.columns) for i, t in enumerate(tables_a) if i not in schema_off_a)
        cols_b = sum(len(t.columns) for i, t in enumerate(tables_b) if i not in schema_off_b)
        schema = schema_credit / cols_b if cols_b else 0.0
        rows = credit / rows_b if rows_b else 0.0
        values = len(value_rows) / len(unmatched_b) if unmatched_b else 0.0
        has_rows = rows_a > 0 and rows_b > 0
        score = table_score(rows, schema, values, has_rows, self.weights)
        if has_rows:
            coverage_a, coverage_b = len(matched_a) / rows_a, len(matched_b) / rows_b
        else:
            coverage_a = shared_a / cols_a if cols_a else 0.0
            coverage_b = shared_a / cols_b if cols_b else 0.0
        numbered = tuple(Match(id=f"F-table-{n:04d}", score=m.score, category=m.category, a=m.a, b=m.b,
                               detail=m.detail) for n, m in enumerate(matches, start=1))
        notes = tuple(f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes)
        return Comparison(kind=self.name, score=score, coverage_a=coverage_a, coverage_b=coverage_b,
                          comparator=self.info(), a=MaterialRef(fa.path, fa.sha256),
                          b=MaterialRef(fb.path, fb.sha256), matches=numbered, excluded=tuple(excluded),
                          notes=notes,
                          extra={"tables": summaries,
                                 "channels": {"rows": rows, "schema": schema, "values": values},
                                 "rows": {"a": rows_a, "b": rows_b, "matched_a": len(matched_a),
                                          "matched_b": len(matched_b)},
                                 "values": {"rare_in_unmatched_b": rare_b, "rows_with_shared_rare": len(value_rows),
                                            "unmatched_b": len(unmatched_b)}})

    def _rows(self, ta: Table, tb: Table, pair: TablePair, live_a: list[int],
              live_b: list[int]) -> tuple[list[RowMatch], tuple[str, ...]]:
        """Row matches of a table pair (none when they share a single column of several)."""
        if len(pair.shared) < 2 and not (len(ta.columns) == len(tb.columns) == len(pair.shared) == 1):
            return [], ()
        found, key, _ = match_rows(ta, tb, pair.shared, live_a, live_b, self.rows)
        return found, key


# -- features -------------------------------------------------------------------------------
def _tokens(table: Table) -> list[str]:
    """Signature tokens: column names, whole rows, and distinctive first-column values (keys)."""
    out = [f"c:{c}" for c in table.columns]
    out += ["r:" + "\x1f".join(row) for row in table.rows]
    out += [f"k:{row[0]}" for row in table.rows if row and not is_trivial(row[0])]
    return out


def _tables(features: Features) -> list[Table]:
    if features.kind != "table":
        raise ValueError(f"{features.path}: table comparison needs table features, got {features.kind!r}")
    return [Table.from_dict(t) for t in features.data["tables"]]


# -- findings -------------------------------------------------------------------------------
def _labels(table: Table, columns: Sequence[str]) -> list[str]:
    index = {c: i for i, c in enumerate(table.columns)}
    return [table.labels[index[c]] for c in columns]


def _span(table: Table) -> tuple[int, int] | None:
    if table.schema_lines:
        return table.schema_lines
    if table.lines:
        return table.lines[0][0], table.lines[-1][1]
    return None


def _schema_region(path: str, table: Table) -> Region:
    span = _span(table)
    return Region(path=path, start_line=span[0], end_line=span[1]) if span else Region(path=path)


def _rows_region(path: str, table: Table, first: int, last: int) -> Region:
    return Region(path=path, start_line=table.lines[first][0], end_line=table.lines[last][1])


def _schema_weight(ta: Table, tb: Table, shared: Sequence[str]) -> float:
    """Shared columns, a column declared with another type counting 0.75."""
    ia = {c: i for i, c in enumerate(ta.columns)}
    ib = {c: i for i, c in enumerate(tb.columns)}
    total = 0.0
    for c in shared:
        type_a, type_b = ta.types[ia[c]], tb.types[ib[c]]
        total += 0.75 if type_a and type_b and type_a != type_b else 1.0
    return total


def _schema_match(fa: Features, fb: Features, ta: Table, tb: Table, pair: TablePair, weight: float) -> Match:
    ia = {c: i for i, c in enumerate(ta.columns)}
    ib = {c: i for i, c in enumerate(tb.columns)}
    differ = [tb.labels[ib[c]] for c in pair.shared
              if ta.types[ia[c]] and tb.types[ib[c]] and ta.types[ia[c]] != tb.types[ib[c]]]
    union = len(set(ta.columns) | set(tb.columns))
    database = ta.origin == tb.origin == "create table"
    detail = {"table_a": ta.name, "table_b": tb.name, "same_name": pair.same_name,
              "columns": _labels(tb, pair.shared),
              "only_a": _labels(ta, [c for c in ta.columns if c not in ib]),
              "only_b": _labels(tb, [c for c in tb.columns if c not in ia]),
              "jaccard": pair.jaccard, "types_differ": differ, "rows_a": len(ta.rows), "rows_b": len(tb.rows)}
    if database or any(ta.types) or any(tb.types):
        detail["types"] = {tb.labels[ib[c]]: [ta.types[ia[c]], tb.types[ib[c]]] for c in pair.shared}
    return Match(id="", score=weight / union if union else 0.0, category=DATABASE_SCHEMA if database else SCHEMA,
                 a=_schema_region(fa.path, ta), b=_schema_region(fb.path, tb), detail=detail)


def _row_match(fa: Features, fb: Features, ta: Table, tb: Table, pair: TablePair, run: list[RowMatch],
               key: tuple[str, ...]) -> Match:
    first, last = run[0], run[-1]
    detail: dict[str, Any] = {"table_a": ta.name, "table_b": tb.name, "rows": len(run),
                              "rows_a": [first.a + 1, last.a + 1], "rows_b": [first.b + 1, last.b + 1],
                              "columns": _labels(tb, pair.shared), "key": _labels(tb, key)}
    if first.category == EDITED:
        changed = [c for c in pair.shared if any(c in m.changed for m in run)]
        detail["changed_columns"] = _labels(tb, changed)
        detail["changes"] = [c.to_dict() for c in _edit_changes(ta, tb, pair, run)]
    return Match(id="", score=sum(m.credit for m in run) / len(run), category=first.category,
                 a=_rows_region(fa.path, ta, first.a, last.a), b=_rows_region(fb.path, tb, first.b, last.b),
                 detail=detail)


def _value_matches(fa: Features, fb: Features, tables_a: list[Table], tables_b: list[Table],
                   found: list[ValueRow]) -> list[Match]:
    """One finding per run of B rows (consecutive on both sides) holding shared rare values."""
    groups: list[list[ValueRow]] = []
    for v in found:
        last = groups[-1][-1] if groups else None
        if last and last.b == (v.b[0], v.b[1] - 1) and last.a == (v.a[0], v.a[1] - 1):
            groups[-1].append(v)
        else:
            groups.append([v])
    out = []
    for group in groups:
        ta, tb = tables_a[group[0].a[0]], tables_b[group[0].b[0]]
        values = sorted({x for v in group for x in v.values})
        out.append(Match(id="", score=min(1.0, len(values) / (2.0 * len(group))), category=RARE_VALUES,
                         a=_rows_region(fa.path, ta, group[0].a[1], group[-1].a[1]),
                         b=_rows_region(fb.path, tb, group[0].b[1], group[-1].b[1]),
                         detail={"table_a": ta.name, "table_b": tb.name, "rows": len(group),
                                 "values": values[:20], "count": len(values)}))
    return out


def _row_exclusions(features: Features, tables: list[Table], live: list[list[int]], side: str,
                    material: BaseMaterial) -> list[Exclusion]:
    """Runs of rows found in the declared base material, one exclusion per run."""
    out = []
    for t, table in enumerate(tables):
        kept = set(live[t])
        gone = [r for r in range(len(table.rows)) if r not in kept]
        for run in _consecutive(gone):
            region = _rows_region(features.path, table, run[0], run[-1])
            out.append(Exclusion(reason=f"declared base material ({', '.join(material.names)})",
                                 a=region if side == "a" else None, b=region if side == "b" else None,
                                 detail={"table": table.name, "rows": len(run)}))
    return out


def _consecutive(indices: list[int]) -> list[list[int]]:
    """Split ascending indices into runs of consecutive ones."""
    out: list[list[int]] = []
    for i in indices:
        if out and i == out[-1][-1] + 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _edit_changes(ta: Table, tb: Table, pair: TablePair, edits: Sequence[RowMatch]) -> list[Change]:
    """Factors and offsets that explain the edited values of ``edits``."""
    pos = {c: k for k, c in enumerate(pair.shared)}
    ia = [ta.columns.index(c) for c in pair.shared]
    ib = [tb.columns.index(c) for c in pair.shared]
    pairs = [(tuple(ta.rows[m.a][i] for i in ia), tuple(tb.rows[m.b][j] for j in ib),
              tuple(pos[c] for c in m.changed)) for m in edits if m.changed]
    return table_changes(pair.shared, pairs, tb)


def _summary(ta: Table, tb: Table, pair: TablePair, live_a: list[int], live_b: list[int], found: list[RowMatch],
             key: tuple[str, ...], schema_in_base: bool) -> dict[str, Any]:
    identical = sum(1 for m in found if m.category == IDENTICAL)
    changes = _edit_changes(ta, tb, pair, [m for m in found if m.category == EDITED])
    return {"table_a": ta.name, "table_b": tb.name, "same_name": pair.same_name, "jaccard": pair.jaccard,
            "columns": _labels(tb, pair.shared), "rows_a": len(live_a), "rows_b": len(live_b),
            "identical": identical, "edited": len(found) - identical, "key": _labels(tb, key),
            "changes": [c.to_dict() for c in changes], "schema_in_base": schema_in_base}
