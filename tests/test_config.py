"""site.toml: defaults, types, unknown keys, every problem in one pass with its line."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from publish import config as config_module
from publish.cli import main
from publish.config import CHANNELS, parse
from publish.contact_numbers import first_number
from publish.errors import ConfigError
from tests.helpers import (
    NOW,
    OTHER_UNIT_TOML,
    SAMPLE_UNIT,
    SITE_ROOT,
    TINY_JPEG,
    bulletin_md,
    make_project,
    one_problem,
    problems_of,
)
from tests.helpers import PLAIN_SITE_TOML as SITE_TOML

ROOT = SITE_ROOT


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_minimal_config_gets_documented_defaults() -> None:
    config = parse(SITE_TOML, root=ROOT)
    assert config.root == ROOT
    assert config.unit.name == "Công an huyện Châu Thành"
    assert config.site.timezone == "Asia/Ho_Chi_Minh"
    assert config.tz == ZoneInfo("Asia/Ho_Chi_Minh")
    assert config.site.language == "vi"
    assert config.site.default_channels == CHANNELS
    assert list(config.categories) == ["canh-bao-toi-pham", "an-ninh-trat-tu"]
    assert config.categories["an-ninh-trat-tu"].label == "Tình hình an ninh trật tự"
    assert config.categories["an-ninh-trat-tu"].description == ""
    assert config.policy.require_approval is True
    assert config.policy.secret_classifications == ("mật", "tối mật", "tuyệt mật")
    assert config.web.per_page == 10
    assert config.contact.emergency == "113"
    assert config.zalo.comment == "show" and config.zalo.on_withdraw == "hide"
    assert config.radio.air_weekday == 6 and config.radio.air_time == "17:00"


def test_values_are_read_with_their_types() -> None:
    text = SITE_TOML + (
        "\n[web]\nper_page = 5\nimage_widths = [320, 640]\n"
        '\n[radio]\nslot_minutes = 12\nair_weekday = 7\n\n[zalo]\noa_id = "123456"\n'
        '\n[policy]\nrequire_approval = false\nsecret_classifications = ["mật"]\n'
    )
    config = parse(text, root=ROOT)
    assert config.web.per_page == 5
    assert config.web.image_widths == (320, 640)
    # An int where a float is expected is accepted and becomes a float.
    assert config.radio.slot_minutes == 12.0 and isinstance(config.radio.slot_minutes, float)
    assert config.zalo.oa_id == "123456"
    assert config.policy.require_approval is False
    assert config.policy.secret_classifications == ("mật",)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ('"Thứ Bảy"', 6),
        ('"thứ bảy"', 6),
        ('"Thứ 7"', 6),
        ('"T7"', 6),
        ('"thu bay"', 6),
        ('"Chủ nhật"', 7),
        ('"CN"', 7),
        ('"Thứ Hai"', 1),
        ('"thứ 2"', 1),
        ('"Thứ Tư"', 3),
        ('"thứ năm"', 4),
        ('"T6"', 5),
    ],
)
def test_radio_air_weekday_takes_vietnamese_day_names(written: str, iso: int) -> None:
    """Saturday is "Thứ 7" (ISO 6): an operator writes the day as it is said, not a number."""
    text = SITE_TOML + f"\n[radio]\nair_weekday = {written}\n"
    assert parse(text, root=ROOT).radio.air_weekday == iso


@pytest.mark.parametrize("written", ['"thứ tám"', '"6"', "0", "8", "6.0"])
def test_a_wrong_radio_air_weekday_lists_the_accepted_forms(written: str) -> None:
    text = SITE_TOML + f"\n[radio]\nair_weekday = {written}\n"
    problem = one_problem(text)
    assert problem.field == "[radio] air_weekday" and problem.line == line_of(text, "air_weekday")
    assert problem.hint is not None
    assert all(form in problem.hint for form in ("Thứ Bảy", "thứ 7", "T7", "Chủ nhật", "CN"))
    assert "1 = Thứ Hai" in problem.hint and "7 = Chủ nhật" in problem.hint


@pytest.mark.parametrize(
    ("written", "clock"),
    [("17h00", "17:00"), ("17h", "17:00"), ("17g00", "17:00"), ("7h30", "07:30"),
     ("17 giờ 30", "17:30"), ("7:05", "07:05")],
)  # fmt: skip
def test_radio_air_time_takes_the_ways_times_are_written(written: str, clock: str) -> None:
    """Front matter reads 8h00; site.toml reads its air time the same ways."""
    text = SITE_TOML + f'\n[radio]\nair_time = "{written}"\n'
    assert parse(text, root=ROOT).radio.air_time == clock


@pytest.mark.parametrize("written", ['"25h"', '"17:75"', '"5 giờ chiều"'])
def test_a_wrong_radio_air_time_says_how_to_write_it(written: str) -> None:
    text = SITE_TOML + f"\n[radio]\nair_time = {written}\n"
    problem = one_problem(text)
    assert problem.field == "[radio] air_time" and problem.line == line_of(text, "air_time")
    assert problem.hint is not None and all(f in problem.hint for f in ("17:00", "17h00", "17h"))


def test_radio_url_spoken_is_a_setting() -> None:
    """R1.4/§8: the phrase read instead of a web address is the station's house style."""
    text = SITE_TOML + '\n[radio]\nurl_spoken = "trang thông tin điện tử của Công an huyện"\n'
    assert parse(text, root=ROOT).radio.url_spoken == "trang thông tin điện tử của Công an huyện"
    assert parse(SITE_TOML, root=ROOT).radio.url_spoken == ""


def test_base_url_always_ends_with_a_slash_and_joins_paths() -> None:
    text = SITE_TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        'base_url = "https://example.vn/congan"',
    )
    config = parse(text, root=ROOT)
    assert config.base_url == "https://example.vn/congan/"
    assert config.absolute_url("/2020/12/x/") == "https://example.vn/congan/2020/12/x/"


def test_old_base_urls_make_the_first_address_the_one_feeds_are_named_by() -> None:
    assert parse(SITE_TOML, root=ROOT).first_base_url == "https://congan-chauthanh.example.vn/"
    text = SITE_TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        'base_url = "https://congan-xa.example.vn/"\n'
        'old_base_urls = ["https://congan-chauthanh.example.vn", "https://ca-moi.example.vn/"]',
    )
    config = parse(text, root=ROOT)
    assert config.base_url == "https://congan-xa.example.vn/"
    assert config.first_base_url == "https://congan-chauthanh.example.vn/"


@pytest.mark.parametrize(
    ("old", "told"),
    [
        ('["congan-cu.example.vn"]', "địa chỉ cũ thứ 1 «congan-cu.example.vn» không phải một URL"),
        ('["https://congan-chauthanh.example.vn"]', "trùng base_url"),
        ('["https://a.example.vn/", "https://a.example.vn"]', "được ghi hai lần"),
        ('["https://a.example.vn/?lang=vi"]', "có phần '?…' hay '#…'"),
        ('["https://a.example.vn/#top"]', "có phần '?…' hay '#…'"),
    ],
)
def test_an_old_base_url_that_cannot_be_one_is_refused(old: str, told: str) -> None:
    text = SITE_TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        f'base_url = "https://congan-chauthanh.example.vn/"\nold_base_urls = {old}',
    )
    problem = one_problem(text)
    assert problem.field == "[site] old_base_urls"
    assert told in problem.message
    assert problem.line == line_of(text, "old_base_urls")


def test_sample_project_config_is_valid() -> None:
    sample = Path(__file__).resolve().parent.parent
    if not (sample / "site.toml").exists():
        pytest.skip("the sample site.toml is not in this checkout")
    config = config_module.load(sample)
    assert config.categories


def test_unknown_key_suggests_the_close_one_with_its_line() -> None:
    text = SITE_TOML.replace("[site]\n", '[site]\ntitel = "x"\n')
    problem = one_problem(text)
    assert problem.file == "site.toml"
    assert problem.field == "[site] titel"
    assert problem.line == line_of(text, "titel")
    assert "không được hỗ trợ" in problem.message
    assert problem.hint and "'title'" in problem.hint


def test_unknown_table_suggests_the_close_one_with_its_line() -> None:
    text = SITE_TOML + "\n[webb]\nper_page = 3\n"
    problem = one_problem(text)
    assert problem.field == "webb"
    assert problem.line == line_of(text, "[webb]")
    assert problem.hint and "'web'" in problem.hint


def test_an_unknown_table_lists_the_tables_and_no_internal_name() -> None:
    """The project root is set by the program under an internal key: a hint never shows it."""
    text = SITE_TOML + "\n[zzz]\na = 1\n"
    problem = one_problem(text)
    assert problem.line == line_of(text, "[zzz]") and problem.message == "bảng không được hỗ trợ"
    assert problem.hint is not None and "__" not in problem.hint and "root" not in problem.hint
    assert "[unit], [site], [categories.<khóa>]" in problem.hint and "[radio]" in problem.hint


@pytest.mark.parametrize(
    ("written", "header", "meant"),
    [
        ("[don-vi]", "[don-vi]", "[unit]"),
        ('["đơn vị"]', "[đơn vị]", "[unit]"),
        ("[Don_Vi]", "[Don_Vi]", "[unit]"),
        ("[trang-web]", "[trang-web]", "[site]"),
    ],
)
def test_a_table_named_in_vietnamese_suggests_its_english_name(
    written: str, header: str, meant: str
) -> None:
    """Spelling alone cannot tell that [don-vi] is [unit]; and its table is not also reported
    missing, which would be the same mistake twice."""
    text = SITE_TOML.replace("[unit]" if meant == "[unit]" else "[site]", written)
    problem = one_problem(text)
    assert problem.line == line_of(text, written)
    assert problem.hint is not None and f"Sửa tên bảng: {header} → {meant}" in problem.hint


def test_category_tables_written_singular_point_at_the_first_and_say_the_right_header() -> None:
    text = SITE_TOML.replace("[categories.", "[category.")
    problem = one_problem(text)
    assert problem.field == "category"
    assert problem.line == line_of(text, "[category.canh-bao-toi-pham]")
    assert problem.hint is not None
    assert "[category.canh-bao-toi-pham] → [categories.canh-bao-toi-pham]" in problem.hint


