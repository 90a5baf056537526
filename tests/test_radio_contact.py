"""[radio] contact: the spoken line telling a listener how to reach the unit ([contact]'s
hotline, head office, hours, 113), read in each episode's closing words or after each item of
the categories that call for tips, and never unless the unit turns it on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ConfigError, Problem
from publish.render import radio
from publish.render.radio.items import Speaker
from tests.helpers import SITE_TOML, bulletin_md, hint_of, make_project

TZ = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2020, 12, 10, 12, 0, tzinfo=TZ)
WEEK = "2020-W50"
CONTACT = """
[contact]
address = "Số 1 đường 30/4, thị trấn Cái Tàu Hạ, huyện Châu Thành"
hotline = "0277 3610 113 (trực 24/24)"
hours = "Thứ Hai đến thứ Sáu 7h00–11h30"
"""
OUTRO = "Chuyên mục đến đây là kết thúc. Hẹn gặp lại quý vị."
OPENS = "Quý vị cần báo tin, tố giác tội phạm hay phản ánh về an ninh, trật tự"
FEEDBACK = """
[categories.tiep-nhan-phan-anh]
label = "Tiếp nhận phản ánh của người dân"
"""


def project(tmp_path: Path, radio_keys: str = "", *, contact: str = CONTACT) -> Path:
    """Two bulletins of one week, one a call for tips with its own closing words (`tag`)."""
    toml = SITE_TOML + FEEDBACK + contact + f'\n[radio]\noutro = "{OUTRO}"\n' + radio_keys
    return make_project(
        tmp_path,
        {
            "site.toml": toml,
            "content/canh-bao.md": bulletin_md({"date": "2020-12-08 08:00"}),
            "content/phan-anh.md": bulletin_md(
                {
                    "date": "2020-12-08 09:00",
                    "title": '"Kết quả tiếp nhận phản ánh"',
                    "category": "tiep-nhan-phan-anh",
                    "radio": '{tag: "Cảm ơn bà con đã tin tưởng."}',
                },
                body="Trong tháng, Công an huyện tiếp nhận 47 phản ánh qua Zalo.\n",
            ),
        },
    )


def rendered(root: Path) -> dict[str, str]:
    """The radio channel's text files of the project at NOW (lines ended as Python's)."""
    site = load_site(config_module.load(root), now=NOW)
    return {
        a.path: a.data.decode("utf-8-sig").replace("\r\n", "\n")
        for a in radio.render(site)
        if a.path.endswith(".txt")
    }


def closing(script: str) -> str:
    """The read text of the episode's closing words (LOI-KET), up to its music cue."""
    part = script.split("LOI-KET", 1)[1].split("-" * 72, 1)[1]
    return part.split("[A", 1)[0].strip()


def rows(root: Path) -> dict[str, dict[str, Any]]:
    """rundown.json's rows by slug, and the episode under the key «»."""
    site = load_site(config_module.load(root), now=NOW)
    data = json.loads({a.path: a.data for a in radio.render(site)}[f"{WEEK}/rundown.json"])
    return {"": data} | {row["slug"]: row for row in data["items"]}


def test_the_line_reads_the_hotline_digit_by_digit_and_the_address_in_words(
    tmp_path: Path,
) -> None:
    """As the radio reads any phone number: digit by digit in its groups, without the note
    beside it; «30/4» of a street name a date, office hours as hours, then 113."""
    said = closing(rendered(project(tmp_path, 'contact = "outro"\n'))[f"{WEEK}/script.txt"])
    contact, farewell = said.split("\n\n")
    assert contact.startswith(OPENS)
    hotline = "số không hai bảy bảy, ba sáu một không, một một ba."
    assert f"xin gọi đường dây nóng của Công an huyện Châu Thành, {hotline}" in contact
    office = "Số một đường ba mươi tháng tư, thị trấn Cái Tàu Hạ, huyện Châu Thành."
    assert f"trụ sở Công an huyện Châu Thành tại {office}" in contact
    hours = "Thứ Hai đến thứ Sáu từ bảy giờ đến mười một giờ ba mươi phút."
    assert f"Giờ tiếp công dân: {hours}" in contact
    assert contact.endswith("Trường hợp khẩn cấp, xin gọi ngay số một một ba.")
    assert not re.search(r"\d", contact) and "hai mươi tư" not in contact  # no «trực 24/24»
    assert farewell == OUTRO  # the goodbye stays last


