"""The QA check interface and its registry.

A check is a small class with one hook, `check(view, ctx) -> list[Flag]`, and two optional
ones: `prepare_batch(views, ctx)`, run once over the whole batch (the semantic check learns
word associations from all pairs there), and `prepare(views, ctx)`, run on each chunk before
its pairs are checked (the semantic check embeds the chunk's texts there in one model call).
Checks register themselves by name with `@register_check`, so a caller can pick a subset
(`--checks number,date`) and a new check is one new module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from aligner.errors import InputError
from aligner.qa.flag import Flag
from aligner.qa.folding import fold

if TYPE_CHECKING:
    from aligner.qa.entities import EntityIndex

LANGS = ("zh", "en")


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


@dataclass
class PairView:
    """One (zh, en) pair under check, with a memo so extractors run once per pair."""

    id: str
    zh: str
    en: str
    original: str | None = None
    """Language the speaker used when it is zh or en; None when both sides are translations
    (the speaker used French, Russian, ...) or the direction is unknown."""
    role: str | None = None
    """The role of the turn the pair belongs to in a stored record ("procedure", "president",
    "member"...); None for free pairs."""
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def folded(self, lang: str) -> str:
        return self.memo(f"fold:{lang}", lambda: fold(self.text(lang), simplify=lang == "zh"))

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def source(self) -> str:
        """The side treated as the source: the original, or zh when the direction is unknown
        (free pairs are checked as zh -> en unless told otherwise)."""
        return self.original or "zh"

    @property
    def target(self) -> str:
        return other(self.source)

    def direction(self) -> dict[str, Any]:
        return {
            "original": self.original,
            "source": self.source,
            "target": self.target,
            "known": self.original is not None,
        }


@dataclass
class QAContext:
    """What the checks share across a batch: the glossary and the embedding model."""

    entities: EntityIndex | None = None
    embedder: Any = None
    """Anything with `.encode(list[str]) -> np.ndarray` of L2-normalised rows; None turns the
    semantic checks off."""
    scratch: dict[str, Any] = field(default_factory=dict)


class Check(ABC):
    name: ClassVar[str]
    description: ClassVar[str] = ""
    uses_embedder: ClassVar[bool] = False
    """Uses `ctx.embedder` when there is one (and falls back to cheaper evidence without)."""

    def prepare_batch(self, views: Sequence[PairView], ctx: QAContext) -> None:  # noqa: B027
        """Work over the whole batch, once, before any chunk is prepared (default: nothing):
        the semantic check learns word associations from all pairs here."""

    def prepare(self, views: Sequence[PairView], ctx: QAContext) -> None:  # noqa: B027
        """Chunk-level work before `check` runs on each pair of the chunk (default:
        nothing)."""

    @abstractmethod
    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        """The flags this check raises on one pair."""


_REGISTRY: dict[str, type[Check]] = {}
C = TypeVar("C", bound=type[Check])


def register_check(cls: C) -> C:
    _REGISTRY[cls.name] = cls
    return cls


def available_checks() -> dict[str, type[Check]]:
    import aligner.qa.checks  # noqa: F401  (imports every check module so they register)

    return dict(_REGISTRY)


def build_checks(names: Sequence[str] | None = None) -> list[Check]:
    """Instances of the named checks (all registered checks when `names` is None)."""
    registry = available_checks()
    if names is None:
        return [cls() for cls in registry.values()]
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise InputError(
            f"unknown QA check(s): {', '.join(unknown)}; known: {', '.join(sorted(registry))}"
        )
    return [registry[n]() for n in names]
