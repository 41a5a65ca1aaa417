"""A step count for regular expressions, where Python's ``re`` gives none.

The tests that guard the cleaning rules against quadratic regexes share this helper. Python's engine
(sre) is a backtracking matcher: a search tries each start position in turn, a greedy repeat takes all
it can and gives back one character at a time, a lazy one takes one more at a time, a possessive one
never gives back, alternatives are tried in order, a look-behind matches its fixed width backwards.
:func:`steps` replays a call that way on the pattern's own parse tree (``re._parser``) and counts one
step per character tested, per position given back or taken and per start position tried: the work
sre does up to a constant factor (its shortcuts, a literal prefix search or a length check, skip
only start positions that fail at once), and a count that grows with the square of the input where the
real engine takes time that does. The replay must find what ``re`` found, call for call, so a part of
the engine it got wrong shows as an error rather than as a wrong count.

:func:`recording` swaps every compiled pattern a module holds for one that notes its calls, so a test
runs the real code (``clean_text``) and then counts the work of each call it made.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

import pytest

Continuation = Callable[[int], "int | None"]
Node = Callable[[int, Continuation], "int | None"]


class OverBudget(Exception):
    """The replay took more steps than it was allowed (a quadratic pattern on a long input)."""


@dataclass
class _State:
    text: str = ""
    end: int = 0
    steps: int = 0
    budget: int = 0

    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > self.budget:
            raise OverBudget(self.steps)


_ASCII_SPACE = " \t\n\r\f\v"


def _category(code: Any, ascii_only: bool) -> Callable[[str], bool]:
    name = str(code)
    negated = "_NOT_" in name
    if name.endswith("DIGIT"):
        base: Callable[[str], bool] = (lambda ch: "0" <= ch <= "9") if ascii_only else str.isdecimal
    elif name.endswith("SPACE"):
        base = (lambda ch: ch in _ASCII_SPACE) if ascii_only else str.isspace
    elif name.endswith("WORD"):
        base = (lambda ch: ch.isascii() and (ch.isalnum() or ch == "_")) if ascii_only else (
            lambda ch: ch.isalnum() or ch == "_")
    else:
        raise NotImplementedError(name)
    return (lambda ch: not base(ch)) if negated else base


def _variants(ch: str, ignore_case: bool) -> tuple[str, ...]:
    if not ignore_case:
        return (ch,)
    return tuple({ch, ch.lower(), ch.upper()})


def _predicate(op: Any, av: Any, flags: int) -> Callable[[str], bool]:
    """The test one character must pass for a one-character node."""
    ignore_case = bool(flags & re.IGNORECASE)
    ascii_only = bool(flags & re.ASCII)
    if op is c.LITERAL or op is c.NOT_LITERAL:
        wanted = set(_variants(chr(av), ignore_case))
        if op is c.LITERAL:
            return lambda ch: any(v in wanted for v in _variants(ch, ignore_case))
        return lambda ch: not any(v in wanted for v in _variants(ch, ignore_case))
    if op is c.ANY:
        return (lambda ch: True) if flags & re.DOTALL else (lambda ch: ch != "\n")
    if op is c.IN:
        negate = False
        tests: list[Callable[[str], bool]] = []
        for item_op, item_av in av:
            if item_op is c.NEGATE:
                negate = True
            elif item_op is c.LITERAL:
                tests.append(lambda ch, code=item_av: ord(ch) == code)  # type: ignore[misc]
            elif item_op is c.RANGE:
                tests.append(lambda ch, lo=item_av[0], hi=item_av[1]: lo <= ord(ch) <= hi)  # type: ignore[misc]
            elif item_op is c.CATEGORY:
                tests.append(_category(item_av, ascii_only))
            else:
                raise NotImplementedError(item_op)

        def inside(ch: str) -> bool:
            found = any(t(v) for v in _variants(ch, ignore_case) for t in tests)
            return found is not negate

        return inside
    raise NotImplementedError(op)


_ONE_CHARACTER = {c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN}


def _compile(data: Any, flags: int, s: _State) -> Node:
    """One matcher for a sequence of parse nodes: ``node(pos, k)`` is ``k``'s value at the first end that works."""
    nodes = [_node(op, av, flags, s) for op, av in data]

    def chain(i: int) -> Node:
        if i == len(nodes):
            return lambda pos, k: k(pos)
        first, rest = nodes[i], chain(i + 1)
        if i == len(nodes) - 1:
            return first
        return lambda pos, k: first(pos, lambda p: rest(p, k))

    return chain(0)


