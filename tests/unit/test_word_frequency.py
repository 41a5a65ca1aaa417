"""framing.word_frequency: wordfreq's English figures from a cache file, equal to wordfreq's own."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import wordfreq

from framing import word_frequency as fw

#: Our own terms: plain, multi-word, hyphens, digits, apostrophes (straight and curly), accents, case,
#: abbreviations, empty and punctuation-only strings, unknown strings.
TERMS = ["trade", "tariff", "trade war", "free trade deal", "duty-free", "f-35", "g7", "g-20", "article 5",
         "section 232", "1,000", "2024", "people's", "people\u2019s", "can't", "détente", "côte d'ivoire",
         "communiqué", "u.s.", "u.k.", "Trade", "TRADE", "İstanbul", "naïve", "\ufb01ne", "x\u00b2", "", "  ",
         "---", "zzqxv", "zzqxv trade", "half-price 12.5%"]


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    fw._table.cache_clear()
    fw.word_frequency.cache_clear()
    fw.zipf_frequency.cache_clear()
    yield tmp_path / "cache"
    fw._table.cache_clear()
    fw.word_frequency.cache_clear()
    fw.zipf_frequency.cache_clear()


def _terms() -> list[str]:
    listed = [word for bucket in wordfreq.get_frequency_list("en") for word in bucket]
    return TERMS + random.Random(16).sample(listed, 5000)


def _check_all() -> None:
    for term in _terms():
        assert fw.word_frequency(term) == wordfreq.word_frequency(term, "en"), term
        assert fw.zipf_frequency(term, "en") == wordfreq.zipf_frequency(term, "en"), term


def test_built_then_read_from_the_cache_file_with_wordfreqs_figures(fresh_cache: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _check_all()  # built from wordfreq's list, cache file written
    assert fw._cache_path().parent == fresh_cache and fw._cache_path().is_file()
    fw._table.cache_clear()
    fw.word_frequency.cache_clear()
    fw.zipf_frequency.cache_clear()

    def no_build() -> fw._Table:
        raise AssertionError("built again although the cache file is there")

    monkeypatch.setattr(fw, "_build", no_build)
    _check_all()


def test_a_damaged_cache_file_is_rebuilt(fresh_cache: Path) -> None:
    fw.word_frequency("trade")
    path = fw._cache_path()
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    fw._table.cache_clear()
    fw.word_frequency.cache_clear()
    assert fw.word_frequency("tariff") == wordfreq.word_frequency("tariff", "en")
    assert path.read_bytes() == data


def test_an_unusable_cache_dir_still_gives_the_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(blocker))
    fw._table.cache_clear()
    fw.zipf_frequency.cache_clear()
    try:
        assert fw.zipf_frequency("minister") == wordfreq.zipf_frequency("minister", "en")
    finally:
        fw._table.cache_clear()
        fw.zipf_frequency.cache_clear()


def test_only_english() -> None:
    with pytest.raises(ValueError, match="only English"):
        fw.word_frequency("handel", "de")
