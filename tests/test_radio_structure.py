"""How a bulletin's structure is read aloud (markdown.py): lists after a colon, sub-headings,
bylines, quotes and the sentences left after a web address is dropped.

Found in an announcer's review of the generated scripts; each test reads a whole bulletin body
through `normalise`, as the build does.
"""

from __future__ import annotations

import markdown
import pytest

from publish.markdown_escapes import QuoteEscapes
from publish.radio.flags import BLOCKING
from publish.radio.markdown import byline
from publish.radio.normalise import SpeakOptions, normalise


def test_a_colon_before_a_list_of_clauses_reads_as_one_sentence() -> None:
    """The colon stays a pause, the clauses are joined with ";" (finding 6): read apart, the
    announcing sentence became "Hồ sơ gồm." and the items sentences without a subject."""
    source = "Hồ sơ gồm:\n\n- đơn đề nghị;\n- giấy khai sinh;\n- bản sao căn cước công dân.\n"
    assert normalise(source).text == (
        "Hồ sơ gồm: đơn đề nghị; giấy khai sinh; bản sao căn cước công dân."
    )
    bold = "Với tài khoản này, người dân có thể **làm gì**:\n- nộp hồ sơ\n- tra cứu kết quả\n"
    assert normalise(bold).text == (
        "Với tài khoản này, người dân có thể làm gì: nộp hồ sơ; tra cứu kết quả."
    )


def test_list_items_written_as_sentences_stay_sentences_after_the_colon() -> None:
    source = "Các bước:\n\n1. Mở ứng dụng Zalo.\n2. Chọn mục Quan tâm\n3. Nhấn **Chia sẻ**.\n"
    assert normalise(source).text == "Các bước: Mở ứng dụng Zalo. Chọn mục Quan tâm. Nhấn Chia sẻ."


@pytest.mark.parametrize(
    "source",
    [
        "Kế hoạch gồm:\n\n- Tuần tra ban đêm:\n    - Tại các xã\n    - Tại thị trấn\n"
        "- Kiểm tra hành chính\n",
        # pasted from Word: «•» items and «o» sub-bullets (publish.pasted makes them a list)
        "Kế hoạch gồm:\n• Tuần tra ban đêm:\no\tTại các xã\no\tTại thị trấn\n"
        "• Kiểm tra hành chính\n",
        "Kế hoạch gồm:\n\n- **Tuần tra ban đêm:**\n    - Tại các xã\n    - Tại thị trấn\n"
        "- Kiểm tra hành chính\n",
    ],
)
def test_a_list_item_ending_in_a_colon_runs_into_its_sub_items_without_another_mark(
    source: str,
) -> None:
    """The item announces its sub-items: its colon is the pause, no «;» is glued on after it
    («Tuần tra ban đêm:; Tại các xã» was read to the announcer). The sub-items stay in its
    sentence and the next point is counted, so «Kiểm tra hành chính» is not heard as one more
    place of the night patrol (test_radio_lists.py)."""
    assert normalise(source).text == (
        "Kế hoạch gồm: thứ nhất, Tuần tra ban đêm: Tại các xã, Tại thị trấn. "
        "Thứ hai, Kiểm tra hành chính."
    )


def test_a_list_item_ending_in_a_colon_among_sentences_takes_no_stop_after_it() -> None:
    source = "Kế hoạch gồm:\n\n- Tuần tra ban đêm:\n    - Tại các xã. Kiểm tra kỹ.\n- Xong:\n"
    assert normalise(source).text == (
        "Kế hoạch gồm: thứ nhất, Tuần tra ban đêm: Tại các xã. Kiểm tra kỹ. Thứ hai, Xong."
    )


def test_a_colon_before_a_paragraph_is_read_with_it_but_not_before_a_heading() -> None:
    source = "Ông Lộc cho biết:\n\nXóm mình bình yên là nhờ bà con.\n\nTin khác.\n"
    assert normalise(source).text == (
        "Ông Lộc cho biết: Xóm mình bình yên là nhờ bà con.\n\nTin khác."
    )
    cut = "Mở đầu.\n\nSau đây là:\n\n[NHẠC CẮT 0:05]\n\nNội dung.\n"
    assert normalise(cut).text == "Mở đầu.\n\nSau đây là.\n\n[NHẠC CẮT 0:05]\n\nNội dung."


def test_a_flag_in_a_joined_list_still_names_its_own_line() -> None:
    source = "Mở đầu.\n\nHồ sơ gồm:\n\n- đơn đề nghị;\n- giấy của CSXYZ.\n"
    spoken = normalise(source)
    assert [(f.code, f.line) for f in spoken.flags] == [("R14.6", 6)]


def test_dropping_a_web_address_never_leaves_a_lead_clause_alone() -> None:
    """R1.4 drops the clause with the address; when what is left of the sentence is only a
    lead clause ("Trước khi giao dịch."), a few words, or starts with "hoặc", the whole
    sentence goes, and the warning says so (finding 7, demo item ct-2025-06). Another way to
    reach the unit after "hoặc" is no leftover: it is read (see test_radio_presenter_forms.py)."""
    source = (
        "Bà con gọi 113 khi cần. Trước khi giao dịch, có thể tra cứu các trang web đã bị cảnh "
        "báo tại [tinnhiemmang.vn](https://tinnhiemmang.vn)."
    )
    spoken = normalise(source)
    assert spoken.text == "Bà con gọi một một ba khi cần."
    [flag] = spoken.flags
    assert flag.code == "R1.4" and flag.message.startswith(
        "Đã bỏ câu chứa địa chỉ «tinnhiemmang.vn»"
    )
    email = normalise("Câu đầu. Gửi thư tới a@b.vn, hoặc gọi 113.")
    assert email.text == "Câu đầu. Gọi một một ba."


@pytest.mark.parametrize(
    "written",
    ["a@b.vn", "<a@b.vn>", "<mailto:a@b.vn>", "[a@b.vn](mailto:a@b.vn)", "<MAILTO:a@b.vn>"],
)
def test_an_e_mail_address_however_written_goes_as_the_bare_one_does(written: str) -> None:
    """`<a@b.vn>`, as the website shows a link, was taken for an HTML tag and dropped silently:
    «Liên hệ: <a@b.vn>.» was read «Liên hệ:.» with no word to the editor. Every way of writing
    the address is R1.4's: its sentence goes, and the warning names an e-mail address."""
    spoken = normalise(f"Gọi 113 khi cần. Liên hệ: {written}.")
    assert spoken.text == "Gọi một một ba khi cần."
    [flag] = spoken.flags
    assert flag.code == "R1.4" and flag.message.startswith("Đã bỏ câu chứa địa chỉ «a@b.vn»")
    assert "không đọc địa chỉ thư điện tử trên sóng" in flag.message
    assert "địa chỉ web trên sóng" not in flag.message


def test_an_e_mail_autolink_in_a_bold_label_takes_its_paragraph_not_the_next() -> None:
    """«**Thư điện tử:** <a@b.vn>» was read «Thư điện tử.», a label with nothing after it."""
    spoken = normalise("**Thư điện tử:** <congan@example.vn>\n\nGọi số 113.\n")
    assert spoken.text == "Gọi số một một ba."
    assert [f.code for f in spoken.flags] == ["R1.4"]


