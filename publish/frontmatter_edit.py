"""Set a few front matter keys in a file's text, leaving every other byte as the editor wrote it."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from publish.cache import atomic_write_bytes
from publish.control_chars import CONTROL_RE
from publish.frontmatter import (
    OPENING_RE,
    FrontMatterError,
    decode,
    mend_keys,
    mend_pasted,
    split,
    straight_quotes,
)

__all__ = ["EditError", "set_keys", "write_atomically"]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Value = str | bool
_NEWLINE = re.compile(r"(\r\n|\r|\n)")
"""The line endings `decode` reads as one (other line breaks are text)."""
_YAML_BREAKS = re.compile("[\u2028\u2029]")
"""Line breaks YAML reads that `decode` does not (U+0085 is among the loader's controls)."""


class EditError(ValueError):
    """The front matter cannot be edited line by line (the reason is Vietnamese)."""


def set_keys(text: str, values: Mapping[str, Value], *, after: Mapping[str, str]) -> str:
    """`text` (a whole file, as read) with each top-level key of `values` set.

    A key already written has its line(s) replaced, keeping its indentation and a comment after
    a one-line value; a missing one is added on the line after the key `after` names (when
    written), else before the closing '---'. Line endings, a BOM, comments, order and the
    other keys stay as they were. The result is read back: its front matter must hold the same
    values as before except the keys set, or EditError is raised and nothing should be written.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    # Each line keeps its own ending: a file may mix them (lines pasted from another editor).
    pieces = _NEWLINE.split(text.removeprefix("\ufeff"))
    lines, ends = pieces[0::2], [*pieces[1::2], ""]
    if OPENING_RE.match(lines[0] + "\n") is None:
        raise EditError("tệp không bắt đầu bằng dòng '---' của phần đầu")
    end = next((i for i, line in enumerate(lines) if i and line.rstrip() in ("---", "...")), None)
    if end is None:
        raise EditError("phần đầu không có dòng '---' đóng lại")
    before = _data(text)
    spans = _spans(lines[1:end])
    for key, value in values.items():
        written = f"{key}: {_yaml(value)}"
        if key in spans:
            first, last, indent, comment = spans[key]
            lines[1 + first : 2 + last] = [" " * indent + written + comment]
            ends[1 + first : 2 + last] = [ends[1 + last]]
            spans[key] = (first, first, indent, comment)
            shift, at = first - last, last
        else:
            anchor = spans.get(after.get(key, ""))
            at = anchor[1] + 1 if anchor is not None else end - 1
            lines.insert(1 + at, written)
            ends.insert(1 + at, ends[at])  # the line above always ends: the closing line follows
            spans[key] = (at, at, 0, "")
            shift = 1
        end += shift
        for name, (first, last, indent, comment) in spans.items():
            if name != key and first >= at:
                spans[name] = (first + shift, last + shift, indent, comment)
    result = bom + "".join(line + end for line, end in zip(lines, ends, strict=True))
    expected = {**before, **values}
    if _data(result) != expected:
        raise EditError("sửa phần đầu theo từng dòng sẽ đổi cả trường khác")
    return result


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at `path` by `data` whole, keeping its permissions: an interrupted
    write leaves the old file."""
    atomic_write_bytes(path, data, mode=path.stat().st_mode & 0o7777)


def _data(text: str) -> dict[str, object]:
    """The front matter values of a whole file's text."""
    try:
        # As the loader reads it: without the controls it removes (and warns about).
        read = mend_pasted(decode(text.encode("utf-8", "surrogatepass")))[0]
        return split(CONTROL_RE.sub("", read)).data
    except FrontMatterError as exc:
        raise EditError(f"phần đầu không đọc được: {exc}") from None


def _spans(yaml_lines: list[str]) -> dict[str, tuple[int, int, int, str]]:
    """Each top-level key: (first line, last line of its value, 0-based within `yaml_lines`),
    its indentation, and the comment after it when its value fits on its line."""
    # Line for line as the loader reads them: its controls removed (YAML refuses them), and
    # a line break only YAML reads made a space, which would shift every line number after it.
    yaml_lines = [_YAML_BREAKS.sub(" ", CONTROL_RE.sub("", line)) for line in yaml_lines]
    straight, _ = straight_quotes(mend_keys("\n".join(yaml_lines))[0])
    try:
        node = yaml.compose(straight, Loader=_BaseLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"phần đầu sai cú pháp: {exc}") from None
    if not isinstance(node, yaml.MappingNode):
        raise EditError("phần đầu phải là các cặp 'khóa: giá trị'")
    spans = {}
    for key, value in node.value:
        first = key.start_mark.line
        last = value.end_mark.line
        # A block value (list, mapping, `|` text) ends at the start of the line after it.
        if last > first and value.end_mark.column == 0:
            last -= 1
        while last > first and yaml_lines[last].strip()[:1] in ("", "#"):
            last -= 1  # blank and comment lines before the next key are not its value
        comment = ""
        if last == first:
            # An empty value (`approved_by:`) is marked where the next key starts.
            column = value.end_mark.column if value.end_mark.line == first else key.end_mark.column
            rest = yaml_lines[first][column:].removeprefix(":")
            comment = rest if rest.lstrip().startswith("#") else ""
        spans[str(key.value)] = (first, last, key.start_mark.column, comment)
    return spans


def _yaml(value: Value) -> str:
    """A value as YAML reads it back exactly: text in double quotes (JSON's escapes are YAML's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)
