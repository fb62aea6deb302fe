"""The shared Jinja bytecode cache: compile once, never serve stale or foreign code."""

from __future__ import annotations

import jinja2

from wikitools.template_cache import MemoryBytecodeCache


class _Counting(jinja2.Environment):
    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[override]
        type(self).compiled += 1
        return super().compile(*args, **kwargs)


def _env(templates: dict[str, str], cache: MemoryBytecodeCache, **options) -> jinja2.Environment:
    env = _Counting(loader=jinja2.DictLoader(templates), **options)
    env.bytecode_cache = cache
    return env


def test_a_template_is_compiled_once_for_all_environments() -> None:
    cache, templates = MemoryBytecodeCache(), {"page.html": "{{ title }} / {{ lang }}"}
    _Counting.compiled = 0
    ja = _env(templates, cache).get_template("page.html").render(title="T", lang="ja")
    en = _env(templates, cache).get_template("page.html").render(title="T", lang="en")
    assert (ja, en, _Counting.compiled) == ("T / ja", "T / en", 1)


def test_an_edited_template_is_recompiled() -> None:
    cache, templates = MemoryBytecodeCache(), {"page.html": "old {{ x }}"}
    assert _env(templates, cache).get_template("page.html").render(x=1) == "old 1"
    templates["page.html"] = "new {{ x }}"
    assert _env(templates, cache).get_template("page.html").render(x=1) == "new 1"


def test_environments_that_compile_differently_do_not_share_code() -> None:
    cache, templates = MemoryBytecodeCache(), {"page.html": "{{ '<b>' }}|{{ 'x' | shout }}"}
    plain = _env(templates, cache)
    plain.filters["shout"] = str.upper
    assert plain.get_template("page.html").render() == "<b>|X"
    escaping = _env(templates, cache, autoescape=True)
    escaping.filters["shout"] = str.upper
    assert escaping.get_template("page.html").render() == "&lt;b&gt;|X"
    other_filter = _env(templates, cache)
    other_filter.filters["shout"] = str.lower  # a constant filter call may be folded into the code
    assert other_filter.get_template("page.html").render() == "<b>|x"
