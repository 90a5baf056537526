"""`publish new`: a bulletin file with complete front matter that loads back as written."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from publish import config as config_module
from publish.carried import carried
from publish.cli import main
from publish.content import load_site
from publish.frontmatter import split
from publish.text import SLUG_RE, slugify
from tests.helpers import (
    NOW,
    OTHER_UNIT_TOML,
    SAMPLE_UNIT,
    SITE_TOML,
    bulletin_md,
    make_project,
    with_oa,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def new(root: Path, title: str, *extra: str) -> int:
    """Run `publish new` in `root`."""
    return main(["new", title, "--root", str(root), *extra])


def test_new_creates_a_dated_file_whose_front_matter_loads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    code = new(root, "Tiêu đề có dấu", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00")
    assert code == 0
    path = root / "content/bai-viet/2020-12-08-tieu-de-co-dau.md"
    assert path.is_file()
    assert "2020-12-08-tieu-de-co-dau.md" in capsys.readouterr().out

    data = split(path.read_text(encoding="utf-8")).data
    assert data["title"] == "Tiêu đề có dấu"
    assert data["category"] == "an-ninh-trat-tu"
    assert data["draft"] is True
    assert SLUG_RE.fullmatch(data["id"]) and data["id"].startswith("tieu-de-co-dau-")

    # The whole project still validates; the new bulletin waits as a draft.
    site = load_site(config_module.load(root), now=dt.datetime(2021, 1, 1, tzinfo=HCM))
    [held] = site.excluded
    assert held.code == "draft"
    bulletin = held.bulletin
    assert bulletin.title == "Tiêu đề có dấu"
    assert bulletin.date == dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM)
    assert bulletin.slug == "tieu-de-co-dau"
    assert bulletin.key == data["id"]


def test_the_sample_text_new_writes_cannot_be_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approved and out of draft with the placeholders left in: check stops it, naming both."""
    root = make_project(tmp_path, {})
    assert new(root, "Tin mới", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00") == 0
    path = root / "content/bai-viet/2020-12-08-tin-moi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("draft: true", "draft: false").replace('approved_by: ""', 'approved_by: "A"'),
        encoding="utf-8",
    )
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 1
    err = capsys.readouterr().err
    assert "trường 'summary': tóm tắt vẫn là chữ mẫu" in err
    body_line = text.split("\n").index("Viết nội dung bản tin ở đây.") + 1
    assert f"2020-12-08-tin-moi.md:{body_line}: lỗi: nội dung vẫn còn dòng chữ mẫu" in err


def test_new_with_a_utc_clock_uses_the_units_date_and_time(tmp_path: Path) -> None:
    # 20:00 UTC on 7/12 is already 03:00 on 8/12 in Việt Nam.
    root = make_project(tmp_path, {})
    assert (
        new(root, "Tin sáng sớm", "--category", "an-ninh-trat-tu", "--now", "2020-12-07T20:00Z")
        == 0
    )
    path = root / "content/bai-viet/2020-12-08-tin-sang-som.md"
    assert "date: 2020-12-08 03:00" in path.read_text(encoding="utf-8")