def test_without_a_hotline_the_line_invites_to_the_office(tmp_path: Path) -> None:
    """Each part is said only when [contact] has it: no hotline, no hours, no 113."""
    contact = '\n[contact]\naddress = "Khóm Phú Hòa, thị trấn Cái Tàu Hạ"\nemergency = ""\n'
    root = project(tmp_path, 'contact = "outro"\n', contact=contact)
    said = closing(rendered(root)[f"{WEEK}/script.txt"]).split("\n\n")[0]
    assert (
        said
        == f"{OPENS}, xin đến trụ sở Công an huyện Châu Thành tại Khóm Phú Hòa, thị trấn Cái Tàu Hạ."
    )


def test_feedback_reads_it_after_each_item_of_the_marked_categories_only(tmp_path: Path) -> None:
    """With «feedback», after the item of a call-for-tips category, behind its editor's own closing
    words; the other item and the episode's closing words stay as they were."""
    keys = 'contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n'
    texts = rendered(project(tmp_path, keys))
    tips = texts["items/phan-anh.txt"]
    [tag] = [line for line in tips.splitlines() if line.startswith("LỜI KẾT TIN: ")]
    assert tag.startswith(f"LỜI KẾT TIN: Cảm ơn bà con đã tin tưởng. {OPENS}, xin gọi đường")
    assert tag.endswith("xin gọi ngay số một một ba.")
    assert OPENS not in texts["items/canh-bao.txt"]
    assert closing(texts[f"{WEEK}/script.txt"]) == OUTRO
    assert texts[f"{WEEK}/script.txt"].count(OPENS) == 1


FEEDBACK_KEYS = 'contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n'
PROMISE = (
    "Có thể báo tin mà không nêu tên. Họ tên, địa chỉ, bút tích và mọi thông tin về người báo "
    "tin, tố giác được giữ bí mật theo quy định của pháp luật."
)
"""[contact] secrecy by default, as read: no number, no abbreviation to change."""


def tips_tag(root: Path) -> str:
    """The closing words read after the call-for-tips item."""
    tips = rendered(root)["items/phan-anh.txt"]
    [tag] = [line for line in tips.splitlines() if line.startswith("LỜI KẾT TIN: ")]
    return tag


def test_feedback_reads_the_secrecy_promised_before_the_emergency_number(tmp_path: Path) -> None:
    """After a call for tips the listener hears what the website's «Báo tin cho …» box says
    beside the numbers: a tip may be given without a name, and the informant is kept secret.
    It was never said on air. The emergency number stays the last thing said."""
    tag = tips_tag(project(tmp_path, FEEDBACK_KEYS))
    hours = "Giờ tiếp công dân: Thứ Hai đến thứ Sáu từ bảy giờ đến mười một giờ ba mươi phút."
    assert f"{hours} {PROMISE} Trường hợp khẩn cấp, xin gọi ngay số một một ba." in tag
    assert tag.endswith("xin gọi ngay số một một ba.")


def test_the_secrecy_the_unit_writes_is_read_and_an_empty_one_is_not(tmp_path: Path) -> None:
    own = CONTACT + 'secrecy = "Người báo tin được giữ bí mật tuyệt đối"\n'
    tag = tips_tag(project(tmp_path / "own", FEEDBACK_KEYS, contact=own))
    assert "ba mươi phút. Người báo tin được giữ bí mật tuyệt đối. Trường hợp khẩn cấp" in tag
    none = CONTACT + 'secrecy = ""\n'
    tag = tips_tag(project(tmp_path / "none", FEEDBACK_KEYS, contact=none))
    assert "ba mươi phút. Trường hợp khẩn cấp" in tag and "bí mật" not in tag


