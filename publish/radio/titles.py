"""Words a person's name comes after: forms of address, ranks and titles («anh», «Đại úy»,
«đồng chí»). After one, a capital and a stop («H.», «X.») is the name's initial, never a
place's prefix (R14.3), and a quotation's attribution names a speaker (R1)."""

from __future__ import annotations

__all__ = ["FORMS_OF_ADDRESS"]

FORMS_OF_ADDRESS = (
    r"Ông|Bà|Anh|Chị|Em|Cô|Chú|Bác|Cụ|Cháu|Đồng chí|Đ/c|"
    r"Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|"
    r"Đại (?:úy|uý)|Thượng (?:úy|uý)|Trung (?:úy|uý)|Thiếu (?:úy|uý)|Thượng sĩ|Trung sĩ|Hạ sĩ|"
    r"Binh nhất|Binh nhì|Luật sư|Bác sĩ|Tiến sĩ|Nhà báo|Phóng viên|Chiến sĩ"
)
"""An alternation, capitalised as at a sentence's start; match it case-insensitively where it
may stand inside a sentence («chị», «đồng chí»)."""
