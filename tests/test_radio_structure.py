"""How a bulletin's structure is read aloud (markdown.py): lists after a colon, sub-headings,
bylines, quotes and the sentences left after a web address is dropped.

Found in an announcer's review of the generated scripts; each test reads a whole bulletin body
through `normalise`, as the build does.
"""

from __future__ import annotations

from publish.radio.normalise import normalise


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
