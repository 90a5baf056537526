"""Lists may start right under a line of text, as editors type them (and CommonMark reads them).

Python-Markdown needs a blank line before a list: "Bà con lưu ý:" followed directly by "- Không
chuyển tiền…" came out as one paragraph with literal dashes, on the website and on Zalo. This
extension adds that blank line before a bullet item, or an item numbered 1, that follows a line
of text outside any list (as CommonMark allows: a "2020." opening a wrapped line stays text).
"""

from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

__all__ = ["ListsAfterText"]

LIST_START = re.compile(r" {0,3}(?:[-*+]|1[.)])[ \t]+\S")
"""A line that opens a list where a paragraph would otherwise go on."""
ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
"""Any list item line (inside a list, the next one needs no blank line)."""
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


class _BlankLineBeforeLists(Preprocessor):
    """Insert the blank line Python-Markdown needs before a list that follows text."""

    def run(self, lines: list[str]) -> list[str]:
        """The lines, with a blank one before each list opened right under text."""
        out: list[str] = []
        in_list = False
        fence: str | None = None
        previous = ""
        for line in lines:
            opened = FENCE.match(line)
            if fence is not None:
                if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence):
                    fence = None
            elif opened:
                fence = opened[1]
            elif not line.strip():
                in_list = False
            elif ITEM.match(line):
                if not in_list and previous.strip() and LIST_START.match(line):
                    out.append("")
                in_list = True
            out.append(line)
            previous = line
        return out


class ListsAfterText(markdown.Extension):
    """Register the preprocessor (after HTML blocks are stashed, before block parsing)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Hook the preprocessor in."""
        md.preprocessors.register(_BlankLineBeforeLists(md), "lists_after_text", 15)
