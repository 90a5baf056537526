"""House-style switches of the read-aloud normaliser (spec §8)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from publish.addresses import site_host
from publish.errors import PublishError

__all__ = ["RATE_LEAST", "RATE_MOST", "SpeakOptions", "site_hosts"]

RATE_LEAST, RATE_MOST = 60, 600
"""The read rates (syllables a minute) a timing may assume: [radio] rate_spm, --read-rate."""

_CHOICES = {
    "zero_tens_word": ("linh", "lẻ"),
    "four_after_tens": ("tư", "bốn"),
    "thousand_word": ("nghìn", "ngàn"),
    "plate_style": ("digits", "pairs"),
    "timing_model": ("simple", "detailed"),
    "tts_voice": ("vi", "vi-vn-x-central", "vi-vn-x-south"),
}


@dataclass(frozen=True, slots=True)
class SpeakOptions:
    """One station's reading conventions; defaults are the Northern/standard broadcast forms."""

    zero_tens_word: str = "linh"
    four_after_tens: str = "tư"
    thousand_word: str = "nghìn"
    day_prefix_mung: bool = False
    minutes_word: bool = True
    plate_style: str = "digits"
    url_spoken: str = ""
    read_rate_spm: int = 240
    timing_model: str = "simple"
    tts_voice: str = "vi"
    read_title: bool = False
    unit_name: str = ""
    """The unit's name ([unit] name), for the wording a message suggests; empty outside a project."""
    places: tuple[str, ...] = ()
    """The places site.toml names ([unit] name and area, [contact] address, its posts' names and
    addresses): a bulletin's last line naming one alone is read, never taken for the writer's
    name. In the options' digest, so an item cached before a post was added is read again."""
    lexicon_file: str = ""
    """The unit's abbreviation file as site.toml names it ([radio] abbreviations), for the hints
    that tell where to add a reading; empty when none is named."""
    site_hosts: tuple[str, ...] = ()
    """The hosts of the unit's website (`site_hosts`): `url_spoken` names that site, so only an
    address on one of them becomes it; empty outside a project, where every web address does."""
    unit_numbers: tuple[str, ...] = ()
    """The unit's own phone numbers as publish.pii_phones.unit_phone_numbers gives them: the
    website's check never tells one as private, so the script reads it unflagged
    (publish.render.radio.told_numbers); empty outside a project."""

    def __post_init__(self) -> None:
        """Reject values outside §8 with a message that lists the allowed ones."""
        for name, allowed in _CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise PublishError(
                    f"Tùy chọn đọc '{name}' = «{value}» không hợp lệ; "
                    f"chọn một trong: {', '.join(allowed)}."
                )
        if not RATE_LEAST <= self.read_rate_spm <= RATE_MOST:
            raise PublishError(
                f"Tốc độ đọc {self.read_rate_spm} âm tiết/phút không hợp lệ; cần số âm tiết mỗi "
                f"phút trong khoảng {RATE_LEAST}–{RATE_MOST} (thường là 210, 240 hoặc 270)."
            )


def site_hosts(addresses: Iterable[str]) -> tuple[str, ...]:
    """The hosts of the website's addresses (base_url, [site] old_base_urls), lower case and
    without «www.», as `SpeakOptions.site_hosts` compares them."""
    hosts = (urlsplit(address).hostname or "" for address in addresses)
    return tuple(sorted({site_host(host) for host in hosts if host}))
