"""Language names in speaker notes (`（以法语发言）`, `(spoke in French)`) as ISO 639-1 codes."""

from __future__ import annotations

from aligner.ingest.normalize import simplified_view

# The six official languages first; the others occur when a delegation supplies its
# own interpretation ("spoke in German; English text provided by the delegation").
ZH_NAMES = {
    "中文": "zh",
    "汉语": "zh",
    "英语": "en",
    "法语": "fr",
    "西班牙语": "es",
    "俄语": "ru",
    "阿拉伯语": "ar",
    "德语": "de",
    "葡萄牙语": "pt",
    "意大利语": "it",
    "日语": "ja",
    "朝鲜语": "ko",
    "韩语": "ko",
    "土耳其语": "tr",
    "波斯语": "fa",
    "印地语": "hi",
    "斯瓦希里语": "sw",
    "印度尼西亚语": "id",
    "荷兰语": "nl",
    "乌克兰语": "uk",
    "波兰语": "pl",
    "希伯来语": "he",
    "马来语": "ms",
    "泰语": "th",
    "越南语": "vi",
}
EN_NAMES = {
    "chinese": "zh",
    "english": "en",
    "french": "fr",
    "spanish": "es",
    "russian": "ru",
    "arabic": "ar",
    "german": "de",
    "portuguese": "pt",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
    "turkish": "tr",
    "persian": "fa",
    "farsi": "fa",
    "hindi": "hi",
    "swahili": "sw",
    "indonesian": "id",
    "dutch": "nl",
    "ukrainian": "uk",
    "polish": "pl",
    "hebrew": "he",
    "malay": "ms",
    "thai": "th",
    "vietnamese": "vi",
}
UNDETERMINED = "und"


def language_code(name: str, lang: str) -> str:
    """ISO 639-1 code of a language named in a speaker note; "und" if unknown."""
    name = name.strip()
    if lang == "zh":
        name = simplified_view(name)  # 法語 is 法语
        if name in ZH_NAMES:
            return ZH_NAMES[name]
        return ZH_NAMES.get(name + "语", UNDETERMINED)
    return EN_NAMES.get(name.casefold(), UNDETERMINED)
