"""The README's validity block and the Method page text come from framing/validity.json, not from a hand copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.validate import load_validity_figures
from framing.validity_text import END, START, frame_rows, render_frames_markdown, render_readme_section, update_readme

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_block_matches_the_validity_file() -> None:
    text = README.read_text(encoding="utf-8")
    block = text[text.index(START): text.index(END) + len(END)] + "\n"
    assert block == render_readme_section(load_validity_figures()), "run: python -m framing.validity_text"


def test_every_frame_set_and_the_evidence_line_are_rendered() -> None:
    figures = load_validity_figures()
    rows = frame_rows(figures["frames"])
    assert len(rows) == 5  # four sets, paragraphs twice (with and without none)
    text = render_frames_markdown(figures)
    assert "evidence_level" in text and "TF-IDF" in text and "keyword count" in text
    for row in rows:
        assert ("met" in row["target"]) or ("not met" in row["target"])


def test_figures_change_the_text() -> None:
    figures = load_validity_figures()
    changed = dict(figures)
    frames = dict(changed["frames"])
    bills = dict(frames["bills"])
    bills["cross_validated"] = {**bills["cross_validated"], "macro_f1": 0.1234}
    frames["bills"] = bills
    changed["frames"] = frames
    assert "0.123" in render_frames_markdown(changed) and "0.123" not in render_frames_markdown(figures)


def test_update_readme_needs_the_markers(tmp_path: Path) -> None:
    path = tmp_path / "R.md"
    path.write_text("# no markers\n", encoding="utf-8")
    with pytest.raises(ValueError, match="validity markers not found"):
        update_readme(path, load_validity_figures())
    path.write_text(f"a\n{START}\nold\n{END}\nb\n", encoding="utf-8")
    assert update_readme(path, load_validity_figures())
    assert path.read_text(encoding="utf-8").startswith("a\n" + START) and path.read_text(encoding="utf-8").endswith(END + "\nb\n")


def test_the_tone_table_comes_from_the_file() -> None:
    # A hand-written tone table kept an older run's figures after the rules changed (session 15).
    figures = load_validity_figures()
    tone = dict(figures["tone"])
    news = dict(tone["newsmtsc"])
    news["cross_validated"] = {**news["cross_validated"], "macro_f1": 0.4321}
    tone["newsmtsc"] = news
    tone["cross_validated"] = {**tone["cross_validated"], "pearson": 0.1234}
    changed = render_readme_section({**figures, "tone": tone})
    assert "**0.432**" in changed and "**0.123**" in changed
    assert "**0.432**" not in render_readme_section(figures)
    assert f"tone rules {figures['lexicons']['tone_rules']}" in changed


def test_the_readme_has_no_hand_written_tone_table_outside_the_block() -> None:
    text = README.read_text(encoding="utf-8")
    outside = text[: text.index(START)] + text[text.index(END):]
    assert "Tone in more detail" not in outside