def test_chuyen_muc_tables_are_categories() -> None:
    text = SITE_TOML.replace("[categories.", "[chuyen-muc.")
    problem = one_problem(text)
    assert problem.hint is not None and "→ [categories.canh-bao-toi-pham]" in problem.hint


def test_unknown_key_without_a_close_match_lists_valid_keys() -> None:
    text = SITE_TOML + "\n[web]\nzzz = 1\n"
    problem = one_problem(text)
    assert problem.hint and "per_page" in problem.hint and "feed_items" in problem.hint


@pytest.mark.parametrize(
    ("snippet", "field", "expected"),
    [
        ('\n[web]\nper_page = "10"\n', "[web] per_page", "số nguyên"),
        ("\n[web]\nper_page = true\n", "[web] per_page", "số nguyên"),
        ('\n[policy]\nrequire_approval = "có"\n', "[policy] require_approval", "true hoặc false"),
        ("\n[zalo]\noa_id = 2463951837402251183\n", "[zalo] oa_id", "chuỗi ký tự"),
        ('\n[zalo]\ncomment = "an"\n', "[zalo] comment", "«show»"),
        ('\n[web]\nimage_widths = "480"\n', "[web] image_widths", "danh sách"),
        ("\n[radio]\nair_weekday = 8\n", "[radio] air_weekday", "Chủ nhật"),
        ('\n[radio]\nair_time = "5 giờ chiều"\n', "[radio] air_time", "HH:MM"),
    ],
)
def test_wrong_types_and_values_name_field_and_line(
    snippet: str, field: str, expected: str
) -> None:
    text = SITE_TOML + snippet
    problem = one_problem(text)
    assert problem.field == field
    assert expected in problem.message
    key = field.split()[-1]
    assert problem.line == line_of(text, f"{key} =")
    assert problem.hint and f"{key} = " in problem.hint  # how to write it, with the key


@pytest.mark.parametrize(
    ("snippet", "message", "hint"),
    [
        (
            "[zalo]\noa_id = 1112223334445556667",
            "cần chuỗi ký tự, nhận được số nguyên 1112223334445556667",
            'Viết trong ngoặc kép: oa_id = "1112223334445556667". Mã OA của Zalo là một dãy số',
        ),
        (
            '[radio]\nslot_minutes = "5 phút"',
            "cần số, nhận được chuỗi ký tự «5 phút»",
            "Viết số không có ngoặc kép và không kèm đơn vị: slot_minutes = 5.",
        ),
        (
            '[web]\nper_page = "10"',
            "cần số nguyên",
            "Viết số không có ngoặc kép: per_page = 10.",
        ),
        ("[radio]\nrate_spm = 240.5", "cần số nguyên", "rate_spm = 240."),
        ('[web]\nimage_widths = "480"', "cần danh sách", "image_widths = [480]."),
        ("[web]\nimage_widths = true", "nhận được true", "image_widths = [240, 480, 960]"),
        ('[policy]\nrequire_approval = "không"', "true hoặc false", "require_approval = false."),
        ('[zalo]\ncomment = "Hide"', "«show», «hide»", 'Viết đúng chữ thường: comment = "hide".'),
        ("[zalo]\nauthor = 5", "cần chuỗi ký tự", 'author = "5"'),
    ],
)
def test_a_value_of_the_wrong_type_says_how_to_write_it(
    snippet: str, message: str, hint: str
) -> None:
    problem = one_problem(SITE_TOML + "\n" + snippet + "\n")
    assert message in problem.message and problem.hint is not None and hint in problem.hint


def test_a_missing_categories_table_shows_how_one_is_written() -> None:
    text = SITE_TOML.split("[categories.")[0]
    problem = one_problem(text)
    assert (problem.field, problem.message) == ("categories", "thiếu bảng bắt buộc")
    assert problem.hint and '[categories.tin-tuc] rồi dòng label = "Tin tức"' in problem.hint


def test_a_missing_table_or_key_says_what_to_add() -> None:
    no_unit = "[site]" + SITE_TOML.split("[site]")[1]
    [problem] = [p for p in problems_of(no_unit) if p.field == "unit"]
    assert problem.hint is not None and "Thêm bảng [unit] với khóa bắt buộc name = " in problem.hint
    assert "short_name = " in problem.hint
    no_base_url = SITE_TOML.replace('base_url = "https://congan-chauthanh.example.vn/"\n', "")
    problem = one_problem(no_base_url)
    assert problem.hint and problem.hint.startswith('Thêm dòng base_url = "https://')


def test_a_table_written_as_a_value_is_one_problem() -> None:
    text = 'zalo = "2463951837402251183"\n' + SITE_TOML
    problem = one_problem(text)
    assert (problem.field, problem.line) == ("zalo", 1)
    assert problem.hint and "một dòng [zalo]" in problem.hint


@pytest.mark.parametrize(
    ("field", "line"),
    [
        ("[unit] name", 'name = ""'),
        ("[unit] short_name", 'short_name = "  "'),
        ("[site] title", 'title = ""'),
        ("[site] language", 'language = ""'),
        ("[categories.tin-khac] label", 'label = ""'),
        ("[radio] program", 'program = ""'),
    ],
)
def test_a_text_that_must_say_something_cannot_be_empty(field: str, line: str) -> None:
    """[unit] name = "" made Zalo articles end "trang thông tin của : https://…"; label = ""
    gave empty links and headings."""
    table, key = field[1:].split("] ")
    header = f"[{table}]\n"
    if header not in SITE_TOML:
        text = SITE_TOML + f"\n{header}{line}\n"
    else:  # the key's own line, put first in its table (a key written twice is another error)
        start = SITE_TOML.index(header)
        own = re.compile(rf"^{key} = .*\n", re.M)
        text = SITE_TOML[:start] + own.sub("", SITE_TOML[start:], count=1)
        text = text.replace(header, header + line + "\n", 1)
    problem = one_problem(text)
    assert problem.field == field and problem.line == line_of(text, line)
    assert problem.message == "không được để trống"
    assert problem.hint is not None and f"Ví dụ: {key} = " in problem.hint


@pytest.mark.parametrize(
    ("snippet", "wanted"),
    [
        ("[web]\nper_page = 0", "cần số nguyên từ 1 trở lên, nhận được 0"),
        ("[web]\nper_page = -3", "cần số nguyên từ 1 trở lên, nhận được -3"),
        ("[web]\nfeed_items = 0", "từ 1 trở lên"),
        ("[web]\nrelated = -1", "từ 0 trở lên"),
        ("[web]\nimage_widths = [480, 0]", "danh sách có phần tử 0: cần số nguyên từ 1"),
        ("[policy]\nmax_title_length = 0", "từ 1 trở lên"),
        ("[policy]\nmax_summary_length = -600", "từ 1 trở lên"),
        ('[policy]\nsecret_classifications = ["mật", " "]', "danh sách có một phần tử trống"),
        ("[zalo]\ntitle_max = 0", "từ 1 trở lên"),
        ("[zalo]\ndescription_max = 0", "từ 1 trở lên"),
        ("[zalo]\nauthor_max = 0", "từ 1 trở lên"),
        ("[zalo]\ncover_max_bytes = 0", "từ 1 trở lên"),
        ("[zalo]\nconcurrency = 0", "từ 1 trở lên"),
        ("[zalo]\nrate_limit_per_minute = -1", "từ 0 trở lên"),
        ("[radio]\nslot_minutes = 0", "cần số lớn hơn 0, nhận được 0"),
        ("[radio]\nslot_minutes = -5", "cần số lớn hơn 0, nhận được -5"),
        ("[radio]\nrate_spm = 0", "cần số nguyên từ 60 đến 600, nhận được 0"),
        ("[radio]\nrate_spm = 2400", "từ 60 đến 600"),
        ("[radio]\ntune_open_seconds = -1", "từ 0 đến 600"),
        ("[radio]\nstinger_seconds = 601", "từ 0 đến 600"),
        ("[radio]\ntune_close_seconds = 9999", "từ 0 đến 600"),
    ],
)
def test_an_impossible_number_names_the_range(snippet: str, wanted: str) -> None:
    """per_page = -3 made /trang/2/ and /trang/3/; slot_minutes = 0 an episode with no time."""
    text = SITE_TOML + "\n" + snippet + "\n"
    problem = one_problem(text)
    key = snippet.split("\n")[1].split()[0]
    assert problem.line == line_of(text, f"{key} =") and wanted in problem.message
    assert problem.hint is not None and f"Ví dụ: {key} = " in problem.hint


def test_the_edges_of_each_range_and_the_documented_zeros_are_accepted() -> None:
    """0 is documented for related (none shown), rate_limit_per_minute (no pacing) and the
    cue lengths (no cue); empty cue texts and optional texts mean 'none' too."""
    text = SITE_TOML + (
        "\n[web]\nper_page = 1\nfeed_items = 1\nrelated = 0\nimage_widths = []\n"
        '\n[zalo]\nrate_limit_per_minute = 0\nconcurrency = 1\nauthor = ""\n'
        '\n[radio]\nslot_minutes = 0.5\nrate_spm = 60\nstinger_seconds = 0\nstinger = ""\n'
        'tune_open_seconds = 600\nintro = ""\nreader = ""\nfolder = ""\n'
        '\n[contact]\nemergency = ""\nhotline = ""\n'
    )
    config = parse(text, root=ROOT)
    assert config.web.per_page == 1 and config.radio.slot_minutes == 0.5


def test_every_number_and_required_text_of_the_schema_has_a_rule() -> None:
    """A key added later must say its range (or that a text is required) to be checked."""
    import dataclasses
    import typing

    def walk(cls: type) -> typing.Iterator[tuple[str, dataclasses.Field, object]]:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            tp = hints[f.name]
            if dataclasses.is_dataclass(tp):
                yield from walk(tp)  # type: ignore[arg-type]
            elif typing.get_origin(tp) is dict and dataclasses.is_dataclass(typing.get_args(tp)[1]):
                yield from walk(typing.get_args(tp)[1])  # [categories.<khóa>]
            elif typing.get_origin(tp) is tuple and dataclasses.is_dataclass(
                typing.get_args(tp)[0]
            ):
                yield from walk(typing.get_args(tp)[0])  # [[contact.stations]]
            else:
                yield f"{cls.__name__}.{f.name}", f, tp

    for name, f, tp in walk(config_module.Config):
        item = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else tp
        if name in ("RadioConfig.air_weekday",):  # read by weekday_number: 1–7 or a day name
            continue
        if item in (int, float):
            assert {"least", "above"} & set(f.metadata), name
        elif item is str and f.default is dataclasses.MISSING and name != "SiteSection.base_url":
            assert f.metadata.get("filled"), name


