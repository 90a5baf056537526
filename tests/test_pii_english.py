"""Personal data written in English (an English bulletin, `lang: en`, which the radio no longer
reads) is told as the Vietnamese phrasing is: same kinds, masked values, Vietnamese messages,
and the same review."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.pii import findings
from tests.helpers import bulletin_md, install_fake_renderers, make_project

NOW = "2021-01-01T09:00"
HOTLINE = "02773610113"
PRIVATE_PHONE = "số điện thoại riêng của "

VICTIM = (
    "The victim, Mr Nguyen Van A, born 12/03/1985, passport C1234567, ID card 012345678901, "
    "phone 0912 345 678, lives at 12 Nguyen Hue street."
)


def kinds(text: str, year: int = 2020) -> list[tuple[int, str, str]]:
    """(line, kind, masked value) of every finding, the unit's hotline exempt."""
    return [
        (f.line, f.kind, f.value)
        for f in findings(text, year=year, unit_numbers=frozenset({HOTLINE}))
    ]


def test_a_victims_details_written_in_english_are_each_found_and_masked() -> None:
    assert sorted(kinds(VICTIM)) == sorted(
        [
            (0, "ngày sinh đầy đủ", "**/**/1985"),
            (0, "số hộ chiếu", "C*****67"),
            # 012… would be born in 2045: no CCCD alone, but after «ID card» it is one.
            (0, "số CCCD", "012*******01"),
            (0, "số điện thoại riêng của bị hại", "091*****78"),
            (0, "số nhà nơi ở của người dân", "số **"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Date of birth: 5 March 2012.", "ngày sinh đầy đủ của trẻ vị thành niên", "**/**/2012"),
        ("DOB March 12, 1985.", "ngày sinh đầy đủ", "**/**/1985"),
        ("The boy, born in 2012, was found.", "năm sinh của trẻ vị thành niên (8 tuổi)", "2012"),
        ("Citizen ID: 087 123 456 789", "số CCCD", "087*******89"),
        ("National ID no. 123456789", "số CMND", "123****89"),
        ("Passport no. B 1234567", "số hộ chiếu", "B*****67"),
        (
            "His wife, mobile 0987.654.321, was told.",
            "số điện thoại riêng của người nhà",
            "098*****21",
        ),
        ("Tel. 0912 345 670", "số điện thoại riêng của người dân", "091*****70"),
        ("She is residing at No. 45/3, Le Loi", "số nhà nơi ở của người dân", "số **/*"),
        ("Home address: 12A Tran Phu", "số nhà nơi ở của người dân", "số **A"),
        ("A car with licence plate 66A-123.45 hit him.", "biển số xe", "**A-***.45"),
        ("Plate no. 66-B1 234.56", "biển số xe", "**-B* ***.56"),
    ],
)
def test_each_kind_in_english_phrasing_is_found(text: str, kind: str, value: str) -> None:
    assert kinds(text) == [(0, kind, value)]


@pytest.mark.parametrize(
    "text",
    [
        "Emergency (police): call 113, free from any phone, 24 hours a day.",
        "Duty hotline: phone 0277 3610 113.",  # the unit's, from site.toml
        "If in doubt, call the police station, phone 0277 3610 999.",
        "The scammer used phone 0912 345 678 pretending to be a police officer.",
        "Officer Le Van B, phone 0912 345 678, handles complaints.",
        "Our office is at house no. 1, 30/4 Street.",
        "Foreign residents living in 2 communes of the district were visited.",
        "He was born in 1985 in Dong Thap.",  # an adult's birth year alone
        "The Zalo ID 123456789 belongs to the unit.",  # «ID» alone is no ID document
        "Order code C1234567 was paid.",  # no passport word: any code
        "Registration opens on 12/03/2021 for 200 participants.",
    ],
)
def test_numbers_published_on_purpose_in_english_are_not_flagged(text: str) -> None:
    assert kinds(text) == []


def english_bulletin(tmp_path: Path, **fields: str) -> Path:
    """A project with one approved English bulletin giving a victim's details on file line 12."""
    body = (
        "A foreign tourist's bag was stolen at Cai Tau Ha market on 6 December.\n\n" + VICTIM + "\n"
    )
    md = bulletin_md({"title": '"Bag theft at Cai Tau Ha market"', "lang": "en", **fields}, body)
    return make_project(tmp_path, {"content/a.md": md})


def test_an_english_bulletin_is_told_in_vietnamese_with_its_line_and_blocks_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = english_bulletin(tmp_path)
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 1
    err = capsys.readouterr().err
    line = (root / "content/a.md").read_text(encoding="utf-8").split("\n").index(VICTIM) + 1
    for told in (
        "ngày sinh đầy đủ «**/**/1985»",
        "số hộ chiếu «C*****67»",
        "số CCCD «012*******01»",
        "số điện thoại riêng của bị hại «091*****78»",
        "số nhà nơi ở của người dân «số **»",
    ):
        assert f"content/a.md:{line}: lỗi: có thể là dữ liệu cá nhân: {told}" in err
    assert 'pii_reviewed_by: "Họ tên người duyệt"' in err
    for secret in ("C1234567", "012345678901", "0912 345 678", "12/03/1985"):
        assert secret not in err


def test_a_reviewed_english_bulletin_passes_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = english_bulletin(tmp_path, pii_reviewed_by='"Đại úy Lê Văn G"')
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 0
    assert "Đã được Đại úy Lê Văn G xem xét" in capsys.readouterr().err


def test_the_sample_english_page_gives_no_personal_data_warning() -> None:
    page = Path(__file__).parents[1] / "content/pages/english.md"
    # Its hotline is the unit's (site.toml); its address an office's; 113 is too short.
    assert kinds(page.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "text",
    [
        # The Vietnamese words judged these numbers (one to call, an officer's): not again.
        "Mọi thông tin xin liên hệ Công an xã Tân Hòa, Tel: 0277 3888 999.",
        "Mọi thông tin xin liên hệ đồng chí Nguyễn Văn D, Mobile: 0912 345 678.",
        "Phản ánh sai phạm của cán bộ về đồng chí Nguyễn Văn D, Mobile: 0912 345 678.",
        # «đối tượng» alone is the caller for the Vietnamese rule (tests/test_pii_phones.py
        # has this sentence with «số điện thoại»): the English word does not make it private.
        "Bà C chuyển tiền cho đối tượng, phone 0912 345 678.",
        # «phone» the verb: a number to call.
        "Please phone 0912 345 678 to report.",
        "To report suspicious calls, phone 0912 345 678.",
        "For more information, phone 0913 456 789 (Lieutenant Tran Van B).",
        "If you see such a message, block the sender or phone 0913 456 789 at once.",
        # A scammer's phone seized is evidence, not a citizen's number (as «số … đăng ký tên
        # giả» is none for the Vietnamese rule).
        "Police seized 12 phones; the phone 0987654321 was registered to a fake name.",
    ],
)
def test_numbers_to_call_or_judged_in_vietnamese_are_not_flagged(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # «phone» the noun after a name or a role stays a person's number.
        ("Mr Nguyen Van A, phone 0912 345 678, was robbed.", "người dân"),
        ("The victim, phone 0912 345 678, was robbed.", "bị hại"),
        # Vietnamese words saying nothing of whose it is leave the English «Tel.» to judge.
        ("Người bị mất tài sản: Mr John Smith, Tel. 0912 345 678.", "người dân"),
        # A private person the Vietnamese words named: told once, as theirs.
        ("Bị hại là ông Nguyễn Văn Bình, trú ấp 3, Tel: 0912 345 678.", "bị hại"),
        # What was done with a number says whose it is only when the sentence names nobody
        # (review R5: these were taken for evidence, a scammer's SIM).
        ("The victim's mobile number 0912 345 678 was used by scammers.", "bị hại"),
        ("Ms Lan's phone 0912 345 678 was used to open a bank account.", "người dân"),
        # A time clause and its comma before the noun «phone»: no invitation to phone it.
        ("After the theft, phone 0912 345 678 of the victim was found.", "người dân"),
    ],
)
def test_a_persons_number_is_still_flagged_once(text: str, kind: str) -> None:
    assert kinds(text) == [(0, "số điện thoại riêng của " + kind, "091*****78")]