def test_the_closing_words_of_every_episode_do_not_read_the_secrecy(tmp_path: Path) -> None:
    """«outro»: the line closes every episode, whatever its items; the promise belongs beside a
    call for tips, and would lengthen each episode by some eight seconds."""
    said = closing(rendered(project(tmp_path, 'contact = "outro"\n'))[f"{WEEK}/script.txt"])
    assert "Có thể báo tin mà không nêu tên" not in said and "bí mật" not in said


def test_the_secrecy_counts_in_the_item_s_read_time(tmp_path: Path) -> None:
    """Read by the radio's own rules as the rest of the line, and timed with it."""
    silent = CONTACT + 'secrecy = ""\n'
    without = rows(project(tmp_path / "without", FEEDBACK_KEYS, contact=silent))
    root = project(tmp_path / "with", FEEDBACK_KEYS)
    row = next(r for s, r in rows(root).items() if s.startswith("KET-QUA-TIEP-NHAN"))
    was = next(r for s, r in without.items() if s.startswith("KET-QUA-TIEP-NHAN"))
    added = Speaker(config_module.load(root)).syllables(PROMISE)
    assert added > 30
    assert row["syllables"] == was["syllables"] + added


def test_a_secrecy_the_radio_cannot_read_keeps_the_line_off_and_names_the_key(
    tmp_path: Path,
) -> None:
    """An unknown abbreviation in the promise blocks the line as one in the address does, and
    the hint names [contact] secrecy among the values to look at."""
    contact = CONTACT + 'secrecy = "Mọi tin báo qua XQZW được giữ bí mật."\n'
    root = project(tmp_path, FEEDBACK_KEYS, contact=contact)
    assert tips_tag(root) == "LỜI KẾT TIN: Cảm ơn bà con đã tin tưởng."
    site = load_site(config_module.load(root), now=NOW)
    [warning] = [p for p in radio.check(site) if p.field == "[radio] contact"]
    assert "XQZW" in warning.message and "secrecy" in (warning.hint or "")


def test_off_by_default_so_an_upgrade_changes_no_episode(tmp_path: Path) -> None:
    """A unit with [contact] filled that writes no contact key gets the very files it got
    before, as with contact = "off"."""
    unset = rendered(project(tmp_path / "unset"))
    off = rendered(project(tmp_path / "off", 'contact = "off"\n'))
    assert unset == off
    assert not any(OPENS in text for text in unset.values())
    assert closing(unset[f"{WEEK}/script.txt"]) == OUTRO


@pytest.mark.parametrize(
    ("keys", "slug"),
    [
        ('contact = "outro"\n', "LOI-KET"),
        (
            'contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n',
            "KET-QUA-TIEP-NHAN",
        ),
    ],
)
def test_the_line_counts_in_the_read_time(tmp_path: Path, keys: str, slug: str) -> None:
    """The rundown's syllables, duration and the episode's length grow by the line read."""
    before = rows(project(tmp_path / "off"))
    root = project(tmp_path / "on", keys)
    after = rows(root)
    line = Speaker(config_module.load(root)).contact
    added = Speaker(config_module.load(root)).syllables(line)
    assert added > 50
    row = next(r for s, r in after.items() if s.startswith(slug))
    was = next(r for s, r in before.items() if s.startswith(slug))
    assert row["syllables"] == was["syllables"] + added
    assert row["seconds"] >= was["seconds"] + added * 60 // 240
    assert after[""]["trt_seconds"] - before[""]["trt_seconds"] == row["seconds"] - was["seconds"]


def told(tmp_path: Path, radio_keys: str, contact: str = CONTACT) -> list[Problem]:
    """The problems site.toml's check gives for these [radio] keys."""
    root = project(tmp_path, radio_keys, contact=contact)
    with pytest.raises(ConfigError) as caught:
        config_module.load(root)
    return list(caught.value.problems)


def line_of(root_text: str, start: str) -> int:
    """The 1-based line of site.toml starting with `start`."""
    return next(n for n, line in enumerate(root_text.splitlines(), 1) if line.startswith(start))


