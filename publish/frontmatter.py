"""Split a Markdown file into YAML front matter and body, remembering where each key sits."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from publish import merge_conflicts, simple_yaml
from publish.encoding import not_utf8
from publish.key_lines import READING, Lines, Reading
from publish.syntax import (
    Explained,
    HashCut,
    yaml_error,
    yaml_hash_cuts,
    yaml_path_escapes,
    yaml_path_suspect,
    yaml_quoted,
)

__all__ = [
    "DuplicateKeyError",
    "FrontMatterError",
    "Parsed",
    "as_typed",
    "decode",
    "mend_keys",
    "mend_pasted",
    "parse_file",
    "split",
    "untabbed",
]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 32
"""Deepest nesting of lists and blocks front matter may have (a bulletin needs three)."""


TOML_LINE_RE = re.compile(r"^[A-Za-z_][\w-]*\s*=", re.M)
"""A `key = value` line of TOML front matter (Hugo's `+++` form)."""
TOML_KEYS_HINT = (
    "Viết mỗi dòng 'khóa = giá trị' thành 'khóa: giá trị' (ví dụ title = \"Tiêu đề\" thành "
    'title: "Tiêu đề"; tags = ["a", "b"] thành tags: ["a", "b"]). Bảng [zalo] viết '
    "thành dòng 'zalo:' rồi các khóa thụt vào hai dấu cách."
)
TOML_HINT = "Đổi hai dòng '+++' thành '---'. " + TOML_KEYS_HINT
RTF_MAGIC = "{\\rtf"
"""How a rich text file (TextEdit's default, WordPad's) starts."""
_WORD_DASHES = re.compile(r"[ \t]*[-‐‑‒–—―]*[‐‑‒–—―][-‐‑‒–—―]*[ \t]*")
"""A fence line Word changed: its AutoFormat makes «---» (or «--») a dash «—» or «–»."""
WORD_DASHES_HINT = (
    "Gõ lại dòng đó thành đúng ba dấu gạch ngang '---' (phím dấu trừ). Trong Word: File › "
    "Options › Proofing › AutoCorrect Options › AutoFormat As You Type, bỏ chọn «Hyphens (--) "
    "with dash (—)»; bản tin nên viết bằng Notepad hay VS Code."
)
OPENING_RE = re.compile(r"(---|\+\+\+)[ \t]*\n")
"""The opening fence line; spaces or tabs after it are invisible in an editor, so they count as
nothing (the closing fence is read the same way)."""


class Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, except that an impossible date (2020-02-30) stays a string.

    PyYAML raises a bare ValueError for such dates, which would crash the whole load; as a
    string it reaches the field check, which names the file, the line and the field.
    """

    duplicates: list[DuplicateKeyError] | None = None
    """Where a key written twice is recorded, its last value kept (None: raised)."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A YAML timestamp, or its text when it is not a real date."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def as_typed(value: str) -> str:
    """`value` as a hint tells an editor to type it after `key: `, so that the front matter
    reads back that text: as it is when it reads so (slug: bai-viet), else in quotes (a slug
    123 or true would be read as a number or a yes, 2026-12-05 as a date)."""
    try:
        if value and yaml.load(f"k: {value}", Loader=Loader) == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    return yaml_quoted(value)


class DuplicateKeyError(yaml.YAMLError):
    """A key written twice in one mapping; PyYAML would silently keep the last value."""

    def __init__(self, key: str, first: int, second: int) -> None:
        super().__init__(f"khóa '{key}' được viết hai lần (dòng {first} và dòng {second})")
        self.key = key
        self.line = second

    @property
    def hint(self) -> str:
        """How to fix it."""
        return (
            f"Giữ một dòng '{self.key}:' và xóa dòng còn lại (nếu không, giá trị nào được dùng "
            "là không rõ)."
        )


def _construct_mapping(
    loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    """A mapping, refusing a key written twice (merge keys `<<` may still override)."""
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
            continue
        ident = str(key_node.value)  # keys become strings, so 1 and '1' are the same key
        line = key_node.start_mark.line + 2  # +1: 1-based, +1: the opening '---' line
        if ident in seen:
            found = DuplicateKeyError(str(key_node.value), seen[ident], line)
            recorded = getattr(loader, "duplicates", None)
            if recorded is None:
                raise found
            recorded.append(found)
        seen[ident] = line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


Loader.construct_mapping = _construct_mapping


_LEADING_TABS = re.compile(r"^[ \t]*\t[ \t]*", re.MULTILINE)


def untabbed(text: str) -> str | None:
    """`text` with each Tab that indents a line of its front matter made two spaces, None when
    no such Tab is there: read so, a file refused for its Tab is still checked for the rest."""
    opening = OPENING_RE.match(text)
    end = _closing_line(text) if opening is not None else None
    if end is None:
        return None
    lines = text.split("\n")
    front = "\n".join(lines[1:end])
    spaced = _LEADING_TABS.sub(lambda m: m[0].replace("\t", "  "), front)
    if spaced == front:
        return None
    return "\n".join([lines[0], spaced, *lines[end:]])


class FrontMatterError(ValueError):
    """The file has no usable front matter; carries the line and a fix."""

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        hint: str | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.line = line
        self.hint = hint
        self.column = column


@dataclass(frozen=True, slots=True)
class Parsed:
    """Front matter data, the body, and where things are in the file."""

    data: dict[str, Any]
    body: str
    body_line: int
    yaml_text: str = ""
    _lines: dict[str, int] = field(default_factory=dict)
    straightened: tuple[int, ...] = ()
    """Lines whose value Word's curly quotes (“…”) enclosed, read as YAML quotes (see
    straight_quotes)."""
    written: tuple[dict[str, Any], str] | None = None
    """Front matter data and body as the file has them, before the loader's own cleanup
    (publish.content.parse_raw), when that changed them: what an approval covers."""
    composed: str | None = None
    """The file's text decoded and made NFC, when NFC changed it (else None: the bytes are in
    NFC): what the file part of an approval takes (publish.approval.composed_file)."""

    def line_of(self, key: str) -> int | None:
        """1-based line of a front matter key, `title` or nested `zalo.title` (the line of
        `zalo:` when that block does not hold the key); computed only when asked."""
        if not self._lines and self.yaml_text:
            self._lines.update(_key_lines(self.yaml_text))
        return self._lines.get(key) or self._lines.get(key.split(".")[0])

    def item_lines(self, key: str) -> tuple[int, ...]:
        """1-based line of each item of the top-level list `key`, in order (none when `key` is
        not a list); computed only when asked."""
        return tuple(item.start_mark.line + 2 for item in self._items(key))

    def item_key_lines(self, key: str) -> tuple[dict[str, int], ...]:
        """For each item of the top-level list `key`, in order, the 1-based line of each key of
        that item when it is a mapping (`date`, `note`), and of the item itself under ""."""
        found = []
        for item in self._items(key):
            lines = {"": item.start_mark.line + 2}
            if isinstance(item, yaml.MappingNode):
                for name, _ in item.value:
                    # The last of a key written twice (see split): the value read.
                    if name.value != "":
                        lines[str(name.value)] = name.start_mark.line + 2
            found.append(lines)
        return tuple(found)

    def _items(self, key: str) -> list[yaml.Node]:
        """The YAML nodes of the items of the top-level list `key` (none when it is not one)."""
        try:
            node = yaml.compose(self.yaml_text, Loader=_BaseLoader)
        except yaml.YAMLError:
            return []
        if not isinstance(node, yaml.MappingNode):
            return []
        for name, value in node.value:
            if name.value == key and isinstance(value, yaml.SequenceNode):
                return list(value.value)
        return []

    def plain(self, field: str) -> str | None:
        """The value of `field` (`pinned`, nested `radio.air_date`) as typed, when written without
        quotes on its key's line: one YAML read as another type (`01122026`, the octal number
        304150) shown as the editor wrote it; else None. Composed again: asked only then."""
        try:
            node = yaml.compose(self.yaml_text, Loader=_BaseLoader)
        except yaml.YAMLError:
            return None
        found: dict[int, tuple[str, str]] = {}
        _plain_values(node, "", found)
        # The last of a key written twice (see split): the value read.
        typed = [value for name, value in found.values() if name == field]
        return typed[-1] if typed else None

    def key_at(self, line: int) -> str | None:
        """The front matter key whose value holds 1-based `line` (`zalo.title` inside a block),
        or None for a line of the body or one before any key."""
        if line >= self.body_line:
            return None
        self.line_of("")  # computes the lines
        above = [(at, key) for key, at in self._lines.items() if at <= line]
        return max(above)[1] if above else None


def decode(raw: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped); raise FrontMatterError saying what the file likely is."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        told = not_utf8(raw, exc)
        raise FrontMatterError(told.message, line=told.line, hint=told.hint) from None
    if text.startswith(RTF_MAGIC):
        raise FrontMatterError(
            "tệp là văn bản định dạng RTF (TextEdit, WordPad), không phải văn bản thường",
            line=1,
            hint="Trong TextEdit chọn Định dạng › Chuyển thành văn bản thường (Format › Make "
            "Plain Text) rồi lưu lại (WordPad: Save As › Plain text document). Bản tin viết "
            "bằng Notepad, VS Code hay TextEdit ở chế độ văn bản thường.",
        )
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split(
    text: str, reading: Reading = READING, duplicates: list[DuplicateKeyError] | None = None
) -> Parsed:
    """Split `---` YAML front matter from the Markdown body and parse it (Word's curly quotes
    read on the lines `reading` says may hold a key: publish.key_lines). A key written twice
    raises FrontMatterError, or, given `duplicates`, is added there, its last value read (as
    the lines _key_lines finds for it): the file's other fields can still be checked."""
    if conflicts := merge_conflicts.conflict_lines(text):
        # Before the YAML: read as fields, the markers gave «thiếu dấu ':'»; in the body of a
        # page (not approved), both branches' text would be published.
        raise FrontMatterError(
            merge_conflicts.message(conflicts), line=conflicts[0], hint=merge_conflicts.HINT
        )
    opening = OPENING_RE.match(text)
    if opening is not None and opening.group(1) == "+++":
        raise FrontMatterError(
            "phần đầu viết theo kiểu TOML của Hugo (giữa hai dòng '+++'): công cụ này chỉ đọc "
            "phần đầu YAML, giữa hai dòng '---'",
            line=1,
            hint=TOML_HINT,
        )
    if opening is None and _WORD_DASHES.fullmatch(first := text.split("\n", 1)[0]):
        raise FrontMatterError(
            f"dòng mở phần đầu là «{first.strip()}», không phải '---': Word đã đổi các dấu "
            "gạch ngang thành dấu gạch dài",
            line=1,
            hint=WORD_DASHES_HINT,
        )
    if opening is None and not text.strip():
        raise FrontMatterError(
            "tệp rỗng: không có gì, hoặc chỉ có dòng trống",
            line=1,
            hint="Có lẽ tệp được tạo mà chưa viết, hay chưa lưu: viết bản tin vào tệp (cách dễ "
            'nhất: xóa tệp rồi tạo lại bằng publish new "Tiêu đề" --category KHÓA, lệnh viết sẵn '
            "phần đầu), hoặc xóa tệp nếu tạo nhầm.",
        )
    if opening is None:
        raise FrontMatterError(
            "không tìm thấy phần đầu (front matter)",
            line=1,
            hint="Tệp phải bắt đầu bằng một dòng '---', tiếp theo là các trường YAML (title, date, "
            "category, summary…), rồi một dòng '---'. Cách dễ nhất với một bản tin: tạo tệp mới "
            'bằng publish new "Tiêu đề" --category KHÓA rồi chép nội dung này vào dưới phần đầu '
            "lệnh đã viết sẵn.",
        )
    end = _closing_line(text)
    if end is None and (dashed := _word_dashed_line(text)) is not None:
        line, written = dashed
        raise FrontMatterError(
            f"dòng đóng phần đầu là «{written}», không phải '---': Word đã đổi các dấu gạch "
            "ngang thành dấu gạch dài",
            line=line,
            hint=WORD_DASHES_HINT,
        )
    if end is None:
        raise FrontMatterError(
            "phần đầu (front matter) không có dòng '---' đóng lại",
            line=1,
            hint="Thêm một dòng chỉ có '---' sau trường cuối cùng của phần đầu.",
        )
    # Cut at the fences' line breaks: splitting the whole file into lines and joining the
    # body's again cost more than reading its front matter's keys.
    written_yaml, body = _between_fences(text, end)
    yaml_text, straightened = straight_quotes(written_yaml, reading.straightened)
    try:
        if _may_reference_or_nest_deep(yaml_text):
            _refuse_references_and_depth(yaml_text)
        try:
            data = simple_yaml.read(yaml_text)
            if data is None:
                data = _load(yaml_text, duplicates)
        except yaml.YAMLError:
            if not reading.spans:
                raise
            yaml_text, straightened, data = _spanning_read(
                written_yaml, yaml_text, reading.straightened, duplicates
            )
    except DuplicateKeyError as exc:
        raise FrontMatterError(str(exc), line=exc.line, hint=exc.hint) from None
    except yaml.YAMLError as exc:
        found = yaml_error(exc, yaml_text, first_line=2)  # after the opening '---'
        raise FrontMatterError(
            f"phần đầu sai cú pháp: {found.message}",
            line=found.line,
            hint=found.hint,
            column=found.column,
        ) from None
    if "\\" in yaml_text and (path := _path_escapes(yaml_text)) is not None:
        raise FrontMatterError(
            f"phần đầu: {path.message}", line=path.line, hint=path.hint, column=path.column
        )
    if data is None:
        data = {}
    if not isinstance(data, dict) and (toml := TOML_LINE_RE.search(yaml_text)):
        raise FrontMatterError(
            "phần đầu viết theo kiểu TOML ('khóa = giá trị'): công cụ này chỉ đọc YAML "
            "('khóa: giá trị')",
            line=yaml_text.count("\n", 0, toml.start()) + 2,
            hint=TOML_KEYS_HINT,
        )
    if not isinstance(data, dict):
        raise FrontMatterError(
            "phần đầu phải là các cặp 'khóa: giá trị'",
            line=2,
            hint="Mỗi dòng có dạng 'title: \"Tiêu đề\"'.",
        )
    return Parsed(
        {str(k): v for k, v in data.items()},
        body,
        end + 2,
        yaml_text,
        straightened=tuple(line + 2 for line in straightened),  # after the opening '---'
    )


_VALUE_START = re.compile(r"[ \t]*(?:-[ \t]+)?(?:[\w.-]+:[ \t]+)?")
_CURLY_WHOLE = re.compile(r"^(?:“([^“”\"\\]*)”|‘([^‘’']*)’)(?=[ \t]*(?:#|$))")
_CURLY_ITEM = re.compile(r"(^|,)([ \t]*)(?:“([^“”\"\\]*)”|‘([^‘’']*)’)(?=[ \t]*[,\]])")


def straight_quotes(
    yaml_text: str, may_hold_keys: Lines = READING.straightened, *, spanning: bool = False
) -> tuple[str, list[int]]:
    """`yaml_text` with Word's curly quotes made YAML quotes where they enclose a whole value
    (`title: “Tiêu đề”`) or a list item (`tags: [“a”, “b”]`), and the 0-based lines changed.

    Word turns the " typed around a value into “ ”, which YAML does not take for quotes: the
    title showed them, a colon inside failed the file, and a # inside cut the title short.
    Curly quotes inside a value (`title: Chiêu “việc nhẹ lương cao”`) are left as written.
    Each quote stays one character, so lines and columns do not move. With `spanning`, also a
    value whose curly quotes open on its key's line and close on its last (see _closing_curly).
    """
    if "“" not in yaml_text and "‘" not in yaml_text:
        return yaml_text, []
    lines = yaml_text.split("\n")
    changed = []
    keyed = [*may_hold_keys(lines), len(lines)]
    for i, after in itertools.pairwise(keyed):  # a value's next lines are its own text
        line = lines[i]
        lead = _VALUE_START.match(line)
        if lead is None or not lead.group().strip() or ("“" not in line and "‘" not in line):
            continue
        value = line[lead.end() :]
        new = _straight_value(value)
        if new != value:
            lines[i] = line[: lead.end()] + new
            changed.append(i)
        elif spanning and (last := _closing_curly(lines, i, lead.end(), after)) is not None:
            opening, closing = ('"', '"') if value[0] == "“" else ("'", "'")
            lines[i] = line[: lead.end()] + opening + value[1:]
            end = len(lines[last].rstrip(" \t")) - 1
            lines[last] = lines[last][:end] + closing + lines[last][end + 1 :]
            changed.append(i)
    return "\n".join(lines), changed


def _load(yaml_text: str, duplicates: list[DuplicateKeyError] | None) -> Any:
    """`yaml_text` read with Loader; a key written twice raises, or is added to `duplicates`
    (only once the whole text has been read: a failed read adds none)."""
    loader = Loader(yaml_text)
    recorded: list[DuplicateKeyError] = []
    loader.duplicates = None if duplicates is None else recorded
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if duplicates is not None:
        duplicates.extend(recorded)
    return data


def _spanning_read(
    raw: str,
    failed: str,
    may_hold_keys: Lines,
    duplicates: list[DuplicateKeyError] | None = None,
) -> tuple[str, list[int], Any]:
    """The front matter `raw` read with a value in curly quotes over several lines read as
    quoted too (`summary: “Lưu ý: …` / `  …”`: unquoted, its colon failed the file), with the
    lines changed; when that does not read either, the error of `failed`, the text as read
    before. Only for a file that failed: one that read is read as it was, so an approval of it
    stays valid (the fingerprint covers the values as read). `may_hold_keys`: as for
    straight_quotes, the reading's; `duplicates`: as for split."""
    mended, straightened = straight_quotes(raw, may_hold_keys, spanning=True)
    try:
        return mended, straightened, _load(mended, duplicates)
    except yaml.YAMLError:
        return failed, [], _load(failed, duplicates)  # raises the file's own error


def _closing_curly(lines: list[str], first: int, start: int, after: int) -> int | None:
    """The line closing a value that opens with a curly quote at `start` of line `first` and
    goes on over the lines before `after` (`summary: “Người dân…` / `  với cuộc gọi lạ”`), when
    its quotes enclose the whole value and nothing inside would end a YAML quoted one; else None."""
    opening = lines[first][start : start + 1]
    if opening not in ("“", "‘"):
        return None
    last = max((j for j in range(first + 1, after) if lines[j].strip()), default=None)
    if last is None:
        return None
    closing, forbidden = ("”", '“”"\\') if opening == "“" else ("’", "‘’'")
    text = "\n".join([lines[first][start + 1 :], *lines[first + 1 : last + 1]]).rstrip(" \t")
    if not text.endswith(closing) or any(c in text[:-1] for c in forbidden):
        return None
    return last


_WORD_SPACES = "[\u00a0\u2007\u202f]+"
"""No-break spaces (Word puts one after a colon in French or Vietnamese typography, a Mac one
on Option+Space): a space to the eye, not to YAML."""
_KEY_SPACED = re.compile(
    rf"^([ \t]*(?:-[ \t]+)?(?:[\w.-]+|“[\w.-]+”|‘[\w.-]+’):|[ \t]*-)({_WORD_SPACES})"
)
_SPACE_BEFORE_COLON = re.compile(
    rf"^([ \t]*(?:-[ \t]+)?(?:[\w.-]+|“[\w.-]+”|‘[\w.-]+’))({_WORD_SPACES})(?=:)"
)
"""Word's French typography puts a no-break space before a colon too: «title\u00a0: …»."""
_CURLY_KEY = re.compile(r"^([ \t]*(?:-[ \t]+)?)(?:“([\w.-]+)”|‘([\w.-]+)’)(?=:(?:[ \t]|$))")


def mend_pasted(text: str, reading: Reading = READING) -> tuple[str, list[int]]:
    """A file's `text` with its front matter mended by mend_keys (on the lines `reading` says
    may hold a key), and the 1-based lines whose key was in curly quotes."""
    if not any(c in text for c in "\u00a0\u2007\u202f“‘") or not OPENING_RE.match(text):
        return text, []
    end = _closing_line(text)
    if end is None or end == 1:
        return text, []
    lines = text.split("\n")
    mended, curly = mend_keys("\n".join(lines[1:end]), reading.mended)
    return "\n".join([lines[0], mended, *lines[end:]]), [line + 2 for line in curly]


def mend_keys(yaml_text: str, may_hold_keys: Lines = READING.mended) -> tuple[str, list[int]]:
    """`yaml_text` with what Word did to its keys undone, and the 0-based lines whose key it put
    in curly quotes: a no-break space after `key:` or a list's `-` made the line no pair at all
    («thiếu dấu ':'», the line after named), one before the colon and `“summary”:` an unknown
    key while summary was «missing». Other values are left to straight_quotes, the text of a `|` block to the
    editor; each character stays one, so lines and columns do not move."""
    lines = yaml_text.split("\n")
    curly = []
    for i in may_hold_keys(lines):
        line = lines[i]
        line = _SPACE_BEFORE_COLON.sub(lambda m: m[1] + " " * len(m[2]), line)
        line = _KEY_SPACED.sub(lambda m: m[1] + " " * len(m[2]), line)
        keyed = _CURLY_KEY.sub(lambda m: f'{m[1]}"{m[2]}"' if m[2] else f"{m[1]}'{m[3]}'", line)
        if keyed != line:
            # straight_quotes reads a value after a bare key only: its quotes are made here.
            key, colon, value = keyed.partition(":")
            spaces = value[: len(value) - len(value.lstrip(" \t"))]
            keyed = key + colon + spaces + _straight_value(value[len(spaces) :])
            curly.append(i)
        lines[i] = keyed
    return "\n".join(lines), curly


def _straight_value(value: str) -> str:
    """A value (or a `[…]` list) in curly quotes, in YAML's quotes; any other left as written."""
    if value.startswith("["):
        return "[" + _CURLY_ITEM.sub(_straight_item, value[1:])
    return _CURLY_WHOLE.sub(_straight_whole, value)


def _straight_whole(match: re.Match[str]) -> str:
    """A value in curly quotes, in YAML's quotes."""
    double, single = match.groups()
    return f'"{double}"' if double is not None else f"'{single}'"


def _straight_item(match: re.Match[str]) -> str:
    """A list item in curly quotes, in YAML's quotes, after its comma and spaces."""
    comma, spaces, double, single = match.groups()
    return comma + spaces + (f'"{double}"' if double is not None else f"'{single}'")


def _may_reference_or_nest_deep(yaml_text: str) -> bool:
    """Whether the YAML may hold an anchor or alias, or nest deeper than MAX_DEPTH: only then is
    it scanned event by event (~0.1 ms a file, 1 s of CPU over 10,000 bulletins)."""
    if "&" in yaml_text or "*" in yaml_text:
        return True
    # Each level opens a flow collection ([ {), a block sequence (a dash before a space or a line
    # break) or a block mapping, which needs one more column of indentation than its parent.
    opened = sum(yaml_text.count(mark) for mark in ("[", "{", "- ", "-\n", "-\t"))
    indent = max((len(line) - len(line.lstrip()) for line in yaml_text.split("\n")), default=0)
    return opened + indent + 1 > MAX_DEPTH


def _refuse_references_and_depth(yaml_text: str) -> None:
    """Raise FrontMatterError at the first YAML anchor or alias, or nesting deeper than MAX_DEPTH.

    Aliases let a few lines expand into billions of values ("billion laughs"), and deep nesting
    overflows the recursion of everything that walks the values; editors need neither.
    """
    depth = 0
    for event in yaml.parse(yaml_text, Loader=_BaseLoader):
        mark = event.start_mark
        line = mark.line + 2 if mark is not None else None  # +2: 1-based, after the '---' line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise FrontMatterError(
                "phần đầu dùng tham chiếu YAML (&/*) — không được hỗ trợ; viết giá trị ra",
                line=line,
                hint="Xóa '&tên' và '*tên', chép giá trị vào từng chỗ cần dùng.",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise FrontMatterError(
                    f"phần đầu lồng nhau quá sâu (quá {MAX_DEPTH} tầng danh sách hoặc khối)",
                    line=line,
                    hint="Mỗi trường chỉ cần một giá trị, một danh sách hoặc một khối như 'zalo:'.",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _between_fences(text: str, end: int) -> tuple[str, str]:
    """The lines of `text` between its first line and its line `end` (0-based), and those after
    line `end`, each joined by line breaks: `"\\n".join(lines[1:end])`, `"\\n".join(lines[end +
    1:])` of `lines = text.split("\\n")`, without splitting the body (`end` >= 1)."""
    starts = [0]
    while len(starts) <= end + 1:
        at = text.find("\n", starts[-1])
        if at == -1:
            break
        starts.append(at + 1)
    if len(starts) <= end:  # no line `end`: as lines[1:end] of a shorter text
        return text[starts[1] :] if len(starts) > 1 else "", ""
    front = text[starts[1] : starts[end] - 1] if end > 1 else ""
    return front, text[starts[end + 1] :] if len(starts) > end + 1 else ""


def _closing_line(text: str) -> int | None:
    """Index of the line that closes the front matter (read line by line: the body after it is
    never split)."""
    start, i = text.find("\n") + 1, 1
    while start:
        at = text.find("\n", start)
        if text[start : at if at != -1 else len(text)].rstrip() in ("---", "..."):
            return i
        start, i = at + 1, i + 1
    return None


def _word_dashed_line(text: str) -> tuple[int, str] | None:
    """The 1-based number and text of the first line after the opening one that is a fence
    Word turned into dashes («—»), when the lines above it read as front matter; else None
    (a dash on its own line in a text whose closing line was forgotten is the editor's)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i and _WORD_DASHES.fullmatch(line):
            above = "\n".join(lines[1:i])
            if _may_reference_or_nest_deep(above):
                return None  # composing it is what the checks in split guard against
            try:
                node = yaml.compose(above, Loader=_BaseLoader)
            except yaml.YAMLError:
                return None
            return (i + 1, line.strip()) if isinstance(node, yaml.MappingNode) else None
    return None


def _key_lines(yaml_text: str) -> dict[str, int]:
    """Map each top-level key, and each key of a block under one (`zalo.title`), to its 1-based
    line in the whole file."""
    try:
        node = yaml.compose(yaml_text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines = {}
    for key, value in node.value:
        lines[str(key.value)] = key.start_mark.line + 2
        if isinstance(value, yaml.MappingNode):
            for inner, _ in value.value:
                # The last of a key written twice, as for a top-level key: the value read.
                lines[f"{key.value}.{inner.value}"] = inner.start_mark.line + 2
    return lines


def _path_escapes(yaml_text: str) -> Explained | None:
    """A Windows path in double quotes read with escapes (see syntax.yaml_path_escapes), in a
    value YAML read in double quotes wherever it is (a list's item, a `{…}`, a value going on to
    the lines below): not in a line inside a `|` or `>` text."""
    if not yaml_path_suspect(yaml_text):
        return None  # most files: the front matter is not read a second time
    try:
        node = yaml.compose(yaml_text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None
    quoted: list[tuple[int, int]] = []
    _double_quoted_starts(node, quoted)
    return yaml_path_escapes(yaml_text, first_line=2, quoted=quoted)


def _double_quoted_starts(node: yaml.Node | None, into: list[tuple[int, int]]) -> None:
    """Put in `into` the 0-based line and column where each value of `node` in double quotes
    opens (its quote)."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _double_quoted_starts(item, into)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _double_quoted_starts(value, into)
    elif isinstance(node, yaml.ScalarNode) and node.style == '"':
        into.append((node.start_mark.line, node.start_mark.column))


def hash_cuts(parsed: Parsed) -> list[tuple[HashCut, str]]:
    """Each value of `parsed` a « #» cut short (see syntax.yaml_hash_cuts), with its field
    (`title`, `zalo.title`, `corrections.1.note`), when YAML read that line as such a value
    and kept what the cut leaves: not a line inside a `|` text, nor one YAML reads otherwise."""
    found = list(yaml_hash_cuts(parsed.yaml_text))
    if not found:
        return []  # most files: the front matter is not read a second time
    try:
        node = yaml.compose(parsed.yaml_text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return []
    plain: dict[int, tuple[str, str]] = {}
    _plain_values(node, "", plain)
    cuts = []
    for cut in found:
        field_value = plain.get(cut.line)
        if field_value is not None and field_value[1] == cut.kept:
            cuts.append((cut, field_value[0]))
    return cuts


def _plain_values(node: yaml.Node | None, path: str, into: dict[int, tuple[str, str]]) -> None:
    """Put in `into`, by 0-based line, the field and value of each value of `node` not in
    quotes that starts and ends on its key's line, in mappings and lists at any depth."""
    if isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value, start=1):
            _plain_values(item, f"{path}{number}.", into)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            field = f"{path}{key.value}"
            if isinstance(value, yaml.ScalarNode):
                line = value.start_mark.line
                if not value.style and key.start_mark.line == line == value.end_mark.line:
                    into[line] = (field, value.value)
            else:
                _plain_values(value, f"{field}.", into)


def parse_file(path: Path) -> Parsed | None:
    """A Markdown file's front matter and body, or None when it cannot be read or split (to
    find the line of a key for a problem found after loading)."""
    try:
        return split(mend_pasted(decode(path.read_bytes()))[0])
    except (OSError, FrontMatterError):
        return None