def test_new_keeps_tricky_titles_and_authors_exact(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    title = unicodedata.normalize("NFD", 'Cảnh báo: "việc nhẹ, lương cao" # lừa đảo')
    code = new(
        root, title, "--category", "canh-bao-toi-pham", "--author", "Minh Anh: phóng viên",
        "--now", "2025-06-02 07:30",
    )  # fmt: skip
    assert code == 0
    [path] = (root / "content/bai-viet").iterdir()
    assert path.name == "2025-06-02-canh-bao-viec-nhe-luong-cao-lua-dao.md"
    data = split(path.read_text(encoding="utf-8")).data
    assert data["title"] == unicodedata.normalize("NFC", title)
    assert data["author"] == "Minh Anh: phóng viên"


def test_unknown_category_exits_1_and_lists_the_categories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    assert new(root, "Tiêu đề", "--category", "khong-co") == 1
    err = capsys.readouterr().err
    assert "chuyên mục không tồn tại: «khong-co»" in err
    assert err.startswith("--category: lỗi: chuyên mục") and "trường 'category'" not in err
    assert "canh-bao-toi-pham, an-ninh-trat-tu" in err
    assert not (root / "content/bai-viet").exists()


def test_the_same_title_twice_on_one_day_is_refused_and_overwrites_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    args = ("--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00")
    assert new(root, "Tiêu đề", *args) == 0
    path = root / "content/bai-viet/2020-12-08-tieu-de.md"
    path.write_text(path.read_text(encoding="utf-8") + "Đã viết.\n", encoding="utf-8")
    before = path.read_bytes()
    assert new(root, "Tiêu đề", *args) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/bai-viet/2020-12-08-tieu-de.md: lỗi: tệp đã tồn tại, cùng tiêu đề\n"
    )
    assert "\n    Cách sửa: Mở tệp đó để viết tiếp" in err
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_the_title_of_an_older_bulletin_gets_an_address_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A yearly warning keeps its title: its slug, from the file name, was the old one's, and
    # `publish check` then failed on the new draft ("slug … trùng với …").
    old = "content/bai-viet/2024-01-20-canh-bao-lua-dao-dip-tet.md"
    root = make_project(tmp_path, {old: bulletin_md({"title": '"Cảnh báo lừa đảo dịp Tết"'})})
    args = ("--category", "canh-bao-toi-pham", "--now", "2025-01-15T08:00")
    assert new(root, "Cảnh báo lừa đảo dịp Tết", *args) == 0
    out, err = capsys.readouterr()
    assert out.endswith("/content/bai-viet/2025-01-15-canh-bao-lua-dao-dip-tet-2.md\n")
    assert f"địa chỉ «canh-bao-lua-dao-dip-tet» (lấy từ tiêu đề) đã thuộc về {old}" in err
    assert "«canh-bao-lua-dao-dip-tet-2»" in err
    assert (
        main(["check", "--root", str(root), "--now", "2025-01-16T08:00", "--channel", "web"]) == 0
    )


def test_a_slug_written_in_another_file_is_taken_too(tmp_path: Path) -> None:
    files = {
        "content/bai-viet/2024-01-20-bai-cu.md": bulletin_md({"slug": "tin-moi"}),
        "content/pages/tin-tuc.md": "---\ntitle: Tin tức\nsummary: Trang\n---\nNội dung.\n",
    }
    root = make_project(tmp_path, files)
    args = ("--category", "canh-bao-toi-pham", "--now", "2025-01-15T08:00")
    assert new(root, "Tin mới", *args) == 0
    assert new(root, "Tin tức", *args) == 0
    names = sorted(p.name for p in (root / "content/bai-viet").iterdir())
    assert "2025-01-15-tin-moi-2.md" in names and "2025-01-15-tin-tuc-2.md" in names
    assert (
        main(["check", "--root", str(root), "--now", "2025-01-16T08:00", "--channel", "web"]) == 0
    )


def test_an_old_address_in_another_bulletins_aliases_is_not_given_to_a_new_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A bulletin moved from /2025/01/tin-moi/ keeps that address as an alias: a printed QR code
    # points there. A new "Tin mới" this month must not take it over.
    old = "content/bai-viet/2025-01-02-tin-da-sua.md"
    moved = bulletin_md(
        {"slug": "tin-da-sua", "aliases": '["https://congan-chauthanh.example.vn/2025/01/tin-moi"]'}
    )
    root = make_project(tmp_path, {old: moved})
    assert new(root, "Tin mới", "--category", "canh-bao-toi-pham", "--now", "2025-01-15T08:00") == 0
    out, err = capsys.readouterr()
    assert out.endswith("/content/bai-viet/2025-01-15-tin-moi-2.md\n")
    assert f"địa chỉ /2025/01/tin-moi/ là địa chỉ cũ của {old} (trong aliases)" in err
    # Another month's address is not this one: the title's slug is free then.
    assert new(root, "Tin mới", "--category", "canh-bao-toi-pham", "--now", "2025-02-15T08:00") == 0
    assert capsys.readouterr().out.endswith("/content/bai-viet/2025-02-15-tin-moi.md\n")


def test_an_address_recorded_in_the_url_history_is_not_given_to_a_new_bulletin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The bulletin once published at /2025/01/tin-moi/ was renamed (or deleted): its old address
    # redirects to it, or is simply on posters; a new bulletin there would answer those QR codes.
    history = '{"version": 1, "urls": {"01HZX": ["/2025/01/tin-moi/", "/2025/01/tin-khac/"]}}'
    root = make_project(tmp_path, {"state/web-urls.json": history})
    assert new(root, "Tin mới", "--category", "canh-bao-toi-pham", "--now", "2025-01-15T08:00") == 0
    out, err = capsys.readouterr()
    assert out.endswith("/content/bai-viet/2025-01-15-tin-moi-2.md\n")
    assert "địa chỉ /2025/01/tin-moi/ là của một bản tin đã đăng trước đây" in err
    assert "state/web-urls.json" in err


