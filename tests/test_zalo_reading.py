"""Zalo article bodies as a follower reads them on a phone: each Markdown construct editors use
comes out as readable plain text, nothing lost, no markup left showing."""

from __future__ import annotations

from typing import Any

from publish.render.zalo.blocks import markdown_blocks
from tests.hang_guard import run_python_guarded


def image(src: str, alt: str, title: str) -> dict[str, Any]:
    """An image block naming the file as written."""
    return {"type": "image", "url": src, "caption": title or alt}


def link(href: str) -> str | None:
    """The address shown after a link: as written, the scheme of tel: and mailto: dropped, none
    within the article."""
    if href.startswith("#"):
        return None
    return href.split(":", 1)[1] if href.startswith(("tel:", "mailto:")) else href


def texts(body: str) -> list[str]:
    """The text blocks of one body, in order."""
    blocks = markdown_blocks(body, image=image, link=link)
    return [b["content"] for b in blocks if b["type"] == "text"]


def test_a_heading_in_capitals_keeps_the_address_of_its_link_as_written() -> None:
    """Capitals made «HTTPS://DICHVUCONG.GOV.VN/P/HOME/DVC-TRANG-CHU.HTML»: a path is case
    sensitive, so the address led nowhere."""
    body = (
        "## Nộp hồ sơ tại [Cổng dịch vụ công](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html)\n\n"
        "## Hỏi qua congan.chauthanh@example.vn hoặc www.bocongan.gov.vn/Tin-Tuc\n"
    )
    assert texts(body) == [
        "NỘP HỒ SƠ TẠI CỔNG DỊCH VỤ CÔNG (https://dichvucong.gov.vn/p/home/dvc-trang-chu.html)",
        "HỎI QUA congan.chauthanh@example.vn HOẶC www.bocongan.gov.vn/Tin-Tuc",
    ]


def test_footnote_markers_are_bracketed_and_footnotes_numbered_alike_without_a_back_arrow() -> None:
    """A marker came out as a digit run into its word («chú thích1», «năm 20222»), and each
    footnote as «1. … ↩»: an arrow that leads nowhere on Zalo."""
    body = (
        "Theo Nghị định 137[^nd] và số liệu năm 2022[^2].\n\n"
        "[^nd]: Nghị định số 137/2020/NĐ-CP, xem [văn bản](https://vbpl.vn/137).\n"
        "[^2]: Báo cáo tổng kết.\n\n"
        "    Đoạn hai của chú thích.\n"
    )
    assert texts(body) == [
        "Theo Nghị định 137[1] và số liệu năm 2022[2].",
        "[1] Nghị định số 137/2020/NĐ-CP, xem văn bản (https://vbpl.vn/137).",
        "[2] Báo cáo tổng kết.",
        "   Đoạn hai của chú thích.",
    ]


def test_a_table_row_names_each_cell_by_its_column_header() -> None:
    """A row came out as «Cấp căn cước | Công an xã | Miễn phí | 7 ngày | Có |»: bars, a
    trailing one for an empty cell, and six columns to match to a header row far above."""
    body = (
        "| Thủ tục | Cơ quan | Lệ phí | Thời hạn | Nộp trực tuyến | Ghi chú |\n"
        "|---|:-:|--:|---|---|---|\n"
        "| Cấp căn cước lần đầu | Công an xã | Miễn phí | 7 ngày "
        "| [Có](https://dichvucong.bocongan.gov.vn) | |\n"
        "| Đăng ký thường trú | Công an xã | 20.000 đ | 7 ngày | Không | **Mang** sổ cũ |\n"
    )
    assert texts(body) == [
        "• Cấp căn cước lần đầu — Cơ quan: Công an xã; Lệ phí: Miễn phí; Thời hạn: 7 ngày; "
        "Nộp trực tuyến: Có (https://dichvucong.bocongan.gov.vn)",
        "• Đăng ký thường trú — Cơ quan: Công an xã; Lệ phí: 20.000 đ; Thời hạn: 7 ngày; "
        "Nộp trực tuyến: Không; Ghi chú: Mang sổ cũ",
    ]
    assert not any("|" in text for text in texts(body))