def test_an_e_mail_autolink_among_ways_of_contact_leaves_the_others_read() -> None:
    """As a bare address: only the e-mail goes, the number in the same sentence is read."""
    spoken = normalise("Mọi thông tin liên hệ hộp thư <congan@example.vn> hoặc gọi số 113.")
    assert spoken.text == "Mọi thông tin gọi số một một ba."
    assert spoken == normalise("Mọi thông tin liên hệ hộp thư congan@example.vn hoặc gọi số 113.")
    assert spoken.flags[0].message.startswith("Đã bỏ vế câu chứa địa chỉ «congan@example.vn»")


def test_a_web_autolink_goes_as_a_bare_address_and_is_told_as_a_web_address() -> None:
    """`<https://…>` was already R1.4's; its warning still says «địa chỉ web»."""
    spoken = normalise("Gọi 113 khi cần. Chi tiết xem ở <https://ca.example.vn/tin>.")
    assert spoken.text == "Gọi một một ba khi cần."
    [flag] = spoken.flags
    assert "không đọc địa chỉ web trên sóng" in flag.message


def test_a_scammers_e_mail_autolink_is_told_as_an_e_mail_address() -> None:
    """The warning said «không đọc địa chỉ web» for a scammer's e-mail address too."""
    spoken = normalise("Đối tượng gửi thư từ <hotro.nganhang@gmail.com> để chiếm đoạt tài khoản.")
    assert spoken.text == "Đối tượng gửi thư từ một địa chỉ thư điện tử để chiếm đoạt tài khoản."
    [flag] = spoken.flags
    assert "không đọc địa chỉ thư điện tử trên sóng" in flag.message


def test_dropping_a_web_address_keeps_a_whole_main_clause_and_the_sentence_before() -> None:
    """The clause alone goes when the rest is a sentence; the sentence before keeps its stop
    (the clause search once reached back into it: "Câu một, bà con nên đọc.")."""
    spoken = normalise("Đã xử lý 10 vụ; chi tiết tại https://ca.example.vn/tin.")
    assert spoken.text == "Đã xử lý mười vụ."
    assert spoken.flags[0].message.startswith("Đã bỏ vế câu chứa địa chỉ")
    assert normalise("Câu một. Trang https://x.vn có nhiều tin, bà con nên đọc.").text == (
        "Câu một. Bà con nên đọc."
    )


def test_see_at_sentences_are_dropped_with_or_without_a_link() -> None:
    """R1.3 misses "xem tại" (77 corpus items) and "Xem thêm" sentences without a link (demo
    ct-2020-12): on air the listener can see nothing; each is dropped and flagged (finding 8)."""
    source = (
        "Mở đầu. Thông tin chi tiết xem tại [Văn bản pháp luật](https://vbpl.vn/a).\n\n"
        "Xem thêm hướng dẫn tại trang “Gửi phản ánh” trên website này; văn bản có thể tra cứu "
        "tại [Cổng thông tin điện tử Bộ Công an](https://bocongan.gov.vn). Cần xem xét kỹ.\n"
    )
    spoken = normalise(source)
    assert spoken.text == (
        "Mở đầu.\n\nVăn bản có thể tra cứu tại Cổng thông tin điện tử Bộ Công an. Cần xem xét kỹ."
    )
    assert [(f.code, f.line) for f in spoken.flags] == [("R1.3", 1), ("R1.3", 3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Xem thêm tại trụ sở Công an xã.",
        "xem tại trụ sở Công an xã Tân Lập.",
        "Xem chi tiết tại bộ phận một cửa của Ủy ban nhân dân xã.",
        "Xem danh sách tại trụ sở Công an xã hoặc trên trang của xã.",
    ],
)
def test_see_at_a_place_is_read(sentence: str) -> None:
    """R1.3 dropped every sentence opening with «Xem thêm», «Xem tại», though some send the
    listener to a place they can go, which a listener needs to hear."""
    spoken = normalise(f"Mở đầu. {sentence}")
    assert spoken.text == f"Mở đầu. {sentence[0].upper()}{sentence[1:]}"
    assert spoken.flags == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Xem thêm: Cảnh giác với thủ đoạn lừa đảo qua mạng.",
        "Xem chi tiết tại đây.",
        "Xem thêm tại chuyên mục Hỏi đáp.",
        # A web page of a police unit, or a headline naming one, is still the web.
        "Xem chi tiết tại Cổng thông tin điện tử Công an tỉnh Đồng Tháp.",
        "Xem thêm tại trang Facebook của Công an xã Tân Lập.",
        "Xem thêm: Công an huyện Châu Thành triệt phá ổ nhóm đánh bạc.",
    ],
)
def test_see_at_a_web_page_without_a_link_is_dropped(sentence: str) -> None:
    """A sentence with no link left that still points at the web is dropped and flagged."""
    spoken = normalise(f"Mở đầu. {sentence}")
    assert spoken.text == "Mở đầu."
    assert [f.code for f in spoken.flags] == ["R1.3"]


def test_see_more_saying_nowhere_is_read_and_flagged() -> None:
    """Neither a web page nor a place: kept, and the editor asked to say where."""
    spoken = normalise("Xem thêm hướng dẫn gửi tin báo.")
    assert spoken.text == "Xem thêm hướng dẫn gửi tin báo."
    [flag] = spoken.flags
    assert flag.code == "R1.3" and "không nói xem ở đâu" in flag.message


def test_a_sentence_pointing_at_this_website_is_flagged_but_read() -> None:
    """ "trên website này" means nothing on air, but the sentence may carry more (a number to
    call): the editor is told, the text is kept."""
    spoken = normalise("Gửi phản ánh trên website này hoặc gọi 113.")
    assert spoken.text == "Gửi phản ánh trên website này hoặc gọi một một ba."
    [flag] = spoken.flags
    assert flag.code == "R1.3" and "«website này»" in flag.message


def test_sub_headings_are_read_as_lead_in_sentences() -> None:
    """Finding 11 (demo ct-2024-03): the heading above a list was dropped and the list started
    cold. An H3, or an H2 or bold line below the start, is read as a sentence of its own; the
    title (an H1, or an H2 before any text) still is not."""
    source = (
        "## Cảnh giác với tín dụng đen\n\nMở đầu.\n\n"
        "## Dấu hiệu nhận biết ứng dụng “tín dụng đen”\n\n"
        "- quảng cáo không cần thẩm định;\n- đòi quyền truy cập danh bạ.\n\n"
        "### Khuyến cáo\n\n**Lưu ý khi vay**\n\nKhông vay qua ứng dụng lạ.\n"
    )
    spoken = normalise(source)
    assert spoken.text == (
        "Mở đầu.\n\nDấu hiệu nhận biết ứng dụng “tín dụng đen”.\n\n"
        "Quảng cáo không cần thẩm định. Đòi quyền truy cập danh bạ.\n\n"
        "Khuyến cáo.\n\nLưu ý khi vay.\n\nKhông vay qua ứng dụng lạ."
    )
    assert spoken.title == "Cảnh giác với tín dụng đen"


