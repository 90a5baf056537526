"""Text from files and channels written into Markdown that GitHub or GitLab renders (a pull-request
comment, a job summary) so that nothing in it is read as markup, a link or an @mention."""

from __future__ import annotations

import re

from publish.errors import Problem, severity_label

__all__ = ["code_span", "inert", "problem_item", "sentence"]

_ENTITIES = {c: f"&#{ord(c)};" for c in "&<>[]()`*_|~#!\\"}
"""What Markdown or HTML would read in a title, reason or file name (a link, an HTML comment
hiding the rest of the comment, emphasis, a table cell's end): written as an entity, which
GitHub shows as the character."""
_ESCAPES = str.maketrans({**_ENTITIES, "@": "@\u200d"})
"""A zero-width joiner after '@': GitHub links an @mention in the rendered text, entity or not."""


def inert(text: str) -> str:
    """Text from a file or a channel made inert in Markdown: one line, no markup, no link, no
    @mention."""
    return _escaped(" ".join(text.split()))


def _escaped(text: str) -> str:
    """`text` with nothing Markdown or GitHub would read in it (see _ESCAPES)."""
    text = text.translate(_ESCAPES).replace("://", ":\u200d//")
    # GitHub links «www.x.vn» with no scheme too: a scam site a warning names became a link
    # in the pull request's comment, one click from the reviewer.
    return _WWW.sub("\\g<0>\u200d", text) if "." in text else text


_WWW = re.compile(r"(?i)(?<![\w.-])www(?=\.)")
"""«www» before a dot at a word's start: a zero-width joiner after it, as after '@'."""


def code_span(text: str) -> str:
    """A key, file name or command as code, exactly as written but on one line (a line break
    read as a space): a file name's two spaces kept, or the command pasted from it names
    another file. In a code span nothing is markup, but a backtick cannot be in one and a '|'
    ends a table cell (escaped, it shows its backslash outside a table): either makes it
    escaped text in <code>."""
    text = " ".join(text.splitlines())
    if "`" in text or "|" in text or not text.strip():
        return f"<code>{_escaped(text)}</code>"
    if text.startswith(" ") or text.endswith(" "):
        text = f" {text} "  # a span's content loses one space at each end when it has both
    return f"`{text}`"


def problem_item(problem: Problem) -> str:
    """One finding as a Markdown list item: where, how grave, the field, what and how to fix."""
    # The place and the field come from file names and front-matter keys a pull request chooses:
    # a backtick in them ended a raw span, leaving an @mention or a link live in the comment.
    field = f" trường {code_span(problem.field)}:" if problem.field else ""
    hint = f" Cách sửa: {inert(problem.hint)}" if problem.hint else ""
    label = severity_label(problem.severity)
    return f"- {code_span(problem.where)} ({label}){field} {inert(sentence(problem.message))}{hint}"


_CLOSED = (".", "?", "!", ":", "…")
"""How a message may end already: «có phải ý bạn là 'title'?» takes no «.» after it, nor a
message ending on «:» a «.» after the colon."""


def sentence(text: str) -> str:
    """`text` ended as a sentence: a «.» added unless it ends with a stop of its own."""
    text = text.rstrip()
    return text if text.endswith(_CLOSED) else f"{text}."
