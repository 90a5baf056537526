"""Emergency numbers in a page or bulletin written in English (front matter `lang: en`) dial
where the English text says to call them («call 113», «Fire and rescue: 114»), as «gọi 113»
does in Vietnamese; a Vietnamese body never reads the English words."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from publish.render.web.phones import english_emergency_linker
from tests.web_fixture import build_site, copy_site

EMERGENCY = {number: f"tel:{number}" for number in ("113", "114", "115")}
REPO = Path(__file__).resolve().parents[1]


class Links(HTMLParser):
    """The tel: links of a page's article body (div.prose), as (href, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._depth = 0  # div nesting inside the prose, 0 outside it
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter the prose, or a link inside it."""
        found = {k: v or "" for k, v in attrs}
        if tag == "div" and (self._depth or "prose" in found.get("class", "").split()):
            self._depth += 1
        elif tag == "a" and self._depth and found.get("href", "").startswith("tel:"):
            self._href, self._text = found["href"], ""

    def handle_endtag(self, tag: str) -> None:
        """Leave a link or a div."""
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None
        elif tag == "div" and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        """A link's text."""
        if self._href is not None:
            self._text += data


def tel_links(html: str) -> list[tuple[str, str]]:
    """The (href, text) of each tel: link in the page's body."""
    parser = Links()
    parser.feed(html)
    return parser.links


def linked(html: str) -> list[str]:
    """The texts of `html`'s links once the English linker ran."""
    return [
        text
        for _, text in tel_links(
            f'<div class="prose">{english_emergency_linker(EMERGENCY)(html)}</div>'
        )
    ]


@pytest.mark.parametrize(
    ("body", "numbers"),
    [
        ("<li><strong>Emergency (police): call 113</strong>, free from any phone.</li>", ["113"]),
        ("<li>Fire and rescue: 114. Ambulance: 115.</li>", ["114", "115"]),
        ("<p>Hang up and call 113.</p>", ["113"]),
        ("<p>Call the police on 113 or 114 now.</p>", ["113", "114"]),
        ("<p>Dial 115 immediately.</p>", ["115"]),
        ("<p>Emergency: 113, 114, 115</p>", ["113", "114", "115"]),
        ("<p>In an emergency, call <strong>113</strong>.</p>", ["113"]),
        ("<p>Tell people in danger to call 113.</p>", ["113"]),
    ],
)
def test_a_number_english_says_to_call_is_linked(body: str, numbers: list[str]) -> None:
    """After call, dial, police, fire, rescue, ambulance, emergency, bold or not."""
    assert linked(body) == numbers


@pytest.mark.parametrize(
    "body",
    [
        "<p>Police handled 113 cases last month.</p>",
        "<p>Rescue teams saved 114 people; rescue 114 people.</p>",
        "<p>Reports to police: 113.</p>",
        "<p>The call 113 came at night.</p>",
        "<p>Call 113-120 people to the meeting.</p>",
        "<p>There were 113 calls.</p>",
        "<p>A fine of 113.000 VND; phone 113.000 VND.</p>",
    ],
)
def test_an_english_count_is_not_linked(body: str) -> None:
    """A count after the words or before them, a range, an amount: no line to call."""
    assert linked(body) == []


@pytest.mark.parametrize(
    ("body", "numbers"),
    [
        # A count word before «call» belongs to another phrase: call says to call.
        ("<p>To report a crime, call 113.</p>", ["113"]),
        ("<p>To report a fire, call 114 immediately.</p>", ["114"]),
        ("<p>If you received a scam call, call 113.</p>", ["113"]),
        ("<p>In case of an incident, call 113.</p>", ["113"]),
        ("<p>In total, three lines: call 113, 114 or 115.</p>", ["113", "114", "115"]),
        # A noun cue's count is read back to the comma only.
        ("<p>In total, police: 113.</p>", ["113"]),
        # to, in, at, for end the phrase.
        ("<p>Call 113 to report.</p>", ["113"]),
        ("<p>Call 115 to get an ambulance.</p>", ["115"]),
        ("<p>Call 113 in an emergency.</p>", ["113"]),
        ("<p>Call 113 at any time.</p>", ["113"]),
        # What each number is for, in brackets, inside the list.
        (
            "<p>call 113 (police), 114 (fire) or 115 (ambulance)</p>",
            ["113", "114", "115"],
        ),
        ("<p>Police – 113</p>", ["113"]),
        ("<p>The hotline 113 is free.</p>", ["113"]),
        # on/at after call: the line to call.
        ("<p>Call the police at 113.</p>", ["113"]),
        # A list split by slashes: each line before the next cue (review R5).
        ("<p>Police 113 / Fire 114 / Ambulance 115</p>", ["113", "114", "115"]),
        ("<p>Ambulance: 115 / Fire: 114</p>", ["115", "114"]),
    ],
)
def test_english_calls_read_past_counts_and_phrase_ends(body: str, numbers: list[str]) -> None:
    """Review R4: calls the English linker missed, each now dialling."""
    assert linked(body) == numbers