def test_read_title_reads_every_heading_as_written() -> None:
    """`--read-title`: the title and the sub-headings, without a stop added."""
    spoken = normalise(
        "# Tiêu đề\n\nMở đầu.\n\n## Mục một?\n\n### Mục hai\n\nNội dung.\n",
        options=SpeakOptions(read_title=True),
    )
    assert spoken.text == "Tiêu đề\n\nMở đầu.\n\nMục một?\n\nMục hai\n\nNội dung."


def test_a_sub_heading_ending_in_a_colon_announces_its_list_but_nothing_runs_into_one() -> None:
    source = "Mở đầu:\n\n## Hồ sơ gồm:\n\n- đơn đề nghị;\n- giấy khai sinh.\n"
    assert normalise(source).text == ("Mở đầu.\n\nHồ sơ gồm: đơn đề nghị; giấy khai sinh.")


def test_a_closing_byline_is_taken_off_the_text_read_aloud() -> None:
    """Finding 16: the byline is not read; `byline` gives it to the item header."""
    cases = {
        "Câu cuối của bản tin. *Tin: Thu Trang.*": "Tin: Thu Trang",
        "Câu cuối của bản tin.\n\nTin: Ban Biên tập.": "Tin: Ban Biên tập",
        "Câu cuối của bản tin. **Bài và ảnh: Ngọc Hà**": "Bài và ảnh: Ngọc Hà",
        # An initial's dot ends no sentence (it was read «Tin: xã Thu Trang.»).
        "Câu cuối của bản tin.\n\nTin: X. Thu Trang": "Tin: X. Thu Trang",
        "Câu cuối của bản tin. *Tin: Nguyễn T. Lan.*": "Tin: Nguyễn T. Lan",
    }
    for source, credit in cases.items():
        assert normalise(source).text == "Câu cuối của bản tin.", source
        assert byline(source) == credit
    # Not a byline: a sentence that only starts so, or one in the middle of the text.
    sentence = (
        "Tin: Công an huyện đề nghị người dân cảnh giác khi nhận cuộc gọi lạ từ người giả danh."
    )
    assert byline(sentence) == "" and normalise(sentence).text.startswith("Tin: Công an")
    assert byline("Tin: Thu Trang.\n\nCâu cuối.") == ""


@pytest.mark.parametrize(
    ("source", "credit"),
    [
        ("Câu cuối của bản tin.\n\nPV: X. Thu Trang", "PV: X. Thu Trang"),
        ("Câu cuối của bản tin.\n\nBTV: Hoàng Lan.", "BTV: Hoàng Lan"),
        ("Câu cuối của bản tin. *CTV: Văn Tùng - Công an xã*", "CTV: Văn Tùng - Công an xã"),
        (
            "Câu cuối của bản tin.\n\nPhóng viên: Thu Trang, Hoàng Lan",
            "Phóng viên: Thu Trang, Hoàng Lan",
        ),
    ],
)
def test_a_reporters_closing_credit_goes_to_the_item_header(source: str, credit: str) -> None:
    """«PV: X. Thu Trang» ending a bulletin was read on air «Phóng viên: X. Thu Trang.» (and
    «BTV: …» as «Ban Thường vụ: …») where «Tin: …» goes to the header unread: a reporter's or
    editor's credit is a byline too."""
    assert normalise(source).text == "Câu cuối của bản tin."
    assert byline(source) == credit


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("PV: Vâng.", "Phóng viên: Vâng."),
        ("PV: Xin Cảm Ơn Anh.", "Phóng viên: Xin Cảm Ơn Anh."),
        ("PTV: Chúc Quý Vị Ngủ Ngon.", "Phát thanh viên: Chúc Quý Vị Ngủ Ngon."),
    ],
)
def test_last_words_written_in_title_case_are_read_not_taken_for_a_credit(
    words: str, read: str
) -> None:
    """Words in title case were taken for a name and moved silently into the header: a credit
    names people (two words or an initial each) with no word of a greeting or of thanks."""
    source = f"Anh có lời khuyên gì?\n\n{words}"
    assert byline(source) == ""
    assert normalise(source).text.endswith(read)


@pytest.mark.parametrize("name", ["Hùng", "Hương", "Ánh"])
def test_a_reporters_credit_of_one_name_is_not_read(name: str) -> None:
    """«PV: Hùng.» ending a bulletin was read «Phóng viên: Hùng.»: a credit needed two words or
    an initial. One capitalised word is a name unless it is a reply («Vâng», «Đúng»)."""
    source = f"Người dân cần cảnh giác.\n\nPV: {name}.\n"
    assert normalise(source).text == "Người dân cần cảnh giác."
    assert byline(source) == f"PV: {name}"


@pytest.mark.parametrize("name", ["Thu Hà", "*Nguyễn Thu Hà.*", "Hà Văn Nam"])
def test_a_writers_name_alone_ending_a_bulletin_is_not_read(name: str) -> None:
    """«Thu Hà» on the last line, the writer's credit with no «Tin:», was read «Thu Hà.» as the
    bulletin's last sentence: it goes to the item header as the labelled credit does."""
    source = f"Người dân cần cảnh giác.\n\n{name}\n"
    assert normalise(source).text == "Người dân cần cảnh giác."
    assert byline(source) == "Tác giả: " + name.strip("*.")


@pytest.mark.parametrize(
    "last",
    [
        *("Xin Cảm Ơn", "Trân trọng", "Công an huyện Châu Thành", "Hết"),
        # Title-case slogans and places, dropped from the air as a writer's name.
        *("**Hãy Cảnh Giác.**", "Cảnh Giác Lừa Đảo.", "An Toàn Giao Thông.", "Tết Nguyên Đán"),
        *("Hà Nội.", "Việt Nam", "**Minh Anh**"),
    ],
)
def test_a_last_line_that_is_no_name_is_still_read(last: str) -> None:
    """Words of thanks, a unit's name, a sentence, one word: read as before, no credit.
    («Ban Biên Tập» is a credit, not read: tests/test_radio_last_line.py.)"""
    source = f"Người dân cần cảnh giác.\n\n{last}\n"
    said = last.strip("*").rstrip(".")
    assert normalise(source).text.endswith(said + ".")
    assert byline(source) == ""


@pytest.mark.parametrize(
    ("front_matter", "author"),
    [("author: Minh Anh\n", ""), ("author: 'Minh Anh'\n", ""), ("", "Minh Anh")],
)
def test_the_authors_name_alone_ending_a_bulletin_is_not_read(
    front_matter: str, author: str
) -> None:
    """In bold, «**Minh Anh**» looks like a slogan and is read, unless the front matter names
    its author so: then it is the writer's credit, as «Thu Hà» is."""
    source = f"---\ntitle: Cảnh giác\n{front_matter}---\nNgười dân cần cảnh giác.\n\n**Minh Anh**\n"
    assert normalise(source, author=author).text == "Người dân cần cảnh giác."
    assert byline(source, author=author) == "Tác giả: Minh Anh"