@pytest.mark.parametrize(
    "text",
    [
        # A rank or a police role before the name: an officer's number, given to be called.
        "Senior Lieutenant Tran Van C, mobile 0912 345 678",
        "Lieutenant Colonel Nguyen Van H, phone 0912 345 678, heads the task force.",
        "Sergeant Pham Van T of the traffic police, cell 0912 345 678",
        "Senior Lieutenant Đỗ Văn Ánh, mobile 0912 345 678",
        "- Senior Lieutenant Tran Van C, mobile 0912 345 678",
        "| Sergeant Pham Van T | Tel: 0912 345 678 |",
        # «Captain», «Major» are a ship's, a company's words too: with «police» in the phrase
        # (review R1; the same sentences without it are flagged below).
        "Police Captain Le Van B (phone 0912 345 678) received the report.",
        "Major Tran Van C of the district police, tel. 0912 345 678",
        # The title after a role is the officer's, not a citizen's «Mr».
        "The commune police chief, Mr Do Van G, phone 0912 345 678",
        "The Tan Hoa commune police chief, Mr Do Van G, phone 0912 345 678",
        "The deputy chief of the ward police, Mr Le Van D, mobile 0912 345 678",
        "The officer in charge, Ms Tran Thi E (phone 0912 345 678), receives complaints.",
        # A line holding only the number goes with the sentence before it: an invitation, a
        # unit, an officer.
        "Please contact the ward police. Phone: 0912 345 678",
        "Senior Lieutenant Tran Van C.\nPhone: 0912 345 678",
        "Mọi thông tin liên hệ Đội CSHS.\nTel: 0912 345 678",
        "Phòng PC02 Công an tỉnh Đồng Tháp.\nMobile: 0912 345 678",
        "Đội Cảnh sát hình sự\nTel: 0912 345 678",
    ],
)
def test_an_officers_or_units_number_in_english_is_not_flagged(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Beside the officers' exemption: private people stay private.
        ("The victim, Mr Nguyen Van A, mobile 0912 345 678", "bị hại"),
        ("His mother (phone 0912 345 678) reported it.", "người nhà"),
        ("Captain Le Van B questioned Mr Nguyen Van A, phone 0912 345 678.", "người dân"),
        ("The victim's son, Captain Le Van B, phone 0912 345 678, came too.", "người nhà"),
        ("The victim's son, Lieutenant Le Van B, phone 0912 345 678, came too.", "người nhà"),
        ("The victim, Mr Tran Van K, a retired colonel, phone 0912 345 678", "bị hại"),
        ("Mr Tran Van K, a former police officer, phone 0912 345 678", "người dân"),
        # Words that are ranks or roles elsewhere.
        ("The chief suspect, Mr Tran Van K, phone 0912 345 678", "người dân"),
        ("The boat's captain, Mr Tran Van K, phone 0912 345 678", "người dân"),
        ("Mr A suffered major injuries, phone 0912 345 678", "người dân"),
        # Without «police» in its phrase, an ambiguous rank is no officer's: «Captain Le Van B»
        # cannot be told from a fishing boat's «Captain Nam», «Major Tran Van C» from «General
        # Director Hung» (review R1; s73-enpii exempted the first two).
        ("Captain Le Van B (phone 0912 345 678) received the report.", "người dân"),
        ("Captain Nam (phone 0912 345 678) steered the boat back.", "người dân"),
        ("Major Tran Van C, tel. 0912 345 678", "người dân"),
        ("General Director Hung, phone 0912 345 678", "người dân"),
        ("Chief Accountant Thu, phone 0912 345 678", "người dân"),
        ("The deputy chief, Mr Le, phone 0912 345 678", "người dân"),
        # A retired officer, across a word; a rank after a verb: not the officer's phrase.
        ("Mr Hung, an ex-army captain, phone 0912 345 678", "người dân"),
        (
            "Mr Nguyen Van A reported to the ward police chief, Mr Do, phone 0912 345 678",
            "người dân",
        ),
        # A word after a title is the name: «Mr Son» is no son.
        ("Mr Son, phone 0912 345 678", "người dân"),
        # The sentence before names a private person, or a blank line parts them.
        ("The victim is Mr Nguyen Van A.\nPhone: 0912 345 678", "bị hại"),
        ("Bị hại là ông Nguyễn Văn Bình.\nTel: 0912 345 678", "bị hại"),
        # A private person named beside a unit: the line may be hers.
        ("Bà C báo Công an xã.\nTel: 0912 345 678", "người dân"),
        ("Contact the police if you see him. The victim, Mr A, phone 0912 345 678", "bị hại"),
        ("Please contact the ward police.\n\nPhone: 0912 345 678", "người dân"),
    ],
)
def test_a_private_persons_number_beside_an_officer_is_still_flagged(text: str, kind: str) -> None:
    assert kinds(text) == [(text.count("\n"), "số điện thoại riêng của " + kind, "091*****78")]


