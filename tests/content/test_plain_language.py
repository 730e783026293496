"""Plain language: every page of the guide reads at grade 8 or lower, and no run of 12 words
is copied from the source article."""

from __future__ import annotations

import re

import pytest
import textstat

from generator.load.content import load_content
from generator.model.timeline import PAUSES
from generator.render.wording import words as catalogue
from tests.conftest import READING_GRADES, REPO
from tests.content.test_source_facts import exercise_text

SOURCE_DIR = REPO.parent / "shared" / "source"
MAX_GRADE = 8.0
RUN = 12  # consecutive words


def sentences(items: list[str]) -> str:
    """List items become sentences, so a list does not read as one long sentence."""
    return " ".join(t if t.rstrip()[-1:] in ".!?" else t + "." for t in items)


def guide_texts() -> dict[str, str]:
    content = load_content(REPO / "content")
    safety = content.guide.safety
    texts = {f"exercises/{e.id}": exercise_text(e) for e in content.exercises.values()}
    acute = safety.acute_pain
    flags = safety.red_flags
    texts["safety"] = sentences([safety.intro, acute.question, acute.if_yes, acute.if_no, *acute.notes, *safety.stop_rules,
                                 *flags.emergency, *flags.today, *flags.before_you_start, content.guide.disclaimer])
    texts["home"] = sentences([content.guide.summary] + [f"{s.title}. {s.summary}" for s in content.guide.stages])
    for routine in content.routines.values():
        texts[f"routines/{routine.id}"] = sentences([routine.purpose, routine.for_whom, routine.progression or ""])
    w = catalogue(content.guide.language)  # the calendar form and the About page's words on reminders and offline use
    texts["reminders"] = sentences([w[k].format(title="Gentle start", file="gentle-start.ics", count=8, minutes="5", url="")
                                    for k in w if k.startswith(("reminder_", "about_reminders", "about_offline"))])
    texts["player"] = player_words()
    for page in sorted((REPO / "content" / "pages").glob("*.md")):
        body = [line for line in page.read_text().splitlines() if line.strip() and not line.startswith("#")]
        texts[f"pages/{page.stem}"] = " ".join(body)
    return texts


def player_words() -> str:
    """Every sentence the follow-along player and its About section add, with sample values."""
    w = catalogue()
    values = {"title": "Child's pose", "n": 2, "total": 5, "amount": "15–30 seconds", "unit": "seconds", **PAUSES}
    return sentences([w[k].format(**values) for k in w if k.startswith(("play_", "about_player"))])


@pytest.mark.parametrize(("page", "text"), sorted(guide_texts().items()))
def test_reading_grade_is_8_or_lower(page, text):
    grade = textstat.flesch_kincaid_grade(text)
    READING_GRADES[page] = grade
    assert grade <= MAX_GRADE, f"{page} reads at grade {grade}"


def test_the_grade_measure_can_fail():
    hard = ("Notwithstanding considerable interindividual variability, lumbopelvic decompression "
            "necessitates comprehensive consideration of contiguous anatomical articulations.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE


def words(text: str) -> list[str]:
    text = re.sub(r"[\u2010-\u2015]", "-", text.lower()).replace("\u2019", "'")
    return re.findall(r"[a-z0-9']+", text)


def copied_runs(text: str, source_runs: set[tuple[str, ...]]) -> list[str]:
    w = words(text)
    return [" ".join(w[i : i + RUN]) for i in range(len(w) - RUN + 1) if tuple(w[i : i + RUN]) in source_runs]


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    files = sorted(SOURCE_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"the source article is not beside the checkout ({SOURCE_DIR})")
    source = [w for f in files for w in words(f.read_text(errors="replace"))]
    return {tuple(source[i : i + RUN]) for i in range(len(source) - RUN + 1)}


def test_no_sentence_is_copied_from_the_source(source_runs):
    checked = sorted(p for folder in ("content", "generator/templates") for p in (REPO / folder).rglob("*")
                     if p.suffix in {".yaml", ".yml", ".md", ".j2", ".html"})
    assert len(checked) > 10
    copied = {str(p.relative_to(REPO)): runs for p in checked if (runs := copied_runs(p.read_text(), source_runs))}
    assert copied == {}


def test_the_copy_check_catches_a_copied_sentence(source_runs):
    sample = " ".join(next(iter(sorted(source_runs))))
    assert copied_runs(f"Intro words. {sample.upper()} more.", source_runs)