@pytest.mark.parametrize("reply", ["Vâng", "Đúng", "Không", "Dạ", "Được"])
def test_a_reporters_one_word_reply_is_still_read(reply: str) -> None:
    """A one-word reply closing an interview is words, not a name: read, no byline."""
    source = f"Anh có lời khuyên gì?\n\nPV: {reply}."
    assert byline(source) == ""
    assert normalise(source).text.endswith(f"Phóng viên: {reply}.")


def test_a_credit_whose_name_ends_in_a_reply_word_is_still_a_credit() -> None:
    """«Thế», «Đồng» are given names too: only a credit of one word is taken for a reply."""
    assert byline("Người dân cần cảnh giác.\n\nPV: Nguyễn Văn Thế.\n") == "PV: Nguyễn Văn Thế"


def test_a_reporters_last_words_in_an_interview_are_read() -> None:
    """«PV: Xin cảm ơn anh.» closes an interview: words, not a name, so no byline."""
    source = "Anh có lời khuyên gì?\n\nPV: Xin cảm ơn anh."
    assert byline(source) == ""
    assert normalise(source).text.endswith("Phóng viên: Xin cảm ơn anh.")


def test_a_quotation_is_read_with_its_speaker_first() -> None:
    """Finding 12: "… nhân dân. Đại tá Đinh Hoàng Linh, Phó Giám đốc Công an tỉnh." made the
    officer's words sound like the station's. A recognisable quotation + speaker is read
    speaker first, with "cho biết:" and the quotation marks kept (R15.5)."""
    blockquote = (
        "> “Xóm mình bình yên là nhờ bà con để ý lẫn nhau.”\n> — Ông Trần Văn Lộc, ấp Tân Hòa\n"
    )
    assert normalise(blockquote).text == (
        "Ông Trần Văn Lộc, ấp Tân Hòa, cho biết: “Xóm mình bình yên là nhờ bà con để ý lẫn nhau.”"
    )
    unquoted = (
        "> Mục tiêu của chúng tôi là phục vụ nhanh nhất. — Đại tá Phạm Thu Nhung, Phó Giám "
        "đốc Công an tỉnh."
    )
    assert normalise(unquoted).text == (
        "Đại tá Phạm Thu Nhung, Phó Giám đốc Công an tỉnh, cho biết: “Mục tiêu của chúng tôi là "
        "phục vụ nhanh nhất.”"
    )
    paragraph = "“Kết quả này là nhờ nhân dân.” Nguyễn Văn Hùng, Trưởng Công an huyện."
    assert normalise(paragraph).text == (
        "Nguyễn Văn Hùng, Trưởng Công an huyện, cho biết: “Kết quả này là nhờ nhân dân.”"
    )


def test_text_that_only_looks_like_a_quotation_is_left_as_written() -> None:
    """A clause dash, a sentence with its own verb, or a capitalised phrase that names nobody."""
    for source, expected in {
        "> Cảnh giác - Không chuyển tiền.": "Cảnh giác, Không chuyển tiền.",
        "> Không chuyển tiền - dù bất kỳ lý do gì - cho người lạ.": (
            "Không chuyển tiền, dù bất kỳ lý do gì, cho người lạ."
        ),
        "“Tôi sẽ báo ngay” Ông A nói.": "“Tôi sẽ báo ngay” Ông A nói.",
        "Bà con nhớ - Không chuyển tiền, không cho mượn căn cước.": (
            "Bà con nhớ, Không chuyển tiền, không cho mượn căn cước."
        ),
    }.items():
        assert normalise(source).text == expected, source


def test_an_overlong_sentence_is_flagged_even_with_commas() -> None:
    """Finding 15: demo ct-2022-08 opened with a 116-syllable sentence holding two date ranges;
    T7 (40 syllables without a pause) never fired because of its commas. T8 warns above 60
    syllables up to `.`, `!`, `?`, `;` or `:`, where a reader can take a breath."""
    source = (
        "Sáng 19/8/2022, nhân kỷ niệm 77 năm Ngày truyền thống Công an nhân dân (19/8/1945 – "
        "19/8/2022) và 17 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 – 19/8/2022), "
        "Ban Chỉ đạo phong trào huyện tổ chức Ngày hội điểm tại ấp Tân Hòa. Hơn 400 đại biểu "
        "đã đến dự.\n"
    )
    spoken = normalise(source)
    [flag] = spoken.flags
    assert flag.code == "T8" and flag.message.startswith("Câu dài 110 âm tiết (quá 60)")
    assert flag.excerpt.startswith("Sáng ngày mười chín tháng tám")
    listed = (
        "Từ ngày 4/10 đến ngày 19/10/2025, Công an huyện phối hợp với Công an xã An Phú Thuận, "
        "Công an xã An Khánh:\n\n- thành lập tổ công tác tuần tra, kiểm soát vào khung giờ từ "
        "22 giờ 00 đến 2 giờ 00 sáng các đêm thứ Sáu, thứ Bảy, Chủ nhật;\n- bố trí chốt chặn.\n"
    )
    assert normalise(listed).flags == ()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("I\\. Lan trực ban.", "I. Lan trực ban."),
        ("Ngày 1\\. Hùng trực ban.", "Ngày một. Hùng trực ban."),
        ("Chữ \\*không\\* in nghiêng.", "Chữ không in nghiêng."),
        ("Biển số \\_ABC\\_ cũ.", "Biển số ABC cũ."),
        ("Chiến dịch \\#AnToan năm nay.", "Chiến dịch AnToan năm nay."),
        ("Mã `a\\*b` giữ nguyên.", "Mã a\\ b giữ nguyên."),
        ("Lệnh \\`x\\` và `y` hết.", "Lệnh x và y hết."),
    ],
)
def test_a_backslash_escape_is_read_as_the_character_the_website_shows(
    source: str, expected: str
) -> None:
    """«I\\. Lan» shows «I. Lan» on the website (Python-Markdown resolves the escape): the
    presenter reads what the site shows, never a backslash, and an escaped star or underscore
    is no emphasis to take off with the word's neighbours; in a code span nothing is escaped.
    An escaped backtick opens no code span (it read «`x\\ và y»), and is not read."""
    assert normalise(source).text == expected


def test_every_character_the_website_unescapes_is_read_without_its_backslash() -> None:
    """The radio reading resolves the escapes of the website's (and Zalo's) converter."""
    for char in markdown.Markdown(extensions=["extra", QuoteEscapes()]).ESCAPED_CHARS:
        spoken = normalise(f"Chữ \\{char} ở đây.").text
        assert spoken.count("\\") == (char == "\\"), (char, spoken)


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("Mở `C:\\Users\\Tai lieu` để xem.", "C:\\Users\\Tai"),
        ("Mật khẩu mặc định `admin\\1` phải đổi.", "admin\\1"),
        ("Dấu \\\\ ở đây.", "\\"),
        ("Lưu vào C:\\Users rồi gửi.", "\\Users"),
    ],
)
def test_a_backslash_the_website_shows_holds_the_item(source: str, shown: str) -> None:
    """A backslash in code (`C:\\Users`), escaped (`\\\\`) or in a path went into the script
    unflagged, and the presenter said it as they guessed: no listener can note a path down.
    It is a Q2 symbol, and the editor is told to write it in words."""
    spoken = normalise(source)
    [flag] = spoken.flags
    assert (flag.code, flag.severity) == ("Q2", BLOCKING)
    assert shown in flag.excerpt and "gạch chéo ngược" in flag.message