@pytest.mark.parametrize(
    "body",
    [
        # Addresses: a capital letter starts a street name, not a new phrase.
        "<p>Police at 113 Le Loi Street arrested him.</p>",
        "<p>The fire on 114 Tran Hung Dao street.</p>",
        "<p>Fire at 114 Hang Bac Street.</p>",
        "<p>Call the police at 113 Le Loi Street.</p>",
        "<p>Firefighters from Police 113 Station.</p>",
        # Amounts, years, comparisons, ranges.
        "<p>Emergency: 113 USD</p>",
        "<p>Police (2023): 113, up from 98.</p>",
        "<p>Police: 113, up from 98.</p>",
        "<p>Fire 114 / 2023</p>",
        "<p>Fire: 113 to 115 cases a year.</p>",
        "<p>Police: 113 in 2023.</p>",
        # Counts before a noun cue, in its phrase.
        "<p>Reports to police: 113.</p>",
        "<p>Number of calls to emergency: 113</p>",
    ],
)
def test_english_addresses_amounts_and_years_are_not_linked(body: str) -> None:
    """Review R4: numbers the English linker took for lines to call, left as text."""
    assert linked(body) == []


def test_the_english_page_dials_its_emergency_numbers(tmp_path: Path) -> None:
    """The sample project's «About us and contact (English)» page: «call 113» (twice), «Fire
    and rescue: 114», «Ambulance: 115» and its hotline dial; before, only the hotline did."""
    root = copy_site(tmp_path)
    page = (REPO / "content/pages/english.md").read_text(encoding="utf-8")
    (root / "content/pages/english.md").write_text(page, encoding="utf-8")
    links = tel_links(build_site(root).html("/english/"))
    numbers = [text for href, text in links if len(text) == 3]
    assert numbers == ["113", "114", "115", "113"]
    assert all(href == f"tel:{text}" for href, text in links if len(text) == 3)


def test_a_vietnamese_body_never_reads_english_cues(tmp_path: Path) -> None:
    """English words in a Vietnamese page («Ambulance: 115» quoted from a sign) do not link:
    the Vietnamese cues alone decide there, as before."""
    root = copy_site(tmp_path)
    (root / "content/pages/bien-bao.md").write_text(
        '---\ntitle: "Biển báo song ngữ"\nsummary: "Biển báo song ngữ ở bến xe."\n---\n\n'
        "Biển ghi «Ambulance: 115», «call 113 now».\n",
        encoding="utf-8",
    )
    assert tel_links(build_site(root).html("/bien-bao/")) == []


HOTLINE = '<a href="tel:02733850113">0273 3850 113</a>'
"""The fixture unit's hotline as the body's own-numbers linker left it, before English cues."""


@pytest.mark.parametrize(
    ("body", "numbers"),
    [
        (f"<p>Call the duty hotline {HOTLINE} or 113.</p>", ["113"]),
        (f"<li><strong>Duty hotline (24/7):</strong> {HOTLINE} or 113.</li>", ["113"]),
        (f"<p>Call the hotline <strong>{HOTLINE}</strong>, or 113 in an emergency.</p>", ["113"]),
        (f"<p>Call {HOTLINE} or 113, 114 or 115.</p>", ["113", "114", "115"]),
    ],
)
def test_an_emergency_number_offered_after_a_linked_number_is_linked(
    body: str, numbers: list[str]
) -> None:
    """«the duty hotline 0277 3610 113 or 113»: the hotline's link ended the text the cue is
    read in, so the 113 after it stayed text; it dials, as «… hoặc 113» does in Vietnamese."""
    assert linked(body) == ["0273 3850 113", *numbers]


@pytest.mark.parametrize(
    "body",
    [
        f"<p>The hotline {HOTLINE} and 113 cases were handled.</p>",
        f"<p>Hotline {HOTLINE} or 113 Le Loi Street.</p>",
        f"<p>Hotline {HOTLINE} or 113 to 115 cases.</p>",
        f"<p>Hotline {HOTLINE} or 113, up from 98.</p>",
    ],
)
def test_a_count_or_an_address_after_a_linked_number_is_not_linked(body: str) -> None:
    """After the link as after a cue: a count, an address, a range or a figure stays text."""
    assert linked(body) == ["0273 3850 113"]


def test_a_page_s_hotline_or_113_dials_both_in_english_only(tmp_path: Path) -> None:
    """Built: on a page in English «the duty hotline 0273 3850 113 or 113» dials both numbers;
    the same words on a Vietnamese page dial the hotline alone (no English cue read there)."""
    root = copy_site(tmp_path)
    for slug, lang in (("duty", "lang: en\n"), ("truc-ban", "")):
        (root / f"content/pages/{slug}.md").write_text(
            f'---\ntitle: "Duty"\nsummary: "Duty line."\n{lang}---\n\n'
            "Day or night, call the duty hotline 0273 3850 113 or 113.\n",
            encoding="utf-8",
        )
    built = build_site(root)
    assert tel_links(built.html("/duty/")) == [
        ("tel:02733850113", "0273 3850 113"),
        ("tel:113", "113"),
    ]
    assert tel_links(built.html("/truc-ban/")) == [("tel:02733850113", "0273 3850 113")]