def test_lines_broken_on_purpose_stay_lines_not_one_run() -> None:
    """A hard line break (two spaces, or <br>) and the lines of a code block were joined with
    a space: an address block read «… Cái Tàu Hạ Điện thoại: 0277 …», a message syntax typed
    line by line as one. A Zalo text block has no line breaks, so each line is a block."""
    body = (
        "Công an huyện Châu Thành  \n"
        "Địa chỉ: Số 1 đường 30/4, thị trấn Cái Tàu Hạ<br>\n"
        "Điện thoại: 0277 3610 113\n\n"
        "- Soạn tin:  \n  DK CCCD gửi 1234\n\n"
        "> “Nhanh lên!”  \n> — Người dân\n\n"
        "```\nDK CCCD 079123456789\nHUY CCCD\n```\n"
    )
    assert texts(body) == [
        "Công an huyện Châu Thành",
        "Địa chỉ: Số 1 đường 30/4, thị trấn Cái Tàu Hạ",
        "Điện thoại: 0277 3610 113",
        "• Soạn tin:",
        "   DK CCCD gửi 1234",
        "“Nhanh lên!”",
        "— Người dân",
        "DK CCCD 079123456789",
        "HUY CCCD",
    ]


def test_a_paragraph_too_long_for_one_block_is_cut_between_sentences() -> None:
    """A 3,500-character paragraph went as one block: a wall of text on a phone, and three
    times the 1,000 characters NukeViet's form allows a block (the contract knows no limit)."""
    sentence = "Bà N.T.H. (62 tuổi) kể lại diễn biến vụ việc cho tổ công tác của Công an xã."
    paragraph = " ".join([sentence] * 45)
    assert len(paragraph) > 3000
    for body, lead in ((paragraph, ""), (f"- {paragraph}", "• "), (f"> {paragraph}", "“")):
        found = texts(body)
        assert len(found) == 4
        assert all(len(text) <= 1000 for text in found)
        assert found[0].startswith(lead + "Bà N.T.H. (62 tuổi)")
        assert all(text.rstrip("”").endswith("Công an xã.") for text in found)
        rest = [text.lstrip(" “") for text in found[1:]]
        assert all(text.startswith("Bà N.T.H. (62 tuổi)") for text in rest)
        assert " ".join(t.strip() for t in found).removeprefix(lead).rstrip("”") == paragraph


def test_a_long_sentence_is_cut_after_a_clause_not_inside_a_name() -> None:
    """A 1,100-character sentence listing households was cut at its last space: «… hộ ông
    Nguyễn Văn» ended one block and «20 ở ấp Phú Thạnh» began the next, a name parted on the
    phone's screen."""
    sentence = (
        "Danh sách các hộ được hỗ trợ gồm "
        + ", ".join(f"hộ ông Nguyễn Văn {i} ở ấp Phú Thạnh" for i in range(28))
        + ", liên hệ đường dây nóng 0277 3610 113 để biết thêm chi tiết."
    )
    for prefix in ("", "Ngày 2/12, ", "Theo thông báo của Ủy ban nhân dân xã, "):
        found = texts(prefix + sentence)
        assert len(found) == 2 and all(len(text) <= 1000 for text in found)
        assert found[0].endswith("Phú Thạnh,") and found[1].startswith("hộ ông Nguyễn Văn ")
        assert " ".join(found) == prefix + sentence


def test_the_blocks_of_raw_html_are_paragraphs_not_words_run_together() -> None:
    """A bulletin pasted from a web page kept «<details><summary>Xem thêm</summary>…»: the
    follower read «Xem thêmCông an xã…» as one word."""
    body = (
        "<details><summary>Xem thêm</summary>Công an xã trực 24/24.</details>\n\n"
        "<aside>Gọi 113 khi khẩn cấp.</aside><address>Số 1 đường Nguyễn Huệ</address>\n"
    )
    assert texts(body) == [
        "Xem thêm",
        "Công an xã trực 24/24.",
        "Gọi 113 khi khẩn cấp.",
        "Số 1 đường Nguyễn Huệ",
    ]


