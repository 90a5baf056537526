"""A bulletin's title written in square brackets where a link to it was meant.

An editor links another bulletin as a wiki does, `[Ra quân cao điểm … 2027]`: Markdown makes
no link of it (no address), the website and Zalo show the brackets and the radio script cannot
read them. When the bracketed words are the title of a loaded bulletin or page, `publish
check` says so and which file to link with (the README links bulletins by their file's name).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from functools import partial

from publish.errors import Problem
from publish.links import reference_label
from publish.markdown_code import masked
from publish.model import Bulletin, Page
from publish.parallel import run_jobs
from publish.text import LineCounter, nfc

__all__ = ["bracketed_titles", "title_key", "titled_files"]

_BRACKETED = re.compile(r"(?<![!\]\\])\[([^\[\]\n]{8,300})\](?![(\[:])")
"""Words in square brackets that are no link, image nor reference (`[…](…)`, `[…][…]`,
`[…]:`), long enough to be a title."""
_DEFINED = re.compile(r"^ {0,3}\[([^\]\n]+)\]:", re.MULTILINE)
"""A reference definition's label: `[label]` with one is a link."""


def title_key(title: str) -> str:
    """`title` as bracketed words are matched with it: NFC, then as a reference label (runs of
    spaces and case not counted)."""
    return reference_label(nfc(title))


def titled_files(items: Sequence[Bulletin | Page]) -> dict[str, str]:
    """The file (NFC) of each of `items` by its title as `title_key` reads it: made once per
    load for the bracketed titles below and the relative links written with a title."""
    return {title_key(item.title): nfc(item.source) for item in items}


def bracketed_titles(items: Sequence[Bulletin | Page], titled: Mapping[str, str]) -> list[Problem]:
    """A warning for each title of another of `items` (`titled`: see titled_files) written in
    square brackets in a body."""
    # On both cores: reading every body again here, in one process after the others had loaded
    # them, left a core idle ~0.8 s of a 10,000-bulletin build.
    jobs = [partial(_bracketed_in, item, titled) for item in items]
    return [problem for found in run_jobs(jobs, chunk=256) for problem in found]


def _bracketed_in(item: Bulletin | Page, titled: Mapping[str, str]) -> list[Problem]:
    """The warnings of `bracketed_titles` for one of its items (a job that may run in a worker
    process)."""
    body = item.body  # unpacked once: each read of it decompresses it anew
    if "[" not in body:
        return []  # nearly every body: no search
    problems = []
    text = ""  # masked only for words that are a title: rare
    defined: set[str] = set()
    line = LineCounter(body, item.body_line)
    for match in _BRACKETED.finditer(body):
        key = title_key(match[1])
        source = titled.get(key)
        if source is None or source == nfc(item.source):
            continue
        if not text:
            text = masked(body)  # as long as the body: its spans hold
            defined = {title_key(m[1]) for m in _DEFINED.finditer(text)}
        if key in defined or text[match.start() : match.end()] != match[0]:
            continue  # a reference's label, or words in code
        written = posixpath.relpath(source, posixpath.dirname(nfc(item.source)))
        problems.append(
            Problem(
                item.source,
                f"«[{match[1]}]» là tiêu đề của bài {source} đặt trong ngoặc vuông, không "
                "phải liên kết: website và Zalo hiện nguyên dấu ngoặc vuông, đài không đọc "
                "được chúng",
                line=line(match.start()),
                hint=(
                    "Liên kết tới bài bằng tên tệp của nó, ví dụ "
                    f"[{match[1]}]({written}); hoặc bỏ dấu ngoặc vuông nếu chỉ muốn nêu tên bài."
                ),
                severity="warning",
                code="bracketed-title",
            )
        )
    return problems
