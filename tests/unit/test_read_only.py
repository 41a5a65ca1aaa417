"""Read-only all the way down (issue 9 item 3): reports, lexicons and tone lexicons cannot be changed."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import re
import types
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

import pytest

from framing.cleaning import load_boilerplate
from framing.clutter import load_clutter_cues
from framing.corpus import load_paths
from framing.evidence import load_evidence_thresholds, load_passage_rule
from framing.export import to_json
from framing.frames import load_fitted_weights, load_frame_scales
from framing.lexicon import (
    build_tone_lexicon,
    load_default_lexicon,
    load_lexicon,
    load_tone_lexicon,
    load_tone_rules,
    load_tone_topics,
    load_tone_valences,
    load_tone_weights,
)
from framing.pipeline import analyze_paths
from framing.segment import build_document
from framing.senses import load_default_rules
from framing.stopwords import ENGLISH_STOP_WORDS
from framing.types import CorpusReport, freeze

MUTABLE = (dict, list, set, bytearray)


#: Leaves: values that hold nothing mutable (compiled patterns and functions are immutable too).
LEAVES = (str, bytes, int, float, bool, type(None), re.Pattern, type, types.FunctionType, types.BuiltinFunctionType)


def _walk(value: object, path: str = "report") -> Iterator[tuple[str, object]]:
    """Yield (path, object) for every object reachable through fields, attributes, items and values."""
    yield path, value
    if isinstance(value, LEAVES):
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(key, f"{path}[{key!r}] (key)")
            yield from _walk(item, f"{path}[{key!r}]")
    elif isinstance(value, (tuple, list, set, frozenset)):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    else:  # a plain class (rules, cue sets): its instance attributes and slots
        names = [*getattr(value, "__dict__", {}),
                 *(slot for cls in type(value).__mro__ for slot in getattr(cls, "__slots__", ()) if isinstance(slot, str))]
        for name in dict.fromkeys(names):
            if hasattr(value, name) and not name.startswith("__"):
                yield from _walk(getattr(value, name), f"{path}.{name}")


@pytest.fixture(scope="module")
def report() -> CorpusReport:
    return analyze_paths(["data"])


def test_read_only_report_graph_holds_no_dict_list_or_set(report: CorpusReport) -> None:
    seen = list(_walk(report))
    mutable = [path for path, value in seen if isinstance(value, MUTABLE)]
    assert mutable == [], mutable[:10]
    # The walk really went down to the evidence and met the read-only mappings.
    assert len(seen) > 3_000
    assert any(isinstance(v, MappingProxyType) for _, v in seen)
    assert any(path.endswith(".evidence[0].term") for path, _ in seen)


#: Every cached loader of package data (issue 9 item 3: "also loaded lexicons"): a cached object is
#: shared by every later caller in the process, so a change to it would change their results.
LOADERS: dict[str, Callable[[], object]] = {
    "lexicon": load_default_lexicon,
    "user_lexicon": lambda: load_lexicon(None),
    "tone_lexicon": load_tone_lexicon,
    "built_tone_lexicon": lambda: build_tone_lexicon(opinion_weight=0.5, negation_weight=-1.0),
    "tone_rules": load_tone_rules,
    "tone_topics": load_tone_topics,
    "tone_valences": load_tone_valences,
    "tone_weights": load_tone_weights,
    "frame_scales": load_frame_scales,
    "fitted_weights": load_fitted_weights,
    "frame_rules": load_default_rules,
    "evidence_thresholds": load_evidence_thresholds,
    "passage_rule": load_passage_rule,
    "boilerplate": load_boilerplate,
    "clutter_cues": load_clutter_cues,
    "stop_words": lambda: ENGLISH_STOP_WORDS,
    "loaded_corpus": lambda: load_paths(["data"]),
    "document": lambda: build_document("Tariffs rose. Talks stalled.\n\nA new day."),
}


def _quote_rules() -> object:
    from framing.quote_rules import load_quote_rules

    return load_quote_rules()


def _naming_words() -> object:
    from framing.naming_aliases import load_naming_words

    return load_naming_words()


#: Were gaps of the foundation audit: ``QuoteRules.cues``, ``.speaker_terms``, ``.roles`` and
#: ``NamingWords.country_of`` and four more mappings were plain dicts.
LOADERS.update({"quote_rules": _quote_rules, "naming_words": _naming_words})


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_read_only_loaded_data_graph_holds_no_dict_list_or_set(name: str) -> None:
    seen = list(_walk(LOADERS[name](), name))
    assert [path for path, item in seen if isinstance(item, MUTABLE)] == []
    assert len(seen) > 1


def test_read_only_walk_looks_inside_plain_classes() -> None:
    class Rules:
        def __init__(self) -> None:
            self.table = {"a": 1}

    assert [path for path, item in _walk(Rules(), "rules") if isinstance(item, MUTABLE)] == ["rules.table"]


def test_read_only_tone_lexicon_valence_cannot_be_changed() -> None:
    tone = load_tone_lexicon()
    with pytest.raises(TypeError):
        tone.valences["good"] = -4  # type: ignore[index]
    assert load_tone_lexicon().valences["good"] > 0


def test_read_only_frame_scales_cannot_be_changed() -> None:
    scales, _ = load_frame_scales()
    with pytest.raises(TypeError):
        scales["trade"] = 100.0  # type: ignore[index]


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.articles[0].frame_scores.__setitem__("trade", 9.0),
        lambda r: r.articles[0].emphasis.__setitem__("trade", 9.0),
        lambda r: r.articles[0].sentences[0].frames.__setitem__("trade", 9.0),
        lambda r: r.outlets[0].frame_scores.__setitem__("trade", 9.0),
        lambda r: r.lexicon.__setitem__("name", "x"),
        lambda r: setattr(r.articles[0], "tone", 1.0),
        lambda r: r.articles[0].sentences.append(None),
    ],
    ids=["frame_scores", "emphasis", "sentence_frames", "outlet_scores", "lexicon", "field", "sentences"],
)
def test_read_only_report_refuses_changes(report: CorpusReport, change: object) -> None:
    with pytest.raises((TypeError, AttributeError, dataclasses.FrozenInstanceError)):
        change(report)  # type: ignore[operator]


def test_read_only_report_survives_pickle_and_deepcopy(report: CorpusReport) -> None:
    # st.cache_data and worker processes pickle reports; read-only mappings must come back read-only.
    for copied in (pickle.loads(pickle.dumps(report)), copy.deepcopy(report)):
        assert copied == report and to_json(copied) == to_json(report)
        assert isinstance(copied.articles[0].frame_scores, MappingProxyType)


def test_read_only_report_pickles_after_the_dashboard_worker_is_imported(report: CorpusReport) -> None:
    # Non-regression: ui/worker.py once registered a reducer naming the mappingproxy class, which
    # pickle cannot look up, so every report failed to pickle once the worker module was imported.
    import ui.worker  # noqa: F401

    assert pickle.loads(pickle.dumps(report)) == report


def test_freeze_converts_nested_containers_inside_frozen_dataclasses() -> None:
    @dataclasses.dataclass(frozen=True)
    class Holder:
        table: dict[str, list[int]]
        tags: set[str]

    frozen = freeze(Holder({"a": [1, 2]}, {"x"}))
    assert isinstance(frozen.table, MappingProxyType) and frozen.table["a"] == (1, 2)
    assert frozen.tags == frozenset({"x"})
    assert [p for p, v in _walk(frozen) if isinstance(v, MUTABLE)] == []


def test_freeze_keeps_read_only_tuples_and_still_freezes_what_hides_in_one() -> None:
    # The fast paths (a tuple of scalars, a tuple of one dataclass type whose fields are all
    # scalars) return the tuple itself; one list-holding item among them is still frozen.
    @dataclasses.dataclass(frozen=True, slots=True)
    class Item:
        name: str
        weight: object

    plain = (Item("a", 1.0), Item("b", 2))
    assert freeze(plain) is plain and freeze((1, "x", None)) is not None
    mixed = (Item("a", 1.0), Item("b", [1, {"k": [2]}]))
    frozen = freeze(mixed)
    assert frozen is mixed  # the items are frozen in place, so the tuple is the same
    assert frozen[1].weight == (1, MappingProxyType({"k": (2,)})) and isinstance(frozen[1].weight[1], MappingProxyType)
    nested = ((1, 2), ([3],), "s")
    assert freeze(nested) == ((1, 2), ((3,),), "s") and freeze(nested) is not nested
    assert freeze(((1, 2), ("a",))) == ((1, 2), ("a",))

    class Word(str):
        pass

    proxy = MappingProxyType({"a": Word("w"), "b": 1.5})
    assert freeze(proxy) is proxy  # scalars by subclass are scalars too
    assert [p for p, v in _walk(freeze({"t": (Item("c", {3}),)})) if isinstance(v, MUTABLE)] == []