def test_a_backslash_ending_a_line_holds_the_item() -> None:
    """A backslash ending a line is a line break in some editors (CommonMark), but the website
    (Python-Markdown) shows it, so it was read «Gọi 113\\ hoặc …»: it is held as any other, and
    fixing it for the radio fixes the page too."""
    [flag] = normalise("Gọi 113\\\nhoặc đến trụ sở.\n").flags
    assert (flag.code, flag.excerpt) == ("Q2", "113\\")


@pytest.mark.parametrize(
    ("source", "written", "line"),
    [
        ("Mở thư mục C:\\Users\\a.", "C:\\Users\\a", 1),
        ("Dòng đầu.\nVào thư mục `D:\\2024\\a` để xem.", "D:\\2024\\a", 2),
        ("Thế kỷ C:\\Users, \\*không\\* xóa.", "C:\\Users", 1),
    ],
)
def test_a_backslash_flag_quotes_what_the_editor_wrote(
    source: str, written: str, line: int
) -> None:
    """After «thư mục» the drive letter «C» was read as a Roman numeral and the held item's note
    quoted «trăm:\\Users\\a», which is nowhere in the bulletin (and «D:\\2024» gave two notes,
    at the paragraph's first line): the note quotes the word as written, at its own line."""
    [flag] = normalise(source).flags
    assert (flag.code, flag.excerpt, flag.line) == ("Q2", written, line)
    assert f"«{written}»" in flag.message


def test_an_escaped_bracket_is_no_link() -> None:
    """`\\[x\\](y)` shows the brackets on the website: no link text taken out of it."""
    assert normalise("Ghi \\[ghi chú\\](xem) ở đây.").text.startswith("Ghi [ghi chú]")


@pytest.mark.parametrize("underline", ["---", "==="])
def test_an_intro_sentence_over_a_separator_is_read(underline: str) -> None:
    """An intro typed over «---» (meant as a separator) is a setext heading in Markdown: it
    became the item's title and was not read, and the listener missed the news. A sentence
    (a final stop, or longer than a heading) is read; a short line over it is still a title."""
    intro = "Sáng nay, Công an huyện bắt 3 đối tượng trộm cắp tài sản."
    source = f"{intro}\n{underline}\n\nNội dung.\n"
    assert normalise(source).text == (
        "Sáng nay, Công an huyện bắt ba đối tượng trộm cắp tài sản.\n\nNội dung."
    )
    assert normalise(f"Tin nổi bật\n{underline}\n\nNội dung.\n").text == "Nội dung."


@pytest.mark.parametrize(
    "source",
    [
        "Địa chỉ: 12 Lê Lợi  \nĐiện thoại: 0913 123 456\n",
        "Địa chỉ: 12 Lê Lợi<br>\nĐiện thoại: 0913 123 456\n",
        "- Địa chỉ: 12 Lê Lợi  \n  Điện thoại: 0913 123 456\n",
    ],
)
def test_a_hard_line_break_ends_a_sentence_as_br_does(source: str) -> None:
    """Two spaces ending a line (the website's `<br />`) ran the two lines into one sentence,
    «… Lê Lợi Điện thoại …», while a written `<br>` ended it: both end it now."""
    assert normalise(source).text == (
        "Địa chỉ: mười hai Lê Lợi. Điện thoại: không chín một ba, một hai ba, bốn năm sáu."
    )


@pytest.mark.parametrize(
    "source",
    [
        "Công an huyện đã bắt giữ  \nđối tượng Nguyễn Văn A.\n",
        "Công an huyện đã bắt giữ  \n**đối tượng** Nguyễn Văn A.\n",
    ],
)
def test_two_spaces_before_a_small_letter_do_not_end_the_sentence(source: str) -> None:
    """Two spaces ending a line are invisible and common in text pasted from Word or Zalo:
    «đã bắt giữ. Đối tượng …» was read with a stop in the middle of the sentence."""
    assert normalise(source).text == "Công an huyện đã bắt giữ đối tượng Nguyễn Văn A."


def test_two_spaces_before_a_label_in_small_letters_end_the_sentence() -> None:
    """A line that opens with a label (`điện thoại:`) starts a new sentence all the same."""
    assert normalise("Địa chỉ: 12 Lê Lợi  \nđiện thoại: 0913 123 456\n").text.startswith(
        "Địa chỉ: mười hai Lê Lợi. Điện thoại:"
    )


def test_a_hard_line_break_after_a_stop_keeps_the_byline_off_the_air() -> None:
    assert normalise("Nội dung kết thúc.  \nTin: Thu Trang\n").text == "Nội dung kết thúc."


