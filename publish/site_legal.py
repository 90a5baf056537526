"""What a state agency's website says about itself at the foot of its pages: who answers for
its content, the decision or licence it was set up under, and how its information may be
re-used («Ghi rõ nguồn … khi phát hành lại thông tin từ website này»).

Read from [site] responsible, license and reuse_source; each is empty (nothing shown) until the
unit writes it, since a unit without a decision number has nothing true to show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from publish.name_notes import not_a_name
from publish.schema import SchemaIssue
from publish.text import folded_words, nfc, quoted, spoken_clause

__all__ = [
    "LEGAL_KEYS",
    "PLACEHOLDER",
    "footer_by_key",
    "footer_lines",
    "labelled",
    "legal_issues",
    "starts_with",
]

LEGAL_KEYS = ("responsible", "license", "reuse_source")
"""The [site] keys of the footer's lines, in the order the lines are shown."""
PLACEHOLDER = re.compile(r"…|\.{3}|\b[xX]{3,}\b|<[^>]*>|\bCẦN BỔ SUNG\b|\bTODO\b", re.IGNORECASE)
"""What stands for text still to write: «…» of an example copied from the docs, «xxx», «<số>»,
the starter's «CẦN BỔ SUNG»: shown as it is at the foot of every page of an agency's website."""
QUOTE_PAIRS = ("“”", "«»", '""', "''", "‘’", "„“")
"""Quotes a unit may put around the source's name, opening and closing: the sentence adds its
own. Only a pair wrapping the whole name comes off: «Cổng “Công an Đồng Nai”» keeps both of its
inner quotes."""
REUSE_WORDS = ("ghi ro nguon", "phat hanh lai", "trich dan")
"""Words of the whole re-use sentence (folded): written into reuse_source, it would be said twice."""
LABELS = {"responsible": "Chịu trách nhiệm nội dung", "license": "Thiết lập theo"}
"""The words the footer writes before each key's value."""
LABEL_WORDS = {"responsible": "chiu trach nhiem", "license": "thiet lap theo"}
"""What a value starting with its label starts with (folded): «Chịu trách nhiệm:» counts too."""
EXAMPLES = {
    "responsible": '"Thượng tá Nguyễn Văn A, Trưởng Công an xã"',
    "license": '"Quyết định số 123/QĐ-CAT ngày 1/7/2025 của Giám đốc Công an tỉnh"',
    "reuse_source": '"Trang thông tin điện tử Công an xã"',
}
"""An example of each key's value for hints, with no «…»: a hint copied as it is must pass."""


def _unquoted(name: str) -> str:
    """`name` without the pairs of quotes that wrap it whole, and without its closing stop."""
    while len(name) >= 2 and name[0] + name[-1] in QUOTE_PAIRS:
        name = spoken_clause(name[1:-1])
    return name


def starts_with(words: str, start: str) -> bool:
    """Whether folded `words` begin with the whole words of `start`."""
    return words == start or words.startswith(start + " ")


def labelled(value: str, labels: Iterable[str], *, colon: bool = False) -> bool:
    """Whether `value` starts with one of `labels` (folded words: "chiu trach nhiem", "fax"),
    followed by a colon when `colon` (a name may start with its label's word: «Cán bộ …»): the
    pages write that label before the value, so it would show twice."""
    head, mark, _ = value.partition(":")
    if colon and not mark:
        return False
    words = folded_words(head if colon else value)
    return any(starts_with(words, label) for label in labels)


def footer_lines(responsible: str, license: str, reuse_source: str) -> list[str]:
    """The sentences the footer shows, one a value written ("" for a key left empty)."""
    return [line for line in footer_by_key(responsible, license, reuse_source).values() if line]


def footer_by_key(responsible: str, license: str, reuse_source: str) -> dict[str, str]:
    """Each key's sentence in the footer, in LEGAL_KEYS' order ("" for a key left empty)."""
    written = spoken_clause(responsible), spoken_clause(license)
    source = _unquoted(spoken_clause(reuse_source))
    return {
        "responsible": f"{LABELS['responsible']}: {written[0]}." if written[0] else "",
        "license": f"{LABELS['license']} {written[1]}." if written[1] else "",
        "reuse_source": (
            f"Ghi rõ nguồn “{source}” khi phát hành lại thông tin từ website này." if source else ""
        ),
    }


def legal_issues(values: dict[str, object]) -> list[SchemaIssue]:
    """Errors in the [site] footer keys: a placeholder left in, a tick or a note instead of a
    person's name, the whole re-use sentence written where only the source's name goes."""
    issues = []
    for key in LEGAL_KEYS:
        written = values.get(key)
        if not isinstance(written, str) or not written.strip():
            continue
        example = f"{key} = {EXAMPLES[key]}"
        if PLACEHOLDER.search(nfc(written)):
            issues.append(
                SchemaIssue(
                    ("site", key),
                    f"còn chỗ chưa điền: {quoted(written)}; dòng này hiện ở chân các trang",
                    f"Thay chỗ «…» (hay «xxx», «<…>») bằng thông tin thật, ví dụ {example}; "
                    f'chưa có thì để trống: {key} = "".',
                )
            )
        elif key in LABEL_WORDS and labelled(written, (LABEL_WORDS[key],)):
            issues.append(
                SchemaIssue(
                    ("site", key),
                    f"không ghi nhãn «{LABELS[key]}» trong giá trị: {quoted(written)}; chân trang "
                    f"tự viết nhãn ấy, nên nó sẽ hiện hai lần",
                    f"Bỏ «{LABELS[key]}» ở đầu, chỉ ghi phần sau, ví dụ {example}.",
                )
            )
        elif key == "responsible" and not_a_name(written):
            issues.append(
                SchemaIssue(
                    ("site", key),
                    f"không phải họ tên người chịu trách nhiệm nội dung: {quoted(written)}",
                    f'Ghi họ tên và chức vụ, ví dụ {example}; chưa có thì để trống: {key} = "".',
                )
            )
        elif key == "reuse_source" and any(word in folded_words(written) for word in REUSE_WORDS):
            issues.append(
                SchemaIssue(
                    ("site", key),
                    f"chỉ ghi tên nguồn, không ghi cả câu: {quoted(written)}",
                    "Chân trang tự viết câu «Ghi rõ nguồn “…” khi phát hành lại thông tin từ "
                    f"website này.»: chỉ ghi tên nguồn, ví dụ {example}.",
                )
            )
    return issues
