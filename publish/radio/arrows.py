"""Arrows between the steps of a sentence: the ways editors type one made one kind.

An arrow is read as a pause in P8 (publish.radio.punctuation), never «hơn» for its `>`; here,
right after P1, the ways editors type one (`= >`, `==>`, `- >=`, fullwidth `＝＞`) become `->`
before P4 reads `>`, `>=` as comparisons.
"""

from __future__ import annotations

import re

__all__ = ["STEP_ARROWS", "arrows_read"]

STEP_ARROWS = "→⇒⟶⟹⇨⇾⟾↦➔➙➛➜➝➞➟➠➡⮕⭢"
"""Arrows pointing on to the next step. Not `➢`, `➤`, `►`: bullets more often than arrows,
dropped as pictographs are."""
_TYPED_ARROW = re.compile(
    r"(?<![<>=!-])(?:-[^\S\n]*+>[^\S\n]*+=|-[^\S\n]*+=[^\S\n]*+>|=[^\S\n]++>|={2,}>|=>>++|＝＞|－＞)"
    r"(?![<>=])"
)
"""`- >=`, `->=`, `-=>`, `= >`, `==>`, `=>>`, `＝＞`: an arrow typed with a key too many or a space;
its `>=` was read «không dưới», its `=` left for Q2. `-->` stays for Q2 (R14.6), `<=>` as written."""


def arrows_read(text: str) -> str:
    """Typed arrows as `->`."""
    if ">" in text or "＞" in text:
        text = _TYPED_ARROW.sub("->", text)
    return text
