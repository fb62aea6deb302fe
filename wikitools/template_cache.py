"""Theme templates compiled once per process instead of once per language build.

MkDocs creates a new Jinja environment for every build, and the i18n plugin builds each
language separately, so the ~50 theme templates were compiled twice per build, and again on
every ``mkdocs serve`` rebuild. This in-memory bytecode cache is shared by those environments.
Jinja checks the template source's checksum on every load, so an edited template is recompiled;
the key also names the environment's compile-time settings (extensions, delimiters, filters and
tests, which the optimiser may fold into the code), so no environment gets another one's code.
"""

from __future__ import annotations

import hashlib

import jinja2
from jinja2.bccache import Bucket


def _fingerprint(env: jinja2.Environment) -> str:
    """What, besides the source, decides a template's compiled code."""

    def named(items: dict) -> list[tuple[str, str, str]]:
        return sorted((k, getattr(v, "__module__", ""), getattr(v, "__qualname__", repr(v))) for k, v in items.items())

    settings = (
        sorted(env.extensions),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        repr(env.autoescape),
        env.optimized,
        env.is_async,
        named(env.filters),
        named(env.tests),
    )
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, one entry per template and environment setting."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        return super().get_bucket(environment, f"{_fingerprint(environment)}\0{name}", filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


BYTECODE = MemoryBytecodeCache()