def _node(op: Any, av: Any, flags: int, s: _State) -> Node:
    if op in _ONE_CHARACTER:
        test = _predicate(op, av, flags)

        def one(pos: int, k: Continuation) -> int | None:
            s.step()
            if pos < s.end and test(s.text[pos]):
                return k(pos + 1)
            return None

        return one
    if op is c.SUBPATTERN:
        _group, add, remove, sub = av
        return _compile(sub, (flags | add) & ~remove, s)
    if op is c.BRANCH:
        alternatives = [_compile(alt, flags, s) for alt in av[1]]

        def branch(pos: int, k: Continuation) -> int | None:
            for alternative in alternatives:
                s.step()
                found = alternative(pos, k)
                if found is not None:
                    return found
            return None

        return branch
    if op is c.ATOMIC_GROUP:
        inner = _compile(av, flags, s)
        return lambda pos, k: None if (e := inner(pos, lambda p: p)) is None else k(e)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _repeat(op, av, flags, s)
    if op in (c.ASSERT, c.ASSERT_NOT):
        return _assertion(op is c.ASSERT, av, flags, s)
    if op is c.AT:
        return _at(av, flags, s)
    raise NotImplementedError(op)


def _repeat(op: Any, av: Any, flags: int, s: _State) -> Node:
    lo, hi, item = av
    if len(item.data) == 1 and item.data[0][0] in _ONE_CHARACTER:  # sre's REPEAT_ONE: a run of characters
        item_op, item_av = item.data[0]
        test = _predicate(item_op, item_av, flags)

        def run(pos: int, most: int) -> int:
            """How many characters from ``pos`` pass, at most ``most`` (one step per character tested)."""
            n = 0
            while n < most and pos + n < s.end:
                s.step()
                if not test(s.text[pos + n]):
                    return n
                n += 1
            s.step()
            return n

        if op is c.MAX_REPEAT:
            def greedy(pos: int, k: Continuation) -> int | None:
                n = run(pos, hi)
                for taken in range(n, lo - 1, -1):  # given back one at a time
                    s.step()
                    found = k(pos + taken)
                    if found is not None:
                        return found
                return None

            return greedy
        if op is c.POSSESSIVE_REPEAT:
            def possessive(pos: int, k: Continuation) -> int | None:
                n = run(pos, hi)
                return k(pos + n) if n >= lo else None

            return possessive

        def lazy(pos: int, k: Continuation) -> int | None:
            if run(pos, lo) < lo:
                return None
            taken = lo
            while True:  # taken one more at a time
                s.step()
                found = k(pos + taken)
                if found is not None:
                    return found
                if taken >= hi or run(pos + taken, 1) < 1:
                    return None
                taken += 1

        return lazy

    inner = _compile(item.data, flags, s)
    if op is c.MIN_REPEAT:
        def lazy_group(pos: int, k: Continuation, count: int = 0) -> int | None:
            s.step()
            if count >= lo:
                found = k(pos)
                if found is not None:
                    return found
            if count >= hi:
                return None
            return inner(pos, lambda p: None if p == pos and count >= lo else lazy_group(p, k, count + 1))

        return lazy_group

    def greedy_group(pos: int, k: Continuation, count: int = 0) -> int | None:
        s.step()
        if count < hi:
            found = inner(pos, lambda p: k(p) if p == pos else greedy_group(p, k, count + 1))
            if found is not None:
                return found
        return k(pos) if count >= lo else None

    if op is c.MAX_REPEAT:
        return greedy_group
    return lambda pos, k: None if (e := greedy_group(pos, lambda p: p)) is None else k(e)


