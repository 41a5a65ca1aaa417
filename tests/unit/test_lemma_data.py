"""framing.lemma_data: simplemma's English dictionary from a cache file, with the same lemmas."""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma

from framing import lemma_data
from framing.lemma_data import SortedForms

#: Our own words: plain and inflected forms, capitalised, apostrophes, hyphens, unknown strings.
WORDS = ["tariffs", "negotiated", "talks", "ministers", "went", "better", "Geneva", "soybeans", "troops",
         "exports", "rising", "children", "don't", "country's", "cease-fire", "re-export", "zzqxv",
         "governments", "agreed", "said", "was", "data", "analyses", "mice", "feet", "Monday", "x", ""]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _fresh_lemmatizer() -> simplemma.Lemmatizer:
    return simplemma.Lemmatizer(lemmatization_strategy=simplemma.strategies.DefaultStrategy(
        dictionary_factory=lemma_data.CachedDictionaryFactory()))


def test_cache_file_is_written_then_read_and_lemmas_match_simplemma(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = {word: simplemma.lemmatize(word, lang="en") for word in WORDS if word}
    first = lemma_data.load_dictionary("en")  # decoded by simplemma, cache written
    assert lemma_data.cache_path("en").parent == cache and lemma_data.cache_path("en").is_file()

    def no_decoding(lang: str) -> dict[bytes, bytes]:
        raise AssertionError("decoded again although the cache file is there")

    monkeypatch.setattr(lemma_data._factory_module, "_load_dictionary_from_disk", no_decoding)
    second = lemma_data.load_dictionary("en")
    assert isinstance(second, SortedForms) and len(second) == len(first)
    lemmatizer = _fresh_lemmatizer()
    assert {word: lemmatizer.lemmatize(word, lang="en") for word in expected} == expected


def test_every_form_reads_back_as_simplemma_decodes_it(cache: Path) -> None:
    decoded = lemma_data._factory_module._load_dictionary_from_disk("en")
    lemma_data.load_dictionary("en")
    cached = lemma_data.load_dictionary("en")
    assert isinstance(cached, SortedForms)
    assert all(cached.get(form.decode()) == lemma.decode() for form, lemma in decoded.items())
    assert cached.get("zzqxv-not-a-form") is None and cached.get("zzqxv", "d") == "d"
    with pytest.raises(KeyError):
        cached["zzqxv"]


def test_a_damaged_cache_file_is_rebuilt(cache: Path) -> None:
    lemma_data.load_dictionary("en")
    path = lemma_data.cache_path("en")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # truncated: the lemma count no longer matches
    again = lemma_data.load_dictionary("en")
    assert not isinstance(again, SortedForms) and again.get("tariffs") == "tariff"
    assert path.read_bytes() == data  # written whole again


def test_an_unusable_cache_dir_only_costs_the_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(blocker))
    dictionary = lemma_data.load_dictionary("en")
    assert dictionary.get("negotiated") == "negotiate"
    assert blocker.read_text(encoding="utf-8") == "x"


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FRAMING_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lemma_data.cache_dir() == tmp_path / "framing-lens"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert lemma_data.cache_dir() == Path.home() / ".cache" / "framing-lens"
