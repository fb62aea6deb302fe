"""Find glossary terms in running text, Japanese included.

Japanese has no spaces, so word-boundary matching (Python-Markdown's
``abbr``) never fires inside ``SageMakerの推論エンドポイントを``. We walk a
trie of folded surface forms from every position and keep the longest form
that also respects script boundaries: a form that starts or ends with a Latin
letter or digit must not touch another one (``ECR`` is not inside
``ECRImage``), and a form that starts or ends with katakana must not touch
more katakana (``ロール`` is not inside ``コントロール``). Kanji compounds may
sit inside longer runs, and the longest form wins, so 推論エンドポイント beats
推論.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wikitools.normalize import fold, fold_with_positions, is_ascii_word, is_katakana

_END = "\x00"


@dataclass(frozen=True)
class Form:
    term_id: str
    text: str  # the surface form as written in the glossary
    standard: str  # the term's name in that language (what a variant should become)
    is_variant: bool = False


@dataclass(frozen=True)
class Match:
    start: int  # index in the original text
    end: int
    form: Form

    @property
    def term_id(self) -> str:
        return self.form.term_id


_ASCII_WORD = "a-z0-9_"
_KATAKANA = "\u30a1-\u30ff\uff66-\uff9f"


def _same_script(char: str) -> str:
    """Character class of the script a form must not run into at ``char`` ("" when any neighbour is fine)."""
    if is_ascii_word(char):
        return _ASCII_WORD
    if is_katakana(char):
        return _KATAKANA
    return ""


def _end_guard(char: str) -> str:
    """After the last character of a form: the next character is not of the same script."""
    chars = _same_script(char)
    return f"(?![{chars}])" if chars else ""


def _start_guard(char: str) -> str:
    """After the first character of a form: the character before it is not of the same script."""
    chars = _same_script(char)
    return f"(?<![{chars}]{re.escape(char)})" if chars else ""


def _trie_pattern(node: dict, last: str) -> str:
    """Regex for the forms below ``node``: longer continuations first, then the end of a form."""
    branches = [re.escape(char) + _trie_pattern(child, char) for char, child in sorted(node.items()) if char != _END]
    if _END in node:
        branches.append(_end_guard(last))
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def occurrence_pattern(text: str) -> re.Pattern[str]:
    """Where ``text`` occurs as a whole form (the matcher's boundary rules), in folded text."""
    key = fold(text)
    if not key:
        return re.compile(r"(?!)")
    return re.compile(re.escape(key[0]) + _start_guard(key[0]) + re.escape(key[1:]) + _end_guard(key[-1]))


class TermMatcher:
    """Longest-match finder over a set of surface forms (built once per language).

    The trie of folded forms is compiled into one regular expression, so the
    scan runs in the regex engine: at each position the longest form wins,
    and the script-boundary rules are look-arounds, so a longer form that
    would end inside a word falls back to a shorter one.
    """

    def __init__(self, forms: Iterable[Form]) -> None:
        trie: dict[str, dict] = {}
        self._forms: dict[str, Form] = {}
        for form in forms:
            key = fold(form.text)
            if not key:
                continue
            node = trie
            for char in key:
                node = node.setdefault(char, {})
            node.setdefault(_END, form)  # the first form registered for a key wins
            self._forms.setdefault(key, form)
        # The start guard sits after the first literal (a look-behind over "previous char + this
        # char"), so every branch starts with a literal and the regex engine can skip positions
        # whose character starts no form.
        starts = [
            re.escape(char) + _start_guard(char) + _trie_pattern(child, char) for char, child in sorted(trie.items())
        ]
        self._pattern = re.compile("|".join(starts)) if starts else None

    def find(self, text: str) -> Iterator[Match]:
        """Non-overlapping matches, left to right, longest first at each position."""
        if self._pattern is None:
            return
        folded, positions = fold_with_positions(text)
        for found in self._pattern.finditer(folded):
            form = self._forms.get(found.group())
            if form is None:
                continue
            if positions is None:
                yield Match(found.start(), found.end(), form)
            else:
                yield Match(positions[found.start()], positions[found.end() - 1] + 1, form)


def forms_for_language(glossary, language: str) -> list[Form]:
    """All linkable forms of a language: names, aliases, then variants (flagged)."""
    forms: list[Form] = []
    for term in glossary.terms.values():
        text = term.text[language]
        forms += [Form(term.id, f, text.name) for f in text.forms]
        forms += [Form(term.id, v, text.name, is_variant=True) for v in text.variants]
    return forms


def matcher_for(glossary, language: str) -> TermMatcher:
    """The compiled matcher of one language, built once per glossary (the glossary and questions hooks share it)."""
    if language not in glossary.matchers:
        glossary.matchers[language] = TermMatcher(forms_for_language(glossary, language))
    return glossary.matchers[language]
