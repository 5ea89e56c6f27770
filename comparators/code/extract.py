"""Reading a source file into the code comparator's features (the only stage touching files)."""

from __future__ import annotations

from typing import Any

from comparators.code import evidence
from comparators.code.grammars import grammar_version, parser
from comparators.code.languages import Language
from comparators.code.normalize import NORMALISATION_STEPS, TokenStream, from_lexer, from_tree
from comparators.fingerprint.tokens import hash_tokens
from comparators.textio import line_starts

MINIFIED_LINE = 1000  # average characters per line above which a file counts as minified


def token_stream(text: str, language: Language | None,
                 steps: frozenset[str] = frozenset(NORMALISATION_STEPS)) -> TokenStream:
    """Tokens from the tree-sitter grammar of ``language``, else from the lexical reader."""
    return token_streams(text, language, (steps,))[0]


def token_streams(text: str, language: Language | None,
                  step_sets: tuple[frozenset[str], ...]) -> list[TokenStream]:
    """One token stream per set of normalisation steps, from a single parse of ``text``."""
    ts_parser = parser(language.name) if language is not None else None
    if ts_parser is None:
        return [from_lexer(text, language) for _ in step_sets]
    data = text.encode("utf-8", "surrogatepass")
    try:
        tree = ts_parser.parse(data)
    except Exception as exc:  # noqa: BLE001 - a grammar crash must not stop the run
        streams = [from_lexer(text, language) for _ in step_sets]
        for stream in streams:
            stream.problems.append(f"tree-sitter failed ({type(exc).__name__}); lexical reader used")
        return streams
    return [from_tree(tree, text, data, steps) for steps in step_sets]


def features_data(text: str, encoding: str, language: Language | None,
                  steps: frozenset[str] = frozenset(NORMALISATION_STEPS)) -> tuple[dict[str, Any], list[str]]:
    """The JSON-ready representation of one file and the notes met while reading it."""
    # the normalised stream, and the "shape" stream with only names and literals abstracted (types,
    # loop and branch forms and operators as written: the choices in which independent authors differ)
    stream, shape = token_streams(text, language, (steps, steps & {"names", "literals"}))
    notes = list(stream.problems)
    lines = text.count("\n") + 1
    if len(text) / lines > MINIFIED_LINE:
        notes.append(f"looks minified or generated ({len(text) // lines} characters per line)")
    if not stream.kinds:
        notes.append("no code tokens found (empty or comments only)")
    identifiers: dict[str, list[int]] = {}
    for name, start, end in stream.identifiers:
        entry = identifiers.setdefault(name, [0, start, end])
        entry[0] += 1
    words = [(w, start, end) for name, start, end in stream.identifiers
             for w in evidence.words_of(name) if len(evidence.words_of(name)) > 1]
    for body, start, end in (*stream.strings, *stream.comments):
        words.extend((w, start, end) for w in evidence.prose_words(body))
    data = {
        "language": language.name if language else "unknown",
        "grammar": grammar_version(language.name) if language and stream.reader == "tree-sitter" else None,
        "reader": stream.reader,
        "encoding": encoding,
        "chars": len(text),
        "lines": lines,
        "line_starts": line_starts(text).tolist(),
        "kinds": "\x1f".join(stream.kinds),
        "shape": "\x1f".join(shape.kinds),
        "raw": hash_tokens(stream.raw).astype("uint32").tolist() if stream.raw else [],
        "start": stream.start,
        "end": stream.end,
        "units": [list(u) for u in stream.units],
        "dead": [list(d) for d in stream.dead],
        "comments": [[evidence.normalise_comment(c), s, e] for c, s, e in stream.comments],
        "strings": [[evidence.string_body(t), s, e] for t, s, e in stream.strings],
        "identifiers": [[name, *v] for name, v in sorted(identifiers.items())],
        "declared": sorted(stream.declared),
        "misspellings": [list(m) for m in evidence.misspellings(words)],
        # the text as written, for the text channel (character n-grams, whitespace collapsed)
        "text": text,
    }
    return data, notes
