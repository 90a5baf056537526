"""Vietnamese for the syntax errors of the parsers the tool uses (TOML, YAML, JSON, Jinja).

Their own messages are English ("Expected '=' after a key"). Each function here gives the
line and column, a plain description of the common cases and how to fix them; a case it does
not know keeps the parser's words as a short detail in parentheses.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = [
    "TEXT_KEYS",
    "Explained",
    "HashCut",
    "json_error",
    "like_a_secret",
    "template_error",
    "toml_duplicates",
    "toml_error",
    "toml_without_duplicate",
    "toml_without_faulty_line",
    "unknown_filter_or_test",
    "yaml_error",
    "yaml_hash_cuts",
    "yaml_path_escapes",
    "yaml_path_suspect",
]


@dataclass(frozen=True, slots=True)
class Explained:
    """A syntax error in Vietnamese: what is wrong, where (1-based), how to fix it."""

    message: str
    line: int | None
    column: int | None
    hint: str

    def described(self) -> str:
        """`dòng 3, cột 7: <message>` (as much of the place as is known), for a message that is
        not a Problem."""
        if self.line is None:
            return self.message
        column = f", cột {self.column}" if self.column else ""
        return f"dòng {self.line}{column}: {self.message}"


def _detail(original: str) -> str:
    """The parser's own words, as a technical detail a developer can search for."""
    return f" (chi tiết kỹ thuật: {original.strip()})"


# ---- TOML (site.toml) ----

TOML_AT_RE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")
TOML_KEY_RE = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)
TOML_TABLE_RE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]")
TOML_QUOTE_HINT = (
    'Thêm dấu " ở cuối giá trị, trên cùng dòng, ví dụ: title = "Trang tin của đơn vị". '
    'Chuỗi nhiều dòng thì viết trong ba dấu ngoặc kép: """…""".'
)
TOML_CASES: tuple[tuple[str, str, str], ...] = (
    (
        r"Expected '=' after a key",
        "thiếu dấu '=' giữa tên khóa và giá trị",
        'Mỗi dòng có dạng khóa = giá trị, ví dụ title = "Trang tin của đơn vị". Tên bảng thì đặt '
        "trong ngoặc vuông, ví dụ [site]; tên khóa có dấu cách hay chữ có dấu thì đặt trong ngoặc kép.",
    ),
    (
        r"Unterminated string|Illegal character '\\n'",
        "chuỗi chưa có dấu ngoặc kép đóng",
        TOML_QUOTE_HINT,
    ),
    (
        r"Expected ']' at the end of a table declaration|Expected ']]'",
        "tên bảng chưa có dấu ']' đóng",
        "Viết tên bảng trong cặp ngoặc vuông trên một dòng, ví dụ [site] hoặc [categories.canh-bao].",
    ),
    (
        r"Invalid value",
        "giá trị không hợp lệ",
        'Chuỗi phải nằm trong ngoặc kép ("…"); true/false viết thường; số không có dấu chấm ngăn '
        'nghìn hay đơn vị; danh sách viết trong [ ], ví dụ default_channels = ["web", "zalo"].',
    ),
    (
        r"Expected newline or end of document after a statement",
        "còn chữ thừa sau giá trị, trên cùng dòng",
        "Mỗi khóa một dòng; giá trị có dấu cách phải nằm trọn trong ngoặc kép; ghi chú cuối dòng "
        "bắt đầu bằng #.",
    ),
    (
        r"Invalid statement|Invalid initial character for a key part",
        "dòng này không phải dạng 'khóa = giá trị', tên bảng [..] hay ghi chú",
        "Tên khóa chỉ gồm chữ không dấu, số, _ và -; ghi chú bắt đầu bằng #.",
    ),
    (
        r"Unclosed array",
        "danh sách [ … ] chưa có dấu ']' đóng, hoặc thiếu dấu phẩy giữa hai phần tử",
        'Ngăn các phần tử bằng dấu phẩy và kết thúc bằng ], ví dụ ["web", "zalo"].',
    ),
    (
        r"Unclosed inline table",
        "bảng { … } chưa có dấu '}' đóng, hoặc thiếu dấu phẩy giữa hai khóa",
        'Viết trên một dòng, ví dụ { label = "Cảnh báo", description = "…" }.',
    ),
    (
        r"Invalid date or datetime",
        "ngày giờ không hợp lệ",
        "Viết ngày dạng 2020-12-08, giờ dạng 2020-12-08T08:00:00; muốn viết chữ thì đặt trong ngoặc kép.",
    ),
    (
        r"Unescaped '\\' in a string|Invalid hex value|not a Unicode scalar value",
        "dấu \\ trong chuỗi ngoặc kép phải viết đôi (\\\\)",
        "Viết \\\\ thay cho \\, hoặc dùng ngoặc đơn ('C:\\thu-muc'), hoặc dùng dấu / trong đường dẫn.",
    ),
    (
        r"Illegal character",
        "chuỗi có ký tự điều khiển không được phép (thường do dán từ Word hoặc PDF)",
        "Xóa ký tự lạ ở vị trí được chỉ ra, hoặc gõ lại giá trị đó.",
    ),
)
"""(pattern of tomllib's message, Vietnamese description, how to fix) for the common cases."""
TOML_DUPLICATE_RE = re.compile(
    r"Cannot overwrite a value|Cannot declare .* twice|Duplicate inline table key"
    r"|Cannot redefine namespace|Cannot mutate immutable namespace"
)


def toml_error(exc: ValueError, text: str) -> Explained:
    """A tomllib error in site.toml, in Vietnamese."""
    original = str(exc)
    at = TOML_AT_RE.search(original)
    bare = original[: at.start()] if at else original
    line = column = None
    if at and at.group(1):
        line, column = int(at.group(1)), int(at.group(2))
    elif at:  # the end of the document: point at its last line
        line = text.rstrip("\n").count("\n") + 1
    if TOML_DUPLICATE_RE.search(bare):
        return _toml_duplicate(text, line, column, bare)
    if "end of a table declaration" in bare and _table_name_letter(text, line, column):
        # "[categories.cảnh-báo]": the ']' is there, the name holds a letter TOML refuses.
        return Explained(
            "tên bảng có chữ có dấu hoặc dấu cách",
            line,
            column,
            "Tên bảng, và khóa chuyên mục trong đó, chỉ gồm chữ thường không dấu, số và dấu -, "
            'ví dụ [categories.canh-bao]; tên có dấu của chuyên mục ghi ở label = "Cảnh báo".',
        )
    if (
        "Invalid value" in bare
        and line
        and column
        and (curly := _curly_quote_at(text, line, column))
    ):
        retyped = _straightened(text, line, column)
        return Explained(
            f'giá trị mở bằng dấu {curly}, không phải ngoặc kép thẳng " mà tệp cấu hình cần',
            line,
            column,
            'Word và một số bộ gõ tự đổi " thành “ ”: gõ lại các dấu ngoặc của giá trị này '
            'bằng phím " trong Notepad'
            + (
                " (dòng này không in ra: nó có thể chứa mã bí mật)."
                if _may_hold_a_secret(text, line, retyped)
                else f": {retyped}"
                if retyped
                else "."
            ),
        )
    if "after a statement" in bare and line and (inner := _toml_inner_quotes(text, line)):
        quote, retyped = inner
        what, other = (
            ("ngoặc kép", "ngoặc đơn ('…')") if quote == '"' else ("ngoặc đơn", 'ngoặc kép ("…")')
        )
        return Explained(
            "có chữ thừa sau giá trị: giá trị trong ngoặc đã đóng trước khi hết dòng (dấu "
            "ngoặc bên trong giá trị đóng nó sớm)",
            line,
            column,
            f"Dấu {quote} chỉ dùng để mở và đóng giá trị; {what} bên trong giá trị viết «…», "
            f"hoặc đặt cả giá trị trong {other} khi bên trong chỉ có {what}"
            + (
                " (dòng này không in ra: nó có thể chứa mã bí mật)."
                if _may_hold_a_secret(text, line, retyped)
                else f". Sửa dòng này thành: {retyped}"
                if retyped
                else "."
            ),
        )
    for pattern, message, hint in TOML_CASES:
        if re.search(pattern, bare):
            return Explained(message, line, column, hint)
    return Explained(
        "không đúng cú pháp TOML" + _detail(bare),
        line,
        column,
        "Kiểm tra dấu ngoặc kép, dấu = và tên bảng [..] ở dòng được chỉ ra.",
    )


