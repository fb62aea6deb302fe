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


def _clash(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are adjacent characters of one word in the same script."""
    return (is_ascii_word(a) and is_ascii_word(b)) or (is_katakana(a) and is_katakana(b))


class TermMatcher:
    """Longest-match finder over a set of surface forms (built once per language)."""

    def __init__(self, forms: Iterable[Form]) -> None:
        self._trie: dict[str, dict] = {}
        for form in forms:
            key = fold(form.text)
            if not key:
                continue
            node = self._trie
            for char in key:
                node = node.setdefault(char, {})
            node.setdefault(_END, form)  # the first form registered for a key wins

    def _longest_at(self, folded: str, i: int) -> tuple[int, Form] | None:
        node = self._trie
        best: tuple[int, Form] | None = None
        j = i
        while j < len(folded) and folded[j] in node:
            node = node[folded[j]]
            j += 1
            if _END in node:
                end_ok = j == len(folded) or not _clash(folded[j - 1], folded[j])
                if end_ok:
                    best = (j, node[_END])
        return best

    def find(self, text: str) -> Iterator[Match]:
        """Non-overlapping matches, left to right, longest first at each position."""
        folded, positions = fold_with_positions(text)
        i = 0
        while i < len(folded):
            if i > 0 and _clash(folded[i - 1], folded[i]):
                i += 1
                continue
            found = self._longest_at(folded, i)
            if found is None:
                i += 1
                continue
            end, form = found
            start_src = positions[i]
            end_src = positions[end - 1] + 1
            yield Match(start_src, end_src, form)
            i = end


def forms_for_language(glossary, language: str) -> list[Form]:
    """All linkable forms of a language: names, aliases, then variants (flagged)."""
    forms: list[Form] = []
    for term in glossary.terms.values():
        text = term.text[language]
        forms += [Form(term.id, f, text.name) for f in text.forms]
        forms += [Form(term.id, v, text.name, is_variant=True) for v in text.variants]
    return forms