def test_a_notice_is_not_put_in_quotation_marks() -> None:
    """A notice (`> **Lưu ý:** …`, what a Hugo notice becomes) came out «“Lưu ý: …”», as if
    someone had said it; a quote stays a quote, and so does a quote inside a notice."""
    body = (
        "> **Lưu ý:** Lần đầu làm căn cước được **miễn lệ phí**.\n>\n> Mang theo giấy hẹn.\n\n"
        "> Lưu ý: Không đọc mã OTP cho bất kỳ ai.\n\n"
        "> **Cảnh báo**: Không chuyển tiền.\n>\n> > Công an không làm việc qua điện thoại.\n\n"
        "Ở ấp Tân Hòa:\n\n"
        "> **Ông Lộc** nói bà con để ý lẫn nhau.\n\n"
        "Và:\n\n"
        "> Đã uống rượu, bia thì không lái xe.\n"
    )
    assert texts(body) == [
        "Lưu ý: Lần đầu làm căn cước được miễn lệ phí.",
        "Mang theo giấy hẹn.",
        "Lưu ý: Không đọc mã OTP cho bất kỳ ai.",
        "Cảnh báo: Không chuyển tiền.",
        "“Công an không làm việc qua điện thoại.”",
        "Ở ấp Tân Hòa:",
        "“Ông Lộc nói bà con để ý lẫn nhau.”",
        "Và:",
        "“Đã uống rượu, bia thì không lái xe.”",
    ]


def test_an_address_the_link_text_already_gives_is_not_written_again() -> None:
    """«tinnhiemmang.vn (https://tinnhiemmang.vn)» and «0277 3610 113 (02773610113)» gave the
    follower the same thing twice; an address the text does not give is still written."""
    body = (
        "Tra cứu tại [tinnhiemmang.vn](https://tinnhiemmang.vn/), gọi "
        "[0277 3610 113](tel:02773610113) hoặc [đường dây nóng](tel:02773610113); "
        "xem [dichvucong.gov.vn](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html).\n"
    )
    assert texts(body) == [
        "Tra cứu tại tinnhiemmang.vn, gọi 0277 3610 113 hoặc đường dây nóng (02773610113); "
        "xem dichvucong.gov.vn (https://dichvucong.gov.vn/p/home/dvc-trang-chu.html)."
    ]


def test_a_link_whose_text_is_a_longer_address_still_gives_its_own() -> None:
    """A scam warning names the fake site and links the real one: the fake address merely
    containing the real one must not hide it."""
    body = "Trang [vietcombank.com.vn-xac-thuc.top](https://vietcombank.com.vn) là giả.\n"
    assert texts(body) == [
        "Trang vietcombank.com.vn-xac-thuc.top (https://vietcombank.com.vn) là giả."
    ]
    assert texts("[abc.gov.vn/tra-cuu](https://abc.gov.vn)\n") == [
        "abc.gov.vn/tra-cuu (https://abc.gov.vn)"
    ]
    assert texts("[tinnhiemmang.vn](https://tinnhiemmang.vn/).\n") == ["tinnhiemmang.vn."]
    assert texts("[https://tinnhiemmang.vn](https://tinnhiemmang.vn)\n") == [
        "https://tinnhiemmang.vn"
    ]


def test_a_long_unbroken_run_in_a_heading_does_not_stall_the_build() -> None:
    """The address search in a heading looked for «://» or «@» from every character of a run
    without spaces (quadratic: 20,000 letters took 5 s, 100,000 minutes). Run in a fresh
    interpreter with a generous limit of CPU time: a guard against hangs, not a speed test.
    The run is cut into blocks of text_block_max; the address closes the last one."""
    code = (
        "from publish.render.zalo.blocks import markdown_blocks\n"
        "for run in ('a' * 100_000, 'a.' * 50_000, 'a-' * 50_000):\n"
        "    blocks = markdown_blocks(f'# {run} x@y.vn\\n', image=lambda *a: None, link=lambda h: h)\n"
        "    assert blocks[-1]['content'].endswith(' x@y.vn')\n"
        "    assert all(len(block['content']) <= 1000 for block in blocks)\n"
    )
    run_python_guarded(code)
    assert texts("# Xem https://A.vn/Ab, www.B.vn/Cd hay E@F.vn\n") == [
        "XEM https://A.vn/Ab, www.B.vn/Cd HAY E@F.vn"
    ]


