"""Read contributed files without ever raising on a wrong encoding.

A page or data file saved in another encoding (Shift_JIS from an old editor,
say) must be reported as ``file:line`` with a fix, not end the build in a
``UnicodeDecodeError``. The checks read sources through :func:`read_source`,
which never raises; :func:`encoding_problem` says once what is wrong.
"""

from __future__ import annotations

from pathlib import Path

from wikitools.problems import Problem


def encoding_problem(data: bytes, label: str) -> Problem | None:
    """A problem naming the first line that is not UTF-8, or None when the bytes decode."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Problem(
            label,
            line,
            f"the file is not UTF-8 (byte 0x{data[error.start]:02x} cannot be decoded; "
            "it looks saved in another encoding such as Shift_JIS).",
            "save the file as UTF-8 (for example: iconv -f SHIFT_JIS -t UTF-8, or your editor's 'Save with Encoding').",
            "encoding",
        )
    return None


def read_source(path: Path) -> str:
    """The file as text; undecodable bytes become U+FFFD (the encoding problem is reported separately)."""
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""