def test_bad_timezone() -> None:
    text = SITE_TOML.replace("[site]\n", '[site]\ntimezone = "Asia/Hanoi_City"\n')
    problem = one_problem(text)
    assert problem.field == "[site] timezone"
    assert "Asia/Hanoi_City" in problem.message
    assert problem.line == line_of(text, "timezone")
    assert problem.hint and "Asia/Ho_Chi_Minh" in problem.hint


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("Asia/Ho_Chi_Mihn", 'Có phải ý bạn là "Asia/Ho_Chi_Minh"?'),
        ("Europe/Pariss", 'Có phải ý bạn là "Europe/Paris"?'),
        ("GMT+7", 'Giờ Việt Nam viết là timezone = "Asia/Ho_Chi_Minh"'),
        ("UTC+07:00", 'Giờ Việt Nam viết là timezone = "Asia/Ho_Chi_Minh"'),
        ("Việt Nam", 'Giờ Việt Nam viết là timezone = "Asia/Ho_Chi_Minh"'),
        ("Asia/Hanoi", 'Giờ Việt Nam viết là timezone = "Asia/Ho_Chi_Minh"'),
    ],
)
def test_a_mistyped_timezone_names_the_zone_meant(written: str, told: str) -> None:
    """A unit's IT officer writes the zone's name with a typo, or Vietnam's clock as an offset
    or a place: the hint gives the name to write, not "use an IANA name"."""
    text = SITE_TOML.replace("[site]\n", f'[site]\ntimezone = "{written}"\n')
    problem = one_problem(text)
    assert problem.field == "[site] timezone"
    assert problem.hint and told in problem.hint


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Asia/Ho_Chi_Minh\u200b", "«Asia/Ho_Chi_Minh\\u200b»"),
        ("Asia/Ho_Chi_Minh\ufeff", "«Asia/Ho_Chi_Minh\\ufeff»"),
        ("Asia/Ho_Chi_Minh\\u001b[2J", "«Asia/Ho_Chi_Minh\\x1b[2J»"),
    ],
)
def test_a_timezone_refused_for_a_character_no_one_sees_shows_it(written: str, shown: str) -> None:
    """A zero-width space pasted after the zone's name was quoted as it is, so the message read
    «Asia/Ho_Chi_Minh» and its hint the very same name; an escape cleared the terminal."""
    problem = one_problem(SITE_TOML.replace("[site]\n", f'[site]\ntimezone = "{written}"\n'))
    assert f"múi giờ không tồn tại: {shown}" in problem.message
    assert "\u200b" not in problem.message and "\x1b" not in problem.message


def test_a_list_where_one_value_is_expected_is_quoted_as_written() -> None:
    """Python's repr showed «['content']»: the editor wrote ["content"]."""
    problem = one_problem(SITE_TOML + '\n[policy]\napproval = ["content", true]\n')
    assert 'nhận được «["content", true]»' in problem.message


@pytest.mark.parametrize("written", ["vn", "VN", "vi_VN", "Tiếng Việt", " vi", "vie", "VIE-VN"])
def test_a_language_that_is_no_language_tag_says_vi(written: str) -> None:
    """Pages carry [site] language in <html lang>, by which a screen reader picks its voice: "vn"
    (the country) or a name is refused with its line, and the hint gives "vi"."""
    text = SITE_TOML.replace("[site]\n", f'[site]\nlanguage = "{written}"\n')
    problem = one_problem(text)
    assert problem.field == "[site] language"
    assert f"«{written}»" in problem.message
    assert problem.line == line_of(text, "language")
    assert problem.hint and 'language = "vi"' in problem.hint


def test_a_three_letter_language_code_with_a_two_letter_one_names_the_shorter() -> None:
    """BCP 47 tags use the shortest code: "eng" is "en" (a screen reader may not know "eng")."""
    text = SITE_TOML.replace("[site]\n", '[site]\nlanguage = "eng"\n')
    assert "«en»" in one_problem(text).message


@pytest.mark.parametrize("written", ["vi", "vi-VN", "en", "km-KH"])
def test_language_tags_are_accepted(written: str) -> None:
    """Language tags as BCP 47 writes them load."""
    text = SITE_TOML.replace("[site]\n", f'[site]\nlanguage = "{written}"\n')
    assert parse(text, root=ROOT).site.language == written


@pytest.mark.parametrize("url", ["congan-chauthanh.example.vn", "ftp://x.vn/", "/", "https://"])
def test_bad_base_url(url: str) -> None:
    text = SITE_TOML.replace("https://congan-chauthanh.example.vn/", url)
    problem = one_problem(text)
    assert problem.field == "[site] base_url"
    assert f"«{url}»" in problem.message
    assert problem.line == line_of(text, "base_url")


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("conganhoakhanh.example.vn", 'base_url = "https://conganhoakhanh.example.vn/"'),
        ("conganhoakhanh.example.vn/tin/", 'base_url = "https://conganhoakhanh.example.vn/tin/"'),
        ("ftp://x.vn/", 'base_url = "https://congan.example.vn/"'),
        ("", 'base_url = "https://congan.example.vn/"'),
    ],
)
def test_a_bad_base_url_of_another_unit_is_fixed_with_its_own_address(url: str, hint: str) -> None:
    text = OTHER_UNIT_TOML.replace("https://conganhoakhanh.example.vn/", url)
    problem = one_problem(text)
    assert problem.hint and hint in problem.hint and not SAMPLE_UNIT.search(problem.hint)


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("https//congan.example.vn/", 'base_url = "https://congan.example.vn/"'),
        ("https:/congan.example.vn/xa/", 'base_url = "https://congan.example.vn/xa/"'),
        ("htps://congan.example.vn", 'base_url = "https://congan.example.vn/"'),
        ("http:\\\\congan.example.vn", 'base_url = "https://congan.example.vn/"'),
    ],
)
def test_a_mistyped_https_is_fixed_with_the_units_own_address(url: str, hint: str) -> None:
    """«https//…» (the colon left out) is the unit's address with its start mistyped: the
    hint writes that address rightly, not a made-up one."""
    text = SITE_TOML.replace('"https://congan-chauthanh.example.vn/"', f"'{url}'")
    problem = one_problem(text)
    assert problem.field == "[site] base_url"
    assert problem.hint and hint in problem.hint and "viết sai" in problem.hint


def test_a_category_key_with_accents_suggests_the_key_written_plainly() -> None:
    text = OTHER_UNIT_TOML.replace("[categories.thu-tuc]", '[categories."thủ-tục"]')
    problem = one_problem(text)
    assert problem.field == "[categories] thủ-tục"
    assert problem.line == line_of(text, '[categories."thủ-tục"]')
    assert problem.hint and problem.hint.startswith("Ví dụ: [categories.thu-tuc]")
    assert not SAMPLE_UNIT.search(problem.hint)


def test_an_unclosed_quote_hint_names_no_unit() -> None:
    problem = one_problem(OTHER_UNIT_TOML + '\n[radio]\nprogram = "Tin tuần\n')
    assert problem.hint and 'Thêm dấu "' in problem.hint and not SAMPLE_UNIT.search(problem.hint)


def test_an_email_every_page_links_must_be_an_address() -> None:
    """Every page links [contact] email (mailto:): an address without @ reaches no one."""
    text = SITE_TOML + '\n[contact]\nemail = "congan.xa"\n'
    problem = one_problem(text)
    assert (problem.field, problem.line) == ("[contact] email", len(text.splitlines()))
    assert "không phải địa chỉ thư điện tử" in problem.message and problem.hint


def test_an_email_copied_from_a_link_loses_its_mailto() -> None:
    """«mailto:ca@x.vn» copied from a link passed the check and every page linked
    «mailto:mailto:ca@x.vn», which no mail program opens."""
    config = parse(SITE_TOML + '\n[contact]\nemail = " MAILTO:ca.xa@example.gov.vn"\n', root=ROOT)
    assert config.contact.email == "ca.xa@example.gov.vn"


@pytest.mark.parametrize(
    ("line", "told"),
    [
        (
            'hotline = "0273 3850 113 - 0912 345 678"',
            "có chữ số ngoài số để gọi: «0273 3850 113 - 0912 345 678»; khi người xem nhấn "
            "vào, trang web chỉ gọi «0273 3850 113»",
        ),
        (
            'hotline = "0273 3850 113 hoặc 0912 345 678"',
            "có chữ số ngoài số để gọi: «0273 3850 113 hoặc 0912 345 678»; khi người xem "
            "nhấn vào, trang web chỉ gọi «0273 3850 113»",
        ),
        ('hotline = "0273 3850 113 0912 345 678"', "có 21 chữ số, dài hơn một số điện thoại"),
        (
            'hotline = "0277 3610 10 - 17h"',
            "có chữ số ngoài số để gọi: «0277 3610 10 - 17h»; khi người xem nhấn vào, trang "
            "web chỉ gọi «0277 3610»",
        ),
        (
            'hotline = "0277 3610 20 đến 22h"',
            "có chữ số ngoài số để gọi: «0277 3610 20 đến 22h»; khi người xem nhấn vào, trang "
            "web chỉ gọi «0277 3610»",
        ),
    ],
)
def test_a_contact_number_a_page_cannot_dial_as_written_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, told: str
) -> None:
    """A second number beside the hotline, written by units for years, became an error that
    stopped every command after an upgrade (Zalo and radio link no number): it is a warning, an
    error under --strict (CI), naming the key's line and quoting the value as written. Two
    digits after a group and before «- 17h» may be the number's end or an hour: read as the
    hour, «0277 3610 10 - 17h» dialled tel:02773610 with no word to the editor."""
    text = SITE_TOML + f"\n[contact]\n{line}\n"
    root = make_project(tmp_path, {"site.toml": text})
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert f"site.toml:{len(text.splitlines())}: cảnh báo: " in err
    assert told in err and "«24», «24»" not in err
    assert main([*argv, "--strict"]) == 1