def test_a_long_paragraph_is_not_cut_after_an_abbreviation_or_an_initial() -> None:
    """«…sống tại TP.» / «Hồ Chí Minh…» in two blocks reads as two broken sentences."""
    filler = "Người dân cần cảnh giác với các cuộc gọi lạ yêu cầu chuyển tiền vào tài khoản. "
    for stop in ("sống tại TP. Hồ Chí Minh", "theo Đ/c. Nguyễn Văn Ba", "gặp bà Nguyễn T. Hoa"):
        clause = ", cùng đồng bọn lừa đảo nhiều người dân ở các xã trong huyện" * 3
        body = filler * 11 + f"Đối tượng {stop}{clause} đã bị bắt. " + filler * 3
        found = texts(body + "\n")
        assert len(found) > 1 and all(len(text) <= 1000 for text in found)
        assert any(stop in text for text in found), (stop, [t[-40:] for t in found])


def test_a_cell_with_paragraphs_a_list_or_an_image_stays_in_its_row() -> None:
    """A raw HTML table's cell with <p>, a list, <br> then an image (tables pasted from a
    website) was cut out of its row: its lines came as blocks of their own above the row,
    unlabelled, and the row lost the cell («• UBND» without «Liên hệ»)."""
    body = (
        "| Nơi | Liên hệ |\n|---|---|\n| [UBND](https://x.vn/a) | 0277<br>0288 ![Bản đồ](a.jpg) |\n\n"
        "<table><tr><th>Xã</th><th>Việc cần làm</th></tr>"
        "<tr><td><p>An</p><p>Nhơn</p></td><td><ul><li>Mang căn cước</li><li>Đến sớm</li></ul></td></tr>"
        "</table>\n\nHết.\n"
    )
    assert markdown_blocks(body, image=image, link=link) == [
        {"type": "text", "content": "• UBND (https://x.vn/a) — Liên hệ: 0277 0288"},
        {"type": "image", "url": "a.jpg", "caption": "Bản đồ"},
        {"type": "text", "content": "• An Nhơn — Việc cần làm: Mang căn cước Đến sớm"},
        {"type": "text", "content": "Hết."},
    ]


def test_cells_spanning_columns_or_rows_keep_each_cell_under_its_own_header() -> None:
    """colspan and rowspan were not counted: after a header over two columns every cell took
    the next column's name («Giờ: B», «7h» unnamed), and below a cell spanning two rows the
    next row lost its date and read «E — Địa điểm: F»."""
    body = (
        "<table>"
        "<tr><th rowspan=2>Ngày</th><th colspan=2>Địa điểm</th><th rowspan=2>Giờ</th></tr>"
        "<tr><th>Xã</th><th>Ấp</th></tr>"
        "<tr><td>1/6</td><td>An Nhơn</td><td>Ấp 1</td><td>7h</td></tr>"
        "<tr><td rowspan=2>2/6</td><td>Tân Bình</td><td>Ấp 2</td><td>8h</td></tr>"
        "<tr><td>Tân Bình</td><td>Ấp 3</td><td>14h</td></tr>"
        "<tr><td>3/6</td><td colspan=3>Nghỉ</td></tr>"
        "</table>\n"
    )
    assert texts(body) == [
        "• 1/6 — Địa điểm – Xã: An Nhơn; Địa điểm – Ấp: Ấp 1; Giờ: 7h",
        "• 2/6 — Địa điểm – Xã: Tân Bình; Địa điểm – Ấp: Ấp 2; Giờ: 8h",
        "• 2/6 — Địa điểm – Xã: Tân Bình; Địa điểm – Ấp: Ấp 3; Giờ: 14h",
        "• 3/6 — Địa điểm – Xã, Địa điểm – Ấp, Giờ: Nghỉ",
    ]
    one_header = (
        "<table><tr><th>Ngày</th><th colspan=2>Địa điểm</th><th>Giờ</th></tr>"
        "<tr><td>1/6</td><td>An Nhơn</td><td>Ấp 1</td><td>7h</td></tr></table>\n"
    )
    assert texts(one_header) == ["• 1/6 — Địa điểm: An Nhơn, Ấp 1; Giờ: 7h"]


def test_a_table_in_a_quote_has_its_bullets_before_the_quotation_marks() -> None:
    """A row quoted read «“• 1/6 — Nơi: Xã An”», the bullet inside the quotation, unlike a
    list in the same quote («• “…”»)."""
    body = "> | Ngày | Nơi |\n> |---|---|\n> | 1/6 | Xã An |\n>\n> - Mang căn cước\n"
    assert texts(body) == ["• “1/6 — Nơi: Xã An”", "• “Mang căn cước”"]