def test_titles_alike_in_their_first_80_characters_get_two_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    start = (
        "Công an huyện phối hợp với Viện kiểm sát nhân dân, Tòa án nhân dân huyện tổ chức phiên tòa"
    )
    args = ("--category", "an-ninh-trat-tu", "--now", "2025-01-15T08:00")
    assert new(root, f"{start} xét xử lưu động", *args) == 0
    assert new(root, f"{start} rút kinh nghiệm", *args) == 0
    first, second = capsys.readouterr().out.split()
    stem = "cong-an-huyen-phoi-hop-voi-vien-kiem-sat-nhan-dan-toa-an-nhan-dan-huyen-to-chuc"
    # The title's first words, none skipped (slugify's own cut dropped «huyện» for «tổ»).
    assert first.endswith(f"/content/bai-viet/2025-01-15-{stem}.md")
    assert second.endswith(f"/content/bai-viet/2025-01-15-{stem[:-5]}-2.md")
    assert (
        main(["check", "--root", str(root), "--now", "2025-01-16T08:00", "--channel", "web"]) == 0
    )


def test_a_title_longer_than_the_limit_is_refused_before_a_file_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    title = "Tuyên truyền phòng chống tội phạm " * 7
    assert new(root, title, "--category", "an-ninh-trat-tu") == 1
    err = capsys.readouterr().err
    assert f"TIÊU_ĐỀ: lỗi: tiêu đề dài {len(title.strip())}/200 ký tự" in err
    assert "Rút gọn còn tối đa 200 ký tự" in err
    assert not (root / "content/bai-viet").exists()


def test_a_title_windows_cannot_store_as_a_name_gets_another_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    assert new(root, "Con", "--category", "an-ninh-trat-tu", "--now", "2025-01-15T08:00") == 0
    assert capsys.readouterr().out.endswith("/content/bai-viet/2025-01-15-con-2.md\n")
    assert (
        main(["check", "--root", str(root), "--now", "2025-01-16T08:00", "--channel", "web"]) == 0
    )


@pytest.mark.parametrize("title", ["", "   "])
def test_empty_title_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    root = make_project(tmp_path, {})
    assert new(root, title, "--category", "an-ninh-trat-tu") == 1
    assert "tiêu đề trống" in capsys.readouterr().err