def test_a_bad_value_is_told_at_its_line_with_the_values_there_are(tmp_path: Path) -> None:
    """«cuối» is no place: the message names the file, the key and its line, and the hint
    writes each value there is."""
    [problem] = told(tmp_path, 'contact = "cuối"\n')
    text = (tmp_path / "project" / "site.toml").read_text(encoding="utf-8")
    assert (problem.file, problem.field) == ("site.toml", "[radio] contact")
    assert problem.line == line_of(text, "contact =")
    assert "«cuối»" in problem.message
    assert 'contact = "outro"' in hint_of(problem) and 'contact = "feedback"' in hint_of(problem)


def test_feedback_needs_categories_that_are_keys(tmp_path: Path) -> None:
    """«feedback» with no category reads the line nowhere; a label or a misspelt key written
    instead of a key is told at its line with the key it meant."""
    [empty] = told(tmp_path / "a", 'contact = "feedback"\n')
    assert empty.field == "[radio] contact" and "chưa ghi chuyên mục nào" in empty.message
    assert 'feedback_categories = ["tiep-nhan-phan-anh"]' in hint_of(empty)
    keys = 'contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh", "phan-anh", "Tình hình an ninh trật tự"]\n'
    problems = told(tmp_path / "b", keys)
    text = (tmp_path / "b" / "project" / "site.toml").read_text(encoding="utf-8")
    assert [p.field for p in problems] == ["[radio] feedback_categories"] * 2
    assert {p.line for p in problems} == {line_of(text, "feedback_categories")}
    misspelt, label = problems
    assert "«phan-anh»" in misspelt.message and '"tiep-nhan-phan-anh"?' in hint_of(misspelt)
    assert '"an-ninh-trat-tu"' in hint_of(label)


@pytest.mark.parametrize(
    ("categories", "example"),
    [
        # The unit's own call-for-tips category, by its label: not the first category.
        (
            '[categories.phong-trao]\nlabel = "Phong trào toàn dân"\n'
            '[categories.tin-bao-toi-pham]\nlabel = "Tin báo tố giác tội phạm"\n',
            'feedback_categories = ["tin-bao-toi-pham"]',
        ),
        # None calls for tips: no category is put forward as if it did.
        (
            '[categories.phong-trao]\nlabel = "Phong trào toàn dân"\n'
            '[categories.an-ninh]\nlabel = "An ninh trật tự"\n',
            'feedback_categories = ["…"]',
        ),
        # Words across words («cảnh báo tình» holds «bao tin») are no call for tips.
        (
            '[categories.canh-bao]\nlabel = "Cảnh báo tình hình tội phạm"\n'
            '[categories.tiep-nhan-tin-bao]\nlabel = "Tiếp nhận tin báo"\n',
            'feedback_categories = ["tiep-nhan-tin-bao"]',
        ),
        # Press news («tin báo chí») is no tip either, by label or by key.
        (
            '[categories.thong-tin-bao-chi]\nlabel = "Thông tin báo chí"\n'
            '[categories.to-giac]\nlabel = "Tố giác tội phạm"\n',
            'feedback_categories = ["to-giac"]',
        ),
        # Storm news («Tin bão») keeps its tone mark apart from «tin báo».
        (
            '[categories.phong-chong-thien-tai]\nlabel = "Tin bão, lũ"\n'
            '[categories.an-ninh]\nlabel = "An ninh trật tự"\n',
            'feedback_categories = ["…"]',
        ),
    ],
)
def test_feedback_without_categories_suggests_the_units_call_for_tips_category(
    tmp_path: Path, categories: str, example: str
) -> None:
    """The hint's example was the first category unless a key held «phan-anh» (the sample's):
    a unit whose call for tips is «tin-bao-toi-pham» was told feedback_categories =
    ["phong-trao-toan-dan"], the movement's news, to read the hotline after."""
    toml = (
        SITE_TOML.split("[categories.", 1)[0]
        + categories
        + CONTACT
        + '\n[radio]\ncontact = "feedback"\n'
    )
    root = make_project(tmp_path, {"site.toml": toml})
    with pytest.raises(ConfigError) as caught:
        config_module.load(root)
    [problem] = [p for p in caught.value.problems if p.field == "[radio] contact"]
    assert example in hint_of(problem)
    assert '"phong-trao"' not in hint_of(problem).split("feedback_categories = ", 1)[1][:20]


