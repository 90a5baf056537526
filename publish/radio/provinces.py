"""Vietnam's provinces by name: after «T.» one of them makes the letter «tỉnh» (R14.3), where a
person's initial comes before a given name («Đối tượng T. Hùng»)."""

from __future__ import annotations

__all__ = ["PROVINCES", "province_at"]

_NAMES = (
    "An Giang|Bà Rịa|Bắc Giang|Bắc Kạn|Bắc Cạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|"
    "Bình Phước|Bình Thuận|Cà Mau|Cao Bằng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|"
    "Gia Lai|Hà Giang|Hà Nam|Hà Tĩnh|Hải Dương|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|"
    "Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|"
    "Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|"
    "Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên|Tiền Giang|Trà Vinh|"
    "Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái"
)
PROVINCES = frozenset(_NAMES.split("|")) | {
    # The older spelling puts the tone on the other vowel («Thanh Hoá»); both are in use.
    name.replace("Hòa", "Hoà").replace("Hóa", "Hoá")
    for name in _NAMES.split("|")
}
"""The 58 provinces before the 2025 merger (the 34 after it keep names among them); the five
cities are «thành phố», never «T.»; `Bà Rịa`, `Thừa Thiên` open their two-part names."""


def province_at(text: str, at: int) -> bool:
    """Whether a province's name starts at `at` and ends where a word does."""
    for name in PROVINCES:
        end = at + len(name)
        if text.startswith(name, at) and not text[end : end + 1].isalnum():
            return True
    return False