CURLY_QUOTES = "“”„‟‘’«»"
"""Quotes a word processor puts for ", which TOML does not read as quotes."""


def _curly_quote_at(text: str, line: int | None, column: int | None) -> str | None:
    """The curly quote at `line`, `column` (1-based) of `text`, if one is there."""
    if line is None or column is None:
        return None
    lines = text.split("\n")
    char = lines[line - 1][column - 1 : column] if line <= len(lines) else ""
    return char if char and char in CURLY_QUOTES else None


def toml_string(value: str, quote: str = '"') -> str | None:
    """`value` as a TOML string that reads back as exactly that text: in `quote` (" or ') when
    it can be, else in the other quotes (a " or a backslash in double quotes would end the value
    or start an escape, a ' ends one in single quotes), else in double quotes with those two
    written \\" and \\\\; None when none holds it (a control character)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    other = "'" if quote == '"' else '"'
    for written in dict.fromkeys(
        (f"{quote}{value}{quote}", f"{other}{value}{other}", f'"{escaped}"')
    ):
        try:
            if tomllib.loads(f"k = {written}")["k"] == value:
                return written
        except tomllib.TOMLDecodeError:
            continue
    return None


def _reads(line: str) -> bool:
    """Whether `line` alone is TOML."""
    try:
        tomllib.loads(line)
    except tomllib.TOMLDecodeError:
        return False
    return True


def _straightened(text: str, line: int, column: int) -> str | None:
    """Line `line` of `text` with the value opened by the curly quote at `column` (and the other
    values of the line opened so, a list's) in straight quotes, as TOML reads back the text
    between them: quotes inside the value («Vì an ninh Tổ quốc», "Châu Thành") and a backslash
    are its text, and a comment after it (# tên cũ “An ninh”) is left as written; None when no
    such line reads as TOML."""
    written = text.split("\n")[line - 1]
    indent = len(written) - len(written.lstrip())
    return _straightened_from(written.strip(), column - 1 - indent, depth=8)


def _straightened_from(here: str, opener: int, *, depth: int) -> str | None:
    """`here` with the value its curly quote at `opener` opens in straight quotes (see
    _straightened), the next curly-quoted value of the line then, up to `depth` of them."""
    chars = list(here)
    prefer = "'" if chars[opener] in "‘’" else '"'
    first = _closing_quote(chars, opener)
    closers = _CLOSERS.get(chars[opener], '»«"')
    found = [at for at in range(opener + 1, len(chars)) if chars[at] in closers]
    curly = [at for at in found if chars[at] != '"']
    # A straight " with the curly quote closing the value still to come is the value's text
    # (“Công an "Châu Thành"”, “Cỡ 5" #1”): the curly one is tried first.
    first_tried = (
        [*curly, first] if first is not None and chars[first] == '"' and curly else [first]
    )
    candidates = [at for at in dict.fromkeys([*first_tried, *found]) if at is not None]
    # Each candidate reads the whole line again: a line of thousands of quotes took hours.
    for close in candidates[:_CLOSERS_TRIED]:
        string = toml_string(here[opener + 1 : close], prefer)
        if string is None:
            continue
        retyped = here[:opener] + string + here[close + 1 :]
        if _reads(retyped):
            return retyped
        if close == first and depth > 1:
            after = opener + len(string)
            later = next((at for at in range(after, len(retyped)) if retyped[at] in "“„‟‘«"), None)
            if later is not None and "#" not in retyped[after:later]:
                again = _straightened_from(retyped, later, depth=depth - 1)
                if again is not None:
                    return again
    return None


_CLOSERS_TRIED = 12
"""How many quotes that may close a curly-quoted value are tried in turn (a value's text holds
a few quotes, never hundreds)."""
_CLOSERS = {"“": '”"', "„": '“”"', "‟": '”"', "”": '”"', "‘": "’'", "’": "’'", "«": '»"'}
"""The quotes that close a value each curly quote opens: Word's pairs, or a straight one typed
after (“Chương trình «Vì an ninh»")."""


def _closing_quote(chars: list[str], opener: int) -> int | None:
    """Where the quote closing the one at `opener` is, quotes of the same kind opened inside the
    value counted off so the first closer left over ends it; None when the line has none."""
    closers = _CLOSERS.get(chars[opener], '»«"')
    depth = 0
    for at in range(opener + 1, len(chars)):
        char = chars[at]
        if char in closers and depth == 0:
            return at
        if char in closers:
            depth -= 1
        elif char == chars[opener]:
            depth += 1
    return None


_HEADER = re.compile(r"\s*\[\[?\s*([^\]#]*?)\s*\]")
"""A table header line, `[zalo]` or `[[x]]`, its name caught."""


_QUOTE_MARKS = re.compile("[\"'“”„‟‘’«»]")
"""Any quote mark, straight or curly."""


def _may_hold_a_secret(text: str, line: int, retyped: str | None) -> bool:
    """Whether line `line` of `text` (`retyped`, when given, as the hint would print it) may hold
    a token or key, so is never printed: a value like_a_secret, or any key of [zalo] (a token
    pasted as oa_id must never reach a log)."""
    lines = text.split("\n")
    key, _, value = lines[line - 1].partition("=")
    values = [value, (retyped or "").partition("=")[2]]
    if any(like_a_secret(_QUOTE_MARKS.sub("", v).strip()) for v in values):
        return True  # a token's quotes, straight, curly or «», wherever they are, hide nothing
    if key.strip().startswith("zalo."):
        return True
    for above in reversed(lines[: line - 1]):
        if header := _HEADER.match(above):
            return header.group(1).strip("\"' ").split(".")[0].strip("\"' ") == "zalo"
    return False


def _toml_inner_quotes(text: str, line: int) -> tuple[str, str | None] | None:
    """For a key's line of `text` (1-based `line`) whose value, opened with a quote, was closed
    early by a quote inside it (short_name = "Công an "Châu Thành""): that quote, and the line
    retyped with the quotes inside as «…», a comment after it kept (None when they do not pair
    up, or a backslash leaves unclear where the value was to end); None for another line."""
    here = text.split("\n")[line - 1]
    key = TOML_KEY_RE.match(here)
    value = here[key.end() :].strip() if key else ""
    if key is None or not value or value[0] not in "\"'" or value.startswith(('"""', "'''")):
        return None
    quote, comment = value[0], ""
    if (ends := _comment_after_quotes(value)) is not None:
        value, comment = value[:ends], value[ends:]
    # Closed at the end, its quotes are not the value's; else the first pairs with one inside
    # (title = "Cảnh báo" lừa đảo is «Cảnh báo» lừa đảo).
    inner = value[1:-1] if len(value) > 1 and value.endswith(quote) else value
    if quote not in inner:
        return None  # no quote inside: something else follows the value
    if quote == '"' and "\\" in inner:
        return quote, None
    for mark in dict.fromkeys((quote, '"')):
        inner = _INNER_PAIR[mark].sub(r"«\1»", inner)
    string = None if quote in inner or '"' in inner else toml_string(inner)
    retyped = f"{here[: key.end()].strip()} {string}{comment}" if string else None
    return quote, retyped if retyped and _reads(retyped) else None


def like_a_secret(value: str) -> bool:
    """Whether `value` reads like a token or key: a long run of letters and digits together
    (Zalo's access and refresh tokens, an app's secret key), not words or an address."""
    mixed = any(c.isdigit() for c in value) and any(c.isalpha() for c in value)
    # A long token may by chance hold no digit; no word or OA name runs 32 letters unbroken.
    return (
        len(value) >= (20 if mixed else 32)
        and re.fullmatch(r"[A-Za-z0-9_\-.~+/=]+", value) is not None
        and any(c.isalpha() for c in value)
        and not value.lower().startswith(("http", "www.", "zalo.me"))
    )


def _table_name_letter(text: str, line: int | None, column: int | None) -> bool:
    """Whether the table header tomllib stopped in goes on to a ']' after the character it
    refused, that character being a letter with a diacritic or the word after a space."""
    lines = text.split("\n")
    if not line or not column or line > len(lines):
        return False
    here = lines[line - 1]
    refused, before = here[column - 1 : column], here[column - 2 : column - 1]
    rest = here[column - 1 :].split("#", 1)[0]
    return "]" in rest and (not refused.isascii() or (before.isspace() and refused != "]"))


def _toml_duplicate(text: str, line: int | None, column: int | None, bare: str) -> Explained:
    """A key or table written twice in site.toml, naming the line of the first one."""
    lines = text.split("\n")
    here = lines[line - 1] if line and line <= len(lines) else ""
    table = TOML_TABLE_RE.match(here)
    key = TOML_KEY_RE.match(here)
    if table and not key:
        name = table.group(1)
        first = _first_line(
            lines,
            line,
            lambda i, s: (
                (m := TOML_TABLE_RE.match(s)) is not None and _toml_key(m[1]) == _toml_key(name)
            ),
        )
        again = f" (dòng {first} và dòng {line})" if first else ""
        if here.lstrip().startswith("[["):
            return Explained(
                f"[[{name}]] viết hai cặp ngoặc vuông (danh sách bảng): site.toml không dùng "
                "cách viết này",
                line,
                column,
                _duplicate_table_hint(name, first, line, listed=True),
            )
        return Explained(
            f"bảng [{name}] được khai báo hai lần{again}",
            line,
            column,
            _duplicate_table_hint(name, first, line),
        )
    if key:
        name = _toml_key(key.group(1))
        tables = _tables_by_line(lines)
        where = tables[line - 1] if line else ""

        def same(i: int, s: str) -> bool:
            found = TOML_KEY_RE.match(s)
            return found is not None and _toml_key(found.group(1)) == name and tables[i] == where

        first = _first_line(lines, line, same)
        again = f" (dòng {first} và dòng {line})" if first else ""
        inside = f" trong bảng [{where}]" if where else ""
        return Explained(
            f"khóa '{name}' được viết hai lần{inside}{again}",
            line,
            column,
            f"Giữ một dòng '{name} = …' và xóa dòng còn lại.",
        )
    return Explained(
        "một khóa hay bảng được đặt giá trị hai lần" + _detail(bare),
        line,
        column,
        "Tìm tên khóa hoặc bảng bị trùng ở dòng được chỉ ra và phía trên nó, giữ một và xóa cái còn lại.",
    )


def _duplicate_table_hint(
    name: str, first: int | None, line: int | None, *, listed: bool = False
) -> str:
    """How to fix a table written twice; a category's second table is most often a new category
    copied from the one above whose key was not changed. `listed`: written [[…]], a list of
    tables, which site.toml has none of."""
    parts = _toml_key(name).split(".")
    if listed:
        return (
            "Mỗi chuyên mục là một bảng [categories.<khóa>] viết một cặp ngoặc vuông, ví dụ dòng "
            '[categories.tin-moi] rồi dòng label = "Tin mới" bên dưới; bảng khác cũng viết một '
            f"cặp ngoặc vuông: [{name}]."
        )
    if parts[0] != "categories" or len(parts) != 2:
        return f"Gộp các khóa của hai bảng vào một bảng [{name}] rồi xóa dòng [{name}] thứ hai."
    at = f" ở dòng {line}" if line else ""
    above = f" ở dòng {first}" if first else ""
    return (
        "Mỗi chuyên mục cần một khóa riêng. Đây là một chuyên mục khác thì đổi khóa"
        f"{at} thành khóa của nó (chữ thường không dấu, số và dấu -, ví dụ [categories.tin-moi]); "
        f"cùng một chuyên mục thì chuyển các khóa của bảng thứ hai vào bảng{above} rồi xóa "
        "bảng thứ hai."
    )


def toml_without_duplicate(exc: ValueError, text: str) -> tuple[str, str] | None:
    """`text` with the table or key tomllib refused as written twice blanked out, its lines kept
    (so every later line keeps its number): the rest of the file can then be checked in the same
    pass; and the name of the table blanked ("" for a key), whose keys are then missing. None
    when the error is no duplicate, or what is written twice cannot be cut out whole (a value
    over several lines)."""
    original = str(exc)
    at = TOML_AT_RE.search(original)
    if not at or not at.group(1) or not TOML_DUPLICATE_RE.search(original[: at.start()]):
        return None
    lines = text.split("\n")
    start = int(at.group(1)) - 1
    if start >= len(lines):
        return None
    header = TOML_TABLE_RE.match(lines[start])
    if TOML_KEY_RE.match(lines[start]):
        end, table = start + 1, ""
    elif header:
        end = next(
            (i for i in range(start + 1, len(lines)) if TOML_TABLE_RE.match(lines[i])), len(lines)
        )
        table = _toml_key(header.group(1))
    else:
        return None
    try:
        tomllib.loads("\n".join(lines[start:end]) + "\n")  # a Windows line ends "\r\n"
    except tomllib.TOMLDecodeError:
        return None  # a value that goes on past what would be cut: leave the file as it is
    return "\n".join(lines[:start] + [""] * (end - start) + lines[end:]), table


def toml_without_faulty_line(exc: ValueError, text: str) -> str | None:
    """`text` with the line tomllib refused blanked out (a table header with its whole table,
    whose keys would otherwise fall into the table above), its lines kept so that later lines
    keep their numbers: the next syntax error can then be told in the same pass; a line that
    opens a multi-line string is blanked with the string's lines. None when the fault may not
    be that line's alone (a list or string left open above it or on it and never closed, the end
    of the file): blanking it would make up errors the editor did not write."""
    at = TOML_AT_RE.search(str(exc))
    if not at or not at.group(1):
        return None
    lines = text.split("\n")
    start = int(at.group(1)) - 1
    if start >= len(lines) or not lines[start].strip():
        return None
    try:
        tomllib.loads("\n".join(lines[:start]) + "\n")  # everything above the line is sound
    except tomllib.TOMLDecodeError:
        return None
    key = TOML_KEY_RE.match(lines[start])
    opened = _left_open(lines[start][key.end() :] if key else lines[start], brackets=bool(key))
    if opened == "[":
        return None  # the lines below are the rest of its value: cut alone, they read as TOML
    end = start + 1
    if opened:
        # A multi-line string is cut up to its closing quotes: the lines below it are then
        # read, and their own errors told in this pass, not the next.
        close = _closing_line(lines, start + 1, opened)
        if close is None or _opens_value(lines[close], opened):
            # Quotes that open the next key's string close no stray ones: its lines would be
            # read as TOML and told as errors the editor did not write.
            return None
        end = close + 1
    elif TOML_TABLE_RE.match(lines[start]) or lines[start].lstrip().startswith("["):
        end = next(
            (i for i in range(start + 1, len(lines)) if TOML_TABLE_RE.match(lines[i])), len(lines)
        )
    else:
        try:
            tomllib.loads(lines[start] + "\n")
        except tomllib.TOMLDecodeError:
            pass
        else:
            return None  # the line reads alone: what is wrong goes on past it
    return "\n".join(lines[:start] + [""] * (end - start) + lines[end:])


def _closing_line(lines: list[str], first: int, quotes: str) -> int | None:
    """The index of the first line from `first` on where the multi-line string opened with
    `quotes` closes (an escaped quote in a basic string does not close it), else None."""
    for index in range(first, len(lines)):
        if _closing_at(lines[index], quotes) >= 0:
            return index
    return None


def _closing_at(line: str, quotes: str, start: int = 0) -> int:
    """Where in `line`, from `start`, the multi-line string opened with `quotes` closes (an
    escaped quote in a basic string does not close it), else -1."""
    at = line.find(quotes, start)
    while at >= 0:
        slashes = len(line[:at]) - len(line[:at].rstrip("\\"))
        if quotes == "'''" or slashes % 2 == 0:
            return at
        at = line.find(quotes, at + 1)
    return -1


def _opens_value(line: str, quotes: str) -> bool:
    """Whether `line` is a key whose value opens with `quotes`."""
    key = TOML_KEY_RE.match(line)
    return key is not None and line[key.end() :].lstrip().startswith(quotes)


def _left_open(value: str, *, brackets: bool) -> str | None:
    """What `value` opens and does not close on its line: the three quotes of a multi-line
    string, or, with `brackets` (a key's value), "[" for a list or inline table; strings and
    the comment are read past. None when it leaves nothing open."""
    depth, at = 0, 0
    while at < len(value):
        if value.startswith(('"""', "'''"), at):
            close = _closing_at(value, value[at : at + 3], at + 3)
            if close < 0:
                return value[at : at + 3]
            at = close + 3
            continue
        char = value[at]
        if char == "#":
            break
        if char in "\"'":
            at += 1
            while at < len(value) and value[at] != char:
                at += 2 if char == '"' and value[at] == "\\" else 1
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        at += 1
    return "[" if brackets and depth > 0 else None


def toml_duplicates(text: str) -> int:
    """About how many tables and keys `text` writes a second time (a table's keys not counted
    again), found by reading its lines, not by parsing it once per duplicate."""
    seen_tables: set[str] = set()
    seen_keys: set[tuple[str, str]] = set()
    count, table, again = 0, "", False
    for line in text.split("\n"):
        header = TOML_TABLE_RE.match(line)
        if header and not TOML_KEY_RE.match(line):
            table = _toml_key(header.group(1))
            listed = line.lstrip().startswith("[[")
            again = table in seen_tables and not listed
            count += again
            seen_tables.add(table)
            if listed:
                seen_keys = {k for k in seen_keys if k[0] != table}
        elif (key := TOML_KEY_RE.match(line)) and not again:
            named = (table, _toml_key(key.group(1)))
            count += named in seen_keys
            seen_keys.add(named)
    return count


def _toml_key(spelt: str) -> str:
    """A TOML key as written (`"a" . b`) without its quotes and spaces (`a.b`)."""
    return ".".join(part.strip().strip("\"'") for part in spelt.split("."))


def _tables_by_line(lines: list[str]) -> list[str]:
    """The table each line of a TOML file is in ("" before the first header)."""
    current, tables = "", []
    for text in lines:
        header = TOML_TABLE_RE.match(text)
        if header and not TOML_KEY_RE.match(text):
            current = header.group(1)
        tables.append(current)
    return tables


def _first_line(lines: list[str], before: int | None, matches: Any) -> int | None:
    """The 1-based number of the first of `lines` (up to line `before`) that `matches`."""
    for i, text in enumerate(lines[: (before or 1) - 1]):
        if matches(i, text):
            return i + 1
    return None


# ---- YAML (front matter) ----

YAML_GENERIC_HINT = (
    "Mỗi dòng có dạng 'tên: giá trị'; giá trị có dấu ':' hoặc '#' hay bắt đầu bằng ký tự đặc "
    'biệt thì đặt trong ngoặc kép, ví dụ title: "Cảnh báo: lừa đảo qua mạng".'
)


YAML_QUOTED_VALUE_RE = re.compile(r'\s*(?:[^\s#"\'-][^:]*:\s+|-\s+)"')
"""The start of a value in double quotes: `title: "` or a list item `- "`."""


def yaml_error(exc: Exception, text: str, first_line: int) -> Explained:
    """A PyYAML error in front matter `text` (which starts at line `first_line` of its file)."""
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None)
    opened = getattr(exc, "context_mark", None)

    def at(found: Any) -> tuple[int | None, int | None]:
        return (found.line + first_line, found.column + 1) if found is not None else (None, None)

    line, column = at(mark)
    # libyaml says «did not find expected hexdecimal number» for «C:\Users» (\U, \x): an escape.
    escaped = "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem)
    unclosed = None if escaped else _unclosed_quote(text, mark.line if mark is not None else None)
    if ("quoted scalar" in context and not escaped) or unclosed is not None:
        quote = '"'
        if unclosed is not None:
            line, column = unclosed[0] + first_line, unclosed[1] + 1
        elif opened is not None:
            line, column, quote = *at(opened), _char_at(text, opened)
        name = "ngoặc đơn (')" if quote == "'" else 'ngoặc kép (")'
        if line is not None and (curly := _curly_closed(text, line - first_line)) is not None:
            return Explained(
                f"dấu {name} mở ở đây chưa được đóng: dấu ” (ngoặc cong của Word) không đóng được "
                "giá trị",
                line,
                column,
                f'Giá trị mở và đóng bằng cùng một dấu " thẳng; ngoặc kép bên trong giá trị viết '
                f"«…». Sửa dòng này thành: {curly}",
            )
        return Explained(
            f"dấu {name} mở ở đây chưa được đóng",
            line,
            column,
            "Thêm dấu ngoặc đóng (\" hoặc ') ở cuối giá trị, trên cùng dòng. Muốn có ngoặc kép bên "
            "trong giá trị thì dùng «…» hoặc ngoặc đơn.",
        )
    indented = _indented_field(text)
    if indented is not None and (mark is None or mark.line >= indented):
        written = text.split("\n")[indented]
        return Explained(
            "dòng này bắt đầu bằng dấu cách: các trường của phần đầu phải viết sát lề trái",
            indented + first_line,
            1,
            f"Xóa dấu cách ở đầu dòng, để dòng thành: {written.strip()} (chỉ các khóa bên trong "
            "một khối như zalo: hay radio: mới thụt lề).",
        )
    if "expected alphabetic or numeric character" in problem:  # `*` or `&` with no name after it
        line, column = at(opened) if opened is not None else (line, column)
        return _special(_char_at(text, opened) if opened is not None else "*", line, column)
    if problem.startswith("mapping values are not allowed"):
        if mark is not None and (continued := _continuation(text, mark.line)) is not None:
            return Explained(continued[0], line, column, continued[1])
        return Explained(
            "có dấu ':' ở chỗ không được phép: thường là giá trị có dấu hai chấm mà không đặt "
            "trong ngoặc kép, hoặc dòng ngay phía trên thiếu dấu ':' sau tên trường",
            line,
            column,
            _quoted_value(text, mark.line if mark is not None else None)
            or 'Đặt cả giá trị trong ngoặc kép, ví dụ title: "Cảnh báo: lừa đảo qua mạng".',
        )
    # libyaml says «block sequence entries are not allowed», PyYAML's own loader «sequence
    # entries are not allowed here» (publish.frontmatter falls back to it).
    if "sequence entries are not allowed" in problem and mark is not None:
        # `title: - Cảnh báo…`: a dash kept from a bulleted line opens a list after the key.
        return Explained(
            "giá trị bắt đầu bằng dấu «- », mà YAML hiểu là mở một danh sách",
            line,
            column,
            "Xóa dấu - ở đầu giá trị, hoặc giữ nó và "
            + _lowered_first(_quoted_value(text, mark.line) or "Đặt cả giá trị trong ngoặc kép."),
        )
    if escaped:
        return Explained(
            "dấu \\ trong giá trị đặt trong ngoặc kép phải viết đôi (\\\\)",
            line,
            column,
            _BACKSLASH_HINT
            + (
                _retyped_scalar(text, opened.line, opened.column, first_line)
                if opened is not None
                else _retyped_line(text, mark.line if mark is not None else None)
            ),
        )
    if "tab" in problem or "cannot start any token" in problem:
        if _char_at(text, mark) == "\t":
            return _tab(text, mark, line, column, in_block="block scalar" in context)
        return _special(_char_at(text, mark), line, column)
    if "undefined alias" in problem or "constructor for the tag" in problem:
        return _special(_char_at(text, mark), line, column)
    if "block scalar" in context:
        line, column = at(opened) if opened is not None else (line, column)
        return _special(_char_at(text, opened), line, column)
    if "flow sequence" in context or "flow mapping" in context:
        line, column = at(opened) if opened is not None else (line, column)
        pair = "[ … ]" if "sequence" in context else "{ … }"
        example = (
            'tags: ["lừa đảo", "an ninh mạng"]' if "sequence" in context else 'zalo: {title: "…"}'
        )
        return Explained(
            f"{pair} mở ở đây chưa được đóng, hoặc thiếu dấu phẩy giữa hai phần tử",
            line,
            column,
            f"Viết trọn trên một dòng, các phần tử ngăn bằng dấu phẩy, ví dụ {example}. Nếu đây "
            "là chữ thường (không phải danh sách) thì đặt cả giá trị trong ngoặc kép.",
        )
    if "could not find expected ':'" in problem:
        line, column = at(opened) if opened is not None else (line, column)
        return Explained(
            "thiếu dấu ':' sau tên trường",
            line,
            column,
            "Mỗi dòng có dạng 'tên: giá trị' (dấu hai chấm rồi một dấu cách). Dòng nối tiếp của "
            "một giá trị dài thì viết cả giá trị trên một dòng, trong ngoặc kép.",
        )
    if (
        ("block mapping" in context or "block collection" in context)
        and mark is not None
        and (fixed := _inner_quotes_fixed(text, mark.line))
    ):
        return Explained(
            "có chữ thừa sau giá trị: giá trị trong ngoặc đã đóng trước khi hết dòng (dấu "
            "ngoặc bên trong giá trị đóng nó sớm)",
            line,
            column,
            f"Dấu {_opening_quote(text, mark.line)} chỉ dùng để mở và đóng giá trị; ngoặc kép "
            f"bên trong giá trị viết «…». Sửa dòng này thành: {fixed}",
        )
    if "block mapping" in context or "block collection" in context:
        return Explained(
            "có chữ thừa sau giá trị, hoặc các dòng thụt lề không đều",
            line,
            column,
            "Giá trị trong ngoặc kép phải kết thúc ở dấu ngoặc đóng cuối dòng (muốn có ngoặc kép "
            "bên trong thì dùng «…»). Các trường của phần đầu bắt đầu sát lề trái; các khóa trong "
            "một khối (zalo:, radio:) thụt lề bằng nhau.",
        )
    return Explained(
        "phần đầu (front matter) không đúng cú pháp YAML" + _detail(problem),
        line,
        column,
        YAML_GENERIC_HINT,
    )


_BACKSLASH_HINT = "Viết \\\\ thay cho \\, hoặc dùng ngoặc đơn ('…') cho giá trị có dấu \\."
_WINDOWS_PATH = re.compile(
    r"""(?<=[\s"'«(])[A-Za-z]:\\(?:[^\\"\n]*?(?:\\|\.\w{1,5}(?!\w))|[^\\"\s]+")"""
    r"|(?<![\w\\])\\\\[\w.$-]+\\"
)
"""A Windows path as typed in a double-quoted value: a drive (`C:\\`) at the value's start or
after a space or a quote, then a folder (`\\` after it), a file's name (`.docx`) or one word to
the closing quote; or a shared folder (`\\\\may-chu\\`). «Bước a:\\tkiểm tra» is no path."""
_ESCAPE = re.compile(r'(?<!\\)(?>(?:\\\\)*)(\\[^\\"\n])')
"""A backslash that starts an escape in double quotes other than `\\\\` and `\\"` (`\\t`, `\\N`)."""


_KEY_START = re.compile(r"[ \t]*+(?:-[ \t]++)?[A-Za-z_][\w.-]*(?=:[ \t])")
"""A front-matter line's key, before `: `, its indent kept: at the top, in a block (`zalo:`)
or first in a list's item (`  - note: …`, a correction), the `- ` kept with it."""


def _key_and_value(content: str) -> tuple[str, str] | None:
    """The key (indent kept) and the value, spaces at its ends cut, of a `key: value` line;
    None when it is no such line or has no value. Not a regex ending in `\\s*$`: a line of
    many spaces then a letter would take time growing with the square of its length."""
    key = _KEY_START.match(content)
    if key is None:
        return None
    value = content[key.end() + 1 :].strip(" \t")
    return (key[0], value) if value else None


def yaml_path_suspect(text: str) -> bool:
    """Whether a line of front matter `text` holds a Windows path and a backslash that would
    start an escape in double quotes: the cheap test before yaml_path_escapes, which needs
    where YAML read each value in double quotes."""
    return any(
        _WINDOWS_PATH.search(f" {line}") is not None and _ESCAPE.search(line) is not None
        for line in text.split("\n")
        if "\\" in line
    )


def yaml_path_escapes(
    text: str, first_line: int, quoted: Iterable[tuple[int, int]]
) -> Explained | None:
    """The first value of front matter `text` (which starts at line `first_line` of its file)
    that is a Windows path in double quotes with a single backslash («summary: "D:\\tin
    bai\\New folder"»): YAML reads it without an error, «\\t» as a Tab, «\\N» as a new line,
    «\\b» as a backspace; None when there is none. `quoted`: the 0-based (line, column) of the
    opening quote of each value YAML read in double quotes, wherever it is (a list's item, a
    `{…}` on one line, a value going on to the lines below; a line inside a `|` text is text,
    no escape read in it)."""
    lines = text.split("\n")
    for line, column in sorted(quoted):
        source = _scalar_source(lines, line, column)
        if source is None:
            continue
        raw = source[2]
        if _WINDOWS_PATH.search(f'"{raw}"') and (escape := _ESCAPE.search(raw)) is not None:
            at = escape.start(1)
            above = raw.count("\n", 0, at)
            # 1-based: the value's text starts a character after its quote.
            place = column + 2 + at if not above else at - raw.rindex("\n", 0, at)
            return Explained(
                f"dấu \\ trong giá trị đặt trong ngoặc kép phải viết đôi (\\\\): «{escape[1]}» "
                "trong đường dẫn được đọc thành một ký tự khác (Tab, xuống dòng…), không phải "
                "dấu \\ và chữ theo sau",
                line + above + first_line,
                place,
                _BACKSLASH_HINT + _retyped_scalar(text, line, column, first_line),
            )
    return None


def _scalar_source(lines: list[str], line: int, column: int) -> tuple[int, int, str] | None:
    """The double-quoted value whose opening quote is at `line`, `column` (0-based) of `lines`,
    as written: (line, column) of its closing quote and the text between the quotes, line
    breaks kept; None when no quote is there, or it is not closed."""
    if line >= len(lines) or lines[line][column : column + 1] != '"':
        return None
    parts, here, at = [], line, column + 1
    while here < len(lines):
        content = lines[here]
        close = at
        while close < len(content) and content[close] != '"':
            close += 2 if content[close] == "\\" else 1
        if close < len(content):
            parts.append(content[at:close])
            return here, close, "\n".join(parts)
        parts.append(content[at:])
        here, at = here + 1, 0
    return None


def _retyped_scalar(text: str, line: int, column: int, first_line: int) -> str:
    """« Sửa dòng này thành: …» with the double-quoted value opened at `line`, `column` (0-based)
    of `text` (which starts at line `first_line` of its file) retyped in single quotes, each
    backslash as typed, the rest of its line (a key, a `{…}`, a list's «- », a `# comment`)
    kept; a value going on to the lines below has its lines joined as YAML joins them, to write
    on one line in their place. "" when a \\" leaves unclear where the value ends, or its lines
    are not joined by a space (a blank line, a \\ at a line's end)."""
    lines = text.split("\n")
    source = _scalar_source(lines, line, column)
    if source is None:
        return ""
    end, close, raw = source
    parts = raw.split("\n")
    if (
        '"' in raw
        or any(not p.strip(" \t") for p in parts[1:-1])
        or any(p.rstrip(" \t").endswith("\\") for p in parts[:-1])
    ):
        return ""
    joined = " ".join(
        [parts[0].rstrip(" \t"), *(p.strip(" \t") for p in parts[1:-1]), parts[-1].lstrip(" \t")]
        if len(parts) > 1
        else parts
    )
    retyped = lines[line][:column] + yaml_quoted(joined) + lines[end][close + 1 :]
    if not _yaml_reads(retyped):
        return ""  # a quote inside closed the value early: the rest of the line is no YAML
    if end == line:
        return f" Sửa dòng này thành: {retyped.rstrip()}"
    lines_in_file = f"{line + first_line}–{end + first_line}"
    return f" Viết cả giá trị trên một dòng. Thay dòng {lines_in_file} bằng: {retyped.rstrip()}"


def _yaml_reads(line: str) -> bool:
    """Whether `line` alone is YAML (a key's, a list item's or a `{…}` line reads alone)."""
    import yaml  # here: a replayed build imports this module but reads no YAML (test_replay)

    try:
        yaml.compose(line, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return False
    return True


def _retyped_line(text: str, line: int | None) -> str:
    """« Sửa dòng này thành: …» with line `line` (0-based) of `text` retyped in single quotes,
    each backslash as typed, its `# comment` kept; "" when it is no `key: "value"` line on its
    own, or a \\" leaves unclear where the value ends."""
    lines = text.split("\n")
    if line is None or line >= len(lines) or (found := _key_and_value(lines[line])) is None:
        return ""
    key, value = found
    comment = ""
    if value[0] == '"' and (ends := _comment_after_quotes(value)) is not None:
        value, comment = value[:ends], value[ends:]
    if value[0] != '"' or len(value) < 2 or value[-1] != '"' or '"' in value[1:-1]:
        return ""
    return f" Sửa dòng này thành: {key}: {yaml_quoted(value[1:-1])}{comment}"


def _curly_closed(text: str, line: int) -> str | None:
    """Line `line` (0-based) of `text` retyped when its value opens with a straight " and a
    curly ” stands where it was to close (Word curled the second quote only): «title: "Cảnh
    báo”» reads «Cảnh báo», «title: "Lừa đảo” qua mạng» «Lừa đảo» in «…» then the rest; None
    when it is no such line."""
    lines = text.split("\n")
    if line < 0 or line >= len(lines) or (found := _key_and_value(lines[line])) is None:
        return None
    key, value = found
    inner = value[1:]
    if value[0] != '"' or inner.count("”") != 1 or any(q in inner for q in '"“\\#'):
        return None
    before, after = inner.split("”")
    meant = before if not after.strip() else f"«{before}»{after}"
    return f"{key}: {yaml_quoted(meant)}"


_CLOSING_QUOTE = re.compile(r'(?:^|[^\\])(?:\\\\)*"')
"""A double quote not escaped (an even number of backslashes before it, `\\"` included)."""


_KEY_LINE = re.compile(r"[^\s#\"'-][^:\"]*:(?:\s|$)")
"""A line that starts a new field (`author: …`), which a quoted value never runs on into."""


_KEY_VALUE = re.compile(
    r"^(?P<key>[ \t]*+(?:-[ \t]++)?[A-Za-z_][\w.-]*):[ \t]+"
    r"(?P<value>[^\s\"'](?>(?:\S|\s+(?=\S))*))\s*$"
)
"""A front-matter line `key: value` whose value is not quoted. The value ends at its last
non-space by an atomic run, not `.*?` before `\\s*$`: that tried every end of a long run of
spaces inside the value again (200,000 spaces: minutes)."""
_PLAIN_COMMENT = re.compile(r"[ \t]#")
"""Where a `# comment` starts after a value not in quotes: a # after a space or a tab (a # inside
a word, «#1» after a letter, is text)."""


TEXT_KEYS = frozenset({"title", "summary", "note", "cover_alt"})
"""Keys whose value is text a reader sees whole (a title, a summary, a correction's note, a
cover's description), where « # » then words, not in quotes, is most likely text (editors write
no comment on a title's line): YAML drops it as a comment. Not a name (`author`): a # is no
part of one, so « # » after it is a comment written as one."""


@dataclass(frozen=True, slots=True)
class HashCut:
    """A value not in quotes that a « #» on its line cuts short (see yaml_hash_cuts)."""

    line: int
    """0-based line of the front matter."""
    key: str
    """The key as written, its indent (and a list item's «- ») kept."""
    kept: str
    """The value YAML keeps, before the « #»."""
    value: str
    """The whole value as written on the line."""
    spaced: bool
    """Whether a space follows the # (« # ghi chú», how a comment is written)."""

    @property
    def name(self) -> str:
        """The key's name alone (`title` of «  - title»)."""
        return self.key.strip(" \t-")

    @property
    def dropped(self) -> str:
        """What YAML drops as a comment, from the #."""
        return self.value[len(self.kept) :].strip(" \t")

    @property
    def retyped(self) -> str:
        """The line with the whole value in quotes: what it says, read as written."""
        return f"{self.key}: {yaml_quoted(self.value)}"

    @property
    def noted(self) -> str:
        """The line with the value YAML keeps in quotes and the comment after it."""
        return f"{self.key}: {yaml_quoted(self.kept)} {self.dropped}"

    @property
    def comment(self) -> str | None:
        """A « # » comment written after the cut when the cut is a # against a word («Tin số #3
        # ghi chú của BBT»: «#3» is text, « # ghi chú của BBT» written as a comment)."""
        if self.spaced:
            return None
        later = _LATER_COMMENT.search(self.value, len(self.kept) + 2)
        return self.value[later.start() :].strip(" \t") if later is not None else None

    @property
    def meant(self) -> str:
        """The value without the « # » comment written after the cut, if any."""
        comment = self.comment
        return self.value if comment is None else self.value[: -len(comment)].rstrip(" \t")

    @property
    def tags(self) -> list[str] | None:
        """The tags a `tags:` line not in brackets means («#luadao #canhbao», «#a, #canh bao»,
        «luadao, #canhbao»): one at each comma, semicolon or word opening with a #, without their
        #; None for another key, a `[…]` list or no tag."""
        if self.name != "tags" or self.value[:1] in "[{":
            return None
        words = (
            word.strip(" \t").lstrip("#").strip(" \t") for word in _TAG_PARTS.split(self.meant)
        )
        return [word for word in words if word] or None

    @property
    def hint(self) -> str:
        """How to fix the line: tags as a list; the comment kept after the quotes when one is
        written after the cut; a value no text (a date, a key, a name) with its # taken away,
        which quotes would keep («"#2020-12-12"» is no date); else the whole value quoted (a
        comment after a title offered too)."""
        if (tags := self.tags) is not None:
            listed = ", ".join(yaml_quoted(tag) for tag in tags)
            after = f" {comment}" if (comment := self.comment) is not None else ""
            return (
                "Thẻ viết kiểu Facebook, mỗi thẻ một dấu #, thì ghi thành một danh sách (dấu # "
                f"không cần), sửa dòng này thành: {self.key}: [{listed}]{after}"
            )
        if (comment := self.comment) is not None:
            meant = self.meant
            text = meant[len(self.kept) :].strip(" \t")
            return (
                f"«{text}» (dấu # liền chữ sau nó) là chữ của giá trị, «{comment}» viết như một "
                f"ghi chú (không đăng). Nếu «{comment}» cũng thuộc giá trị, đặt cả giá trị trong "
                f"ngoặc kép («{self.retyped}»); nếu không, đặt phần trước ghi chú trong ngoặc "
                f"kép, sửa dòng này thành: {self.key}: {yaml_quoted(meant)} {comment}"
            )
        if not self.kept:
            if self.name in TEXT_KEYS:  # a title is read whole: no comment is meant there
                return f"Đặt cả giá trị trong ngoặc kép, sửa dòng này thành: {self.retyped}"
            bare = self.value.lstrip("#")
            return (
                "Ghi chú (không đăng) thì viết một dấu cách sau dấu # («# ghi chú»); còn đây là "
                "giá trị của trường thì xóa dấu # ở đầu (trường này không cần nó), sửa dòng này "
                f"thành: {self.key}: {_unquoted(bare) if bare else yaml_quoted(self.value)}"
            )
        if self.name in TEXT_KEYS:
            # A comment after a title is kept by quoting the title: « # ghi chú» is warned there.
            how = f"đặt phần trước nó trong ngoặc kép («{self.noted.strip()}»)"
        else:
            how = "viết một dấu cách sau dấu # («# ghi chú»)"
        return (
            f"Nếu «{self.dropped}» là ghi chú (không đăng), {how}. Nếu nó thuộc giá trị, "
            f"đặt cả giá trị trong ngoặc kép, sửa dòng này thành: {self.retyped}"
        )


_TAG_PARTS = re.compile(r"[,;]|[ \t]+(?=#)")
"""Where one tag of a `tags:` line written as on Facebook ends: a comma, a semicolon, a space
before a #."""


def _unquoted(value: str) -> str:
    """`value` as a YAML value without quotes, so that a date stays a date and a number a number,
    unless YAML would read it otherwise (a `: `, a ` #`, a sign that opens a list or a quote)."""
    if (
        value[:1] in "\"'[]{}&*!|>%@`,#"
        or value.startswith(("- ", "? ", ": "))
        or ": " in value
        or value.endswith(":")
        or _PLAIN_COMMENT.search(value)
    ):
        return yaml_quoted(value)
    return value


_LATER_COMMENT = re.compile(r"[ \t]#(?=[ \t]|$)")
"""A # written as a comment starts (a space or a Tab on each side, or the line's end after)."""


def yaml_hash_cuts(text: str) -> Iterator[HashCut]:
    """Each line of front matter `text` whose value, not in quotes, a « #» then text cuts short
    («title: Tin số #3: bắt giữ» reads «Tin số»: YAML takes the rest for a comment), or empties
    when it starts with a # against a word («tags: #luadao»), at the top, in a block or in a
    list's item. « # ghi chú», a space after the #, is how a comment is
    written: only in a title or a summary (TEXT_KEYS), where it is most likely text. Lines are
    read alone: a line inside a `|` text is one too (the caller checks what YAML read)."""
    for number, content in enumerate(text.split("\n")):
        if "#" not in content or (found := _key_and_value(content)) is None:
            continue
        key, value = found
        if value[0] == "#" and value[1:2] not in ("", " ", "\t"):
            # «tags: #luadao #canhbao», «title: #3 Cảnh báo»: hashtags, not a comment («# …»).
            yield HashCut(number, key, "", value, False)
            continue
        cut = _PLAIN_COMMENT.search(value)
        if value[0] in "\"'#" or cut is None or not value[cut.end() :].strip():
            continue
        spaced = value[cut.end()] in " \t"
        if spaced and key.strip(" \t-") not in TEXT_KEYS:
            continue
        yield HashCut(number, key, value[: cut.start()].rstrip(), value, spaced)


def yaml_quoted(value: str) -> str:
    """`value` in the quotes that YAML reads back as exactly that text, the way an editor types
    it: double quotes, or single quotes (a ' in it doubled) when it holds a " or a backslash,
    which inside double quotes would end the value or start an escape («D:\\tai-lieu» read with a
    Tab)."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def _quoted_value(text: str, line: int | None) -> str | None:
    """How line `line` (0-based) of `text` reads with its value in quotes, as the fix to write
    («summary: "Cảnh giác: không …"»), a `# comment` after the value kept after the quotes;
    None when it is no `key: value` line, or its value goes on to the lines below."""
    lines = text.split("\n")
    if line is None or line >= len(lines):
        return None
    found = _KEY_VALUE.match(lines[line])
    above = lines[line - 1].strip() if line else ""
    if found is None or (above and ":" not in above):
        return None  # a line above without its ':' is what to fix, not this one
    below = lines[line + 1] if line + 1 < len(lines) else ""
    # Where the key's name starts: a list item's keys line up after its «- ».
    indent = len(found["key"]) - len(found["key"].lstrip(" \t-"))
    if below.strip() and len(below) - len(below.lstrip()) > indent:
        return None  # the value goes on below: a line retyped alone would leave the rest astray
    value, comment = found["value"], ""
    if (hash_at := _PLAIN_COMMENT.search(value)) is not None:
        value, comment = value[: hash_at.start()].rstrip(), value[hash_at.start() :]
    retyped = yaml_quoted(value)
    quotes = (
        "ngoặc kép"
        if retyped.startswith('"')
        else 'ngoặc đơn (giá trị có dấu \\ hay ", mà trong ngoặc kép chúng có nghĩa riêng)'
    )
    return f"Đặt cả giá trị trong {quotes}, sửa dòng này thành: {found['key']}: {retyped}{comment}"


_KEY_QUOTED = re.compile(
    r"^(?P<key>[ \t]*+(?:-[ \t]++)?[A-Za-z_][\w.-]*):[ \t]+"
    r"(?P<value>[\"'](?>(?:\S|\s+(?=\S))*))\s*$"
)
"""A front-matter line `key: value` whose value opens with a quote (a key as _KEY_START)."""
_INNER_PAIR = {q: re.compile(f"{q}([^{q}\\n]*){q}") for q in "\"'"}
"""A pair of double, or of single, quotes inside a value."""
_ESCAPED_QUOTE = "\0"
"""Stands for a quote written '' in single quotes while the others are paired (no line it is
asked about holds a NUL: YAML refuses one before parsing, with another error)."""


def _comment_after_quotes(value: str) -> int | None:
    """Where the `# comment` after a value opened with a quote starts in `value`: the first #
    after a space, outside the quotes (each quote like the first opens or closes one) and right
    after a closing quote; None when there is none. Quotes in the comment are its text («# ghi
    chú "cũ"»); a # inside quotes is the value's («"Tin "nóng" # 1 hôm nay"»)."""
    outer, inside, last = value[0], False, 0
    # `last`: where the last character not a space is, so that whether a closing quote ends
    # the value before a # is known without cutting the line again at each # (quadratic).
    for at, char in enumerate(value):
        if char == outer:
            inside = not inside
        elif char == "#" and not inside and value[at - 1] in " \t" and value[last] == outer:
            return last + 1
        if not char.isspace():
            last = at
    return None


def _inner_quotes_fixed(text: str, line: int | None) -> str | None:
    """Line `line` (0-based) of `text` retyped as one quoted value when quotes inside its value
    closed it early («title: "Ra quân "tuần tra" cuối năm"» → «title: "Ra quân «tuần tra» cuối
    năm"», the same from single quotes), its indent and `# comment` kept; None when it is no
    such line, the quotes do not pair up, or a \\" leaves unclear where the value was to end."""
    lines = text.split("\n")
    if line is None or line >= len(lines) or (found := _KEY_QUOTED.match(lines[line])) is None:
        return None
    value, comment = found["value"], ""
    if (ends := _comment_after_quotes(value)) is not None:
        value, comment = value[:ends], value[ends:]
    outer = value[0]
    if outer == '"' and '\\"' in value:
        return None
    if outer == "'":
        # In single quotes YAML reads '' as one quote of the text («''Đội CSGT''» is 'Đội
        # CSGT'), never as a value closed and opened again: kept aside, it pairs with nothing.
        value = outer + value[1:].replace("''", _ESCAPED_QUOTE)
    if len(value) > 1 and value[-1] == outer:
        value = value[1:-1]  # the quotes that open and close the value are not the value's
    for quote in (outer, '"'):
        value = _INNER_PAIR[quote].sub(r"«\1»", value)
    if '"' in value:
        return None  # a quote left over: where the value was meant to end is not known
    # A backslash is the text the editor typed (a folder, «D:\tai-lieu»), never an escape.
    retyped = yaml_quoted(value.replace(_ESCAPED_QUOTE, "'"))
    return f"{found['key']}: {retyped}{comment}"


def _opening_quote(text: str, line: int) -> str:
    """The quote mark the value on line `line` (0-based) of `text` opens with (" if none)."""
    found = _KEY_QUOTED.match(text.split("\n")[line])
    return found["value"][0] if found is not None else '"'


def _unclosed_quote(text: str, upto: int | None) -> tuple[int, int] | None:
    """(line, column), 0-based, of a value opened with a double quote and still open at line
    `upto`: such a value runs on into the next lines, and YAML reports the error where it finally
    fails, lines later. (A value closed on a later line is valid YAML, not the culprit.)"""
    still_open: tuple[int, int] | None = None
    for number, content in enumerate(text.split("\n")[: None if upto is None else upto + 1]):
        if still_open is not None:
            if _KEY_LINE.match(content):
                return still_open  # `summary: "…` unclosed swallowed the next field's line
            if _CLOSING_QUOTE.search(content):
                still_open = None
            continue
        opened = YAML_QUOTED_VALUE_RE.match(content)
        if opened and not _CLOSING_QUOTE.search(content[opened.end() :]):
            still_open = number, opened.end() - 1
    return still_open


_INDENTED_KEY = re.compile(r" +[A-Za-z_][A-Za-z0-9_-]*[ \t]*:(?:[ \t]|$)")
"""A field written after spaces: `  title: …` (a Tab there is told as a Tab)."""
_VALUED_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*[ \t]*:[ \t]*[^\s|>#]")
"""A field at the margin with its value on its own line (not a block `zalo:` nor `summary: >`)."""


def _continuation(text: str, index: int) -> tuple[str, str] | None:
    """What to say of line `index` of front matter `text` holding «name: value» when it is
    indented under a field with its value on its line, which YAML reads as that value going
    on («summary: Cảnh báo …» then «  Ngày: 05/12/2026»): (message, hint), else None. The
    usual hint, to quote the value, would leave it indented and refused the same."""
    lines = text.split("\n")
    written = lines[index]
    above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
    pair = _KEY_VALUE.match(written)
    field = _VALUED_KEY.match(above)
    if pair is None or field is None or not written[:1].isspace() or above[:1].isspace():
        return None
    name = above.split(":", 1)[0].strip()
    return (
        f"dòng này thụt vào đầu dòng nên được đọc là phần nối tiếp của '{name}' ở dòng trên, "
        "nhưng lại có dạng 'tên: giá trị' của một trường",
        f"Nếu đây là một trường riêng thì viết sát lề trái: {written.strip()}"
        + (
            ""
            if pair["key"].isascii()
            else " (tên trường viết bằng tiếng Anh, không dấu, ví dụ date thay cho Ngày)"
        )
        + f". Nếu là phần tiếp của '{name}' thì nối nó vào cuối dòng trên và đặt cả giá trị "
        "trong ngoặc kép.",
    )


def _indented_field(text: str) -> int | None:
    """The index of the line of front matter `text` holding a field pushed in by spaces where
    no block opens (the first field, or one after a field with its value), else None: YAML reads
    it as nested and fails a line or two later with words about mappings or documents."""
    before = ""
    for index, written in enumerate(text.split("\n")):
        if not written.strip() or written.lstrip().startswith("#"):
            continue
        if _INDENTED_KEY.match(written) and (not before or _VALUED_KEY.match(before)):
            return index
        before = written
    return None


def _special(char: str, line: int | None, column: int | None) -> Explained:
    """A value starting with a character YAML gives a meaning to (@, `, %, *, !, |, >)."""
    shown = f"«{char}»" if char.strip() else "này"
    return Explained(
        f"giá trị bắt đầu bằng ký tự {shown}, ký tự có nghĩa riêng trong YAML",
        line,
        column,
        f'Đặt cả giá trị trong ngoặc kép, ví dụ title: "{char.strip()}…".',
    )


def _tab(
    text: str, mark: Any, line: int | None, column: int | None, *, in_block: bool
) -> Explained:
    """A Tab PyYAML refused, told by the line it is on: a comment line or a blank one (harmless
    to the editor, refused all the same: libyaml takes a Tab at a line's start for indentation)
    is fixed by removing it; a line of a value (`in_block`: a `|` or `>` one) by spaces."""
    written = text.split("\n")[mark.line]
    rest = written.strip(" \t")
    on = f"dòng {line}" if line is not None else "dòng này"
    if not in_block and not written[: mark.column].strip() and rest.startswith("#"):
        return Explained(
            "có ký tự Tab ở đầu dòng ghi chú (dòng bắt đầu bằng #): phần đầu chỉ được thụt lề "
            "bằng dấu cách, kể cả dòng ghi chú",
            line,
            column,
            f"Xóa Tab ở đầu {on} (ghi chú viết sát lề trái cũng được) hoặc thay Tab bằng dấu "
            "cách; không cần ghi chú đó thì xóa cả dòng.",
        )
    if not in_block and not rest:
        return Explained(
            "dòng trống có ký tự Tab: phần đầu chỉ được thụt lề hay ngăn cách bằng dấu cách",
            line,
            column,
            f"Xóa Tab trên {on} (để dòng trống hẳn), hoặc xóa cả dòng.",
        )
    return Explained(
        "có ký tự Tab: phần đầu chỉ được thụt lề hay ngăn cách bằng dấu cách",
        line,
        column,
        f"Thay Tab trên {on} bằng dấu cách (hai dấu cách cho mỗi mức thụt lề).",
    )


def _char_at(text: str, mark: Any) -> str:
    """The character of `text` a PyYAML mark points at ("" when it points past the end)."""
    if mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


# ---- JSON (state files) ----

JSON_CASES: tuple[tuple[str, str], ...] = (
    (
        "Expecting property name enclosed in double quotes",
        "tên mục phải trong ngoặc kép, hoặc có dấu phẩy thừa trước dấu }",
    ),
    ("Expecting ',' delimiter", "thiếu dấu phẩy giữa hai mục"),
    ("Expecting ':' delimiter", "thiếu dấu ':' sau tên mục"),
    ("Unterminated string", "chuỗi chưa có dấu ngoặc kép đóng"),
    ("Extra data", "còn nội dung thừa sau phần JSON (thường do hai tệp bị ghép vào nhau)"),
    ("Invalid control character", "chuỗi có ký tự điều khiển không được phép"),
    ("Invalid \\escape", "dấu \\ không hợp lệ trong chuỗi"),
    ("Invalid \\uXXXX escape", "dấu \\ không hợp lệ trong chuỗi"),
    ("Expecting value", "thiếu giá trị, hoặc có dấu phẩy thừa"),
)
"""(start of the json module's message, Vietnamese) for the common cases."""


def json_error(exc: ValueError) -> Explained:
    """Why a JSON file could not be read, in Vietnamese (`exc` from json.loads or decoding)."""
    if isinstance(exc, UnicodeDecodeError):
        return Explained(
            f"tệp không phải UTF-8 (byte thứ {exc.start})", None, None, "Khôi phục tệp từ git."
        )
    if not isinstance(exc, json.JSONDecodeError):
        return Explained(str(exc), None, None, "Khôi phục tệp từ git.")
    doc, pos = exc.doc, exc.pos
    line: int | None = exc.lineno
    column: int | None = exc.colno
    if not doc.strip():
        message = "tệp trống"
        line = column = None
    elif (conflict := re.search(r"^(<{7}|={7}|>{7})( |$)", doc, re.MULTILINE)) is not None:
        message = "tệp còn dấu xung đột của git (<<<<<<<, =======, >>>>>>>) sau một lần gộp nhánh"
        line, column = doc.count("\n", 0, conflict.start()) + 1, 1
    elif pos >= len(doc.rstrip()):
        message = "tệp bị cắt cụt: kết thúc giữa chừng (thường do lần ghi trước bị ngắt)"
    else:
        found = next((vi for start, vi in JSON_CASES if exc.msg.startswith(start)), None)
        message = found or "không đúng cú pháp JSON" + _detail(exc.msg)
    return Explained(message, line, column, "Khôi phục tệp từ git.")


# ---- Jinja (templates/web) ----

JINJA_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "end of template": "cuối tệp",
    "name": "một tên (biến hay bộ lọc)",
}


def template_error(exc: BaseException) -> Explained:
    """A jinja2.TemplateSyntaxError in Vietnamese (Jinja gives a line, no column)."""
    original = str(getattr(exc, "message", None) or exc)
    line = getattr(exc, "lineno", None)
    pairs = "Mỗi {{ phải có }} đóng, mỗi {% phải có %} đóng, trên cùng một thẻ."
    if found := re.search(r"The innermost block that needs to be closed is '(\w+)'", original):
        block = found.group(1)
        unknown = re.search(r"Encountered unknown tag '(\w+)'", original)
        seen = f"gặp {{% {unknown.group(1)} %}} khi" if unknown else "hết tệp mà"
        return Explained(
            f"{seen} khối {{% {block} %}} chưa được đóng: thiếu {{% end{block} %}}",
            line,
            None,
            f"Thêm {{% end{block} %}} ở cuối khối {block}, hoặc sửa thẻ đóng cho đúng tên khối.",
        )
    if found := re.search(r"Encountered unknown tag '(\w+)'", original):
        return Explained(
            f"thẻ {{% {found.group(1)} %}} không có hoặc không có khối mở tương ứng",
            line,
            None,
            "Kiểm tra chính tả tên thẻ (if, for, block, endif, endfor…) và khối mở phía trên nó.",
        )
    if "expected 'end of print statement'" in original and "end of template" in original:
        return Explained("{{ mở nhưng chưa có }} đóng", line, None, pairs)
    if found := re.search(r"expected token '([^']+)', got '([^']+)'", original):
        wanted, got = (JINJA_TOKENS.get(t, t) for t in found.groups())
        return Explained(
            f"cần {wanted} nhưng gặp {got}: thẻ {{{{ … }}}} hay {{% … %}} chưa đóng đúng chỗ",
            line,
            None,
            pairs,
        )
    if found := re.search(r"unexpected (?:char )?'(.+?)'", original):
        char = found.group(1)
        return Explained(
            f"ký tự «{char}» không đúng chỗ: thường là một thẻ {{{{ … }}}} hay {{% … %}} chưa đóng, "
            "hoặc một chuỗi thiếu dấu ngoặc kép",
            line,
            None,
            pairs,
        )
    if "Missing end of comment tag" in original:
        return Explained("ghi chú {# chưa có #} đóng", line, None, "Thêm #} ở cuối ghi chú.")
    if "unexpected end of template" in original.lower():
        return Explained("tệp kết thúc khi một thẻ còn đang mở", line, None, pairs)
    if lacking := unknown_filter_or_test(original, line):
        return lacking
    # Not «mẫu giao diện sai cú pháp» again: the caller's message already begins with it.
    return Explained("chỗ sai chưa được mô tả" + _detail(original), line, None, pairs)


UNKNOWN_NAME_RE = re.compile(r"No (filter|test) named '([^']+)'")
"""Jinja's words for a filter (found compiling) or a test (found only rendering) it lacks."""


def unknown_filter_or_test(original: str, line: int | None) -> Explained | None:
    """Jinja's message `original` for a filter or test it does not have, in Vietnamese; None for
    any other message. Shared by template_error and template_faults (a test is looked up only
    while a page renders)."""
    if not (found := UNKNOWN_NAME_RE.search(original)):
        return None
    kind, name = found.groups()
    what, after, known = (
        ("bộ lọc", "|", "upper, lower, length, default, join, replace, truncate")
        if kind == "filter"
        else ("phép thử", "is ", "defined, none, number, string")
    )
    return Explained(
        f"không có {what} «{name}» ({after}{name})",
        line,
        None,
        f"Kiểm tra chính tả tên sau «{after.strip()}» (có sẵn, ví dụ: {known}), hoặc bỏ "
        f"{after}{name} khỏi mẫu.",
    )


def _lowered_first(sentence: str) -> str:
    """`sentence` with its first letter in lower case, to go on after «… và »."""
    return sentence[:1].lower() + sentence[1:]