def test_a_feedback_key_missing_beside_a_label_not_text_is_told_not_a_crash(
    tmp_path: Path,
) -> None:
    """A label typed as a number (`label = 5`) and a feedback key that is no category: both
    told at their lines in one pass, not «Lỗi nội bộ» from looking up the key among labels."""
    toml = (
        SITE_TOML
        + "\n[categories.phong-chay]\nlabel = 5\n"
        + CONTACT
        + '\n[radio]\ncontact = "feedback"\nfeedback_categories = ["tin-bao"]\n'
    )
    root = make_project(tmp_path, {"site.toml": toml})
    with pytest.raises(ConfigError) as caught:
        config_module.load(root)
    fields = [p.field or "" for p in caught.value.problems]
    assert "[radio] feedback_categories" in fields
    assert "[categories.phong-chay] label" in fields, fields


def test_on_with_nothing_to_say_is_an_error(tmp_path: Path) -> None:
    """Turned on with neither a hotline nor an address, only 113 is left: told, not aired."""
    [problem] = told(tmp_path, 'contact = "outro"\n', contact="")
    assert problem.field == "[radio] contact" and "hotline" in hint_of(problem)


@pytest.mark.parametrize(
    "contact",
    [
        '\n[contact]\nhotline = "Zalo Công an huyện (trực 24/24)"\naddress = ""\n',
        '\n[contact]\nhotline = ""\naddress = " . "\n',
    ],
)
def test_a_hotline_without_a_number_or_an_empty_address_is_nothing_to_say(
    tmp_path: Path, contact: str
) -> None:
    """The line says the hotline's number and the address as a clause: a hotline with no
    number, or an address of only a stop, leaves it 113 alone, so the check tells it too."""
    problems = told(tmp_path, 'contact = "outro"\n', contact=contact)
    [problem] = [p for p in problems if p.field == "[radio] contact"]
    assert "hotline" in hint_of(problem)


def test_a_line_the_radio_cannot_read_is_left_out_and_told(tmp_path: Path) -> None:
    """An abbreviation the dictionary lacks in the address blocks the line, as it would block
    a bulletin: the closing words go without it, and the check says where to fix it."""
    contact = '\n[contact]\naddress = "Trụ sở CSĐTTP, thị trấn Cái Tàu Hạ"\n'
    root = project(tmp_path, 'contact = "outro"\n', contact=contact)
    assert closing(rendered(root)[f"{WEEK}/script.txt"]) == OUTRO
    site = load_site(config_module.load(root), now=NOW)
    [warning] = [p for p in radio.check(site) if p.field == "[radio] contact"]
    assert warning.file == "site.toml" and "CSĐTTP" in warning.message
    assert "[contact]" in (warning.hint or "")


@pytest.mark.parametrize(
    ("keys", "told_of"),
    [
        ('contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n', True),
        # The line is read in the closing words, never after this item: nothing missing here.
        ('contact = "outro"\n', False),
    ],
)
def test_speak_tells_a_line_it_cannot_read_as_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], keys: str, told_of: bool
) -> None:
    """`publish speak` of a call-for-tips bulletin showed its script without the contact line
    and no word why, where `publish check` warns of it: now the same warning, at its line of
    site.toml, with --flags, and a note on stderr with the script. Not a finding of the
    bulletin's: --strict still passes it, as the build airs the item without the line."""
    contact = '\n[contact]\naddress = "Trụ sở CSĐTTP, thị trấn Cái Tàu Hạ"\n'
    root = project(tmp_path, keys, contact=contact)
    site = load_site(config_module.load(root), now=NOW)
    [checked] = [p for p in radio.check(site) if p.field == "[radio] contact"]
    path = str(root / "content" / "phan-anh.md")
    assert main(["speak", "--root", str(root), "--strict", path]) == 0
    out, err = capsys.readouterr()
    assert OPENS not in out
    assert ("[radio] contact" in err and "--flags" in err) is told_of
    assert main(["speak", "--root", str(root), "--flags", path]) == 0
    out, _ = capsys.readouterr()
    line = line_of((root / "site.toml").read_text("utf-8"), 'contact = "')
    rendered_check = dataclasses.replace(checked, line=line).render()
    assert (rendered_check in out) is told_of
    assert ("CSĐTTP" in out) is told_of