TABLE = "| Chỉ tiêu | Năm 2022 |\n|---|---:|\n| Số vụ | 76 |\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            f"Mở đầu.\n\n## Các chỉ tiêu chính\n\n{TABLE}\n## Kết quả nổi bật\n\nBắt 2 đối tượng.\n",
            "Mở đầu.\n\nKết quả nổi bật.\n\nBắt hai đối tượng.",
        ),
        (f"Mở đầu.\n\n## Các chỉ tiêu chính\n\n{TABLE}", "Mở đầu."),
        (
            f"Mở đầu.\n\n## Kết quả\n\n{TABLE}\n### Ma túy\n\nBắt 2 đối tượng.\n",
            "Mở đầu.\n\nKết quả.\n\nMa túy.\n\nBắt hai đối tượng.",
        ),
    ],
)
def test_a_sub_heading_over_nothing_but_a_table_is_not_read(source: str, expected: str) -> None:
    """The table is not read (R1.7): its heading was, and «Các chỉ tiêu chính.» led straight
    into «Kết quả nổi bật.» (content/ 2022-12-22). The editor is still told of the table."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert [f.code for f in spoken.flags] == ["R1.7"]


@pytest.mark.parametrize(
    "source",
    [
        "Mở đầu.\n\n## Liên hệ: 0913 123 456\n",
        "Mở đầu.\n\n**Hãy là người tiêu dùng thông thái**\n\n**Đường dây nóng 113**\n",
    ],
)
def test_a_sub_heading_with_no_table_under_it_is_still_read(source: str) -> None:
    """A heading may say what it means alone («Liên hệ: …», a closing slogan in bold)."""
    assert normalise(source).text.count("\n\n") == source.count("\n\n")


def test_a_colon_announcing_a_table_does_not_take_the_next_paragraph_in() -> None:
    """The table is not read (R1.7): the paragraph after it was joined to the colon, «Kết quả
    cụ thể như sau: Cuối cùng, …», as if it were what the colon announced."""
    source = f"Kết quả đạt được:\n\n{TABLE}\nCuối cùng, xin cảm ơn bà con.\n"
    spoken = normalise(source)
    assert spoken.text == "Kết quả đạt được.\n\nCuối cùng, xin cảm ơn bà con."
    assert [f.code for f in spoken.flags] == ["R1.7"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            f"Đợt cao điểm kết thúc. Kết quả cụ thể như sau.\n\n{TABLE}\nXin cảm ơn bà con.\n",
            "Đợt cao điểm kết thúc.\n\nXin cảm ơn bà con.",
        ),
        (
            f"Mở đầu.\n\nSố liệu theo từng xã như bảng dưới đây:\n\n{TABLE}\nHết.\n",
            "Mở đầu.\n\nHết.",
        ),
        (
            f"Số vụ giảm mạnh, cụ thể như sau:\n\n{TABLE}\nHết.\n",
            "Số vụ giảm mạnh.\n\nHết.",
        ),
        ("Mở đầu.\n\nChi tiết xem bảng sau.\n\n```\nx\n```\n", "Mở đầu."),
        # A sentence that says more than what it points at loses the pointer only: it was
        # dropped whole, figure and all.
        (
            "Trong tuần, lực lượng công an đã xử lý 120 trường hợp vi phạm nồng độ cồn như "
            f"sau:\n\n{TABLE}\nHết.\n",
            "Trong tuần, lực lượng công an đã xử lý một trăm hai mươi trường hợp vi phạm nồng "
            "độ cồn.\n\nHết.",
        ),
        (
            "Lực lượng chức năng đã kiểm tra nhiều cơ sở kinh doanh trên địa bàn như bảng dưới "
            f"đây:\n\n{TABLE}\nHết.\n",
            "Lực lượng chức năng đã kiểm tra nhiều cơ sở kinh doanh trên địa bàn.\n\nHết.",
        ),
        (
            f"Công an xã đã xử lý **12 trường hợp** như sau:\n\n{TABLE}",
            "Công an xã đã xử lý mười hai trường hợp.",
        ),
        # A sentence pointing at nothing on the page stays.
        (f"Kế hoạch như sau đã được duyệt.\n\n{TABLE}", "Kế hoạch như sau đã được duyệt."),
    ],
)
def test_a_sentence_announcing_a_table_not_read_is_not_read(source: str, expected: str) -> None:
    """«Kết quả cụ thể như sau.», «… như bảng dưới đây:» were read, and then no table (R1.7):
    the listener waited for what was promised. The sentence goes, or after a comma only the
    pointer («…, cụ thể như sau:»); the editor is still told of the table."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert [f.code for f in spoken.flags] == ["R1.7"]


@pytest.mark.parametrize(
    ("intro", "said"),
    [
        (
            "Các tổ làm việc tại bảy xã, thời gian làm việc cụ thể như sau:",
            "Các tổ làm việc tại bảy xã.",
        ),
        (
            "Các tổ làm việc tại bảy xã, thời gian và địa điểm cụ thể như sau:",
            "Các tổ làm việc tại bảy xã.",
        ),
        (
            "Các tổ làm việc tại bảy xã, người dân có thể tham khảo bảng sau:",
            "Các tổ làm việc tại bảy xã.",
        ),
        (
            "Đợt ra quân đạt nhiều kết quả; kết quả cụ thể của từng xã như sau:",
            "Đợt ra quân đạt nhiều kết quả.",
        ),
        (
            "Công an xã kiểm tra nhiều cơ sở, thời gian, địa điểm như sau:",
            "Công an xã kiểm tra nhiều cơ sở.",
        ),
        ("Người dân các xã có nhu cầu có thể tham khảo bảng sau:", ""),
        ("Thời gian, địa điểm như sau:", ""),
        # A clause with a figure, or the last of a list, says something: kept.
        (
            "Công an xã ra quân, thời gian làm việc từ 7 giờ đến 17 giờ như sau:",
            "Công an xã ra quân, thời gian làm việc từ bảy giờ đến mười bảy giờ.",
        ),
        (
            "Công an tổ chức cấp căn cước tại các xã, thị trấn như sau:",
            "Công an tổ chức cấp căn cước tại các xã, thị trấn.",
        ),
    ],
)
def test_a_pointer_clause_before_a_table_not_read_leaves_no_stub(intro: str, said: str) -> None:
    """«…, thời gian cụ thể như sau:» before a table not read was read «…, thời gian.» (also
    «…, có thể tham khảo.», «…; kết quả.»): the pointer went, the words leading to it stayed,
    saying nothing. The whole clause goes, or the sentence when nothing else is said (R1.7)."""
    spoken = normalise(f"Mở đầu.\n\n{intro}\n\n{TABLE}\nHết.\n")
    assert spoken.text == "\n\n".join(part for part in ("Mở đầu.", said, "Hết.") if part)
    assert [f.code for f in spoken.flags] == ["R1.7"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Các trường hợp bị xử lý gồm\n\n1. Vượt đèn đỏ (45 trường hợp)\n2. Không đội mũ bảo hiểm\n",
            "Các trường hợp bị xử lý gồm: Vượt đèn đỏ, bốn mươi lăm trường hợp; Không đội mũ bảo hiểm.",
        ),
        (
            "Công an huyện khuyến cáo người dân\n\n- không chủ quan;\n- báo ngay 113.\n",
            "Công an huyện khuyến cáo người dân: không chủ quan; báo ngay một một ba.",
        ),
        # A paragraph ending in a number ends its sentence.
        ("Hotline 0912345678\n\n- Không chủ quan.\n", "Hotline không chín một hai, ba bốn năm, sáu bảy tám.\n\nKhông chủ quan."),
        # A sub-heading with no colon is still read on its own.
        ("Mở đầu.\n\n## Các biện pháp\n\n- Tuần tra.\n- Kiểm soát.\n", "Mở đầu.\n\nCác biện pháp.\n\nTuần tra. Kiểm soát."),
    ],
)  # fmt: skip
def test_a_paragraph_with_its_colon_forgotten_before_a_list_announces_it(
    source: str, expected: str
) -> None:
    """«Các trường hợp bị xử lý gồm» with no colon before its list was read «… gồm.», a
    sentence cut off, then the items alone: a paragraph ending in a word, no mark, announces
    the list under it as one ending in a colon does."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Kẻ gian nhắn tin:\n\n![Tin nhắn](a.jpg)\n\nSau đó, chị Lan mất tiền.\n",
            "Kẻ gian nhắn tin.\n\nSau đó, chị Lan mất tiền.",
        ),
        (
            "Mở đầu.\n\nHình ảnh tại hiện trường như sau:\n\n![a](a.jpg)\n*Ảnh: Hiện trường*\n\n"
            "Sau đó, lực lượng chức năng khám nghiệm.\n",
            "Mở đầu.\n\nSau đó, lực lượng chức năng khám nghiệm.",
        ),
        # A list after the photo is still what the colon announced.
        ("Hồ sơ gồm:\n\n![a](a.jpg)\n\n- đơn;\n- căn cước.\n", "Hồ sơ gồm: đơn; căn cước."),
    ],
)
def test_a_colon_announcing_a_photo_does_not_take_the_next_paragraph_in(
    source: str, expected: str
) -> None:
    """The photo is not read (R1.5): the paragraph after it was joined to the colon, «Kẻ gian
    nhắn tin: Sau đó, chị Lan mất tiền.», as if it were the message."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    "source",
    [
        "Nội dung kết thúc.<br>\nTin: Thu Trang\n",
        "Nội dung kết thúc<br>Tin: Thu Trang\n",
        "Nội dung kết thúc  \nTin: Thu Trang\n",
    ],
)
def test_a_byline_after_a_line_break_is_not_read(source: str) -> None:
    """A byline on its own line after `<br>` (or a hard line break) was read aloud, «Nội dung
    kết thúc. Tin: Thu Trang.»: it is taken off as after a stop, and shown in the header."""
    assert normalise(source).text == "Nội dung kết thúc."
    assert byline(source) == "Tin: Thu Trang"


