"""The officer a state agency's website names for its information ([contact.officer] of
site.toml): Nghị định 42/2022/NĐ-CP asks the site to give, beside the agency's address, phone,
fax and e-mail, how to reach the officer who answers for what it publishes.

Shown in the contact card of a `layout: contact` page and at the foot of every page but the
search page (see base.html). Not in the «Báo tin cho …» box, the printed sheet nor on the
radio: a tip goes to the hotline, staffed day and night, not to the officer of the website.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from publish.contact_numbers import LEAST_DIGITS, dialled
from publish.name_notes import not_a_name
from publish.schema import SchemaIssue
from publish.site_legal import PLACEHOLDER, labelled
from publish.text import nfc, quoted

__all__ = [
    "EMAIL",
    "MAILTO",
    "OFFICER_KEYS",
    "OFFICER_PHONE",
    "Officer",
    "label_issue",
    "officer_issues",
    "without_mailto",
]

MAILTO = "mailto:"
"""What a link to an e-mail address starts with, and an address copied from one too."""
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
"""An e-mail address as a mailto: link can use."""


def without_mailto(written: str) -> str:
    """An e-mail address without a «mailto:» copied from a link: pages write their own."""
    if written.strip().lower().startswith(MAILTO):
        return written.strip()[len(MAILTO) :].strip()
    return written


@dataclass(frozen=True, slots=True)
class Officer:
    """The officer who answers for the information on the website, and how to reach them."""

    name: str = ""
    """Full name, with the rank if the unit writes it: «Đại úy Trần Thị Mai»."""
    position: str = ""
    """Position and team: «Phó Đội trưởng Đội Tham mưu, phụ trách trang thông tin điện tử»."""
    phone: str = ""
    """One number, checked and dialled as [contact] hotline is."""
    email: str = ""

    def __post_init__(self) -> None:
        """The address without a «mailto:» copied from a link, as [contact] email."""
        if isinstance(self.email, str):
            object.__setattr__(self, "email", without_mailto(self.email))

    @property
    def shown(self) -> bool:
        """Whether the pages show the officer: a name to show (checked: officer_issues)."""
        return isinstance(self.name, str) and bool(self.name.strip())


OFFICER_KEYS = ("name", "position", "phone", "email")
"""The keys of [contact.officer], in the order the pages show them."""
OFFICER_PHONE = "0277 3610 115"
"""The officer's number in the examples of hints."""
EXAMPLES = {
    "name": '"Đại úy Trần Thị Mai"',
    "position": '"Phó Đội trưởng Đội Tham mưu, phụ trách trang thông tin điện tử"',
    "phone": f'"{OFFICER_PHONE}"',
    "email": '"tranthimai@example.gov.vn"',
}
"""An example of each key's value for hints, with no «…»: a hint copied as it is must pass."""
LABEL_WORDS = {
    "name": ("ho ten", "ho va ten", "can bo", "nguoi phu trach"),
    "position": ("chuc vu", "chuc danh"),
    "phone": ("dien thoai", "so dien thoai", "dt", "sdt"),
    "email": ("email", "e mail", "thu dien tu"),
}
"""What a value written with its label starts with, before a colon (folded): «Họ tên: …»,
«Chức vụ: …». The pages write their own labels, so the label would show twice."""
_WHERE = ("contact", "officer")


def _issue(key: str, message: str, hint: str) -> SchemaIssue:
    """An issue of [contact.officer] `key`."""
    return SchemaIssue((*_WHERE, key), message, hint)


def label_issue(path: tuple[str, ...], value: str, example: str) -> SchemaIssue:
    """The issue of a value at `path` written with the label the pages write before it
    (site_legal.labelled): «Họ tên: …», «Fax: …»; `example` is the key and a value to copy."""
    return SchemaIssue(
        path,
        f"không ghi nhãn trong giá trị: {quoted(value)}; trang web tự viết nhãn, nên nó sẽ "
        "hiện hai lần",
        f"Chỉ ghi phần sau nhãn, ví dụ {example}.",
    )


def officer_issues(officer: Officer) -> list[SchemaIssue]:
    """Errors in [contact.officer]: a placeholder left in, a label written into a value, a tick
    instead of a name, a phone without a number, an e-mail without @; an officer without a name,
    or named but with neither phone nor e-mail (the decree asks how to reach them)."""
    written = {
        key: value.strip()
        for key in OFFICER_KEYS
        if isinstance(value := getattr(officer, key), str) and value.strip()
    }
    issues = [found for key, value in written.items() if (found := _value_issue(key, value))]
    typed = all(isinstance(getattr(officer, key), str) for key in OFFICER_KEYS)
    if not typed or issues:
        return issues  # a value of another type is told by its rule; a wrong one first
    if written and "name" not in written:
        issues.append(
            _issue(
                "name",
                "chưa ghi họ tên cán bộ phụ trách thông tin: trang web không hiện số điện "
                "thoại, thư điện tử của một người không tên",
                f"Thêm name = {EXAMPLES['name']} vào bảng [contact.officer]; không nêu cán bộ "
                "thì xóa cả bảng.",
            )
        )
    elif "name" in written and not {"phone", "email"} & written.keys():
        issues.append(
            _issue(
                "phone",
                "cán bộ phụ trách thông tin chưa có số điện thoại hay thư điện tử: người xem "
                "không biết liên hệ thế nào",
                f"Thêm phone = {EXAMPLES['phone']} hoặc email = {EXAMPLES['email']} vào bảng "
                "[contact.officer].",
            )
        )
    return issues


def _value_issue(key: str, value: str) -> SchemaIssue | None:
    """What is wrong with `value` written for [contact.officer] `key`, or None."""
    example = f"{key} = {EXAMPLES[key]}"
    if PLACEHOLDER.search(nfc(value)):
        return _issue(
            key,
            f"còn chỗ chưa điền: {quoted(value)}; dòng này hiện ở trang liên hệ và chân các trang",
            f"Thay chỗ «…» (hay «xxx», «<…>») bằng thông tin thật, ví dụ {example}; chưa có thì "
            f'để trống: {key} = "".',
        )
    if labelled(value, LABEL_WORDS[key], colon=True):
        return label_issue((*_WHERE, key), value, example)
    if key == "name" and not_a_name(value):
        return _issue(
            key,
            f"không phải họ tên cán bộ phụ trách thông tin: {quoted(value)}",
            f'Ghi họ tên (kèm cấp bậc nếu muốn), ví dụ {example}; chưa có thì để trống: {key} = "".',
        )
    if key == "phone" and dialled(value) is None:
        return _issue(
            key,
            f"không có số điện thoại nào (cần một số từ {LEAST_DIGITS} chữ số): {quoted(value)}",
            f'Ghi số để gọi, ví dụ {example}; chưa có thì để trống: {key} = "".',
        )
    if key == "email" and not EMAIL.match(value):
        return _issue(
            key,
            f"không phải địa chỉ thư điện tử: {quoted(value)}",
            f'Viết đủ tên@tên-miền, ví dụ {example}; chưa có thì để trống: {key} = "".',
        )
    return None