@pytest.mark.parametrize(
    ("keys", "read"),
    [
        ('contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n', True),
        ('contact = "outro"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n', False),
    ],
)
def test_speak_reads_and_times_an_item_as_the_build_airs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], keys: str, read: bool
) -> None:
    """`publish speak` of a call-for-tips bulletin shows the closing words the build reads,
    the contact line behind the editor's own, and counts the syllables the rundown counts: the
    rehearsal missed the line the station reads. With «outro» the item has no such line."""
    root = project(tmp_path, keys)
    built = rendered(root)["items/phan-anh.txt"]
    [tag] = [line for line in built.splitlines() if line.startswith("LỜI KẾT TIN: ")]
    assert (OPENS in tag) is read
    row = next(r for s, r in rows(root).items() if s.startswith("KET-QUA-TIEP-NHAN"))
    path = root / "content" / "phan-anh.md"
    assert main(["speak", "--root", str(root), "--time", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip().split("\n\n")[-1] == tag
    assert f"{path}: {row['syllables']} âm tiết, ước tính " in err


@pytest.mark.parametrize("keys", ['contact = "outro"\n', 'contact = "off"\n', ""])
def test_feedback_categories_without_feedback_are_warned_of_at_their_line(
    tmp_path: Path, keys: str
) -> None:
    """A list of categories with contact not «feedback» was ignored without a word: the unit
    believed the line was read after those items. Warned at the list's line, with both fixes."""
    root = project(tmp_path, keys + 'feedback_categories = ["tiep-nhan-phan-anh"]\n')
    text = (root / "site.toml").read_text(encoding="utf-8")
    site = load_site(config_module.load(root), now=NOW)
    [problem] = [p for p in site.warnings if p.field == "[radio] feedback_categories"]
    assert problem.file == "site.toml" and problem.severity == "warning"
    assert problem.line == line_of(text, "feedback_categories")
    said = keys.split('"')[1] if keys else "off"
    assert f"nhưng contact là «{said}»" in problem.message
    assert 'contact = "feedback"' in (hint_of(problem) or "")
    assert "xóa dòng feedback_categories" in (hint_of(problem) or "")


def test_feedback_categories_with_feedback_are_not_warned_of(tmp_path: Path) -> None:
    """The list is used with «feedback»: nothing to warn of."""
    keys = 'contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n'
    site = load_site(config_module.load(project(tmp_path, keys)), now=NOW)
    assert not [p for p in site.warnings if p.field == "[radio] feedback_categories"]


def test_a_hotline_changed_while_a_build_runs_is_read_new_by_the_next_build(
    tmp_path: Path,
) -> None:
    """The radio keeps finished items under a salt of site.toml's bytes read when it opens its
    cache, after the build loaded the settings: a hotline saved in between is stored under the
    new file with the old line. The item's own key holds the contact line it ends with, so the
    next build reads the station the new number, not the one kept."""
    keys = 'contact = "feedback"\nfeedback_categories = ["tiep-nhan-phan-anh"]\n'
    root = project(tmp_path, keys)
    loaded = config_module.load(root)  # the settings of the build under way
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    assert text.count("0277 3610 113") == 1
    toml.write_text(text.replace("0277 3610 113", "0277 3610 114"), "utf-8")
    old = [a for a in radio.render(load_site(loaded, now=NOW)) if a.path == "items/phan-anh.txt"]
    assert "ba sáu một không, một một ba." in old[0].data.decode("utf-8-sig")
    tips = rendered(root)["items/phan-anh.txt"]
    assert "ba sáu một không, một một bốn." in tips
    assert "một một ba." not in tips.replace("xin gọi ngay số một một ba.", "")