@pytest.mark.parametrize(
    ("source", "spoken"),
    [
        (
            "Vụ tai nạn xảy ra  \nlúc 14:30 ngày 12/12 tại ngã tư.\n",
            "Vụ tai nạn xảy ra lúc mười bốn giờ ba mươi phút ngày mười hai tháng mười hai tại "
            "ngã tư.",
        ),
        (
            "Đối tượng khai nhận  \nvào khoảng 22:00 đã lấy trộm xe.\n",
            "Đối tượng khai nhận vào khoảng hai mươi hai giờ đã lấy trộm xe.",
        ),
        (
            "Công an huyện đã triệu tập  \ncác đối tượng gồm: Nguyễn Văn A, Trần Văn B.\n",
            "Công an huyện đã triệu tập các đối tượng gồm: Nguyễn Văn A, Trần Văn B.",
        ),
    ],
)
def test_two_spaces_before_a_time_or_a_list_go_on_with_the_sentence(
    source: str, spoken: str
) -> None:
    """A time's colon (`lúc 14:30`) or a sentence's own colon before a list (`các đối tượng
    gồm:`) within a line's first 31 characters was taken for a label's: «xảy ra. Lúc mười bốn
    giờ…» was read with a stop in the middle of the sentence."""
    assert normalise(source).text == spoken


def test_two_spaces_before_a_longer_label_end_the_sentence() -> None:
    """A label of a few words in small letters still opens a new sentence."""
    assert normalise("Địa chỉ: 12 Lê Lợi  \nsố điện thoại liên hệ: 0913 123 456\n").text.startswith(
        "Địa chỉ: mười hai Lê Lợi. Số điện thoại liên hệ:"
    )


@pytest.mark.parametrize(
    ("source", "spoken"),
    [
        (
            'Kẻ gian gọi điện cho bà H. và  \nnói với nạn nhân: "Con bà bị tai nạn."\n',
            'Kẻ gian gọi điện cho bà H. và nói với nạn nhân: "Con bà bị tai nạn."',
        ),
        (
            "Công an khuyến cáo người dân khi  \nnhận được cuộc gọi: không chuyển tiền.\n",
            "Công an khuyến cáo người dân khi nhận được cuộc gọi: không chuyển tiền.",
        ),
        (
            "Đối tượng Nguyễn Văn A và  \nNguyễn Văn B đã bị bắt.\n",
            "Đối tượng Nguyễn Văn A và Nguyễn Văn B đã bị bắt.",
        ),
    ],
)
def test_two_spaces_after_a_linking_word_go_on_with_the_sentence(source: str, spoken: str) -> None:
    """A line ending in «và», «khi», «của»… links to the next: before a label-like line
    («nói với nạn nhân:») or a capital it was cut, «cho bà H. và. Nói với nạn nhân…»."""
    assert normalise(source).text == spoken


@pytest.mark.parametrize(
    ("source", "spoken"),
    [
        (
            "Họ tên: Nguyễn Văn Từ  \nĐịa chỉ: xã Tân Hòa.\n",
            "Họ tên: Nguyễn Văn Từ. Địa chỉ: xã Tân Hòa.",
        ),
        (
            "Bị hại: ông Lê Văn Do  \nTrú tại: xã Tân Hòa.\n",
            "Bị hại: ông Lê Văn Do. Trú tại: xã Tân Hòa.",
        ),
        (
            "Số người chết: một  \nSố người bị thương: hai.\n",
            "Số người chết: một. Số người bị thương: hai.",
        ),
        (
            "Số người chết: một  \nsố người bị thương: hai.\n",
            "Số người chết: một. Số người bị thương: hai.",
        ),
    ],
)
def test_two_spaces_between_fields_of_a_form_end_the_sentence(source: str, spoken: str) -> None:
    """A name ending in «Từ» or «Do», or a value «một», was taken for a linking word: the next
    field was read into it, «Nguyễn Văn Từ Địa chỉ: xã Tân Hòa», «một Số người bị thương»."""
    assert normalise(source).text == spoken


def test_two_spaces_after_a_linking_word_in_a_fields_value_go_on_with_it() -> None:
    """A line that is a label and its value goes on after «và» as any other, before a name."""
    source = "Đối tượng: Nguyễn Văn A và  \nNguyễn Văn B đã bị bắt.\n"
    assert normalise(source).text == "Đối tượng: Nguyễn Văn A và Nguyễn Văn B đã bị bắt."


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "Đối tượng gửi đường link https://abc.xyz/nhan-qua để chiếm đoạt tài khoản.",
            "Đối tượng gửi đường link để chiếm đoạt tài khoản.",
        ),
        (
            "Đối tượng yêu cầu truy cập đường link sau: https://abc.xyz/nhan-qua để nhận quà.",
            "Đối tượng yêu cầu truy cập đường link để nhận quà.",
        ),
        (
            "Đối tượng gửi link: bit.ly/abc để chiếm đoạt tài khoản.",
            "Đối tượng gửi link để chiếm đoạt tài khoản.",
        ),
        (
            "Đối tượng yêu cầu người dân vào trang web abc.vn để khai báo.",
            "Đối tượng yêu cầu người dân vào trang web để khai báo.",
        ),
        ("Kẻ gian gửi https://abc.xyz cho nạn nhân.", "Kẻ gian gửi một đường link cho nạn nhân."),
        (
            "Tuyệt đối không bấm vào đường link lạ https://abc.xyz.",
            "Tuyệt đối không bấm vào đường link lạ.",
        ),
        (
            "Công an khuyến cáo không nhấn vào link lạ như https://abc.xyz/a.",
            "Công an khuyến cáo không nhấn vào link lạ.",
        ),
        (
            "Đối tượng lập trang web giả có địa chỉ là https://abc.xyz để lừa đảo.",
            "Đối tượng lập trang web giả có địa chỉ để lừa đảo.",
        ),
    ],
)
@pytest.mark.parametrize("url_spoken", ["", "trang thông tin điện tử của Công an huyện"])
def test_a_scam_warning_is_read_without_the_scammers_address(
    source: str, said: str, url_spoken: str
) -> None:
    """«Đối tượng gửi đường link https://… để chiếm đoạt tài khoản.», the point of the bulletin,
    went off air whole: «link» was taken for a call to click (R1.3), and R1.4 drops a clause
    that holds an address; `bit.ly/abc` was read «bit.ly abc» with no word to the editor. R1.4
    says never to spell an address: the address alone goes, and never becomes `url_spoken`,
    which names the unit's own site («gửi đường link trang thông tin điện tử của Công an
    huyện» would tell the listener the police site is the trap)."""
    spoken = normalise(source, options=SpeakOptions(url_spoken=url_spoken))
    assert spoken.text == said
    [flag] = spoken.flags
    assert flag.code == "R1.4" and "url_spoken" in flag.message


