"""Vietnamese for the faults a template meets while a page renders (syntax.template_error
tells those found compiling it).

The words matched are Jinja's and Python's own, found by making each fault in a template (see
tests/test_template_faults.py): a field the value does not have, a `for` over what is not a
list, a sum of a number and a text, a call of what is not a macro, a division by zero, a
length of nothing, an element past a list's end, a macro called with arguments it lacks, a
template named by a value (`{% include page.title %}`) that no file has, or by a value that is
no name (`{% include 1 %}`), a text |format or «%» cannot fill, a filter given an argument it
does not take (|center('x'), |dictsort(by='x')).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import sys
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

import jinja2.filters

from publish.schema import TYPE_NAMES
from publish.syntax import Explained, unknown_filter_or_test

__all__ = ["TemplateNameError", "kind_in_vietnamese", "template_runtime_error"]

KINDS = {
    **{kind.__name__: name for kind, name in TYPE_NAMES.items()},
    # TYPE_NAMES words it as site.toml writes one («cần true hoặc false»), not as a noun.
    "bool": f"giá trị {TYPE_NAMES[bool]}",
    "Markup": "đoạn HTML",
    "None": "giá trị rỗng",
    "Bulletin": "bản tin",
    "Page": "trang",
    "Macro": "macro",
    "LoopContext": "biến loop",
}
"""What a template author knows each kind of value as (Python's name follows in brackets): the
words site.toml's and a bulletin's messages use for the same kinds (schema.TYPE_NAMES)."""
FIELDS_KNOWN = ("publish.", "jinja2.runtime.")
"""Modules whose classes' fields are known here, to suggest one close to a misspelt name (a
dict's keys are not: its message does not carry the dict)."""
EMPTY = "None"
SCALARS = frozenset({"int", "float", "bool", "date", "datetime", "time"})
"""Kinds of a single value, without elements to take with […]."""
HOLDERS = f"{KINDS['list']}, {KINDS['str']} hay {KINDS['dict']}"
"""The kinds that have a length and elements, as a hint names them."""
SORTING = frozenset({"sort", "dictsort", "groupby", "min", "max"})
"""Jinja's filters that compare a list's elements with each other (to order them, or to find
the least or greatest)."""
NOT_A_LIST = (
    "Kiểm tra thứ đứng sau «in» của {% for … in … %} (hay trước |join, |sort, |first…): nó "
    "phải là một danh sách (như categories hay tags), không phải một giá trị đơn như một tiêu "
    "đề hay một số."
)


class TemplateNameError(TypeError):
    """An include, import or extends given a value that is no template's name (a number,
    nothing, a list where one name is taken): Jinja went on with it and failed far from the
    statement ('int' object is not iterable, as a `for` over a number would; 'list' object has
    no attribute 'split')."""

    def __init__(self, value: object, *, listed: bool = True) -> None:
        """The error for `value`, the template name given (or an element of a list of them);
        `listed`: whether the statement takes a list of names (include), not one alone
        (extends, import, from)."""
        self.kind = type(value).__name__
        self.listed = listed
        taken = "a string or a list of strings" if listed else "a single string"
        super().__init__(f"a template name must be {taken}, not {self.kind}")


def kind_in_vietnamese(name: str) -> str:
    """A kind of value as Jinja or Python names it ('str object', 'NoneType',
    'publish.model.Page object'), in Vietnamese with its Python name: «chuỗi ký tự (str)»."""
    bare = _bare(name)
    return f"{KINDS[bare]} ({bare})" if bare in KINDS else f"đối tượng {bare}"


def _bare(name: str) -> str:
    """A kind's class name alone ('datetime.date object' → 'date'; 'NoneType' → 'None')."""
    bare = name.removesuffix(" object").rsplit(".", 1)[-1]
    return EMPTY if bare == "NoneType" else bare


def _known_class(kind: str) -> type | None:
    """The class `kind` names ('publish.model.Page object') when it is the tool's or Jinja's
    (already imported); None for any other kind."""
    module, _, class_name = kind.removesuffix(" object").rpartition(".")
    if not (module + ".").startswith(FIELDS_KNOWN):
        return None
    found = getattr(sys.modules.get(module), class_name, None)
    return found if isinstance(found, type) else None


def _fields_like(kind: str, name: str) -> list[str]:
    """Fields of the class `kind` names spelt like `name`, when the class is the tool's or
    Jinja's; [] for any other kind."""
    found = _known_class(kind)
    if found is None:
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
    """An element (`x[5]`) past the end of a list, or of an empty value; `5[0]`, of a value
    that has no elements at all, is told as such."""
    kind, index = found.groups()
    known = _known_class(kind)
    if _bare(kind) in SCALARS or (known is not None and not hasattr(known, "__getitem__")):
        return _without_elements(kind)
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
        f"x.items() khi x là một {KINDS['dict']}.",
    )


