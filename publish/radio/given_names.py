"""Common words of Vietnamese given names: what tells two title-case words after an initial or
alone on a bulletin's last line («Thu Hà», «V. Thanh Tùng») from a heading's or a sentence's
(«Kết Luận», «Cảnh Giác»)."""

from __future__ import annotations

__all__ = ["GIVEN_NAMES", "MIDDLE_NAMES", "a_given_name"]

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
