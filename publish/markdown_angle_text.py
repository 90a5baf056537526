"""The Python-Markdown extension that lets words in angle brackets through as text (see
publish.markdown_angles, which decides what is a tag)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor

from publish.markdown_angles import is_markup

__all__ = ["AngleText"]


class _TagsOnly(HtmlInlineProcessor):
    """Python-Markdown's inline HTML, declining what `is_markup` says is words: the inline pass
    then keeps them as text, which the serializer escapes."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str | ET.Element | None, int | None, int | None]:
        """The stock placeholder for a tag or comment; no match for words in angle brackets."""
        if is_markup(m.group(1), data, m.end(1)):
            return super().handleMatch(m, data)
        return None, None, None


class AngleText(markdown.Extension):
    """Let words in angle brackets that are no tag through as text (the website's and Zalo's
    converters)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Replace the stock inline HTML pattern (same regex and priority: the speed-ups of
        publish.markdown_tuning know it by its regex)."""
        md.inlinePatterns.register(_TagsOnly(HTML_RE, md), "html", 90)
