"""The spoken contact line: how a listener reaches the unit, built from site.toml [contact].

On the website every bulletin ends with a «Báo tin cho …» box; a listener without internet
(often an older citizen, for whom the radio is the only channel) heard none of it. [radio]
contact says where the line is read: in each episode's closing words ("outro"), after each item
of the categories that call for tips ("feedback"), or nowhere ("off", the default).

The line is written here with the numbers and the address as site.toml holds them («0277 3610
113», «Số 1 đường 30/4»), and read aloud by the same normaliser as every bulletin: a phone
number digit by digit in its groups, a date in a street name as a date, office hours as hours.
"""

from __future__ import annotations

from collections.abc import Sequence

from publish.config import Config, spoken_reach
from publish.contact_numbers import first_number
from publish.errors import Problem
from publish.radio.flags import Flag, lexicon_file, rule_note
from publish.text import spoken_clause

__all__ = ["ASKS", "contact_problems", "contact_text"]

ASKS = "Quý vị cần báo tin, tố giác tội phạm hay phản ánh về an ninh, trật tự"
"""What the line opens with: what a listener would call the unit for."""


def contact_text(config: Config) -> str:
    """The contact line as written, before it is read aloud: the hotline, the head office's
    address and hours, after a call for tips ([radio] contact = "feedback") the secrecy promised
    to an informant, the number for emergencies, each said when [contact] has it ("" when it
    has none of the ways to reach the unit)."""
    contact, unit = config.contact, config.unit.name
    hotline, address = spoken_reach(contact)
    sentences = []
    if hotline:
        sentences.append(f"{ASKS}, xin gọi đường dây nóng của {unit}, số {hotline}.")
        if address:
            sentences.append(f"Quý vị cũng có thể đến trụ sở {unit} tại {address}.")
    elif address:
        sentences.append(f"{ASKS}, xin đến trụ sở {unit} tại {address}.")
    if hours := spoken_clause(contact.hours):
        sentences.append(f"Giờ tiếp công dân: {hours}.")
    if config.radio.contact == "feedback" and (promise := spoken_clause(contact.secrecy)):
        # After a call for tips the listener weighing one asks first whether they must give
        # their name, as the website's «Báo tin cho …» box answers beside the numbers; in the
        # closing words of every episode it would lengthen each by some eight seconds.
        sentences.append(f"{promise}{'' if promise.endswith(('!', '?')) else '.'}")
    if emergency := first_number(contact.emergency):
        sentences.append(f"Trường hợp khẩn cấp, xin gọi ngay số {emergency}.")
    return " ".join(sentences)


def contact_problems(config: Config, stoppers: Sequence[Flag]) -> list[Problem]:
    """The site.toml warnings for a contact line its blocking findings `stoppers` keep off the
    air: what `publish check` and the build tell, and `publish speak` of an item it is missing
    from."""
    keys = "hotline, address, hours, secrecy, emergency"
    if config.radio.contact != "feedback":
        keys = keys.replace(" secrecy,", "")
    hint = (
        f"Lời liên hệ làm từ [contact] ({keys}): viết lại giá trị có chỗ đó cho dễ đọc thành "
        "tiếng (chữ viết tắt thì viết đủ, hoặc thêm vào "
        f'{lexicon_file(config.radio.abbreviations)}), hoặc tắt: contact = "off".'
    )
    return [
        Problem(
            "site.toml",
            f"{flag.message} — đoạn: «{flag.excerpt}». Tập phát thanh sẽ không có phần này. "
            + rule_note(flag.code),
            field="[radio] contact",
            hint=hint,
            severity="warning",
        )
        for flag in stoppers
    ]
