"""Vietnamese for the faults a template meets while a page renders (syntax.template_error
tells those found compiling it).

The words matched are Jinja's and Python's own, found by making each fault in a template (see
tests/test_template_faults.py): a field the value does not have, a `for` over what is not a
list, a sum of a number and a text, a call of what is not a macro, a division by zero, a
length of nothing, an element past a list's end, a macro called with arguments it lacks.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import sys
from collections.abc import Callable

from publish.syntax import Explained, unknown_filter_or_test

__all__ = ["kind_in_vietnamese", "template_runtime_error"]

KINDS = {
    "str": "chuỗi chữ",
    "Markup": "đoạn HTML",
    "dict": "bảng dữ liệu",
    "list": "danh sách",
    "tuple": "danh sách",
    "int": "số nguyên",
    "float": "số",
    "bool": "giá trị đúng/sai",
    "None": "giá trị rỗng",
    "date": "ngày",
    "datetime": "ngày giờ",
    "Bulletin": "bản tin",
    "Page": "trang",
    "Macro": "macro",
    "LoopContext": "biến loop",
}
"""What a template author knows each kind of value as (Python's name follows in brackets)."""
FIELDS_KNOWN = ("publish.", "jinja2.runtime.")
"""Modules whose classes' fields are known here, to suggest one close to a misspelt name (a
dict's keys are not: its message does not carry the dict)."""
EMPTY = "None"
NOT_A_LIST = (
    "Kiểm tra thứ đứng sau «in» của {% for … in … %} (hay trước |join, |sort, |first…): nó "
    "phải là một danh sách (như categories hay tags), không phải một giá trị đơn như một tiêu "
    "đề hay một số."
)


def kind_in_vietnamese(name: str) -> str:
    """A kind of value as Jinja or Python names it ('str object', 'NoneType',
    'publish.model.Page object'), in Vietnamese with its Python name: «chuỗi chữ (str)»."""
    bare = name.removesuffix(" object").rsplit(".", 1)[-1]
    bare = EMPTY if bare == "NoneType" else bare
    return f"{KINDS[bare]} ({bare})" if bare in KINDS else f"đối tượng {bare}"


def _fields_like(kind: str, name: str) -> list[str]:
    """Fields of the class `kind` names ('publish.model.Page object') spelt like `name`, when
    the class is the tool's or Jinja's (already imported); [] for any other kind."""
    module, _, class_name = kind.removesuffix(" object").rpartition(".")
    if not (module + ".").startswith(FIELDS_KNOWN):
        return []
    found = getattr(sys.modules.get(module), class_name, None)
    if not isinstance(found, type):
        return []
    names = {n for n in dir(found) if not n.startswith("_")}
    if dataclasses.is_dataclass(found):
        names |= {f.name for f in dataclasses.fields(found)}
    return difflib.get_close_matches(name, sorted(names), n=3, cutoff=0.6)


def _no_field(found: re.Match[str]) -> Explained:
    """A field (`x.name`, `x['name']`) the value does not have."""
    kind, name = found.group(1), found.group(2) or found.group(3)
    shown = kind_in_vietnamese(kind)
    if kind == EMPTY:
        hint = (
            f"Thứ đứng trước «.{name}» (hay «['{name}']») không có giá trị ở trang này, như một "
            "trường không bắt buộc để trống: chỉ dùng nó bên trong {% if … %} … {% endif %}, "
            "hoặc sửa tên thứ đứng trước cho đúng."
        )
    else:
        hint = (
            f"Kiểm tra chính tả «{name}» và thứ đứng trước «.{name}» (hay «['{name}']»): đó là "
            f"{shown}, không có trường mang tên ấy."
        )
    if like := _fields_like(kind, name):
        hint += " Có phải: " + ", ".join(f"«{n}»" for n in like) + "?"
    return Explained(f"{shown} không có trường «{name}»", None, None, hint)


def _no_element(found: re.Match[str]) -> Explained:
    """An element (`x[5]`) past the end of a list, or of what has none."""
    kind, index = found.groups()
    return Explained(
        f"{kind_in_vietnamese(kind)} không có phần tử [{index}]",
        None,
        None,
        f"Thứ đứng trước «[{index}]» không có phần tử ấy ở trang này (danh sách ngắn hơn, hay "
        "giá trị trống): chỉ dùng nó bên trong {% if … %} … {% endif %} kiểm tra độ dài trước.",
    )


def _not_a_list(found: re.Match[str]) -> Explained:
    """A `for`, `in` or list filter (|join, |sort…) given one value, not a list."""
    named = found.group(1) or found.group(2)
    kind = kind_in_vietnamese(named)
    hint = NOT_A_LIST
    if named == "NoneType":
        hint += " Nếu nó có thể trống ở một số trang, viết «(… or [])» thay cho nó."
    return Explained(f"cần một danh sách nhưng gặp {kind}", None, None, hint)


def _not_pairs(found: re.Match[str]) -> Explained:
    """`{% for a, b in x %}` over a list whose elements are not pairs."""
    return Explained(
        f"{{% for a, b in … %}} cần mỗi phần tử là một cặp giá trị nhưng gặp "
        f"{kind_in_vietnamese(found.group(1))}",
        None,
        None,
        "Lặp bằng một tên ({% for x in … %}) khi mỗi phần tử là một giá trị, hoặc lặp trên "
        "x.items() khi x là một bảng dữ liệu.",
    )


def _operation(operator: str, left: str, right: str) -> Explained:
    """An arithmetic operator between values it does not join (a text and a number)."""
    hint = (
        f"Hai vế của «{operator}» phải là hai số: đổi chữ sang số bằng |int hay |float, hoặc sửa "
        "tên giá trị cho đúng."
    )
    if operator == "+":
        hint = (
            "Hai vế của «+» phải cùng loại: để nối chữ với số, dùng «~» ({{ a ~ b }}) thay cho "
            "«+»; để cộng, đổi chữ sang số bằng |int hay |float."
        )
    return Explained(
        f"phép «{operator}» không làm được giữa {kind_in_vietnamese(left)} và "
        f"{kind_in_vietnamese(right)}",
        None,
        None,
        hint,
    )


def _operands(found: re.Match[str]) -> Explained:
    """Python's words for an operator between kinds it does not join."""
    operator, left, right = found.groups()
    return _operation(operator, left, right)


def _concatenated(found: re.Match[str]) -> Explained:
    """Python's own words for `text + number` (the kinds the other way round)."""
    left, right = found.groups()
    return _operation("+", left, right)


def _compared(found: re.Match[str]) -> Explained:
    """A comparison (or |sort) of values of different kinds."""
    operator, left, right = found.groups()
    return Explained(
        f"không so sánh được {kind_in_vietnamese(left)} với {kind_in_vietnamese(right)} bằng "
        f"«{operator}» (|sort cũng so sánh như vậy)",
        None,
        None,
        "So sánh hay sắp xếp (|sort) cần các giá trị cùng loại: đổi chữ sang số bằng |int hay "
        "|float, hoặc so với một giá trị cùng loại.",
    )


def _negated(found: re.Match[str]) -> Explained:
    """A minus sign before what is not a number."""
    operator, kind = found.groups()
    return Explained(
        f"dấu «{operator}» đứng trước {kind_in_vietnamese(kind)}, không phải một số",
        None,
        None,
        "Đổi chữ sang số bằng |int hay |float, hoặc bỏ dấu ấy.",
    )


def _not_callable(found: re.Match[str]) -> Explained:
    """`x()` where x is a value, not a macro or function."""
    return Explained(
        f"{kind_in_vietnamese(found.group(1))} được gọi như một macro (có «(…)» phía sau) "
        "nhưng không phải macro hay hàm",
        None,
        None,
        "Bỏ «()» sau một trường (viết page.title, không phải page.title()); nếu đó là một "
        "macro, kiểm tra tên của nó và dòng {% from … import … %}, và không đặt một biến "
        "({% set %}) trùng tên macro.",
    )


def _no_length(found: re.Match[str]) -> Explained:
    """|length (or |count) of what has no length: nothing, a number."""
    kind = found.group(1)
    hint = (
        "Kiểm tra thứ đứng trước |length: |length chỉ dùng cho danh sách, chuỗi chữ hay bảng "
        "dữ liệu."
    )
    if kind == "NoneType":
        hint += " Nếu nó có thể trống ở một số trang, viết «(… or [])|length»."
    return Explained(
        "|length cần một danh sách, chuỗi chữ hay bảng dữ liệu nhưng gặp "
        + kind_in_vietnamese(kind),
        None,
        None,
        hint,
    )


def _not_indexable(found: re.Match[str]) -> Explained:
    """`x[0]` where x is a number or another value without elements."""
    return Explained(
        f"{kind_in_vietnamese(found.group(1))} không lấy phần tử bằng […] được",
        None,
        None,
        "[…] chỉ dùng cho danh sách (x[0]), chuỗi chữ hay bảng dữ liệu (x['url']): kiểm tra thứ "
        "đứng trước «[».",
    )


def _macro_fix(name: str) -> str:
    """How to make a call match macro `name`'s arguments."""
    return (
        f"So lời gọi với dòng {{% macro {name}(…) %}} (trong _macros.html của đơn vị): sửa lời "
        f"gọi cho khớp, hoặc, nếu mẫu gọi nó chép từ giao diện mặc định mới hơn, chép cả macro "
        f"{name} từ _macros.html của giao diện ấy."
    )


def _too_many_arguments(found: re.Match[str]) -> Explained:
    """A macro called with more arguments than it takes."""
    name, most = found.groups()
    return Explained(
        f"macro «{name}» được gọi với nhiều hơn {most} tham số nó nhận",
        None,
        None,
        _macro_fix(name),
    )


def _unknown_argument(found: re.Match[str]) -> Explained:
    """A macro called with a named argument it does not have."""
    name, argument = found.groups()
    return Explained(f"macro «{name}» không có tham số «{argument}»", None, None, _macro_fix(name))


def _missing_argument(found: re.Match[str]) -> Explained:
    """A macro's argument used in its body and not given by the call (told where it is used)."""
    argument = found.group(1)
    return Explained(
        f"tham số «{argument}» của macro không được truyền khi gọi macro",
        None,
        None,
        f"Tìm lời gọi macro có tham số «{argument}» (dòng {{% macro … %}} phía trên dòng này) và "
        f"truyền thêm «{argument}», hoặc cho nó một giá trị mặc định ({argument}=none).",
    )


def _empty(found: re.Match[str]) -> Explained:
    """|first, |last or |random of an empty list."""
    which = found.group(1)
    return Explained(
        f"danh sách rỗng ở trang này: |{which} không có phần tử nào để lấy",
        None,
        None,
        f"Chỉ dùng |{which} bên trong {{% if danh_sách %}} … {{% endif %}}.",
    )


RUNTIME: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Explained]], ...] = (
    (re.compile(r"^'([^']+)' has no attribute (?:'([^']*)'|\"([^\"]*)\")$"), _no_field),
    (re.compile(r"^(.+?) has no element (.+)$"), _no_element),
    (re.compile(r"^(?:'([^']+)' object|argument of type '([^']+)') is not iterable$"), _not_a_list),
    (re.compile(r"^cannot unpack non-iterable (\S+) object$"), _not_pairs),
    (
        re.compile(r"^unsupported operand type\(s\) for ([^:]+): '([^']+)' and '([^']+)'$"),
        _operands,
    ),
    (re.compile(r'^can only concatenate (\w+) \(not "(\w+)"\) to \w+$'), _concatenated),
    (
        re.compile(r"^'([^']+)' not supported between instances of '([^']+)' and '([^']+)'$"),
        _compared,
    ),
    (re.compile(r"^bad operand type for unary (.): '([^']+)'$"), _negated),
    (re.compile(r"^'([^']+)' object is not callable$"), _not_callable),
    (re.compile(r"^object of type '([^']+)' has no len\(\)$"), _no_length),
    (re.compile(r"^'([^']+)' object is not subscriptable$"), _not_indexable),
    (re.compile(r"^macro '([^']+)' takes not more than (\d+) argument\(s\)$"), _too_many_arguments),
    (re.compile(r"^macro '([^']+)' takes no keyword argument '([^']+)'$"), _unknown_argument),
    (re.compile(r"^parameter '([^']+)' was not provided$"), _missing_argument),
    (re.compile(r"^No (first|last|random) item, sequence was empty\.$"), _empty),
)
"""Jinja's and Python's messages (3.11 to 3.13 word them alike) and who describes each."""


def template_runtime_error(exc: BaseException) -> Explained | None:
    """A fault `exc` met rendering a template, in Vietnamese with what to check (no line: the
    caller has it from the traceback); None for one not described here."""
    if isinstance(exc, ZeroDivisionError):  # its words differ between Python versions
        return Explained(
            "chia cho 0 (phép «/», «//» hay «%»)",
            None,
            None,
            "Kiểm tra số chia: nếu nó có thể bằng 0 ở một số trang (như số bài của một chuyên mục "
            "chưa có bài), chỉ chia bên trong {% if số_chia %} … {% endif %}.",
        )
    original = str(getattr(exc, "message", None) or exc)
    if unknown := unknown_filter_or_test(original, None):
        return unknown
    for pattern, describe in RUNTIME:
        if found := pattern.match(original):
            return describe(found)
    return None