def _assertion(positive: bool, av: Any, flags: int, s: _State) -> Node:
    direction, sub = av
    inner = _compile(sub.data, flags, s)
    if direction == 1:
        def holds(pos: int) -> bool:
            return inner(pos, lambda p: p) is not None
    else:
        lo, hi = sub.getwidth()
        if lo != hi:
            raise NotImplementedError("look-behind of varying width")

        def holds(pos: int) -> bool:
            return pos - lo >= 0 and inner(pos - lo, lambda p: p if p == pos else None) is not None

    return lambda pos, k: k(pos) if holds(pos) is positive else None


def _at(code: Any, flags: int, s: _State) -> Node:
    multiline = bool(flags & re.MULTILINE)
    ascii_only = bool(flags & re.ASCII)
    word = _category(c.CATEGORY_WORD, ascii_only)

    def is_word(pos: int) -> bool:
        return 0 <= pos < s.end and word(s.text[pos])

    if code is c.AT_BEGINNING:
        def at(pos: int) -> bool:
            return pos == 0 or (multiline and s.text[pos - 1] == "\n")
    elif code is c.AT_BEGINNING_STRING:
        def at(pos: int) -> bool:
            return pos == 0
    elif code is c.AT_END:
        def at(pos: int) -> bool:
            if multiline:
                return pos == s.end or s.text[pos] == "\n"
            return pos == s.end or (pos == s.end - 1 and s.text[pos] == "\n")
    elif code is c.AT_END_STRING:
        def at(pos: int) -> bool:
            return pos == s.end
    elif code is c.AT_BOUNDARY:
        def at(pos: int) -> bool:
            return is_word(pos - 1) != is_word(pos)
    elif code is c.AT_NON_BOUNDARY:
        def at(pos: int) -> bool:
            return is_word(pos - 1) == is_word(pos)
    else:
        raise NotImplementedError(code)

    def anchor(pos: int, k: Continuation) -> int | None:
        s.step()
        return k(pos) if at(pos) else None

    return anchor


@dataclass
class Call:
    """One call a module made on one of its patterns, and the spans ``re`` found."""

    pattern: re.Pattern[str]
    method: str
    text: str
    pos: int
    endpos: int
    limit: int  # most matches wanted (0: all), for sub, subn, split
    spans: list[tuple[int, int]] = field(default_factory=list)
    exhausted: bool = True  # whether the caller read the matches to the end (finditer may stop early)


def _matches(root: Node, s: _State, call: Call) -> Iterator[tuple[int, int]]:
    """The spans a search from ``call.pos`` finds one after the other, as sre finds them."""
    start, must_advance, found = call.pos, False, 0
    while start <= s.end:
        span = None
        for at in range(start, s.end + 1):
            s.step()
            forbid_empty = must_advance and at == start

            def done(p: int, at: int = at, forbid_empty: bool = forbid_empty) -> int | None:
                if forbid_empty and p == at:
                    return None
                if call.method == "fullmatch" and p != s.end:
                    return None
                return p

            end = root(at, done)
            if end is not None:
                span = (at, end)
                break
            if call.method in ("match", "fullmatch"):
                break
        if span is None:
            return
        yield span
        found += 1
        if call.method in ("search", "match", "fullmatch") or (call.limit and found >= call.limit):
            return
        start, must_advance = span[1], span[0] == span[1]


def steps(call: Call, *, budget: int = 10**8) -> int:
    """The steps a backtracking matcher takes for ``call``; checks that it finds what ``re`` found.

    Raises :class:`OverBudget` past ``budget`` steps.
    """
    parsed = _parser.parse(call.pattern.pattern, call.pattern.flags)
    s = _State(text=call.text, end=call.endpos, budget=budget)
    root = _compile(parsed.data, parsed.state.flags, s)
    spans: list[tuple[int, int]] = []
    wanted = len(call.spans) if not call.exhausted else None
    for span in _matches(root, s, call):
        spans.append(span)
        if wanted is not None and len(spans) == wanted:
            break
    assert spans == call.spans, (call.pattern.pattern, call.method, spans[:5], call.spans[:5])
    return s.steps