def test_the_category_may_be_given_by_its_label(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    assert new(root, "Tiêu đề", "--category", "Tình hình an ninh trật tự") == 0
    [path] = (root / "content/bai-viet").iterdir()
    assert split(path.read_text(encoding="utf-8")).data["category"] == "an-ninh-trat-tu"


def test_a_label_written_exactly_wins_over_one_that_only_slugs_the_same(tmp_path: Path) -> None:
    """ "Cảnh báo" and "Canh bao" are two labels site.toml accepts; both slug to canh-bao."""
    toml = (
        SITE_TOML
        + '\n[categories.canh-bao]\nlabel = "Cảnh báo"\n'
        + '\n[categories.canh-bao-khac]\nlabel = "Canh bao"\n'
    )
    root = make_project(tmp_path, {"site.toml": toml})
    for title, written, key in (
        ("Tin một", "cảnh báo", "canh-bao"),
        ("Tin hai", "CANH BAO", "canh-bao-khac"),
    ):
        assert new(root, title, "--category", written, "--now", "2020-12-08T08:00") == 0
        path = root / "content/bai-viet" / f"2020-12-08-{slugify(title)}.md"
        assert split(path.read_text(encoding="utf-8")).data["category"] == key, written


def test_a_name_two_categories_share_without_accents_is_called_unclear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Cảnh bao" is neither label as written but both once slugged: "không tồn tại" was wrong."""
    toml = (
        SITE_TOML
        + '\n[categories.canh-bao]\nlabel = "Cảnh báo"\n'
        + '\n[categories.canh-bao-khac]\nlabel = "Canh bao"\n'
    )
    root = make_project(tmp_path, {"site.toml": toml})
    assert new(root, "Tin một", "--category", "Cảnh bao") == 1
    err = capsys.readouterr().err
    assert "tên chuyên mục chưa rõ: «Cảnh bao» khớp với nhiều chuyên mục" in err
    assert "canh-bao (Cảnh báo); canh-bao-khac (Canh bao)" in err
    assert "không tồn tại" not in err
    assert not (root / "content/bai-viet").exists()
    bulletin = root / "content/bai-viet/2020-12-08-tin.md"
    bulletin.parent.mkdir(parents=True)
    bulletin.write_text(
        "---\ntitle: Tin\ndate: 2020-12-08 08:00\ncategory: Cảnh bao\napproved: true\n---\nNội dung.\n",
        encoding="utf-8",
    )
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "2020-12-08-tin.md:4: lỗi: trường 'category': tên chuyên mục chưa rõ" in err


def test_without_a_category_the_projects_categories_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse said only "thiếu tham số bắt buộc: --category"; which ones exist is in site.toml."""
    root = make_project(tmp_path, {"site.toml": OTHER_UNIT_TOML})
    assert new(root, "Một tin") == 1
    err = capsys.readouterr().err
    # An option of the command, not a front-matter field: «trường 'category'» mixed the two.
    assert err.startswith(
        "--category: lỗi: thiếu tùy chọn bắt buộc --category (chuyên mục của bản tin mới)"
    )
    assert "trường" not in err
    assert "tin-tuc (Tin tức); canh-bao (Cảnh báo); thu-tuc (Thủ tục)" in err
    assert 'Ví dụ: publish new "Một tin" --category tin-tuc' in err
    assert not (root / "content/bai-viet").exists()


def test_hints_of_another_unit_name_its_own_categories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"site.toml": OTHER_UNIT_TOML})
    assert new(root, " ", "--category", "tin-tuc") == 1
    err = capsys.readouterr().err
    assert "TIÊU_ĐỀ: lỗi: tiêu đề trống" in err and "--category tin-tuc" in err
    assert not SAMPLE_UNIT.search(err)


def test_a_slug_line_in_a_body_takes_no_address(tmp_path: Path) -> None:
    body = "Hướng dẫn viết phần đầu:\n\nslug: tin-cu\n"
    root = make_project(tmp_path, {"content/bai-viet/2024-01-20-a.md": bulletin_md(body=body)})
    assert new(root, "Tin cũ", "--category", "an-ninh-trat-tu", "--now", "2025-01-15T08:00") == 0
    assert (root / "content/bai-viet/2025-01-15-tin-cu.md").is_file()


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Tình hình an ninh", "an-ninh-trat-tu"), ("tinh hinh an ninh", "an-ninh-trat-tu")],
)
def test_part_of_a_label_suggests_its_category(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, meant: str
) -> None:
    """The label's first words, not the key's: no suggestion came, only the list of keys."""
    root = make_project(tmp_path, {})
    assert new(root, "Tin", "--category", written) == 1
    assert f"Có phải ý bạn là «{meant}»?" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("written", "name", "line"),
    [
        ("30/11/2026 8h30", "2026-11-30-tin-hen-gio.md", "date: 2026-11-30 08:30"),
        ("2026-12-05 08:00", "2026-12-05-tin-hen-gio.md", "date: 2026-12-05 08:00"),
        ("2026-12-04T20:00:00+00:00", "2026-12-05-tin-hen-gio.md", "date: 2026-12-05 03:00"),
    ],
)
def test_date_schedules_the_new_bulletin_and_names_its_file_by_that_day(
    tmp_path: Path, written: str, name: str, line: str
) -> None:
    """A bulletin written today for a later day gets that day's file name, as the loader
    and the editor expect, not today's with a date line edited by hand."""
    root = make_project(tmp_path, {})
    args = ("--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00", "--date", written)
    assert new(root, "Tin hẹn giờ", *args) == 0
    assert line in (root / "content/bai-viet" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("written", ["31/11/2026", "mai", "30/11/0206 8h"])
def test_a_date_that_cannot_be_read_is_refused_with_how_to_write_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    root = make_project(tmp_path, {})
    assert new(root, "Tin hẹn giờ", "--category", "an-ninh-trat-tu", "--date", written) == 1
    err = capsys.readouterr().err
    assert "--date" in err and "08/12/2020 8h00" in err
    assert err.startswith("--date: lỗi: ") and "trường 'date'" not in err
    assert not (root / "content/bai-viet").exists()


@pytest.mark.parametrize("written", ["2026-12-01", "1/12/2026", "ngày 01.12.2026"])
def test_a_date_without_a_time_is_that_days_midnight_as_the_date_field_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """`--date 2026-12-01` is read as a `date: 2026-12-01` line is (00:00, the start of the day):
    written out in the file as the day alone (its page then shows the day, not a «0:00» nobody
    wrote), and told, with how to give the hour meant."""
    root = make_project(tmp_path, {})
    args = ("--category", "an-ninh-trat-tu", "--now", "2026-11-20T08:00", "--date", written)
    assert new(root, "Tin hẹn giờ", *args) == 0
    text = (root / "content/bai-viet/2026-12-01-tin-hen-gio.md").read_text(encoding="utf-8")
    assert "\ndate: 2026-12-01\n" in text
    err = capsys.readouterr().err
    # Quoted as every message quotes what the editor wrote: «ngày 01.12.2026», not a bare phrase
    # that runs into the sentence.
    assert f"--date «{written}» không ghi giờ, nên giờ đăng là 00:00, Thứ Ba, 01/12/2026" in err
    assert 'date: 2026-12-01 07:00, hoặc chạy lệnh với --date "01/12/2026 7h00"' in err
    as_field = make_project(
        tmp_path / "field", {"content/bai-viet/a.md": bulletin_md({"date": f'"{written}"'})}
    )
    [made], [field] = (load_site(config_module.load(r), now=NOW).excluded for r in (root, as_field))
    assert made.bulletin.date == field.bulletin.date == dt.datetime(2026, 12, 1, tzinfo=HCM)
    assert not made.bulletin.timed


def test_a_day_already_begun_is_not_told_it_goes_out_when_that_day_comes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--date` naming today (or a past day) without a time: 00:00 has passed, so the bulletin
    goes out once approved, not «khi sang ngày đó»."""
    root = make_project(tmp_path, {})
    code = main(
        [
            "new",
            "Tin",
            "--category",
            "an-ninh-trat-tu",
            "--root",
            str(root),
            "--now",
            "2026-12-01T09:30",
            "--date",
            "1/12/2026",
        ]
    )
    assert code == 0
    said = " ".join(capsys.readouterr().err.split())
    note, warning = said.split("xem cảnh báo dưới đây).", 1)
    assert "bài được đăng ngay khi được duyệt (00:00 ngày đó đã qua;" in note
    assert "khi sang ngày đó" not in said
    # No hour of that day suggested: 07:00 has passed too, and would publish at once. The
    # past-date warning after the note gives one still to come.
    assert "7h00" not in note and "07:00" not in note
    assert "ngày giờ đăng 00:00, Thứ Ba, 01/12/2026 đã qua" in warning
    assert 'ví dụ --date "02/12/2026 7h00"' in warning
    code = main(
        [
            "new",
            "Tin khác",
            "--category",
            "an-ninh-trat-tu",
            "--root",
            str(root),
            "--now",
            "2026-11-30T09:30",
            "--date",
            "1/12/2026",
        ]
    )
    assert code == 0
    said = " ".join(capsys.readouterr().err.split())
    assert "bài được đăng ngay khi sang ngày đó" in said
    assert 'date: 2026-12-01 07:00, hoặc chạy lệnh với --date "01/12/2026 7h00"' in said


def test_a_date_with_a_time_is_not_told_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    assert new(root, "Tin", "--category", "an-ninh-trat-tu", "--date", "1/12/2026 0h00") == 0
    assert "không ghi giờ" not in capsys.readouterr().err


@pytest.mark.parametrize("target", ["outside", "content/tin-tuc", "missing"])
def test_a_linked_bulletin_folder_is_refused_and_nothing_is_written_through_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    # A symlink committed as content/bai-viet would have new write out of the project (or,
    # pointing inside, into a folder the loader never enters: a bulletin that never appears).
    root = make_project(tmp_path, {"content/tin-tuc/.keep": ""})
    elsewhere = tmp_path / target if target != "content/tin-tuc" else root / target
    if target == "outside":
        elsewhere.mkdir()
    (root / "content/bai-viet").symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.name for p in tmp_path.rglob("*"))

    code = new(root, "Tiêu đề", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00")

    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("content/bai-viet: lỗi: thư mục là liên kết (symlink)")
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_title_over_zalos_limit_is_told_at_once_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Created without a word, the draft met Zalo's limit only when done (or, scheduled, when it
    went out and stopped that build)."""
    root = with_oa(make_project(tmp_path, {}))
    title = "Công an huyện tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự " * 2
    title += "năm 2026 trên địa bàn huyện"
    assert new(root, title, "--category", "an-ninh-trat-tu") == 0
    err = capsys.readouterr().err
    assert f"Ghi chú: tiêu đề dài {len(title)} ký tự, Zalo OA chỉ nhận tối đa 149" in err
    assert 'zalo:\n    title: "…"' in err


def test_a_title_zalo_takes_or_a_unit_without_zalo_gets_no_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    assert new(root, "Cảnh báo lừa đảo qua mạng", "--category", "an-ninh-trat-tu") == 0
    assert "Zalo" not in capsys.readouterr().err
    web_only = SITE_TOML.replace("[site]\n", '[site]\ndefault_channels = ["web", "radio"]\n')
    root = with_oa(make_project(tmp_path / "web", {"site.toml": web_only}))
    title = "Công an huyện tổ chức hội nghị tổng kết công tác " * 4
    assert new(root, title.strip(), "--category", "an-ninh-trat-tu") == 0
    assert "Zalo" not in capsys.readouterr().err
    # zalo among the default channels (as publish init wrote before it asked), but no OA.
    root = make_project(tmp_path / "no-oa", {})
    assert new(root, title.strip(), "--category", "an-ninh-trat-tu") == 0
    assert "Zalo" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("site", "oa", "offered"),
    [
        ("", True, "[web, zalo, radio]"),
        ("", False, "[web, radio]"),
        ('default_channels = ["web", "radio"]', False, "[web, radio]"),
        ('default_channels = ["web", "zalo"]', True, "[web, zalo]"),
        ('default_channels = ["web"]', False, "[web]"),
    ],
    ids=["every-channel", "no-oa", "init-without-oa", "no-radio", "website-only"],
)
def test_the_channels_line_offers_only_the_channels_the_site_has(
    tmp_path: Path, site: str, oa: bool, offered: str
) -> None:
    """Uncommented as written, «# channels: [web, zalo, radio]» gave a unit without an OA (or
    without a radio slot) a channel it does not have."""
    root = make_project(tmp_path, {"site.toml": SITE_TOML.replace("[site]\n", f"[site]\n{site}\n")})
    root = with_oa(root) if oa else root
    assert new(root, "Tin", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00") == 0
    path = root / "content/bai-viet/2020-12-08-tin.md"
    text = path.read_text(encoding="utf-8")
    assert f"\n# channels: {offered}\n" in text
    # Uncommented, it loads back as those channels, each one the site carries.
    path.write_text(text.replace("# channels:", "channels:"), encoding="utf-8")
    config = config_module.load(root)
    [held] = load_site(config, now=dt.datetime(2021, 1, 1, tzinfo=HCM)).excluded  # a draft
    channels = held.bulletin.channels
    assert channels == set(offered.strip("[]").split(", "))
    assert channels == set(carried(channels, config))


def test_a_station_folder_offers_radio_though_it_is_no_default_channel(tmp_path: Path) -> None:
    """A unit that sends its bulletins to the station one by one (radio not a default channel,
    but [radio] folder written) still has the channel."""
    site = SITE_TOML.replace("[site]\n", '[site]\ndefault_channels = ["web"]\n')
    site += '\n[radio]\nfolder = "dai"\n' if "[radio]" not in site else ""
    root = make_project(tmp_path, {"site.toml": site})
    assert new(root, "Tin", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00") == 0
    text = (root / "content/bai-viet/2020-12-08-tin.md").read_text(encoding="utf-8")
    assert "\n# channels: [web, radio]\n" in text


@pytest.mark.parametrize("where", ["project", "its parent", "elsewhere"])
def test_the_path_printed_opens_from_where_the_command_was_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """`publish new --root …` prints the new file's path as a text editor opens it from
    the current folder: relative there when inside it, else in full (never relative to --root)."""
    root = make_project(tmp_path / "don-vi", {})
    here = {"project": root, "its parent": root.parent, "elsewhere": tmp_path / "khac"}[where]
    here.mkdir(exist_ok=True)
    monkeypatch.chdir(here)
    given = str(root) if where == "project" else os.path.relpath(root, here)
    assert (
        new(Path(given), "Tin", "--category", "an-ninh-trat-tu", "--now", "2025-01-15T08:00") == 0
    )
    printed = capsys.readouterr().out.strip()
    assert Path(printed).read_text(encoding="utf-8").startswith("---")
    expected = {
        "project": "content/bai-viet/2025-01-15-tin.md",
        "its parent": f"{root.name}/content/bai-viet/2025-01-15-tin.md",
        "elsewhere": str(root.resolve() / "content/bai-viet/2025-01-15-tin.md"),
    }[where]
    assert printed == expected


def test_the_template_suggests_a_pin_that_pins_once_uncommented(tmp_path: Path) -> None:
    """An urgent warning is pinned by its writer: the file shows the `pinned` line to uncomment
    beside `expires` and `channels`, and uncommented as written it pins the bulletin."""
    root = with_oa(make_project(tmp_path, {}))  # every channel offered: see the test below
    assert new(root, "Tin khẩn", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00") == 0
    path = root / "content/bai-viet/2020-12-08-tin-khan.md"
    text = path.read_text(encoding="utf-8")
    [suggested] = [line for line in text.splitlines() if line.startswith("# pinned:")]
    assert suggested.startswith("# pinned: true   # ghim ở đầu trang chủ")
    lines = text.splitlines()
    assert lines.index("# channels: [web, zalo, radio]") < lines.index(suggested)
    path.write_text(text.replace(suggested, suggested[2:]), encoding="utf-8")

    site = load_site(config_module.load(root), now=dt.datetime(2021, 1, 1, tzinfo=HCM))
    [held] = site.excluded  # still a draft: uncommenting the pin publishes nothing
    assert held.code == "draft"
    assert held.bulletin.pinned and held.bulletin.pinned_until is None


def test_the_path_comes_first_and_whole_when_both_streams_go_to_one_pipe(tmp_path: Path) -> None:
    """`publish new … 2>&1 | …` (a CI log, a script): the new file's path is the first line,
    on a line of its own, before the notes on stderr; stdout in a pipe is buffered until exit
    unless flushed (PYTHONUNBUFFERED, which hid this, is removed)."""
    root = make_project(tmp_path, {})
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PUBLISH_") and k != "PYTHONUNBUFFERED"
    }
    words = ["Tin cũ", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00"]
    done = subprocess.run(
        [sys.executable, "-m", "publish", "new", *words, "--date", "2020-12-01", "--root", root],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        cwd=root,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[0] == "content/bai-viet/2020-12-01-tin-cu.md"
    assert lines[1].startswith("Ghi chú: --date «2020-12-01» không ghi giờ")
    assert any("cảnh báo: trường 'date'" in line for line in lines[2:])


def test_lang_writes_the_field_and_the_bulletin_loads_as_english_off_the_radio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    args = ("--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00", "--lang", "EN")
    assert new(root, "Notice to foreign residents", *args) == 0
    err = capsys.readouterr().err
    assert "không đưa vào kịch bản phát thanh" in err and "lang: en" in err
    path = root / "content/bai-viet/2020-12-08-notice-to-foreign-residents.md"
    assert split(path.read_text(encoding="utf-8")).data["lang"] == "en"
    site = load_site(config_module.load(root), now=dt.datetime(2021, 1, 1, tzinfo=HCM))
    [held] = site.excluded
    assert held.bulletin.lang == "en"
    assert "radio" not in held.bulletin.channels


def test_without_lang_the_file_has_no_lang_line(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    assert (
        new(root, "Tin thường", "--category", "an-ninh-trat-tu", "--now", "2020-12-08T08:00") == 0
    )
    text = (root / "content/bai-viet/2020-12-08-tin-thuong.md").read_text(encoding="utf-8")
    assert "lang:" not in text


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("English", "«English» không phải mã ngôn ngữ: cần mã hai chữ cái «en»"),
        ("eng", "phải viết bằng mã hai chữ cái «en»"),
        ("tiếng Pháp", "cần mã hai chữ cái «fr»"),
    ],
)
def test_a_wrong_lang_is_refused_naming_the_option_and_the_code_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, told: str
) -> None:
    root = make_project(tmp_path, {})
    assert new(root, "Notice", "--category", "an-ninh-trat-tu", "--lang", written) == 1
    err = capsys.readouterr().err
    assert err.startswith("--lang: lỗi: ") and told in err and "Sửa thành lang:" in err
    assert not (root / "content/bai-viet").exists()
