"""The caches that make ``mkdocs serve`` rebuilds fast must never hide a change or drop a problem."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from wikitools import file_cache
from wikitools.data_safety import scan_data_file
from wikitools.page_checks import page_source_problems
from wikitools.yaml_data import load_valid_files


@pytest.fixture(autouse=True)
def _fresh_cache():
    file_cache.clear()
    yield
    file_cache.clear()


def _write(path: Path, text: str, mtime_ns: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))  # a fixed clock: equal-size edits still differ in mtime


def test_cached_computes_once_per_version_of_the_file(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    _write(file, "one", 1_000_000_000)
    calls: list[str] = []

    def read(path: Path) -> str:
        calls.append("read")
        return path.read_text(encoding="utf-8")

    assert file_cache.cached("t", [file], read, file) == "one"
    assert file_cache.cached("t", [file], read, file) == "one"
    assert calls == ["read"]
    _write(file, "two", 2_000_000_000)  # same size, newer mtime
    assert file_cache.cached("t", [file], read, file) == "two"
    _write(file, "three", 2_000_000_000)  # same mtime, other size
    assert file_cache.cached("t", [file], read, file) == "three"
    assert len(calls) == 3


def test_cached_sees_a_file_appear_and_disappear(tmp_path: Path) -> None:
    file = tmp_path / "late.txt"
    assert file_cache.cached("t", [file], Path.exists, file) is False
    _write(file, "x", 1_000_000_000)
    assert file_cache.cached("t", [file], Path.exists, file) is True
    file.unlink()
    assert file_cache.cached("t", [file], Path.exists, file) is False


def test_cached_keeps_one_entry_per_file_and_arguments(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    for version in range(5):
        _write(file, str(version), (version + 1) * 1_000_000_000)
        file_cache.cached("t", [file], Path.read_text, file)
    assert len(file_cache._store) == 1


def test_cached_text_recomputes_only_for_new_text() -> None:
    calls: list[str] = []

    def upper(text: str, label: str) -> str:
        calls.append(text)
        return text.upper() + label

    assert file_cache.cached_text("u", "a", upper, "x") == "Ax"
    assert file_cache.cached_text("u", "a", upper, "x") == "Ax"
    assert file_cache.cached_text("u", "a", upper, "y") == "Ay"  # another label is another entry
    assert file_cache.cached_text("u", "b", upper, "x") == "Bx"
    assert calls == ["a", "a", "b"]


def test_data_file_problem_is_reported_on_every_build_until_fixed(tmp_path: Path) -> None:
    file = tmp_path / "data" / "notes.yml"
    _write(file, "title: <script>x</script>\n", 1_000_000_000)
    first = scan_data_file(file, "data/notes.yml")
    assert [p.line for p in first] == [1]
    first.clear()  # a caller that empties its list must not empty the cache
    assert [p.line for p in scan_data_file(file, "data/notes.yml")] == [1]
    _write(file, "title: plain text here\n", 2_000_000_000)
    assert scan_data_file(file, "data/notes.yml") == []
    _write(file, "title: [unclosed\n", 3_000_000_000)
    assert "invalid YAML" in scan_data_file(file, "data/notes.yml")[0].message


def test_schema_problem_comes_back_until_fixed_and_follows_the_schema(tmp_path: Path) -> None:
    schema = tmp_path / "data" / "schemas" / "items.schema.json"
    schema.parent.mkdir(parents=True)
    schema.write_text(json.dumps({"type": "array", "items": {"type": "integer"}}), encoding="utf-8")
    file = tmp_path / "data" / "items" / "a.yml"

    def run() -> tuple[list, list]:
        return load_valid_files(tmp_path, "data/items", "*.yml", "items.schema.json", "items")

    _write(file, "- 1\n- two\n", 1_000_000_000)
    for _ in range(2):  # the cached answer still reports the problem
        valid, problems = run()
        assert valid == [] and [(p.file, p.line) for p in problems] == [("data/items/a.yml", 2)]
    _write(file, "- 1\n- 22\n", 2_000_000_000)
    valid, problems = run()
    assert problems == [] and valid[0][2] == [1, 22]
    _write(schema, json.dumps({"type": "array", "items": {"type": "string"}}), 5_000_000_000)
    valid, problems = run()
    assert valid == [] and len(problems) == 2  # a schema edit rechecks the unchanged data file
    (tmp_path / "data" / "items" / "b.yml").write_text("- x\n", encoding="utf-8")
    assert [v[1] for v in run()[0]] == ["data/items/b.yml"]  # a new file is seen


def test_page_source_problems_follow_the_text_and_the_date() -> None:
    page = "---\ntitle: T\nlast_reviewed: 2026-01-01\n---\n\n# T\n"
    _, age = page_source_problems(page, "docs/ja/a.md", "ja", dt.date(2026, 1, 11))
    assert age == 10
    _, age = page_source_problems(page, "docs/ja/a.md", "ja", dt.date(2026, 1, 12))
    assert age == 11
    broken = page.replace("title: T", "title: <b>T</b>")
    assert page_source_problems(broken, "docs/ja/a.md", "ja", dt.date(2026, 1, 12))[0]
    assert page_source_problems(broken, "docs/ja/a.md", "ja", dt.date(2026, 1, 12))[0]