@pytest.mark.parametrize(
    "text",
    [
        # Review R1, 1: a rank or police role not right before the phone word (but for the
        # officer's name, unit and title) names someone else, or no officer.
        "The victim told the investigator her phone 0912 345 678.",
        "Lieutenant Le arrested the suspect Nguyen Van T, phone 0912 345 678.",
        "Mr Son told Sergeant Hai his phone number 0912 345 678.",
        "Ms Linh, daughter of Colonel Tran Van C, phone 0912 345 678.",
        "The man, a sergeant's neighbour, phone 0912 345 678.",
        "The victim, Mr Hung, a retired army captain, phone 0912 345 678.",
        "Mr Hung, a retired army colonel, phone 0912 345 678.",
        # Review R1, 2: company and civilian titles are no ranks.
        "Ms Thu, Chief Accountant of Company X, phone 0912 345 678.",
        "Mr Hung, Chief Executive of ABC Ltd, phone 0912 345 678.",
        "Mr Hung, General Director of ABC Ltd, phone 0912 345 678.",
        "Ms Thu, Deputy Head of the school, phone 0912 345 678.",
        "Mr Hung, captain of the Hoa Binh football club, phone 0912 345 678.",
        "Mr Hung (Chief of Staff at ABC), phone 0912 345 678.",
        "Mr Ba, chief of Hamlet 3, phone 0912 345 678.",
        "The village chief, Mr Ba, phone 0912 345 678.",
        "Captain Nam of the fishing boat BV-1234, phone 0912 345 678.",
        "A bank officer, Ms Thu, phone 0912 345 678.",
        # Review R1, 3: the sentence before is read only for a line holding the number alone,
        # and not when it names a private person.
        "Mrs Hoa, the victim, told Captain Le Van B. Her phone 0912 345 678.",
        "Mrs Lan said the police chief, Mr Do, arrived. Her phone 0912 345 678.",
        "The student was robbed near the police station. Phone: 0912 345 678",
        "Mr Ba, head of the family, told the investigator. Phone: 0912 345 678",
    ],
)
def test_a_private_persons_number_near_a_rank_or_role_is_flagged(text: str) -> None:
    assert [(line, kind.startswith(PRIVATE_PHONE), value) for line, kind, value in kinds(text)] == [
        (0, True, "091*****78")
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Review R6, 1: a «Phone:» line after a sentence that is neither an invitation nor only
        # a unit's or officer's name is whoever's that sentence speaks of.
        ("He went to the police station. Phone: 0912 345 678", "người dân"),
        ("Ms Hoa's wallet was stolen.\nShe told the police.\nPhone: 0912 345 678", "người dân"),
        (
            "An elderly woman lost 300 million dong. She reported to Tan Hoa Ward Police. "
            "Phone: 0912 345 678",
            "người dân",
        ),
        (
            "Dang Thi Hong Nhung, 34, Ward 5 Police received her report. Tel: 0912 345 678",
            "người dân",
        ),
        ("Tran Van K, 45, called the police. Phone: 0912 345 678", "người dân"),
        (
            "The boy went missing after school; the police were told. Phone: 0912 345 678",
            "người dân",
        ),
        ("He told her to call the police. Phone: 0912 345 678", "người dân"),
        ("The scammer called her. Phone: 0912 345 678", "người dân"),
        ("Anh ấy đã báo cho Công an xã.\nTel: 0912 345 678", "người dân"),
        ("Mr A\nTan Hoa Ward Police\nPhone: 0912 345 678", "người dân"),
        ("Victim: Mr A\nAddress: 12 Le Loi\nPhone: 0912 345 678", "bị hại"),
        ("Tan Hoa Ward Police\n\nAddress: 1 Le Loi\nPhone: 0912 345 678", "người dân"),
        # Review R6, 3: every separator between a private role and a rank is the same person.
        ("The victim's son: Lieutenant Le Van B, phone 0912 345 678", "người nhà"),
        ("The victim's son; Lieutenant Le Van B, phone 0912 345 678", "người nhà"),
        ("The victim's son — Lieutenant Le Van B, phone 0912 345 678", "người nhà"),
        ("| Victim | Sergeant Le Van B | phone 0912 345 678 |", "bị hại"),
        ("Victim: Sergeant Nguyen Van A, phone 0912 345 678", "bị hại"),
        ("Her son, a lieutenant, phone 0912 345 678", "người nhà"),
        ("The suspect, Police Sergeant Nguyen Van T, phone 0912 345 678", "người dân"),
        ("The victim, a police officer, phone 0912 345 678", "bị hại"),
        ("Her husband, a police officer, phone 0912 345 678", "người nhà"),
        # Review R6, 4: a title written in title case or capitals is no officer's name.
        ("Ms Lan, Investigator Of Bao Viet Insurance, phone 0912 345 678", "người dân"),
        ("MR HUNG, INVESTIGATOR AT BAO VIET INSURANCE, PHONE 0912 345 678", "người dân"),
        ("Mr Hung, Sergeant In The Army Reserve, phone 0912 345 678", "người dân"),
        ("MS LAN, TAN HOA WARD POLICE, PHONE 0912 345 678", "người dân"),
        # A unit's word names the unit only heading its clause, and not after a private person.
        ("The victim, Ms Lan, an office worker, phone 0912 345 678", "bị hại"),
        ("Ms Lan, a victim of the scam, phone 0912 345 678", "bị hại"),
        ("Bank officer Nguyen Thi Thu, phone 0912 345 678", "người dân"),
        ("Mr A, a cleaner at the police station, phone 0912 345 678", "người dân"),
        ("Mr Hung, a retired colonel of the provincial police, phone 0912 345 678", "người dân"),
        ("Nguyen Van T, a former sergeant of the district police, phone 0912 345 678", "người dân"),
        (
            "Mrs Lan, wife of Lieutenant Le Van B of the ward police, phone 0912 345 678",
            "người nhà",
        ),
        (
            "Mr Nguyen Van T, who was arrested by Captain Le Van B of the district police, "
            "phone 0912 345 678",
            "người dân",
        ),
        ("Nguyen Van A went to the police station, phone 0912 345 678", "người dân"),
        ("The victim works at the police station, phone 0912 345 678", "bị hại"),
        ("Ms Lan's office, phone 0912 345 678", "người dân"),
        ("Tan Hoa Ward Police: Mr A, phone 0912 345 678", "người dân"),
        ("| Mr A | Tan Hoa Ward Police | phone 0912 345 678 |", "người dân"),
        ("Mr A, Tan Hoa Ward Police, phone 0912 345 678", "người dân"),
    ],
)
def test_a_private_persons_number_the_officers_exemption_let_through_is_flagged(
    text: str, kind: str
) -> None:
    assert kinds(text) == [(text.count("\n"), "số điện thoại riêng của " + kind, "091*****78")]