class _Recorder:
    """Stands in for a compiled pattern and notes each call with the spans it found."""

    def __init__(self, pattern: re.Pattern[str], calls: list[Call]) -> None:
        self._pattern, self._calls = pattern, calls

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def _note(self, method: str, text: str, pos: int = 0, endpos: int | None = None, limit: int = 0) -> Call:
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        call = Call(self._pattern, method, text, min(pos, len(text)), end, limit)
        self._calls.append(call)
        return call

    def _single(self, method: str, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        call = self._note(method, text, pos, endpos)
        match = getattr(self._pattern, method)(text, pos, len(text) if endpos is None else endpos)
        call.spans = [] if match is None else [match.span()]
        return match

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._single("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._single("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._single("fullmatch", text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        call = self._note("finditer", text, pos, endpos)
        call.exhausted = False
        for match in self._pattern.finditer(text, pos, len(text) if endpos is None else endpos):
            call.spans.append(match.span())
            yield match
        call.exhausted = True

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        call = self._note("findall", text, pos, endpos)
        call.spans = [m.span() for m in self._pattern.finditer(text, pos, len(text) if endpos is None else endpos)]
        return self._pattern.findall(text, pos, len(text) if endpos is None else endpos)

    def sub(self, repl: Any, text: str, count: int = 0) -> Any:
        return self.subn(repl, text, count)[0]

    def subn(self, repl: Any, text: str, count: int = 0) -> Any:
        call = self._note("subn", text, limit=count)
        spans: list[tuple[int, int]] = []

        def noting(match: re.Match[str]) -> str:
            spans.append(match.span())
            return repl(match) if callable(repl) else match.expand(repl)

        result = self._pattern.subn(noting, text, count)
        call.spans = spans
        return result

    def split(self, text: str, maxsplit: int = 0) -> Any:
        call = self._note("split", text, limit=maxsplit)
        spans = [m.span() for m in self._pattern.finditer(text)]
        call.spans = spans[:maxsplit] if maxsplit else spans
        return self._pattern.split(text, maxsplit)


@contextmanager
def recording(monkeypatch: pytest.MonkeyPatch, *modules: ModuleType) -> Iterator[list[Call]]:
    """Every call made, inside the ``with``, on a compiled pattern any of ``modules`` holds at module level."""
    calls: list[Call] = []
    with monkeypatch.context() as patch:
        for module in modules:
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    patch.setattr(module, name, _Recorder(value, calls))
        yield calls


def total_steps(calls: list[Call], *, budget: int = 10**8) -> int:
    """The steps of all ``calls`` together (over budget: ``budget + 1``)."""
    total = 0
    for call in calls:
        try:
            total += steps(call, budget=budget - total)
        except OverBudget:
            return budget + 1
    return total


#: Doubling the input may at most about double the work (plus constant overhead); a quadratic
#: pattern quadruples it (the ratio used by tests/unit/test_linear_guards.py).
GROWTH_LIMIT = 2.6


def work(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object], *modules: ModuleType, budget: int = 10**7) -> int:
    """The steps of every call ``run()`` makes on the module-level patterns of ``modules``."""
    with recording(monkeypatch, *modules) as calls:
        run()
    return total_steps(calls, budget=budget)


def grows_linearly(monkeypatch: pytest.MonkeyPatch, run: Callable[[int], object], n: int, *modules: ModuleType) -> tuple[int, int]:
    """``(small, large)``: the work of ``run(n)`` and of ``run(2 * n)``, the latter counted only up to
    ``GROWTH_LIMIT`` times the former (a quadratic pattern stops there instead of running for minutes)."""
    small = work(monkeypatch, lambda: run(n), *modules)
    large = work(monkeypatch, lambda: run(2 * n), *modules, budget=int(GROWTH_LIMIT * small))
    return small, large
