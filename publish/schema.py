"""Turn plain TOML/YAML data into frozen dataclasses, collecting every problem in one pass."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Union

from publish.text import fold, quoted

__all__ = ["TYPE_NAMES", "SchemaIssue", "build", "rules", "type_name"]

TYPE_NAMES = {
    str: "chuỗi ký tự",
    int: "số nguyên",
    float: "số",
    bool: "true hoặc false",
    list: "danh sách",
    tuple: "danh sách",
    dict: "bảng",
    dt.date: "ngày",
    dt.datetime: "ngày giờ",
    dt.time: "giờ",
}


@dataclasses.dataclass(frozen=True, slots=True)
class SchemaIssue:
    """A mismatch between data and schema at a dotted key path."""

    path: tuple[str, ...]
    message: str
    hint: str | None = None


def rules(
    *,
    filled: bool = False,
    least: float | None = None,
    above: float | None = None,
    most: float | None = None,
    note: str = "",
    example: Any = None,
    key: str | None = None,
    hidden: bool = False,
) -> dict[str, Any]:
    """A field's metadata for `build`: what its value must be beyond its type — `filled` text
    (not blank), a number at `least` / `above` / `most` (for a list: each item) — what the key
    is for (`note`, a sentence for hints), a value to show when it has no default (`example`),
    the `key` it is written under (when not its name) and whether it is `hidden` from the keys a
    hint lists (set by the program, never in the file)."""
    metadata: dict[str, Any] = {"filled": filled, "note": note, "hidden": hidden}
    bounds = {"least": least, "above": above, "most": most, "example": example, "key": key}
    metadata.update({name: value for name, value in bounds.items() if value is not None})
    return metadata


def type_name(tp: Any) -> str:
    """Vietnamese name of a Python type annotation."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return " hoặc ".join(type_name(a) for a in typing.get_args(tp) if a is not type(None))
    if dataclasses.is_dataclass(tp):
        return "bảng"
    return TYPE_NAMES.get(origin or tp, str(tp))


def found_name(value: Any) -> str:
    """Describe what was found, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):  # TOML dates and times: as written, no Python repr
        return f"{type_name(type(value))} {value.isoformat()}"
    return (
        f"{type_name(type(value))} {quoted(value) if isinstance(value, str) else value}"
        if not isinstance(value, dict | list)
        else type_name(type(value))
    )


def build(
    cls: type,
    data: Any,
    path: tuple[str, ...],
    issues: list[SchemaIssue],
    suggest: Callable[[str], str | None] | None = None,
) -> Any:
    """Build dataclass `cls` from `data`, appending problems to `issues`; unknown keys are problems.
    A required key that is not written is None in what is built (its issue is in `issues`).

    `suggest` may name the key an unknown one stands for ("don-vi" → "unit") where spelling
    alone cannot tell."""
    table = isinstance(data, dict)
    if not table:
        issues.append(
            SchemaIssue(path, f"cần một bảng, nhận được {found_name(data)}", _table_hint(path))
        )
        data = {}
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    known = {f.metadata.get("key", name): name for name, f in fields.items()}
    shown = [k for k, name in known.items() if not fields[name].metadata.get("hidden")]
    # Keys of a table written as something else are not also missing: one mistake, one issue.
    missing = {
        k for k, name in known.items() if table and k not in data and _required(fields[name])
    }
    renamed = set()
    for key in data:
        if key not in known:
            close = (suggest(key) if suggest else None) or _closest(key, shown)
            if close in missing:
                renamed.add(close)
            hint = (
                _rename_hint(key, close, data[key], path) if close else _valid(shown, hints, known)
            )
            what = "bảng" if isinstance(data[key], dict) else "khóa"
            issues.append(SchemaIssue((*path, key), f"{what} không được hỗ trợ", hint))
    values: dict[str, Any] = {}
    for key, name in known.items():
        if key in data:
            before = len(issues)
            values[name] = convert(hints[name], data[key], (*path, key), issues, fields[name])
            if len(issues) == before:
                issues.extend(_out_of_rule(values[name], (*path, key), fields[name]))
        elif key in missing and key not in renamed:
            issues.append(_missing(hints[name], (*path, key), fields[name]))
    # A required key that is absent (already an issue) is None, so the table is still built and
    # the checks of its other keys run: one missing or misspelt key must not hide the rest.
    absent = {name: None for name, f in fields.items() if name not in values and _required(f)}
    return cls(**values, **absent)


def _out_of_rule(value: Any, path: tuple[str, ...], field: dataclasses.Field) -> list[SchemaIssue]:
    """The issue of a well-typed value its field's rules refuse (for a list, its first bad item)."""
    listed = isinstance(value, tuple)
    for item in value if listed else (value,):
        wrong = _wrong(item, field.metadata)
        if wrong:
            fix = _example_of(path[-1], field)
            if listed:
                blank = isinstance(item, str) and not item.strip()
                wrong = (
                    "danh sách có một phần tử trống"
                    if blank
                    else f"danh sách có phần tử {_literal(item)}: {wrong}"
                )
                fix = "Sửa hoặc xóa phần tử đó. " + fix
            return [SchemaIssue(path, wrong, " ".join(filter(None, (field.metadata["note"], fix))))]
    return []


