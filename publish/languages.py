"""The language of a bulletin or page written in another language than the site's (front
matter `lang: en`, read by publish.lang_field): what the website and the radio make of it.

Nghị định 42/2022/NĐ-CP asks an agency's site for some information in English: a unit adds an
«About us / Contact» page, a notice to foreign residents. WCAG 3.1.2 asks that text in another
language be marked so that a screen reader switches voice; read as Vietnamese, «hotline» and
«113» in an English paragraph are noise. Apart from the field's reader so that the renderers
do not import the front-matter readers.
"""

from __future__ import annotations

__all__ = [
    "AUTONYMS",
    "LOCALES",
    "MORE_IN",
    "RADIO_LANGUAGE",
    "autonym",
    "english",
    "more_in",
    "og_locale",
    "primary",
    "spoken",
]

RADIO_LANGUAGE = "vi"
"""The one language the radio reads (its numbers, abbreviations and voice are Vietnamese)."""

LOCALES = {
    "vi": "vi_VN",
    "en": "en_US",
    "fr": "fr_FR",
    "zh": "zh_CN",
    "ko": "ko_KR",
    "ja": "ja_JP",
    "km": "km_KH",
    "lo": "lo_LA",
    "th": "th_TH",
    "ru": "ru_RU",
    "de": "de_DE",
    "es": "es_ES",
}
"""og:locale (language_TERRITORY, as Facebook and Zalo read it) of a tag without a region."""

AUTONYMS = {
    "vi": "Tiếng Việt",
    "en": "English",
    "fr": "Français",
    "zh": "中文",
    "ko": "한국어",
    "ja": "日本語",
    "km": "ភាសាខ្មែរ",
    "lo": "ພາສາລາວ",
    "th": "ภาษาไทย",
    "ru": "Русский",
    "de": "Deutsch",
    "es": "Español",
}
"""Each language's name in itself: the website's link to the pages in a language is named so,
as portals do («English», not «Tiếng Anh»), since its reader may read no Vietnamese."""

MORE_IN = {
    "en": "More in English",
    "fr": "Plus en français",
    "de": "Mehr auf Deutsch",
    "es": "Más en español",
}
"""The heading, in the language itself, over the links from the first page of a language (the
footer's link) to its other pages; a language the table lacks gets the links without one."""


def spoken(lang: str) -> bool:
    """Whether text in `lang` ("" for the site's) can be read by the radio's Vietnamese voice."""
    return not lang or lang.split("-")[0].lower() == RADIO_LANGUAGE


def primary(lang: str) -> str:
    """A tag's language without its region or script ("en-US" → "en")."""
    return lang.split("-")[0].lower()


def more_in(lang: str) -> str:
    """The heading over the other pages in `lang` ("en-GB" → "More in English"), or "" for a
    language MORE_IN does not know."""
    return MORE_IN.get(primary(lang), "")


def autonym(lang: str) -> str:
    """The name of `lang` in itself ("en", "en-GB" → "English"), or "" for a language the table
    does not know."""
    return AUTONYMS.get(primary(lang), "")


def english(lang: str) -> bool:
    """Whether text in `lang` ("" for the site's, Vietnamese) is English ("en", "en-US")."""
    return lang.split("-")[0].lower() == "en"


def og_locale(lang: str, site_language: str) -> str:
    """og:locale for a page in `lang`, or ("") in the site's `site_language` ([site] language):
    "vi" → vi_VN, "en-GB" → en_GB. A site in another language than Vietnamese was shared as
    vi_VN on every page of its own language."""
    parts = (lang or site_language).replace("_", "-").split("-")
    region = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    language = parts[0].lower()
    return f"{language}_{region.upper()}" if region else LOCALES.get(language, language)