def _operands(found: re.Match[str], operator: str | None = None) -> Explained:
    """An arithmetic operator (`operator` when Python's words do not name it) between values it
    does not join: a text and a number, two texts multiplied."""
    named = found.groupdict()
    operator = named.get("op") or operator or "?"
    left, right = named["left"], kind_in_vietnamese(named["right"])
    # «can't multiply sequence»: Python does not say which; a template's are a text or a list.
    left = f"{KINDS['str']} hay {KINDS['list']}" if left == "sequence" else kind_in_vietnamese(left)
    hint = (
        f"Hai vế của «{operator}» phải là hai số: đổi chữ sang số bằng |int hay |float, hoặc sửa "
        "tên giá trị cho đúng."
    )
    if operator == "+":
        hint = (
            "Hai vế của «+» phải cùng loại: để nối chữ với số, dùng «~» ({{ a ~ b }}) thay cho "
            "«+»; để cộng, đổi chữ sang số bằng |int hay |float."
        )
    elif named["left"] == "sequence":
        hint += " Để lặp một chuỗi ký tự nhiều lần, vế kia phải là số nguyên: {{ '-' * 20 }}."
    return Explained(f"phép «{operator}» không làm được giữa {left} và {right}", None, None, hint)


def _compared(found: re.Match[str], within: str | None) -> Explained:
    """A comparison of values of different kinds: in the template, in a filter ordering a list
    (|sort), or in another filter given an argument of the wrong kind (|truncate('x'))."""
    operator, left, right = found.groups()
    shown = f"{kind_in_vietnamese(left)} với {kind_in_vietnamese(right)}"
    if within is None:
        return Explained(
            f"không so sánh được {shown} bằng «{operator}»",
            None,
            None,
            "So sánh cần hai giá trị cùng loại: đổi chữ sang số bằng |int hay |float, hoặc so "
            "với một giá trị cùng loại.",
        )
    if within in SORTING:
        return Explained(
            f"không so sánh được {shown} (|{within} so sánh các phần tử với nhau)",
            None,
            None,
            "Sắp xếp (|sort), |min hay |max cần các phần tử cùng loại, đều là số hay đều là chữ: "
            "đổi chữ sang số bằng |int hay |float, hoặc bỏ phần tử khác loại.",
        )
    return Explained(
        f"tham số của |{within} sai loại (bên trong |{within}, không so sánh được {shown})",
        None,
        None,
        f"Kiểm tra các giá trị trong ngoặc của |{within}(…): mỗi tham số phải đúng loại "
        f"|{within} cần (một độ dài là một số nguyên: |truncate(100), không phải "
        "|truncate('100')); đổi chữ sang số bằng |int nếu cần.",
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


def _no_length(found: re.Match[str], within: str | None) -> Explained:
    """|length (or |count; Python's len, no filter's code) of what has no length (nothing, a
    number), or a filter `within` that takes a length (|truncate) given such a value."""
    kind, name = found.group(1), within or "length"
    hint = f"Kiểm tra thứ đứng trước |{name}: |{name} chỉ dùng cho {HOLDERS}."
    if kind == "NoneType":
        empty = "[]" if within is None else "''"
        hint += f" Nếu nó có thể trống ở một số trang, viết «(… or {empty})|{name}»."
    return Explained(
        f"|{name} cần một {HOLDERS} nhưng gặp {kind_in_vietnamese(kind)}",
        None,
        None,
        hint,
    )


def _not_indexable(found: re.Match[str]) -> Explained:
    """`x[0:2]` where x is a number or another value without elements."""
    return _without_elements(found.group(1))


def _without_elements(kind: str) -> Explained:
    """[…] after a value of `kind` (as Jinja or Python names it), which has no elements."""
    return Explained(
        f"{kind_in_vietnamese(kind)} không lấy phần tử bằng […] được",
        None,
        None,
        f"[…] chỉ dùng cho {KINDS['list']} (x[0]), {KINDS['str']} hay {KINDS['dict']} "
        "(x['url']): kiểm tra thứ đứng trước «[».",
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


NAMED_BY_VALUE = (
    "Tên sau include, import hay extends ở dòng này phải là tên một tệp mẫu trong thư mục ấy. "
    "Nếu tên ấy lấy từ một giá trị (như page.title) thì ở trang này giá trị ấy không phải tên "
    'mẫu nào: viết tên tệp trong ngoặc kép ({% include "_ten_mau.html" %}), hoặc, khi mẫu có '
    "thể không có, thêm «ignore missing» sau tên ({% include x ignore missing %})."
)
"""What to check when an include, import or extends names no template."""
QUOTED_RE = re.compile(r"'([^']*)'|\"([^\"]*)\"")
"""One of the folders Jinja lists where it looked for a template, as Python quotes it."""


def _no_template(found: re.Match[str]) -> Explained:
    """An include, import or extends of a template name that no file has (a name a value gives:
    a fixed one is found by check before any page renders)."""
    folders = ", ".join(a or b for a, b in QUOTED_RE.findall(found.group("paths")))
    return Explained(
        f"không có mẫu giao diện nào mang tên «{found.group('name')}» (đã tìm trong {folders})",
        None,
        None,
        NAMED_BY_VALUE,
    )


def _no_templates(found: re.Match[str]) -> Explained:
    """An include of a list of template names none of which a file has."""
    return Explained(
        f"không có mẫu giao diện nào mang một trong các tên «{found.group(1)}»",
        None,
        None,
        NAMED_BY_VALUE,
    )


def _not_a_name(kind: str, listed: bool = True) -> Explained:
    """An include, import or extends given a value of `kind` (as Python names it) that is no
    template's name; `listed`: whether the statement was an include, which takes a list of
    names too (extends, import and from take one)."""
    if listed:
        message = "tên mẫu sau include phải là chữ (tên tệp mẫu) hay danh sách tên"
        hint = (
            'Sau include viết tên tệp mẫu trong ngoặc kép ({% include "_ten_mau.html" %}); nếu '
            "tên lấy từ một giá trị, giá trị ấy phải là chữ (tên tệp) hay danh sách tên tệp"
        )
    else:
        message = "tên mẫu sau extends, import hay from phải là một tên (chữ: tên tệp mẫu)"
        hint = (
            "Sau extends, import hay from viết một tên tệp mẫu trong ngoặc kép "
            '({% import "_macros.html" as m %}); chỉ include nhận một danh sách tên (lấy mẫu '
            "đầu tiên có). Nếu tên lấy từ một giá trị, giá trị ấy phải là chữ (tên tệp)"
        )
    hint += (
        ": kiểm tra tên giá trị ở dòng này (có thể đã viết nhầm một trường khác, như một số hay "
        "một bảng)."
    )
    if kind == "NoneType":
        hint += " Nếu nó có thể trống ở một số trang, chỉ dùng nó trong {% if … %} … {% endif %}."
    message += f", nhưng gặp {kind_in_vietnamese(kind)}"
    if not listed and kind in ("list", "tuple"):
        message += ": chỉ include nhận danh sách tên"
    return Explained(message, None, None, hint)


def _no_name(found: re.Match[str]) -> Explained:
    """An include of a value empty on this page (nothing, an empty list): no name to look for."""
    return Explained(
        "không có tên mẫu nào sau include: giá trị đứng sau include trống ở trang này (giá trị "
        "rỗng hay danh sách rỗng)",
        None,
        None,
        "Nếu giá trị ấy có thể trống ở một số trang, chỉ include bên trong {% if … %} … "
        "{% endif %}, hoặc thêm «ignore missing» sau tên ({% include x ignore missing %}) để "
        "bỏ qua khi không có mẫu; nếu không, kiểm tra tên giá trị ấy.",
    )


def _dictsort_by(found: re.Match[str]) -> Explained:
    """|dictsort(by=…) given what is neither 'key' nor 'value'."""
    return Explained(
        "tham số by của |dictsort chỉ nhận 'key' hay 'value'",
        None,
        None,
        "Viết |dictsort(by='key') để sắp theo tên (khóa) của bảng, |dictsort(by='value') để sắp "
        "theo giá trị; |dictsort chỉ dùng cho một bảng: để sắp một danh sách (như các bản tin), "
        "dùng |sort.",
    )


def _round_method(found: re.Match[str]) -> Explained:
    """|round(…, method) given a method Jinja does not have."""
    return Explained(
        "cách làm tròn (tham số thứ hai) của |round chỉ nhận 'common', 'ceil' hay 'floor'",
        None,
        None,
        "Viết 'common' để làm tròn thường, 'ceil' để làm tròn lên, 'floor' để làm tròn xuống: "
        "{{ x|round(1, 'floor') }}.",
    )


PLACES_FIX = (
    "Mỗi chỗ «%s» (chữ), «%d» (số nguyên), «%.1f» (số thập phân)… trong chuỗi nhận đúng một "
    "giá trị, theo thứ tự: {{ '%s: %d bài'|format(tên, số) }}; muốn viết chính dấu % thì viết "
    "«%%» ({{ '%d%%'|format(x) }})."
)
"""How a text's «%…» places and the values given match."""
REMAINDER = (
    "; nếu định lấy số dư thì giá trị trước «%» đang là chữ: dùng |int",
    "Để lấy số dư, đổi chữ sang số trước: {{ n|int % 2 }}. ",
)
"""What «%» with a text before it was most often meant as, told and how to write it: the
remainder of two numbers (`n % 2` with n the text "3")."""


class Formatting(NamedTuple):
    """A fault of a text's «%…» places filled by |format or the «%» operator, as told."""

    pattern: re.Pattern[str]
    """Python's words for it."""
    message: str
    """What is told, with {who} (|format or phép «%»), and the pattern's groups: {place},
    {kind} (in Vietnamese)."""
    fix: str = ""
    """Said before PLACES_FIX."""
    remainder: bool = False
    """Whether a remainder meant (`n % 2` with n a text) makes it: REMAINDER is told too when
    the «%» operator raised it."""


FORMATTING = (
    Formatting(
        re.compile(
            r"^%(?P<place>.) format: an? (?:real number|integer) is required, not (?P<kind>\S+)$"
        ),
        "«%{place}» trong chuỗi trước {who} cần một số nhưng gặp {kind}",
        "Đưa vào một số (đổi chữ sang số bằng |int hay |float: {{ '%d'|format(x|int) }}), hoặc "
        "dùng «%s» cho chữ. ",
    ),
    Formatting(
        re.compile(r"^must be real number, not (?P<kind>\S+)$"),
        "chỗ điền số thập phân («%f», «%.1f»…) trong chuỗi trước {who} cần một số nhưng gặp {kind}",
        "Đưa vào một số (đổi chữ sang số bằng |float: {{ '%.1f'|format(x|float) }}), hoặc dùng "
        "«%s» cho chữ. ",
    ),
    Formatting(
        re.compile(r"^not enough arguments for format string$"),
        "chuỗi trước {who} có nhiều chỗ «%…» hơn số giá trị được đưa vào",
    ),
    Formatting(
        re.compile(r"^not all arguments converted during string formatting$"),
        "{who} được đưa nhiều giá trị hơn số chỗ «%…» trong chuỗi trước nó (hay chuỗi không có "
        "chỗ «%…» nào)",
        remainder=True,
    ),
    Formatting(
        re.compile(r"^unsupported format character '(?P<place>.)' \(0x[0-9a-f]+\) at index \d+$"),
        "«%{place}» trong chuỗi trước {who} không phải một chỗ điền giá trị",
    ),
    Formatting(
        re.compile(r"^incomplete format$"),
        "chuỗi trước {who} có một dấu «%» lẻ ở cuối, không phải một chỗ điền giá trị",
        "Viết «%%» cho dấu phần trăm: {{ '%d%%'|format(x) }}, không phải {{ '%d%'|format(x) }}. ",
    ),
)
"""Python's words on a text's «%…» places and what is told of each; the same words another
filter raises are not the template's, and left undescribed."""


def _formatted(found: re.Match[str], within: str | None, fault: Formatting) -> Explained | None:
    """`fault` of a text's «%…» places filled by |format or by the «%» operator (`within`
    None); None when another filter raised Python's words on formatting."""
    who = {"format": "|format", None: "phép «%»"}.get(within)
    if who is None:
        return None
    groups = found.groupdict()
    if "kind" in groups:
        groups["kind"] = kind_in_vietnamese(groups["kind"])
    message, fix = fault.message.format(who=who, **groups), fault.fix
    if fault.remainder and within is None:
        message, fix = message + REMAINDER[0], fix + REMAINDER[1]
    return Explained(message, None, None, fix + PLACES_FIX)


def _not_an_integer(found: re.Match[str], within: str | None) -> Explained | None:
    """A filter's argument that must be a whole number (|center's width, |round's digits) given
    another kind; a call in the template itself (range(page.title)) is left undescribed."""
    if within is None:
        return None
    return Explained(
        f"tham số của |{within} sai loại: cần một số nguyên nhưng gặp "
        f"{kind_in_vietnamese(found.group(1))}",
        None,
        None,
        f"Kiểm tra các giá trị trong ngoặc của |{within}(…): một độ rộng hay một số chữ số là "
        f"một số nguyên viết không có ngoặc kép (|{within}(2), không phải |{within}('2')); đổi "
        "chữ sang số bằng |int nếu cần.",
    )


RUNTIME: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Explained]], ...] = (
    (re.compile(r"^'([^']+)' has no attribute (?:'([^']*)'|\"([^\"]*)\")$"), _no_field),
    (re.compile(r"^(.+?) has no element (.+)$"), _no_element),
    (re.compile(r"^(?:'([^']+)' object|argument of type '([^']+)') is not iterable$"), _not_a_list),
    (re.compile(r"^cannot unpack non-iterable (\S+) object$"), _not_pairs),
    (
        re.compile(
            r"^unsupported operand type\(s\) for (?P<op>[^:]+): '(?P<left>[^']+)' and "
            r"'(?P<right>[^']+)'$"
        ),
        _operands,
    ),
    (
        re.compile(r'^can only concatenate (?P<left>\w+) \(not "(?P<right>\w+)"\) to \w+$'),
        partial(_operands, operator="+"),
    ),
    (
        re.compile(r"^can't multiply (?P<left>sequence) by non-int of type '(?P<right>[^']+)'$"),
        partial(_operands, operator="*"),
    ),
    (re.compile(r"^bad operand type for unary (.): '([^']+)'$"), _negated),
    (re.compile(r"^'([^']+)' object is not callable$"), _not_callable),
    (re.compile(r"^'([^']+)' object is not subscriptable$"), _not_indexable),
    (re.compile(r"^macro '([^']+)' takes not more than (\d+) argument\(s\)$"), _too_many_arguments),
    (re.compile(r"^macro '([^']+)' takes no keyword argument '([^']+)'$"), _unknown_argument),
    (re.compile(r"^parameter '([^']+)' was not provided$"), _missing_argument),
    (re.compile(r"^No (first|last|random) item, sequence was empty\.$"), _empty),
    (
        re.compile(
            r"""^(?P<q>['"])(?P<name>.*)(?P=q) not found in search paths?: (?P<paths>.+)$"""
        ),
        _no_template,
    ),
    (re.compile(r"^none of the templates given were found: (.*)$"), _no_templates),
    (re.compile(r"^Tried to select from an empty list of templates\.$"), _no_name),
    (re.compile(r'^You can only sort by either "key" or "value"$'), _dictsort_by),
    (re.compile(r"^method must be common, ceil or floor$"), _round_method),
)
"""Jinja's and Python's messages (3.11 to 3.13 word them alike) and who describes each."""
IN_FILTERS: tuple[
    tuple[re.Pattern[str], Callable[[re.Match[str], str | None], Explained | None]], ...
] = (
    (
        re.compile(r"^'([^']+)' not supported between instances of '([^']+)' and '([^']+)'$"),
        _compared,
    ),
    (re.compile(r"^object of type '([^']+)' has no len\(\)$"), _no_length),
    (re.compile(r"^'([^']+)' object cannot be interpreted as an integer$"), _not_an_integer),
    *((f.pattern, partial(_formatted, fault=f)) for f in FORMATTING),
)
"""Python's messages that a filter's code also raises (its argument or the value before it of
the wrong kind), and who describes each, given the filter (None: the template's own); a
describer's None leaves the fault undescribed."""


def _filter_raising(exc: BaseException) -> str | None:
    """The Jinja filter (its name in templates, 'truncate') running when `exc` was raised;
    None when none was (a template's own expression)."""
    codes = []
    tb = exc.__traceback__
    while tb is not None:
        codes.append(tb.tb_frame.f_code)
        tb = tb.tb_next
    # Innermost first, past what a filter runs (|wordwrap's textwrap, |min's _min_or_max): a
    # filter's frame is in the traceback only while it runs, and none runs a template.
    for code in reversed(codes):
        name = code.co_name.removeprefix("sync_").removeprefix("do_")
        if code.co_filename == jinja2.filters.__file__ and name in jinja2.filters.FILTERS:
            return name
    return None


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
    if isinstance(exc, TemplateNameError):
        return _not_a_name(exc.kind, exc.listed)
    original = str(getattr(exc, "message", None) or exc)
    if unknown := unknown_filter_or_test(original, None):
        return unknown
    for pattern, told in IN_FILTERS:
        if found := pattern.match(original):
            return told(found, _filter_raising(exc))
    for pattern, describe in RUNTIME:
        if found := pattern.match(original):
            return describe(found)
    return None