def _wrong(value: Any, rule: Mapping[str, Any]) -> str | None:
    """What is wrong with one value under a field's rules, or None."""
    if rule.get("filled") and isinstance(value, str) and not value.strip():
        return "không được để trống"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    least, above, most = rule.get("least"), rule.get("above"), rule.get("most")
    if (
        (least is None or value >= least)
        and (above is None or value > above)
        and (most is None or value <= most)
    ):
        return None
    kind = "số nguyên" if isinstance(value, int) else "số"
    if above is not None:
        wanted = f"lớn hơn {_literal(above)}"
    elif most is None:
        wanted = f"từ {_literal(least)} trở lên"
    else:
        wanted = f"từ {_literal(least)} đến {_literal(most)}"
    return f"cần {kind} {wanted}, nhận được {_literal(value)}"


def _example_of(key: str, field: dataclasses.Field) -> str:
    """'For example `key = value`', with the default when there is one."""
    if field.default is not dataclasses.MISSING:
        return f"Ví dụ: {key} = {_literal(field.default)} (mặc định, dùng khi không ghi khóa này)."
    if "example" in field.metadata:
        return f"Ví dụ: {key} = {_literal(field.metadata['example'])}."
    return ""


def _literal(value: Any) -> str:
    """A value as TOML writes it: `"chuỗi"`, `10`, `12.5`, `true`, `[480, 960]`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return str(value)


def _missing(tp: Any, path: tuple[str, ...], field: dataclasses.Field) -> SchemaIssue:
    """The issue of a required key not written, saying what to add."""
    note = field.metadata.get("note", "")
    if dataclasses.is_dataclass(tp):
        needed = [
            f"{f.metadata.get('key', f.name)} = {_literal(f.metadata.get('example', '…'))}"
            for f in dataclasses.fields(tp)
            if f.init and _required(f)
        ]
        hint = f"Thêm bảng [{'.'.join(path)}] với khóa bắt buộc {', '.join(needed)}."
        return SchemaIssue(path, "thiếu bảng bắt buộc", " ".join(filter(None, (hint, note))))
    if _is_dict(tp):
        return SchemaIssue(path, "thiếu bảng bắt buộc", note or None)
    table = f" vào bảng {_table_name(path[:-1])}" if len(path) > 1 else ""
    written = _literal(field.metadata.get("example", "…"))
    hint = f"Thêm dòng {path[-1]} = {written}{table}."
    return SchemaIssue(
        path,
        f"thiếu khóa bắt buộc (cần {type_name(tp)})",
        " ".join(filter(None, (hint, note))),
    )


def _table_name(path: tuple[str, ...]) -> str:
    """A table as site.toml heads it: `[contact]`, or `[[contact.stations]] thứ 2` for the second
    table of a list of them (its path ends with its place, from 0)."""
    if len(path) > 1 and path[-1].isdigit():
        return f"[[{'.'.join(path[:-1])}]] thứ {int(path[-1]) + 1}"
    return f"[{'.'.join(path)}]"


def _required(field: dataclasses.Field) -> bool:
    """Whether a field has no default, so its key must be written."""
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _valid(shown: list[str], hints: dict[str, Any], known: dict[str, str]) -> str:
    """The keys that may be written here; where each is a table, as headers in their order."""
    if all(_is_table(hints[known[k]]) for k in shown):
        shown = [f"[{k}.<khóa>]" if _of_tables(hints[known[k]]) else f"[{k}]" for k in shown]
        return f"Các bảng hợp lệ: {', '.join(shown)}."
    return f"Các khóa hợp lệ: {', '.join(sorted(shown))}."


def _is_table(tp: Any) -> bool:
    """Whether a type is written as a TOML table."""
    return dataclasses.is_dataclass(tp) or _is_dict(tp)


def _of_tables(tp: Any) -> bool:
    """Whether a type is written as one table per key the user chooses ([categories.<khóa>]),
    not as one table of keys the user chooses ([tag_aliases])."""
    args = typing.get_args(tp)
    return _is_dict(tp) and len(args) == 2 and dataclasses.is_dataclass(args[1])


def _is_dict(tp: Any) -> bool:
    """Whether a type is a table of tables, one per key the user chooses ([categories.<khóa>])."""
    return (typing.get_origin(tp) or tp) is dict


def _rename_hint(key: str, close: str, value: Any, path: tuple[str, ...]) -> str:
    """'Did you mean', and for a table the header line to write instead: `[category.tin-tuc]`
    becomes `[categories.tin-tuc]`."""
    meant = f"Có phải ý bạn là '{close}'?"
    if not isinstance(value, dict):
        return meant
    prefix = "".join(f"{p}." for p in path)
    first = next(iter(value), None)
    if first is not None and all(isinstance(v, dict) for v in value.values()):
        more = f" (và các bảng [{prefix}{key}.…] khác)" if len(value) > 1 else ""
        return f"{meant} Sửa tên bảng: [{prefix}{key}.{first}] → [{prefix}{close}.{first}]{more}."
    return f"{meant} Sửa tên bảng: [{prefix}{key}] → [{prefix}{close}]."


def convert(
    tp: Any,
    value: Any,
    path: tuple[str, ...],
    issues: list[SchemaIssue],
    field: dataclasses.Field | None = None,
) -> Any:
    """Check and convert one value against a type annotation (`field`, when the value is a
    dataclass field's, gives the hint its note and default)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is not type(None) and _matches(arg, value):
                return convert(arg, value, path, issues, field)
        issues.append(SchemaIssue(path, f"cần {type_name(tp)}, nhận được {found_name(value)}"))
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return build(tp, value, path, issues)
    if origin in (list, tuple):
        if not isinstance(value, list):
            issues.append(
                SchemaIssue(
                    path,
                    f"cần danh sách, nhận được {found_name(value)}",
                    _type_hint(tp, value, path, field),
                )
            )
            return ()
        item_type = args[0] if args else Any
        return tuple(
            convert(item_type, v, (*path, str(i)), issues, field) for i, v in enumerate(value)
        )
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            issues.append(
                SchemaIssue(
                    path,
                    f"cần bảng, nhận được {found_name(value)}",
                    _type_hint(tp, value, path, field),
                )
            )
            return {}
        value_type = args[1] if len(args) == 2 else Any
        return {k: convert(value_type, v, (*path, k), issues) for k, v in value.items()}
    if tp is Any:
        return value
    if typing.get_origin(tp) is typing.Literal:
        if value not in args:
            allowed = ", ".join(quoted(a) for a in args)
            issues.append(
                SchemaIssue(
                    path,
                    f"cần một trong {allowed}, nhận được {quoted(value)}",
                    _type_hint(tp, value, path, field),
                )
            )
        return value
    if not _matches(tp, value):
        issues.append(
            SchemaIssue(
                path,
                f"cần {type_name(tp)}, nhận được {found_name(value)}",
                _type_hint(tp, value, path, field),
            )
        )
        return value
    return float(value) if tp is float else value


_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
_YES = frozenset({"co", "true", "yes", "bat", "dung", "1"})
_NO = frozenset({"khong", "false", "no", "tat", "sai", "0"})


def _type_hint(tp: Any, value: Any, path: tuple[str, ...], field: dataclasses.Field | None) -> str:
    """How to write a value of the wrong type the way its key needs it, with the key's note."""
    key = next((p for p in reversed(path) if not p.isdigit()), "")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    example = _example_of(key, field) if field is not None else ""
    origin = typing.get_origin(tp) or tp
    if tp is str:
        shown = _literal(str(value)) if number else '"…"'
        fix = f"Viết trong ngoặc kép: {key} = {shown}."
    elif tp in (int, float):
        found = _NUMBER.search(value) if isinstance(value, str) else None
        if found:
            bare = "" if value.strip() == found[0] else " và không kèm đơn vị"
            written = found[0].replace(",", ".")
            if tp is int and "." in written:
                written = written.split(".")[0]
            fix = f"Viết số không có ngoặc kép{bare}: {key} = {written}."
        elif isinstance(value, float) and math.isfinite(value):  # inf, nan: no whole number
            fix = f"Viết số nguyên, không có phần thập phân: {key} = {round(value)}."
        else:
            fix = f"Viết một số, không có ngoặc kép. {example}"
    elif tp is bool:
        said = " ".join(re.split(r"[\W_]+", fold(str(value)))).strip()
        guess = "false" if said in _NO else "true"
        fix = f"Viết true (có) hoặc false (không), không có ngoặc kép: {key} = {guess}."
    elif origin in (list, tuple):
        item = (typing.get_args(tp) or (Any,))[0]
        if isinstance(value, str) and item in (int, float) and _NUMBER.fullmatch(value.strip()):
            value = value.strip()  # "480" for a list of numbers: [480]
        elif number and item is str:
            value = _literal(str(value))
        elif not isinstance(value, str) or item is not str:
            value = None
        else:
            value = _literal(value)
        fix = (
            f"Viết danh sách trong ngoặc vuông: {key} = [{value}]."
            if value is not None
            else f"Viết danh sách trong ngoặc vuông. {example}"
        )
    elif origin is typing.Literal:
        args = typing.get_args(tp)
        same = [a for a in args if isinstance(value, str) and a == value.strip().casefold()]
        fix = (
            f"Viết đúng chữ thường: {key} = {_literal(same[0])}."
            if same
            else "Viết một trong: " + ", ".join(f"{key} = {_literal(a)}" for a in args) + "."
        )
    else:
        fix = _table_hint(path)
    note = field.metadata.get("note", "") if field is not None else ""
    return " ".join(filter(None, (fix.strip(), note)))


def _table_hint(path: tuple[str, ...]) -> str:
    """How a table is written."""
    return (
        f"Viết thành bảng: một dòng [{'.'.join(path)}], rồi các khóa bên dưới, mỗi khóa một dòng."
    )


def _matches(tp: Any, value: Any) -> bool:
    """Whether `value` has the runtime shape of `tp` (bool is not an int here)."""
    origin = typing.get_origin(tp) or tp
    if origin is typing.Literal:
        return value in typing.get_args(tp)
    if dataclasses.is_dataclass(tp) or origin is dict:
        return isinstance(value, dict)
    if origin in (list, tuple):
        return isinstance(value, list)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is Any:
        return True
    return isinstance(value, origin)


def _closest(word: str, options: list[str]) -> str | None:
    """The option most like `word`, for 'did you mean' hints."""
    import difflib

    found = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


Converter = Callable[[Any], Any]
