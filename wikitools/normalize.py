"""Text folding shared by the glossary matcher and the variant checks.

NFKC turns full-width Latin letters and digits (ＳａｇｅＭａｋｅｒ) and
half-width katakana into their standard forms; casefold makes English
matching case-insensitive. Both keep one character per character for the
text we handle, so positions map back to the original text.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def fold_with_positions(text: str) -> tuple[str, list[int] | None]:
    """Folded text and, for each folded character, the index of its source character.

    The positions are None when folding kept every character in place (the
    usual case), so callers can use the folded offsets as they are.
    """
    folded = fold(text)
    if len(folded) == len(text):
        return folded, None
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        out.append(folded)
        positions.extend([index] * len(folded))
    return "".join(out), positions


def is_ascii_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "_")


def is_katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30ff" or char == "\u30fc" or "\uff66" <= char <= "\uff9f"