@pytest.mark.parametrize(
    "text",
    [
        # A «Phone:» line under a unit's or an officer's name alone, a heading or a sign-off.
        "Tan Hoa Ward Police.\nPhone: 0912 345 678",
        "Tan Hoa Ward Police\nAddress: 12 Le Loi\nEmail: cax@example.vn\nPhone: 0912 345 678",
        "Lieutenant Nguyen Van Hung\nTan Hoa Ward Police\nPhone: 0912 345 678",
        "Lieutenant Nguyen Van Hung\nMobile: 0912 345 678",
        "Đội Cảnh sát hình sự Công an huyện.\nTel: 0912 345 678",
        "Thượng úy Trần Văn C, Công an xã Tân Hòa.\nTel: 0912 345 678",
        # A unit's name heading its clause; an officer's name with a middle name in small
        # letters, or a colon before the phone word.
        "The Tan Hoa Ward Police, phone 0912 345 678",
        "Traffic Police Team of Chau Thanh District, tel. 0912 345 678",
        "The People's Committee of Tan Hoa commune, phone 0912 345 678",
        "- Lieutenant Nguyen Van Hung: phone 0912 345 678",
        "Senior Lieutenant Nguyen van Hung, phone 0912 345 678",
    ],
)
def test_a_units_or_officers_name_alone_still_gives_their_number(text: str) -> None:
    assert kinds(text) == []
