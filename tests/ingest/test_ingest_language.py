"""Language detection: Chinese, English, or a clear refusal."""

from __future__ import annotations

import pytest

from aligner.errors import UnknownLanguageError
from aligner.ingest.language import detect_language


def test_chinese_with_document_symbols_is_chinese() -> None:
    assert detect_language("主席（以法语发言）：我邀请代表参加本次会议（S/2022/688）。") == "zh"


def test_english_is_english() -> None:
    text = "The President (spoke in French): I invite the representatives to participate."
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Le Président : j'invite les représentants des États à participer à la séance du Conseil.",
        "El Presidente: invito a los representantes de los Estados a participar en la sesión.",
        "Председатель: я приглашаю представителей принять участие в заседании Совета.",
        "議長：会議に参加するよう代表者を招待します。ありがとうございます。",
        "1234 5678 ---- //// 9999",
    ],
)
def test_other_languages_are_refused(text: str) -> None:
    with pytest.raises(UnknownLanguageError):
        detect_language(text)