def test_the_units_own_address_still_reads_as_before() -> None:
    """Outside a scam warning an address is what R1.4 said: the configured phrase, or its
    clause dropped."""
    source = "Người dân theo dõi tin, chi tiết tại https://ca.example.vn/tin."
    phrase = "trang thông tin điện tử của Công an huyện"
    assert normalise(source, options=SpeakOptions(url_spoken=phrase)).text == (
        f"Người dân theo dõi tin, chi tiết tại {phrase}."
    )
    assert normalise(source).text == "Người dân theo dõi tin."


def test_an_address_on_the_units_site_alone_becomes_url_spoken() -> None:
    """Knowing the site's hosts (a build, `publish speak` in a project), the phrase replaces
    only an address on them («www.» or not); another site's address goes with its clause."""
    phrase = "trang thông tin điện tử của Công an xã Tân Hòa"
    options = SpeakOptions(url_spoken=phrase, site_hosts=("conganxatanhoa.example.vn",))
    own = normalise("Chi tiết tại www.conganxatanhoa.example.vn/thu-tuc.", options=options)
    assert own.text == f"Chi tiết tại {phrase}."
    other = normalise(
        "Bà con tra cứu phạt nguội tại https://www.csgt.vn hoặc gọi 0277 3850 113.",
        options=options,
    )
    assert phrase not in other.text and "csgt" not in other.text
    assert "gọi không hai bảy bảy, ba tám năm không, một một ba" in other.text
    [flag] = other.flags
    assert flag.code == "R1.4" and "không phải website của đơn vị" in flag.message


def test_an_email_address_never_becomes_url_spoken() -> None:
    """A phrase naming a page read in place of an e-mail gave «gửi thư điện tử trang thông tin
    điện tử của Công an xã…»: the address goes, and the hint no longer offers url_spoken."""
    phrase = "trang thông tin điện tử của Công an xã Tân Hòa"
    spoken = normalise(
        "Phản ánh gửi về thư điện tử tanhoa@congan.example.vn hoặc gọi 0277 3850 113.",
        options=SpeakOptions(url_spoken=phrase),
    )
    assert phrase not in spoken.text and "@" not in spoken.text
    [flag] = spoken.flags
    assert flag.code == "R1.4" and "url_spoken" not in flag.message


def test_a_scam_warning_with_a_markdown_link_keeps_the_links_words() -> None:
    """«Đối tượng gửi [đường link](https://…) để chiếm đoạt tài khoản.» went whole as a call to
    click (R1.3): the link's words are part of the warning, read as any link in a sentence."""
    spoken = normalise("Đối tượng gửi [đường link](https://abc.xyz) để chiếm đoạt tài khoản.")
    assert (spoken.text, spoken.flags) == ("Đối tượng gửi đường link để chiếm đoạt tài khoản.", ())


@pytest.mark.parametrize(
    "source",
    [
        "Xem chi tiết thủ đoạn lừa đảo [tại đây](https://ca.example.vn/x).",
        "Bấm vào [đây](https://ca.example.vn/x) để xem các thủ đoạn lừa đảo.",
        "Bấm vào https://ca.example.vn/canh-bao để xem các thủ đoạn lừa đảo.",
    ],
)
def test_a_call_to_look_at_the_units_page_about_scams_still_goes(source: str) -> None:
    """Scam words do not make a call to click a warning: «tại đây», a link reading «đây», a
    clause asking the listener to go there send them to the unit's page (R1.3)."""
    spoken = normalise(source)
    assert spoken.text == ""
    assert [f.code for f in spoken.flags] == ["R1.3"]


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "[Công an tỉnh](https://ca.example.vn/a) khuyến cáo không nhấn vào link lạ.",
            "Công an tỉnh khuyến cáo không nhấn vào link lạ.",
        ),
        (
            "Theo [Công an tỉnh](https://ca.example.vn/a), người dân không nhấn vào link trong "
            "tin nhắn.",
            "Theo Công an tỉnh, người dân không nhấn vào link trong tin nhắn.",
        ),
        (
            "Công an khuyến cáo tuyệt đối không bấm vào link trong tin nhắn từ [số máy lạ]"
            "(https://ca.example.vn/a).",
            "Công an khuyến cáo tuyệt đối không bấm vào link trong tin nhắn từ số máy lạ.",
        ),
        (
            "Theo [Bộ Công an](https://bocongan.gov.vn), link trong tin nhắn thường chứa virus.",
            "Theo Bộ Công an, link trong tin nhắn thường chứa virus.",
        ),
    ],
)
def test_a_warning_not_to_click_a_link_is_read(source: str, said: str) -> None:
    """«link» anywhere in a sentence holding a link made it a call to click (R1.3): a warning
    not to click («không nhấn vào link…») with its source linked went off air whole."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (said, ())


@pytest.mark.parametrize(
    "source",
    [
        "Nhấn vào link sau để xem: https://ca.example.vn/b.",
        "Nhấn vào [link sau](https://ca.example.vn/b) để xem.",
        "Người dân nhấn vào link [này](https://ca.example.vn/b) để khai báo.",
        "Truy cập [link](https://ca.example.vn/b) để khai báo.",
        "Link đăng ký: https://ca.example.vn/b.",
        "Không nhận được mã nhấn vào [đây](https://ca.example.vn/b).",
    ],
)
def test_a_call_to_click_a_link_still_goes(source: str) -> None:
    """Asking the listener to click, or «link» naming the link given, is still a call (R1.3)."""
    spoken = normalise(source)
    assert spoken.text == ""
    assert [f.code for f in spoken.flags] == ["R1.3"]


def test_the_unit_inviting_the_listener_to_its_page_on_scams_keeps_url_spoken() -> None:
    """«người dân hãy truy cập https://…» is the unit's page: the configured phrase (R1.4)."""
    source = "Để tránh bị lừa đảo, người dân hãy truy cập https://ca.example.vn/canh-bao."
    phrase = "trang thông tin điện tử của Công an huyện"
    spoken = normalise(source, options=SpeakOptions(url_spoken=phrase))
    assert spoken.text == f"Để tránh bị lừa đảo, người dân hãy truy cập {phrase}."