def test_a_hotline_with_its_duty_hours_beside_it_is_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«0277 3610 113 (trực 24/24)», written by units for years, dials its one number (see the
    next test): a warning for its «24/24» failed every CI run under --strict after an upgrade."""
    text = SITE_TOML + '\n[contact]\nhotline = "0277 3610 113 (trực 24/24)"\n'
    root = make_project(tmp_path, {"site.toml": text})
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main([*argv, "--strict"]) == 0
    assert "hotline" not in capsys.readouterr().err


def test_the_call_link_dials_the_first_number_and_the_page_shows_all(tmp_path: Path) -> None:
    """The footer's tel: link was made of every digit written: «0277 3610 113 (trực 24/24)»
    dialled 027736101132424, a number that is no one's."""
    text = (
        SITE_TOML
        + '\n[contact]\nhotline = "0277 3610 113 (trực 24/24)"\nemail = "mailto:ca@example.vn"\n'
    )
    root = make_project(
        tmp_path,
        {"site.toml": text, "content/bai-viet/2020-12-08-a.md": bulletin_md({"id": "a"})},
    )
    argv = ["build", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    html = (root / "output/web/index.html").read_text("utf-8")
    assert 'href="tel:02773610113"' in html and "0277 3610 113 (trực 24/24)</a>" in html
    assert 'href="mailto:ca@example.vn"' in html and "mailto:mailto:" not in html


@pytest.mark.parametrize(
    ("line", "href", "warned"),
    [
        ('hotline = "Trực 24/24: 0277 3610 113"', "tel:02773610113", False),
        ('hotline = "(24/7) 0277 3610 113"', "tel:02773610113", False),
        ('hotline = "Hotline 1: 0277 3610 113"', "tel:02773610113", True),
        ('hotline = "0912.345.678 - 24/24"', "tel:0912345678", False),
        ('hotline = "069 2345 113 (24h)"', "tel:0692345113", False),
        ('hotline = "0277 3610 113 (24/24)"', "tel:02773610113", False),
        ('emergency = "113 (24/24)"', "tel:113", False),
        ('hotline = "0277  3610\u00a0 113"', "tel:02773610113", False),
        ('hotline = "(0297) 3846.113 - 0912 345 678"', "tel:02973846113", True),
        ('hotline = "0273 3850 113 0912 345 678"', None, True),
        ('emergency = "0273 3850 113 0912 345 678"', None, True),
        ('emergency = "113 24/24"', "tel:113", False),
        ('hotline = "0277 3610 113 24/7"', "tel:02773610113", False),
        ('hotline = "0912 345 678 24h"', "tel:0912345678", False),
        ('hotline = "0912 345 678 24 giờ"', "tel:0912345678", False),
        ('emergency = "１１３"', "tel:113", False),
        ('hotline = "0277 3610 113 (7h–17h)"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 7h-17h"', "tel:02773610113", False),
        ('hotline = "Trực 7h30-11h30: 0277 3610 113"', "tel:02773610113", False),
        ('hotline = "7:00-17:00 0277 3610 113"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 (7:00–17:00, thứ 2–thứ 6)"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 (7 giờ 30 đến 17 giờ, T2-T6)"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 (giờ hành chính)"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 (7-17h)"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 (từ 7 đến 17 giờ)"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 (7 người trực)"', "tel:02773610113", True),
        ('hotline = "Hotline 2: 0277 3610 113 (7h–17h)"', "tel:02773610113", True),
        ('hotline = "0277.3610.24/0277.3610.25"', "tel:0277361024", True),
        ('hotline = "0277 3610 113/0277 3610 114"', "tel:02773610113", True),
        ('hotline = "0277 3610 113 (24h/24)"', "tel:02773610113", False),
        ('hotline = "0277 3610 113 (24 giờ/24)"', "tel:02773610113", False),
        ('emergency = "113 (24h/7)"', "tel:113", False),
    ],
)
def test_the_call_link_dials_the_number_the_check_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, href: str | None, warned: bool
) -> None:
    """The footer's «Gọi» link took the first run of digits however short («Trực 24/24: 0277
    3610 113» dialled tel:24) and ran on across « (» and « - » (tel:091234567824), while the
    check saw nothing wrong even under --strict: link and check now read one number, the
    check warns whenever other digits than duty hours are left, and a number too long to be
    one is shown with no link. Office hours are a note, not a number: «Trực 7h30-11h30: …»
    dialled tel:3011, «… 113 7h-17h» ran on into an implausible number with no link, and
    «(7h–17h)» was warned about under --strict. Two numbers split by «/» dial the first whole
    («0277.3610.24/0277.3610.25» dialled tel:02773610, its «24/» read as duty hours), and
    «(24h/24)» is duty hours, not a stray «24» to warn about."""
    key = line.split(" ", 1)[0]
    text = SITE_TOML + f"\n[contact]\n{line}\n"
    root = make_project(
        tmp_path,
        {"site.toml": text, "content/bai-viet/2020-12-08-a.md": bulletin_md({"id": "a"})},
    )
    argv = ["--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(["check", *argv, "--strict"]) == (1 if warned else 0)
    err = capsys.readouterr().err
    assert (f"[contact] {key}" in err) == warned, err
    assert main(["build", *argv]) == 0
    html = (root / "output/web/index.html").read_text("utf-8")
    label = {"hotline": "đường dây nóng", "emergency": "khẩn cấp"}[key]
    # The footer's link, and for the emergency number the header's «Khẩn cấp» button too.
    links = re.findall(rf'href="([^"]*)" aria-label="Gọi {label} ', html)
    assert set(links) == ({href} if href else set()) and 'href=""' not in html
    if key == "emergency" and href:
        # The header's button shows the number it dials, not the whole value with its notes.
        number = first_number(line.split("=", 1)[1].strip().strip('"'))
        assert f'aria-label="Gọi khẩn cấp {number}">Khẩn cấp <strong>{number}</strong></a>' in html
    if href is None:
        shown = {"hotline": "Đường dây nóng", "emergency": "Khẩn cấp"}[key]
        assert f"{shown}: 0273 3850 113 0912 345 678</li>" in html


@pytest.mark.parametrize(
    "line", ['hotline = "24/24"', 'hotline = "trực ban"', 'emergency = "gọi ngay"']
)
def test_a_contact_number_key_with_no_number_is_an_error(line: str) -> None:
    """«24/24» as the hotline built a call link to tel:24 with no warning: a number key that
    holds no run of 3 digits is an error naming the key and the form a number takes."""
    text = SITE_TOML + f"\n[contact]\n{line}\n"
    problem = one_problem(text)
    key = line.split(" ", 1)[0]
    assert (problem.field, problem.line) == (f"[contact] {key}", len(text.splitlines()))
    assert "không có số điện thoại nào (cần một số từ 3 chữ số)" in problem.message
    assert problem.hint and f'{key} = "' in problem.hint and f'{key} = ""' in problem.hint


@pytest.mark.parametrize(
    "line",
    [
        'hotline = "0273 3850 113 (trực ban)"',
        'hotline = "(0273) 3850.113"',
        'hotline = "+84 273 3850 113"',
        'hotline = "1900.0368"',
        'emergency = "113"',
        'email = ""',
        'email = "ca.xa@example.gov.vn"',
    ],
)
def test_contact_numbers_and_addresses_as_units_write_them_load(line: str) -> None:
    """Numbers and addresses as units write them load as written, for the footer and the
    contact card to show them so."""
    key = line.split(" = ", 1)[0]
    contact = parse(SITE_TOML + f"\n[contact]\n{line}\n", root=ROOT).contact
    assert getattr(contact, key) == tomllib.loads(line)[key]


@pytest.mark.parametrize("written", ["https://zalo.me/1234567890123", "zalo.me/1234567890123/"])
def test_an_oa_link_for_the_oa_id_is_answered_with_the_id_in_it(written: str) -> None:
    """The OA's link is what a unit has at hand (its QR code, its page): the id is in it."""
    problem = one_problem(SITE_TOML + f'\n[zalo]\noa_id = "{written}"\n')
    assert problem.field == "[zalo] oa_id"
    assert problem.hint and 'oa_id = "1234567890123"' in problem.hint


def test_a_token_written_as_the_oa_id_is_refused_without_being_shown() -> None:
    """The OA's id and the app's secret key sit side by side in Zalo's pages: a token or key
    pasted as oa_id was quoted in the error, so printed in every CI log."""
    secret = "Zk9Qm4TqV0aX7bq2Lr8vYw3nPq-E_d1"
    problem = one_problem(SITE_TOML + f'\n[zalo]\noa_id = "{secret}"\n')
    assert problem.field == "[zalo] oa_id"
    assert secret not in problem.render() and secret[:8] not in problem.render()
    assert f"một chuỗi {len(secret)} ký tự chữ và số (không in ra)" in problem.message
    assert problem.hint and "Xoay vòng token và bí mật" in problem.hint
    shown = one_problem(SITE_TOML + '\n[zalo]\noa_id = "Công an huyện"\n')
    assert "«Công an huyện»" in shown.message  # not a secret: shown as written


def test_a_long_token_without_a_digit_written_as_the_oa_id_is_not_shown() -> None:
    """A token that by chance holds no digit was quoted in the error, so printed in CI logs."""
    secret = "ZkQmTqVaXbqLrvYwnPqEdKpRsTuVwXyZaBcD"
    problem = one_problem(SITE_TOML + f'\n[zalo]\noa_id = "{secret}"\n')
    assert secret not in problem.render() and secret[:8] not in problem.render()


def test_unknown_default_channel() -> None:
    text = SITE_TOML.replace("[site]\n", '[site]\ndefault_channels = ["web", "facebook"]\n')
    problem = one_problem(text)
    assert problem.field == "[site] default_channels"
    assert "facebook" in problem.message


def test_bad_category_key_points_at_its_table() -> None:
    text = SITE_TOML + '\n[categories.Canh_Bao]\nlabel = "x"\n'
    problem = one_problem(text)
    assert problem.field == "[categories] Canh_Bao"
    assert problem.line == line_of(text, "[categories.Canh_Bao]")


@pytest.mark.parametrize(
    "second",
    [
        "Tình hình an ninh trật tự",
        "TÌNH HÌNH AN NINH  TRẬT TỰ",
        unicodedata.normalize("NFD", "Tình hình an ninh trật tự"),
    ],
    ids=["same", "other-case-and-spaces", "decomposed"],
)
def test_two_categories_with_one_label_name_each_other(second: str) -> None:
    """`publish new --category "<label>"` said "chuyên mục không tồn tại" for such a label."""
    text = SITE_TOML + f'\n[categories.tin-khac]\nlabel = "{second}"\n'
    problem = one_problem(text)
    assert problem.field == "[categories.tin-khac] label"
    assert problem.line == len(text.splitlines())
    assert "trùng với nhãn của chuyên mục [categories.an-ninh-trat-tu]" in problem.message
    assert problem.hint is not None
    assert (
        "[categories.tin-khac]" in problem.hint and "[categories.an-ninh-trat-tu]" in problem.hint
    )


def test_a_category_table_written_twice_is_told_with_every_other_problem() -> None:
    """A new category copied from the one above, its key left unchanged: TOML refuses the file,
    and the unit was told that alone, then the next mistake on each run. Now every problem comes
    in one pass, and the hint says to give the new category its own key."""
    text = (
        SITE_TOML.replace("[site]\n", '[site]\ntimezone = "Asia/Ho_Chi_Mihn"\n')
        + '\n[categories.an-ninh-trat-tu]\nlabel = "Tin mới"\n'
        + "\n[web]\nper_page = 10\nper_page = 12\nrelated = -1\n"
    )
    problems = problems_of(text)
    told = {(p.line, p.field or p.message.split(" ")[0]) for p in problems}
    twice = line_of(text, 'label = "Tin mới"') - 1
    assert told == {
        (line_of(text, "timezone"), "[site] timezone"),
        (twice, "bảng"),
        (line_of(text, "per_page = 12"), "khóa"),
        (line_of(text, "related"), "[web] related"),
    }, [p.render() for p in problems]
    table = next(p for p in problems if p.line == twice)
    first = line_of(text, "[categories.an-ninh-trat-tu]")
    assert table.message == (
        f"bảng [categories.an-ninh-trat-tu] được khai báo hai lần (dòng {first} và dòng {twice})"
    )
    assert table.hint and "Mỗi chuyên mục cần một khóa riêng" in table.hint
    assert f"đổi khóa ở dòng {twice}" in table.hint


def test_a_category_written_twice_in_a_file_saved_on_windows_hides_no_other_problem() -> None:
    """Notepad ends lines with \\r\\n: the table cut out is read with its line ends."""
    text = SITE_TOML + '\n[categories.an-ninh-trat-tu]\nlabel = "x"\n[web]\nper_page = 0\n'
    problems = problems_of(text.replace("\n", "\r\n"))
    assert [p.line for p in problems] == [
        line_of(text, 'label = "x"') - 1,
        line_of(text, "per_page"),
    ]


def test_keys_only_the_cut_second_copy_of_a_table_holds_are_not_told_missing() -> None:
    """[site] split in two (base_url written in the second copy) was told as written twice and
    base_url as missing, whose hint had the editor write base_url a third time."""
    text = (
        SITE_TOML.replace('base_url = "https://congan-chauthanh.example.vn/"\n', "")
        + '\n[site]\nbase_url = "https://congan-chauthanh.example.vn/"\n'
    )
    assert "base_url" not in text.split("\n[site]\nbase_url")[0]
    problem = one_problem(text)
    assert problem.message.startswith("bảng [site] được khai báo hai lần")
    assert problem.hint and "Gộp các khóa" in problem.hint


def test_a_file_pasted_into_itself_is_told_twenty_duplicates_and_how_many_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each duplicate cost a parse of the whole file: 4,000 lines written twice took 11 s, and
    4,000 messages told nothing the first twenty did not."""
    parses = 0
    real = tomllib.loads

    def counted(text: str) -> dict[str, object]:
        nonlocal parses
        parses += 1
        return real(text)

    monkeypatch.setattr(tomllib, "loads", counted)
    text = SITE_TOML + "\n[web]\n" + "per_page = 10\n" * 101
    problems = problems_of(text)
    assert len(problems) == 21
    assert problems[-1].message == "… và còn 80 chỗ trùng"
    assert problems[-1].line == line_of(text, "per_page") + 21
    assert parses <= 2 * 21


def test_a_category_written_twice_once_in_quotes_names_the_first() -> None:
    text = SITE_TOML + '\n[categories."an-ninh-trat-tu"]\nlabel = "Tin mới"\n'
    first = line_of(text, "[categories.an-ninh-trat-tu]")
    assert f"(dòng {first} và dòng " in one_problem(text).message


def test_a_list_of_category_tables_is_told_as_such_not_as_a_new_categorys_key() -> None:
    """[[categories]] after [categories.<khóa>] tables is no category copied without its key:
    what is wrong is the double brackets."""
    text = SITE_TOML + '\n[[categories]]\nkey = "tin-moi"\nlabel = "Tin mới"\n'
    problem = one_problem(text)
    assert problem.line == line_of(text, "[[categories]]")
    assert problem.message.startswith("[[categories]] viết hai cặp ngoặc vuông")
    assert problem.hint and "[categories.tin-moi]" in problem.hint
    assert "khóa riêng" not in problem.hint


def test_a_value_written_twice_over_several_lines_is_told_alone() -> None:
    """What cannot be cut out whole is left: reading on would report the rest of the value as
    mistakes that are not there."""
    text = SITE_TOML + '\n[radio]\nintro = "a"\nintro = """b\n[c]\nd"""\nprogram = ""\n'
    problem = one_problem(text)
    assert "hai lần" in problem.message


def test_every_line_that_breaks_the_syntax_is_told_in_one_pass() -> None:
    """An IT officer who left out the quotes of two values and wrote a unit after a number was
    told the first line only, then the next on each run: each faulty line is now cut in turn and
    all are told, and no schema error for a key so cut (its value is the line's own error)."""
    text = (
        SITE_TOML.replace(
            'base_url = "https://congan-chauthanh.example.vn/"',
            "base_url = https://congan-chauthanh.example.vn/",
        ).replace('title = "Công an huyện Châu Thành"', 'title = "Công an huyện "Châu Thành""')
        + "\n[web]\nper_page = 10 bản\n\n[radio]\nair_time = 17:00 chiều\n"
    )
    problems = problems_of(text)
    assert [p.line for p in problems] == [
        line_of(text, "title ="),
        line_of(text, "base_url"),
        line_of(text, "per_page"),
        line_of(text, "air_time"),
    ], [p.render() for p in problems]
    assert all(p.field is None and p.column for p in problems)
    assert not any("thiếu" in p.message for p in problems)


def test_a_line_a_list_left_open_above_runs_into_is_not_cut() -> None:
    """A list not closed swallows the lines below: cutting the line the parser stopped at would
    make up errors on lines that are right, so the first error is told alone."""
    text = SITE_TOML.replace("[site]\n", '[site]\ndefault_channels = ["web", "zalo"\n') + (
        "\n[web]\nper_page = 10 bản\n"
    )
    problem = one_problem(text)
    assert problem.message.startswith("danh sách [ … ] chưa có dấu ']' đóng")


@pytest.mark.parametrize(
    "extra",
    [
        '\n[web]\nabbreviations = [“x”,\n"b",\n"c",\n]\n',
        '\n[radio]\nintro = """a \\q\n[not a header] text\n"""\n',
        "\n[radio]\nintro = “a” '''b\n[not a header] text\n'''\n",
        "\n[web]\nx = { a = “b”,\nc = 1 }\n",
    ],
)
def test_a_faulty_line_that_opens_a_list_or_string_is_told_alone(extra: str) -> None:
    """Cutting a faulty line that opens a list or a multi-line string left the rest of its
    value to be read as TOML: «abbreviations = [“x”,» made up three errors on the lines "b",
    "c" and ], and a string's «[not a header] text» was taken for a table header."""
    text = SITE_TOML + extra
    problem = one_problem(text)
    assert problem.line == SITE_TOML.count("\n") + 3


@pytest.mark.parametrize(
    "opened",
    [
        'description = Trang tin """Vì an ninh\n[không phải bảng] Tổ quốc"""',
        "description = “Trang tin” '''Vì an ninh\n[không phải bảng] Tổ quốc''' nhé",
        'description = Trang tin """Vì an ninh\n\\""" [không phải bảng] Tổ quốc"""',
        # \""" on the faulty line itself closes nothing either: the string runs on below
        'description = Trang tin """Vì an ninh \\"""\n[không phải bảng] Tổ quốc"""',
    ],
)
def test_an_error_below_a_faulty_line_opening_a_string_is_told_in_the_same_pass(
    opened: str,
) -> None:
    """A faulty line that opens a multi-line string was told alone: the error on a line below
    the string came only on the next run, a second round for the IT officer. The string's lines
    are cut with the faulty one, and nothing inside the string is told."""
    text = SITE_TOML + f"\n[web]\n{opened}\nper_page = 10 bản\n"
    problems = problems_of(text)
    assert [p.line for p in problems] == [
        line_of(text, "description"),
        line_of(text, "per_page"),
    ], [p.render() for p in problems]


def test_stray_quotes_are_not_closed_by_the_next_strings_opening() -> None:
    """Three stray quotes on a faulty line would be taken as closed by the next key's opening
    ones: that string's text, read as TOML, would be told as errors nobody wrote."""
    text = SITE_TOML + '\n[radio]\nprogram = Vì an ninh """\nintro = """\nKính thưa\n"""\n'
    problem = one_problem(text)
    assert problem.line == line_of(text, "program")


def test_a_broken_table_header_is_cut_with_its_keys() -> None:
    """`[web` without its bracket: its keys, left in the table above, would be told unknown there."""
    text = SITE_TOML + "\n[web\nper_page = 10\n\n[radio]\nair_time = 17:00 chiều\n"
    problems = problems_of(text)
    assert [p.line for p in problems] == [line_of(text, "[web"), line_of(text, "air_time")]


def test_more_than_twenty_broken_lines_are_told_twenty_and_the_rest_in_one() -> None:
    text = SITE_TOML + "\n[web]\n" + "".join(f"k{i} = {i} bản\n" for i in range(30))
    problems = problems_of(text)
    assert len(problems) == 21
    assert problems[-1].message == "… và còn những lỗi cú pháp khác"
    assert problems[-1].hint and "chạy lại để xem tiếp" in problems[-1].hint


@pytest.mark.parametrize("quotes", ["“17:00”", "«17:00»", "„17:00“"])
def test_a_value_in_curly_quotes_is_told_so_with_the_line_retyped(quotes: str) -> None:
    """A value pasted from Word comes in “curly quotes”: «giá trị không hợp lệ» and a hint to
    use quotes, which the IT officer could see were there, did not say what to change."""
    text = SITE_TOML + f"\n[radio]\nair_time = {quotes}\n"
    problem = one_problem(text)
    assert problem.message == (
        f'giá trị mở bằng dấu {quotes[0]}, không phải ngoặc kép thẳng " mà tệp cấu hình cần'
    )
    assert problem.hint and problem.hint.endswith('air_time = "17:00"')


def test_the_retyped_line_keeps_the_quotes_inside_the_value() -> None:
    """Every “ ” « » of the line was made ": a description quoting «Vì an ninh Tổ quốc» was
    retyped as a line that is not TOML either."""
    text = SITE_TOML + "\n[web]\ndescription = “Trang tin «Vì an ninh Tổ quốc»”\n"
    problem = one_problem(text)
    assert problem.hint and problem.hint.endswith('description = "Trang tin «Vì an ninh Tổ quốc»"')


@pytest.mark.parametrize(
    ("written", "retyped"),
    [
        (
            "program = “Vì an ninh Tổ quốc” # tên cũ “An ninh”",
            'program = "Vì an ninh Tổ quốc" # tên cũ “An ninh”',
        ),
        ('program = “Chương trình «Vì an ninh»"', 'program = "Chương trình «Vì an ninh»"'),
    ],
)
def test_the_retyped_line_closes_the_value_where_its_own_quote_closes(
    written: str, retyped: str
) -> None:
    """The last curly quote of the line was taken for the closing one, even one in a comment or
    inside the value before a straight closing ": the line suggested was not TOML either."""
    problem = one_problem(SITE_TOML + "\n[radio]\n" + written + "\n")
    assert problem.hint and problem.hint.endswith(": " + retyped)
    assert tomllib.loads(retyped)["program"] == retyped.split('"')[1]


@pytest.mark.parametrize(
    "lines",
    [
        "[zalo]\noa_id = “sk_live_ABCDEF123456SECRET”",
        "[zalo]\nname = “Công an xã”",
        "[web]\ntoken = “sk_live_ABCDEF123456SECRET”",
        "zalo.oa_id = “1234567890”",
    ],
)
def test_a_curly_quoted_secret_or_zalo_value_is_not_printed_in_the_hint(lines: str) -> None:
    """The hint printed the line retyped: a token pasted as oa_id in curly quotes was printed in
    every log, which the oa_id check was written never to do."""
    problem = one_problem(SITE_TOML + "\n" + lines + "\n")
    assert problem.message.startswith("giá trị mở bằng dấu “")
    assert problem.hint and "SECRET" not in problem.hint and "=" not in problem.hint
    assert "dòng này không in ra" in problem.hint


def test_labels_told_apart_only_by_their_accents_are_two_labels() -> None:
    text = SITE_TOML + '\n[categories.tin-khac]\nlabel = "Tinh hinh an ninh trat tu"\n'
    assert len(parse(text, root=ROOT).categories) == 3


def test_category_without_label() -> None:
    text = SITE_TOML + '\n[categories.tin-khac]\ndescription = "x"\n'
    problem = one_problem(text)
    assert problem.field == "[categories.tin-khac] label"
    assert "thiếu" in problem.message


def test_missing_required_tables_and_keys() -> None:
    text = SITE_TOML.replace('title = "Công an huyện Châu Thành"\n', "")
    problem = one_problem(text)
    assert problem.field == "[site] title"
    assert "thiếu khóa bắt buộc" in problem.message
    assert problem.line == line_of(text, "[site]")

    no_unit = SITE_TOML.split("[site]")[1]
    fields = {p.field for p in problems_of("[site]" + no_unit)}
    assert "unit" in fields


def test_several_problems_are_reported_together_each_with_its_line() -> None:
    text = (
        SITE_TOML.replace(
            'base_url = "https://congan-chauthanh.example.vn/"',
            'base_url = "congan.vn"\ntimezone = "Asia/Hanoi_City"\ntitel = "x"',
        )
        + '\n[web]\nper_page = "10"\n'
    )
    problems = problems_of(text)
    found = {p.field: p.line for p in problems}
    assert found == {
        "[site] base_url": line_of(text, "base_url"),
        "[site] timezone": line_of(text, "timezone"),
        "[site] titel": line_of(text, "titel"),
        "[web] per_page": line_of(text, "per_page"),
    }
    message = str(ConfigError(problems))
    assert "Tìm thấy 4 lỗi" in message
    assert f"site.toml:{line_of(text, 'timezone')}: lỗi: trường '[site] timezone'" in message


@pytest.mark.parametrize(
    ("slip", "told"),
    [
        (("[unit]", "[units]"), "units"),
        (("\ntitle = ", "\ntitel = "), "[site] titel"),
        (("base_url = ", "base_ur = "), "[site] base_ur"),
        (("[categories.", "[categoriess."), "categoriess"),
    ],
    ids=["table-typo", "title-typo", "base-url-typo", "categories-typo"],
)
def test_a_misspelt_required_key_or_table_hides_no_other_problem(
    slip: tuple[str, str], told: str
) -> None:
    text = (
        SITE_TOML.replace(*slip).replace(
            "[site]\n", '[site]\ntimezone = "Asia/Saigonn"\ndefault_channels = ["web", "radi"]\n'
        )
        + '\n[zalo]\noa_id = "abc"\n'
    )
    fields = {p.field: p.line for p in problems_of(text)}
    assert told in fields
    assert fields["[site] timezone"] == line_of(text, "timezone")
    assert fields["[site] default_channels"] == line_of(text, "default_channels")
    assert fields["[zalo] oa_id"] == line_of(text, "oa_id")


PARSER_ENGLISH = re.compile(r"\b(Expected|Cannot|Unterminated|Illegal|Invalid|Unclosed|line \d)")
"""Words of tomllib's own messages, which an editor must not be left to decode."""


@pytest.mark.parametrize(
    ("snippet", "at", "column", "message", "hint"),
    [
        (
            '[web]\nper_page = "10\n',
            'per_page = "10',
            15,
            "chuỗi chưa có dấu ngoặc kép đóng",
            'Thêm dấu " ở cuối giá trị',
        ),
        (
            "[web]\nper_page 10\n",
            "per_page 10",
            10,
            "thiếu dấu '=' giữa tên khóa và giá trị",
            "khóa = giá trị",
        ),
        (
            "[web]\nper_page = 10\nper_page = 12\n",
            "per_page = 12",
            14,
            "khóa 'per_page' được viết hai lần trong bảng [web] (dòng 17 và dòng 18)",
            "Giữ một dòng 'per_page = …'",
        ),
        (
            '[unit]\nname = "x"\n',
            "[unit]",
            6,
            "bảng [unit] được khai báo hai lần (dòng 1 và dòng 16)",
            "Gộp các khóa",
        ),
        ("[web]\nper_page = mười\n", "per_page", 12, "giá trị không hợp lệ", "ngoặc kép"),
        (
            '[radio]\nfolder = "C:\\dai"\n',
            "folder",
            15,
            "dấu \\ trong chuỗi ngoặc kép phải viết đôi (\\\\)",
            "dùng dấu / trong đường dẫn",
        ),
        (
            '[categories.cảnh-báo]\nlabel = "Cảnh báo"\n',
            "cảnh-báo",
            14,
            "tên bảng có chữ có dấu hoặc dấu cách",
            "chỉ gồm chữ thường không dấu, số và dấu -, ví dụ [categories.canh-bao]",
        ),
        (
            '[categories.canh bao]\nlabel = "Cảnh báo"\n',
            "canh bao",
            18,
            "tên bảng có chữ có dấu hoặc dấu cách",
            'ghi ở label = "Cảnh báo"',
        ),
    ],
    ids=[
        "missing-quote",
        "missing-equals",
        "duplicate-key",
        "duplicate-table",
        "bare-word",
        "backslash",
        "category-key-with-diacritics",
        "category-key-with-a-space",
    ],
)
def test_invalid_toml_is_described_in_vietnamese_with_line_and_column(
    snippet: str, at: str, column: int, message: str, hint: str
) -> None:
    text = SITE_TOML + "\n" + snippet
    problem = one_problem(text)
    line = len(text.splitlines()) - next(
        i for i, s in enumerate(reversed(text.splitlines())) if at in s
    )
    assert (problem.line, problem.column, problem.message) == (line, column, message)
    assert problem.hint is not None and hint in problem.hint
    rendered = problem.render()
    assert rendered.startswith(f"site.toml:{line}, cột {column}: lỗi: {message}")
    assert not PARSER_ENGLISH.search(rendered), rendered


def test_a_toml_error_not_described_keeps_the_parsers_words_as_a_detail(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import publish.syntax

    monkeypatch.setattr(publish.syntax, "TOML_CASES", ())
    problem = one_problem(SITE_TOML + "\n[web]\nper_page = mười\n")
    assert problem.message == "không đúng cú pháp TOML (chi tiết kỹ thuật: Invalid value)"
    assert problem.line is not None and problem.column == 12


def test_load_reports_missing_file_and_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        config_module.load(tmp_path)
    assert "không tìm thấy tệp cấu hình" in str(info.value)
    assert "--root" in str(info.value)
    # A unit starting out is told the one command that makes its project.
    assert 'publish init THƯ_MỤC --unit "Công an xã …"' in str(info.value)

    root = make_project(tmp_path, {"site.toml": SITE_TOML.encode("cp1258", "replace")})
    with pytest.raises(ConfigError) as info:
        config_module.load(root)
    assert "UTF-8" in str(info.value)
    assert "site.toml:2: lỗi: " in str(info.value) and "Windows-1258" in str(info.value)
    (root / "site.toml").write_bytes(SITE_TOML.encode("utf-16"))
    with pytest.raises(ConfigError) as info:
        config_module.load(root)
    assert "site.toml: lỗi: tệp được lưu bằng mã hóa UTF-16 LE" in str(info.value)


def test_a_site_toml_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    """Notepad writes one as «UTF-8 with BOM» (and did for every UTF-8 file until 2019)."""
    root = make_project(tmp_path, {"site.toml": b"\xef\xbb\xbf" + SITE_TOML.encode()})
    assert config_module.load(root).unit.name == "Công an huyện Châu Thành"


def test_load_sets_the_project_root(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    assert config_module.load(root).root == root


def test_root_cannot_be_set_from_the_file() -> None:
    config = parse('__root__ = "/etc"\n' + SITE_TOML, root=ROOT)
    assert config.root == ROOT


def test_garbled_vietnamese_values_are_errors_with_key_line_and_unikey_hint() -> None:
    """The unit's name, the site's title, a category's label show on every page, in every Zalo
    article and radio script: pasted from an old Word file in TCVN3 or VNI, or UTF-8 decoded
    twice, they were published as gibberish (bulletins were checked, site.toml was not)."""
    twice = "Kính thưa quý thính giả".encode().decode("cp1252")
    text = (
        SITE_TOML.replace('name = "Công an huyện Châu Thành"', 'name = "C«ng an huyÖn Ch©u Thµnh"')
        .replace('"Tình hình an ninh trật tự"', '"Tình hình an ninh trật tự"\ncolour = "x"')
        .replace('"Cảnh báo phương thức, thủ đoạn tội phạm"', '"Caûnh baùo löøa ñaûo"')
        + f'\n[radio]\nintro = """\nXin chào.\n{twice}, hẹn gặp lại."""\n'
    )
    problems = problems_of(text)
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {
        "[unit] name",
        "[categories.canh-bao-toi-pham] label",
        "[categories.an-ninh-trat-tu] colour",
        "[radio] intro",
    }, [p.render() for p in problems]
    name = by_field["[unit] name"]
    assert name.file == "site.toml" and name.line == line_of(text, "C«ng")
    assert "chữ tiếng Việt sai bảng mã: «C«ng an huyÖn Ch©u Thµnh» — có lẽ" in name.message
    assert "TCVN3" in name.message
    assert name.hint and "UniKey" in name.hint and "Nguồn: TCVN3 (ABC)" in name.hint
    assert "«Công an huyện Châu Thành»" in name.hint
    label = by_field["[categories.canh-bao-toi-pham] label"]
    assert label.line == line_of(text, "Caûnh") and label.hint and "VNI Windows" in label.hint
    intro = by_field["[radio] intro"]
    assert intro.line == line_of(text, twice[:10]) and intro.hint and "UTF-8" in intro.hint


def test_invisible_control_characters_in_values_are_errors_naming_key_and_character() -> None:
    """A TOML escape (`\\u000B`, `\\b`) or Word's line break pasted into the unit's name or a
    label went onto every page and into every feed, which no feed reader then accepts: each
    value holding one is told at its line, with the character by name and code; tabs and new
    lines of a multi-line intro are not."""
    text = (
        SITE_TOML.replace(
            'name = "Công an huyện Châu Thành"', 'name = "Công an huyện\\u000BChâu Thành"'
        ).replace('"Tình hình an ninh trật tự"', '"Tình hình\\ban ninh trật tự"')
        + '\n[radio]\nintro = """\nXin chào\tquý vị.\nHẹn gặp lại."""\n'
    )
    problems = problems_of(text)
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {"[unit] name", "[categories.an-ninh-trat-tu] label"}, [
        p.render() for p in problems
    ]
    name = by_field["[unit] name"]
    assert name.file == "site.toml" and name.line == line_of(text, "u000BChâu")
    assert name.message.startswith("có ký tự ngắt dòng của Word (U+000B): ký tự vô hình")
    assert name.hint and "Gõ lại giá trị này" in name.hint
    assert "ký tự xóa lùi (U+0008)" in by_field["[categories.an-ninh-trat-tu] label"].message


def test_vietnamese_and_western_names_in_values_are_not_garbled() -> None:
    text = SITE_TOML.replace(
        'area = "tỉnh Đồng Tháp"', 'area = "tỉnh Đồng Tháp — đối tác: Müller, José, François"'
    )
    assert parse(text, root=ROOT).unit.area.startswith("tỉnh Đồng Tháp")


@pytest.mark.parametrize(
    ("snippet", "found"),
    [
        ("[radio]\nreader = 2024-12-14", "nhận được ngày 2024-12-14"),
        ("[radio]\nno_broadcast = 2024-12-14", "nhận được ngày 2024-12-14"),
        ("[radio]\nair_time = 2024-12-14T17:00:00", "ngày giờ 2024-12-14T17:00:00"),
        ("[radio]\nno_broadcast = [17:00:00]", "giờ 17:00:00"),
    ],
)
def test_a_toml_date_or_time_where_it_does_not_belong_is_told_as_written(
    snippet: str, found: str
) -> None:
    """TOML reads 2024-12-14 and 17:00:00 as dates and times; the message shows them as the
    user wrote them, not as Python's «datetime.date(2024, 12, 14)» or «<class …>»."""
    text = SITE_TOML + "\n" + snippet + "\n"
    problem = one_problem(text)
    assert found in problem.message
    assert "datetime" not in problem.message and "<class" not in problem.message
    assert problem.line == line_of(text, snippet.split("\n")[1])


def test_a_command_run_inside_the_project_names_the_project_folder(tmp_path: Path) -> None:
    """An editor whose terminal is in content/bai-viet is told which folder holds site.toml."""
    root = make_project(tmp_path / "du-an", {"site.toml": SITE_TOML})
    inside = root / "content" / "bai-viet"
    inside.mkdir(parents=True, exist_ok=True)
    with pytest.raises(ConfigError) as info:
        config_module.load(inside)
    (problem,) = info.value.problems
    assert problem.hint == (
        f"Thư mục dự án có vẻ là {root.resolve()} (có site.toml): chạy lệnh ở đó "
        f'(cd "{root.resolve()}") hoặc thêm --root "{root.resolve()}".'
    )


@pytest.mark.parametrize(
    ("field", "written", "told"),
    [
        (
            "old_base_urls",
            '["https://a.vn/", "http://[b.vn/"]',
            "địa chỉ cũ thứ 2 «http://[b.vn/» không đọc được",
        ),
        (
            "old_base_urls",
            '["https://a.vn:80a/"]',
            "cổng (phần sau dấu «:» của tên miền) không phải số",
        ),
        ("base_url", '"http://[b.vn/"', "địa chỉ «http://[b.vn/» không đọc được"),
        ("base_url", '"https://b.vn:99999/"', "không phải số từ 0 đến 65535"),
    ],
)
def test_an_address_that_does_not_split_is_refused_not_a_crash_of_every_build(
    field: str, written: str, told: str
) -> None:
    """It passed the check and every build then stopped with «Lỗi nội bộ (ValueError)»."""
    line = f"{field} = {written}"
    if field == "base_url":
        text = SITE_TOML.replace('base_url = "https://congan-chauthanh.example.vn/"', line)
    else:
        text = SITE_TOML.replace("[site]\n", f"[site]\n{line}\n")
    problem = one_problem(text)
    assert problem.field == f"[site] {field}"
    assert told in problem.message
    assert problem.line == line_of(text, f"{field} =")


@pytest.mark.parametrize("value", ["inf", "-inf", "nan"])
def test_an_endless_number_for_a_whole_number_is_told_not_an_internal_error(value: str) -> None:
    """`per_page = inf` (TOML's infinity) ended `publish check` in «Lỗi nội bộ (OverflowError)»:
    the hint rounded the number to show the whole number meant (found by the CLI fuzzer)."""
    [problem] = problems_of(SITE_TOML + f"\n[web]\nper_page = {value}\n")
    assert "site.toml:17: lỗi: trường '[web] per_page': cần số nguyên" in problem.render()
    assert "Viết một số, không có ngoặc kép" in problem.render()


def test_a_missing_cover_or_abbreviation_file_is_told_with_the_schema_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The IT officer who mistyped per_page and named two files not there heard of the files
    only once per_page was fixed: a second round of `publish build` for one file."""
    text = (
        SITE_TOML.replace("[site]\n", '[site]\ndefault_cover = "images/bia.jpg"\n')
        + '\n[web]\nper_page = "mười"\n\n[radio]\nabbreviations = "content/viet-tat.tsv"\n'
    )
    root = make_project(tmp_path, {"site.toml": text})
    assert main(["build", "--root", str(root), "--channel", "web,radio"]) == 1
    err = capsys.readouterr().err
    assert (
        f"site.toml:{line_of(text, 'default_cover')}: lỗi: trường '[site] default_cover': " in err
    )
    assert "không tìm thấy ảnh bìa mặc định content/images/bia.jpg" in err
    assert f"site.toml:{line_of(text, 'per_page')}: lỗi: trường '[web] per_page'" in err
    assert (
        f"site.toml:{line_of(text, 'abbreviations')}: lỗi: trường '[radio] abbreviations': " in err
    )
    assert "không tìm thấy tệp từ điển viết tắt content/viet-tat.tsv" in err
    assert "Tìm thấy 3 lỗi" in err and "Traceback" not in err


def test_a_web_only_build_does_not_tell_the_missing_abbreviation_file_but_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A website build stopped by a mistyped per_page also told the radio's abbreviation file
    missing, which that build never reads: the IT officer fixing the website went looking for a
    radio file. Only a build of the radio channel tells it; `publish check` always does."""
    text = SITE_TOML + '\n[web]\nper_page = "mười"\n\n[radio]\nabbreviations = "viet-tat.tsv"\n'
    root = make_project(tmp_path, {"site.toml": text})
    assert main(["build", "--root", str(root), "--channel", "web"]) == 1
    err = capsys.readouterr().err
    assert "[web] per_page" in err and "Tìm thấy 1 lỗi" in err
    assert "viet-tat.tsv" not in err
    assert main(["build", "--root", str(root), "--channel", "web", "--drafts"]) == 1
    assert "viet-tat.tsv" not in capsys.readouterr().err
    for command in (["build", "--channel", "radio"], ["check"]):
        assert main([*command, "--root", str(root)]) == 1
        err = capsys.readouterr().err
        assert "không tìm thấy tệp từ điển viết tắt viet-tat.tsv" in err, command
        assert "Tìm thấy 2 lỗi" in err, command


def test_a_named_file_that_is_there_is_not_told_with_the_schema_errors(tmp_path: Path) -> None:
    """Only a file that is missing is told beside a schema error: a present one is no problem."""
    text = (
        SITE_TOML.replace("[site]\n", '[site]\ndefault_cover = "images/bia.jpg"\n')
        + '\n[web]\nper_page = "mười"\n\n[radio]\nabbreviations = "viet-tat.tsv"\n'
    )
    root = make_project(
        tmp_path,
        {"site.toml": text, "content/images/bia.jpg": b"\xff\xd8", "viet-tat.tsv": "CA\tcông an\n"},
    )
    with pytest.raises(ConfigError) as info:
        config_module.load(root)
    assert [p.field for p in info.value.problems] == ["[web] per_page"]


@pytest.mark.parametrize("how", ["written", "linked"])
def test_a_default_cover_outside_content_is_refused_not_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """[site] default_cover was looked for as content/<value> and used when a file was there:
    «../../anh-gia-dinh/chan-dung.jpg», or content/images/bia.jpg linked to a photo in the
    officer's own folder, put a picture from outside the project on every page and in Zalo."""
    private = tmp_path / "anh-gia-dinh" / "chan-dung.jpg"
    private.parent.mkdir()
    private.write_bytes(TINY_JPEG)
    written = "../../anh-gia-dinh/chan-dung.jpg" if how == "written" else "images/bia.jpg"
    text = SITE_TOML.replace("[site]\n", f'[site]\ndefault_cover = "{written}"\n')
    root = make_project(tmp_path, {"site.toml": text, "content/bai-viet/a.md": bulletin_md()})
    if how == "linked":
        (root / "content/images").mkdir()
        (root / "content/images/bia.jpg").symlink_to(private)
    assert main(["build", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"site.toml:{line_of(text, 'default_cover')}: lỗi: trường '[site] default_cover': "
        f"ảnh bìa mặc định «{written}» nằm ngoài thư mục content/" in err
    )
    assert "Traceback" not in err
    assert not (root / "output").exists()


def test_a_command_run_beside_the_project_just_made_names_its_folder(tmp_path: Path) -> None:
    """`publish init congan-tanhoa` then `publish new …` in the same terminal, without `cd`: the
    officer was told to run it in the project's folder «or use --root», naming none."""
    beside = make_project(tmp_path / "ca", {"site.toml": SITE_TOML}).parent
    (beside / "project").rename(beside / "congan-tanhoa")
    (beside / "hinh-anh-cu").mkdir()
    with pytest.raises(ConfigError) as info:
        config_module.load(beside)
    (problem,) = info.value.problems
    assert problem.hint is not None
    assert 'cd "congan-tanhoa"' in problem.hint and "hinh-anh-cu" not in problem.hint


STATIONS_TOML = (
    SITE_TOML
    + """
[contact]
hotline = "0277 3610 113"

[[contact.stations]]
name = "Công an xã Tân Phú"
address = "Ấp Tân Lập, xã Tân Phú, huyện Châu Thành"
phone = "0277 3610 201"
hours = "Trực ban 24/24 giờ; tiếp công dân giờ hành chính"

[[contact.stations]]
name = "Công an thị trấn Cái Tàu Hạ"
phone = ["0277 3610 202", "0912 000 202"]
"""
)
"""Two commune posts as a district unit lists them: one number written alone, two in a list."""


def test_stations_are_read_in_the_order_written_one_number_or_several() -> None:
    """The contact page lists the posts as site.toml orders them; a single number needs no
    brackets, as the unit writes its hotline."""
    stations = parse(STATIONS_TOML, root=ROOT).contact.stations
    assert [s.name for s in stations] == ["Công an xã Tân Phú", "Công an thị trấn Cái Tàu Hạ"]
    assert stations[0].phone == ("0277 3610 201",)
    assert stations[1].phone == ("0277 3610 202", "0912 000 202")
    assert stations[0].hours.startswith("Trực ban") and stations[1].address == ""
    assert parse(SITE_TOML, root=ROOT).contact.stations == ()


def test_a_station_without_a_name_is_told_at_its_own_header() -> None:
    """The second of two stations: the line of its [[contact.stations]], not of the first's name."""
    text = STATIONS_TOML.replace('name = "Công an thị trấn Cái Tàu Hạ"\n', "")
    problem = one_problem(text)
    assert problem.field == "[[contact.stations]] thứ 2, name"
    assert problem.line == len(text.splitlines()) - 1  # the header above its phone line
    assert problem.message.startswith("thiếu khóa bắt buộc")
    assert problem.hint and "vào bảng [[contact.stations]] thứ 2" in problem.hint


def test_a_station_number_no_one_can_dial_is_an_error_at_its_line() -> None:
    """Checked as hotline is: «trực ban» holds no number, and a tap on it would call no one."""
    text = STATIONS_TOML.replace('"0912 000 202"', '"trực ban"')
    problem = one_problem(text)
    assert (problem.field, problem.line) == (
        "[[contact.stations]] thứ 2, phone",
        line_of(text, '"trực ban"'),
    )
    assert "không có số điện thoại nào" in problem.message and "«trực ban»" in problem.message


def test_a_mistyped_station_key_suggests_the_right_one() -> None:
    text = STATIONS_TOML.replace('hours = "Trực', 'hour = "Trực')
    problem = one_problem(text)
    assert (problem.field, problem.line) == (
        "[[contact.stations]] thứ 1, hour",
        line_of(text, "hour = "),
    )
    assert problem.hint == "Có phải ý bạn là 'hours'?"


def test_a_station_written_with_one_bracket_says_to_write_two() -> None:
    """`[contact.stations]` is a table, not a list: the fix is the second bracket."""
    text = (
        SITE_TOML + '\n[contact.stations]\nname = "Công an xã Tân Phú"\nphone = "0277 3610 201"\n'
    )
    problem = one_problem(text)
    assert (problem.field, problem.line) == ("[contact] stations", line_of(text, "[contact."))
    assert "[[contact.stations]]" in problem.message and "một dấu ngoặc vuông" in problem.message


def test_a_contact_key_written_below_a_station_is_told_where_it_belongs() -> None:
    """TOML puts every line after [[contact.stations]] in that station: an email added at the
    end of [contact] would be the last station's, and «khóa không được hỗ trợ» said nothing."""
    text = STATIONS_TOML + 'email = "congan.chauthanh@example.vn"\n'
    problem = one_problem(text)
    assert (problem.field, problem.line) == (
        "[[contact.stations]] thứ 2, email",
        len(text.splitlines()),
    )
    assert "khóa email của bảng [contact]" in problem.message
    assert problem.hint and "lên trên dòng [[contact.stations]] đầu tiên" in problem.hint


def test_the_secrecy_promise_written_below_a_station_is_told_where_it_belongs() -> None:
    """The promise to tipsters is the unit's: below [[contact.stations]] it is told, not
    silently dropped from every bulletin's box."""
    text = STATIONS_TOML + 'secrecy = "Giữ bí mật người báo tin."\n'
    problem = one_problem(text)
    assert problem.field == "[[contact.stations]] thứ 2, secrecy"
    assert "khóa secrecy của bảng [contact]" in problem.message


@pytest.mark.parametrize(
    "station",
    [
        '\n[[contact.stations]]\naddress = "Ấp Tân Hòa"\n',  # no name
        '\n[contact.stations]\nname = "Điểm ấp Tân Hòa"\naddress = "Ấp Tân Hòa"\n',  # one bracket
    ],
)
def test_a_station_hint_does_not_offer_the_sample_units_commune_as_the_name(
    station: str,
) -> None:
    """Another unit's station without a name was told «Thêm dòng name = "Công an xã Tân Phú"»:
    a real commune of the sample's district, which a unit of Đồng Tháp may paste as it is. The
    example is «Công an xã …», as for [unit] name."""
    problem = one_problem(OTHER_UNIT_TOML + "\n[contact]\n" + station)
    assert problem.hint and 'name = "Công an xã …"' in problem.hint
    assert "Tân Phú" not in problem.hint


def test_a_station_with_no_number_nor_address_reaches_no_one() -> None:
    text = SITE_TOML + '\n[[contact.stations]]\nname = "Công an xã Tân Phú"\nhours = "7h–17h"\n'
    problem = one_problem(text)
    assert problem.field == "[[contact.stations]] thứ 1, phone"
    assert problem.line == line_of(text, "[[contact.stations]]")
    assert "chưa có số điện thoại hay địa chỉ" in problem.message


def test_a_blank_stations_title_is_refused() -> None:
    problem = one_problem(STATIONS_TOML.replace("[contact]\n", '[contact]\nstations_title = ""\n'))
    assert problem.field == "[contact] stations_title" and "trống" in problem.message


def test_an_invisible_character_in_a_station_is_told_at_that_station() -> None:
    """A name pasted from Word into the second station: its line, not the first's name."""
    text = STATIONS_TOML.replace("Công an thị trấn Cái", "Công an thị trấn\\u000BCái")
    problem = one_problem(text)
    assert (problem.field, problem.line) == (
        "[[contact.stations]] thứ 2, name",
        line_of(text, "\\u000B"),
    )


def test_a_station_number_with_more_digits_beside_it_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two numbers in one string dial only the first, as for hotline: a warning (an error under
    --strict) at that station's phone line, saying to make each number an item of the list."""
    text = STATIONS_TOML.replace('"0277 3610 201"', '"0277 3610 201 - 0912 000 201"')
    root = make_project(tmp_path, {"site.toml": text})
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    line = line_of(text, "0912 000 201")
    assert f"site.toml:{line}: cảnh báo: trường '[[contact.stations]] thứ 1, phone'" in err
    assert "trang web chỉ gọi «0277 3610 201»" in err
    assert 'phone = ["0277 3610 201", "0912 345 678"]' in err
    assert main([*argv, "--strict"]) == 1
