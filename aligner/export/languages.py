"""The language tags every export writes (TMX xml:lang and srclang, TBX langSec): one setting.

Default zh-CN and en-GB: the locale codes CAT tools (Trados, memoQ, OmegaT, Xbench) match
project languages with, Chinese as written in UN records (Simplified, mainland usage) and UN
English (British/Oxford spelling). BCP 47 script tags (zh-Hans, en) are a setting away:
VERBALIGN_ZH_TAG / VERBALIGN_EN_TAG in the environment (the server's settings read the same
variables), or --zh-tag / --en-tag on the export commands. Traditional Chinese forms, when they
are written as a language section of their own, are tagged zh-Hant: they are OpenCC's generic
Traditional conversion, not Taiwan or Hong Kong usage.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from aligner.errors import InputError

DEFAULT_ZH_TAG = "zh-CN"
DEFAULT_EN_TAG = "en-GB"
TRADITIONAL_TAG = "zh-Hant"
# A BCP 47 language tag: a primary language subtag and optional script/region/variant subtags.
_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class LanguageTags:
    zh: str = DEFAULT_ZH_TAG
    en: str = DEFAULT_EN_TAG
    traditional: str = TRADITIONAL_TAG

    def __post_init__(self) -> None:
        for lang in ("zh", "en"):
            tag = getattr(self, lang)
            if not _TAG.match(tag) or tag.split("-")[0].lower() != lang:
                raise InputError(
                    f"invalid {lang} language tag {tag!r}: expected a BCP 47 tag such as "
                    f"{DEFAULT_ZH_TAG if lang == 'zh' else DEFAULT_EN_TAG}"
                )

    def __getitem__(self, lang: str) -> str:
        """The tag of "zh" or "en"."""
        if lang not in ("zh", "en"):
            raise KeyError(lang)
        return str(getattr(self, lang))

    @classmethod
    def from_settings(cls, zh: str | None = None, en: str | None = None) -> LanguageTags:
        """Explicit values first, then VERBALIGN_ZH_TAG / VERBALIGN_EN_TAG, then the defaults."""
        return cls(
            zh=zh or os.environ.get("VERBALIGN_ZH_TAG") or DEFAULT_ZH_TAG,
            en=en or os.environ.get("VERBALIGN_EN_TAG") or DEFAULT_EN_TAG,
        )
