"""Common words of Vietnamese given names: what tells two title-case words after an initial or
alone on a bulletin's last line («Thu Hà», «V. Thanh Tùng») from a heading's or a sentence's
(«Kết Luận», «Cảnh Giác»)."""

from __future__ import annotations

from publish.radio.provinces import provinces

__all__ = [
    "GIVEN_NAMES",
    "MIDDLE_NAMES",
    "PLACES_LIKE_NAMES",
    "SURNAMES",
    "SURNAMES_ALSO_WORDS",
    "a_full_name",
    "a_given_name",
    "a_place_like_a_name",
]

MIDDLE_NAMES = frozenset(
    {"Văn", "Thị", "Đức", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Hồng", "Công"}
    | {"Đình", "Quang", "Anh", "Bảo", "Gia", "Kim", "Mạnh", "Trọng", "Tuấn", "Thành", "Hải"}
    | {"Duy", "Phương", "Thúy", "Thùy", "Mỹ", "Diệu", "Huy", "Trung", "Tiến", "Viết", "Khánh"}
    | {"Như", "Bích", "Cẩm", "Hoài", "Tấn", "Thế", "Chí", "Ánh", "Tường", "Vĩnh", "Phú", "Hoàng"}
)
"""Common middle names: after a surname that is also a word they make a name («Lý Thị Hoa»)."""
GIVEN_NAMES = frozenset(
    {"Hà", "Trang", "Lan", "Hùng", "Tùng", "Mai", "Hoa", "Hương", "Linh", "Nam", "Anh", "Tuấn"}
    | {"Dũng", "Hải", "Hằng", "Nga", "Thảo", "Phương", "Yến", "Vy", "Nhung", "Huyền", "Hạnh"}
    | {"Hiền", "Hòa", "Hoà", "Sơn", "Thắng", "Cường", "Đạt", "Hiếu", "Quân", "Khoa", "Duy", "Tâm"}
    | {"Thủy", "Thuỷ", "Ngọc", "Ly", "Loan", "Oanh", "Giang", "Thư", "Vân", "Dung", "Nhi", "Huệ"}
    | {"Quyên", "Tú", "Hiệp", "Vinh", "Phúc", "Lộc", "Tài", "Trinh", "Uyên", "Thúy", "Thùy", "Hân"}
    | {"Trâm", "Diệp", "My", "Châm", "Hậu", "Khánh", "Toàn", "Thịnh", "Lực", "Hưng", "Kiên"}
)
"""Common last words of a given name: after a common middle name («Thu Hà», «Minh Tuấn»),
two words with a stop ending a bulletin are a signature all the same, not a sentence."""


def a_given_name(words: list[str]) -> bool:
    """Whether `words` are a given name: one common name («Hùng»), or a common middle name and
    one («Thanh Tùng»)."""
    if not 1 <= len(words) <= 2 or words[-1] not in GIVEN_NAMES:
        return False
    return len(words) == 1 or words[0] in MIDDLE_NAMES


SURNAMES = frozenset(
    {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"}
    | {"Hồ", "Ngô", "Đinh", "Lâm", "Mai", "Trương", "Lương", "Tạ", "Châu", "Quách", "Thái"}
    | {"Tô", "Hà", "Kiều", "Triệu", "Lưu", "Vương", "Trịnh", "Đào", "Phùng", "Hứa", "Tống"}
    | {"Khổng", "Lò"}
)
"""The common Vietnamese surnames: a name of three or four words opens with one («Nguyễn Thu
Hà»); a title-case slogan does not («Cảnh Giác Lừa Đảo», «Tết Nguyên Đán»)."""
SURNAMES_ALSO_WORDS = frozenset(
    {"Văn", "Tăng", "Cao", "Lý", "Từ", "Dương", "Chu", "Lại", "Mạc", "Thân", "Đàm", "Nông"}
    | {"Quan", "Vi", "La", "Thạch", "Danh", "Kim"}
)
"""Surnames that also open a phrase in title case («Văn Hóa Giao Thông», «Tăng Cường Tuần
Tra», «Cao Điểm Tết», «Quan Tâm», «Thân Ái»): a name only before a middle name («Cao Văn
Lâm»)."""


def a_full_name(words: list[str]) -> bool:
    """Whether title-case `words` are a person's full name: three or four words opening with a
    common surname («Nguyễn Văn Hải»), or with a surname that is also a word before a common
    middle name («Cao Văn Lâm»)."""
    if not 3 <= len(words) <= 4:
        return False
    return words[0] in SURNAMES or (words[0] in SURNAMES_ALSO_WORDS and words[1] in MIDDLE_NAMES)


PLACES_LIKE_NAMES = frozenset(
    {"Hà Nội", "Việt Nam", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Sài Gòn"}
    | {"Nha Trang", "Phú Quốc", "Tây Nguyên", "Đà Lạt", "Vũng Tàu", "Hạ Long", "Sầm Sơn"}
    | {"Sa Pa", "Hội An", "Côn Đảo", "Trường Sa", "Hoàng Sa", "Biên Hòa", "Thủ Đức", "Tây Bắc"}
    | {"Miền Tây", "Miền Trung", "Cửu Long", "Phú Yên", "Tây Ninh", "Long An"}
)
"""Places that look like a person's name, with the provinces' (`provinces`): read («Sài Gòn»,
«Hồ Chí Minh.»), as docs/doc-phat-thanh.md says places are."""


def a_place_like_a_name(name: str) -> bool:
    """Whether `name` is a place though it reads as a person's name: a province («Long An») or
    one of `PLACES_LIKE_NAMES` («Hồ Chí Minh», «Sài Gòn»)."""
    return name in PLACES_LIKE_NAMES or name in provinces()
