"""Score a blind reader test: each reader's answers against the key written beside the pack.

The bar for a picture is that every reader matches it to its exercise (and variation) and is sure:
a wrong match is a misread picture, "fairly sure" or "guess" one that is not recognised with
confidence. The score lists those pictures with the reader's reason, so the next change starts from
what a stranger could not see. Readers write their answers in the format the pack's README asks for
(a phase 1 section per picture with "Rating: N", then a phase 2 table); a line that does not follow
it is skipped, and a picture with no answer is reported as such.

One round is a small sample: the same pictures shown to two new readers move each count by two or
three. ``tally`` adds up every reader of several rounds by figure, so a picture that is doubted in
every round stands apart from one a single reader stumbled on.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.figures.reader import key_path
from generator.model import Exercise

CONFIDENCES = ("sure", "fairly sure", "guess")
VERDICTS = (*CONFIDENCES, "wrong")  # what a reader's answer about a picture comes to
_SECTION = re.compile(r"^##\s*picture-(\d+)\b", re.MULTILINE | re.IGNORECASE)
_RATING = re.compile(r"rating\W*([0-5](?:\.\d+)?)", re.IGNORECASE)
_ROW = re.compile(r"^\|\s*(?:picture-)?(\d+)\s*\|([^|]*)\|([^|]*)\|([^|]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    """One reader's answer about one picture."""

    name: str = ""  # the exercise (and variation) the reader matched it to, as written
    confidence: str = ""  # one of CONFIDENCES, or "" when none was given
    why: str = ""
    rating: float | None = None  # "could I copy this from the picture alone", 1–5


@dataclass(frozen=True)
class Scored:
    """One answer checked against the key."""

    picture: str  # picture-NN
    figure: str  # exercise-id/figure-id
    answer: Answer
    right: bool

    @property
    def confident(self) -> bool:
        return self.verdict == "sure"

    @property
    def verdict(self) -> str:
        """"wrong", or how sure the reader was of the right match ("" when they did not say)."""
        return self.answer.confidence if self.right else "wrong"


def _confidence(cell: str) -> str:
    text = cell.strip().lower().strip("*_ ")
    return next((c for c in ("fairly sure", "guess", "sure") if text.startswith(c)), "")


def read_answers(text: str) -> dict[str, Answer]:
    """The answers in one reader's file, by picture (``picture-07``)."""
    phase_one, *rest = re.split(r"^#\s*phase 2\b", text, maxsplit=1, flags=re.MULTILINE | re.IGNORECASE)
    phase_two = rest[0] if rest else ""
    ratings: dict[str, float] = {}
    parts = _SECTION.split(phase_one)
    for number, body in zip(parts[1::2], parts[2::2], strict=True):
        if found := _RATING.search(body):
            ratings[f"picture-{int(number):02d}"] = float(found.group(1))
    answers = {picture: Answer(rating=rating) for picture, rating in ratings.items()}
    for line in phase_two.splitlines():
        if found := _ROW.match(line.strip()):
            picture = f"picture-{int(found.group(1)):02d}"
            answers[picture] = Answer(found.group(2).strip(), _confidence(found.group(3)), found.group(4).strip(), ratings.get(picture))
    return answers


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'").replace("'", "")) + " "


def _named(answer: str, exercises: list[Exercise]) -> tuple[str, str] | None:
    """The (exercise id, variation id or "") an answer names: the exercise whose title or other
    name it holds (the longest such name wins), and that exercise's variation if one is named."""
    said = _words(answer)
    best: tuple[int, Exercise] | None = None
    for exercise in exercises:
        for name in (exercise.title, *exercise.also_known_as):
            if _words(name) in said and (best is None or len(name) > best[0]):
                best = (len(name), exercise)
    if best is None:  # a variation named alone ("Add a twist") still names its exercise
        named = [(e.id, v.id) for e in exercises for v in e.variations if _words(v.title) in said]
        return named[0] if len(named) == 1 else None
    exercise = best[1]
    variation = next((v.id for v in exercise.variations if _words(v.title) in said), "")
    return exercise.id, variation


def _expected(exercises: Iterable[Exercise]) -> dict[str, tuple[str, str]]:
    """Each figure (``exercise/figure``) and the (exercise id, variation id or "") it belongs to."""
    out = {}
    for exercise in exercises:
        out.update({f"{exercise.id}/{f.id}": (exercise.id, "") for f in exercise.figures})
        for variation in exercise.variations:
            out.update({f"{exercise.id}/{f.id}": (exercise.id, variation.id) for f in variation.figures})
    return out


def score(exercises: list[Exercise], key: dict[str, str], answers: dict[str, Answer]) -> list[Scored]:
    """Every picture of the key with one reader's answer, right when it names the figure's exercise
    and variation (or no variation, for the exercise's own pictures)."""
    expected = _expected(exercises)
    out = []
    for picture, figure in sorted(key.items()):
        answer = answers.get(picture, Answer())
        out.append(Scored(picture, figure, answer, _named(answer.name, exercises) == expected.get(figure)))
    return out


def score_folder(exercises: list[Exercise], folder: Path) -> dict[str, list[Scored]]:
    """Every answer file in a reader folder (``answers*.md``), scored against the key beside it."""
    key = json.loads(key_path(folder).read_text(encoding="utf-8"))
    return {path.name: score(exercises, key, read_answers(path.read_text(encoding="utf-8"))) for path in sorted(folder.glob("answers*.md"))}


def report(scored: dict[str, list[Scored]]) -> str:
    """A plain-text summary: each reader's totals, then every picture not matched right and sure."""
    lines = []
    for reader, results in scored.items():
        counts = Counter(r.verdict for r in results)
        wrong = counts["wrong"]
        ratings = [r.answer.rating for r in results if r.answer.rating is not None]
        mean = f"{sum(ratings) / len(ratings):.2f}" if ratings else "none"
        lines.append(f"{reader}: {len(results) - wrong} of {len(results)} matched right ({counts['sure']} sure, "
                     f"{counts['fairly sure']} fairly sure, {counts['guess']} guess), {wrong} wrong or unanswered; "
                     f"mean rating {mean}")
    doubts = [(reader, r) for reader, results in scored.items() for r in results if not r.confident]
    if doubts:
        lines += ["", "Not matched right and sure:"]
        for reader, r in sorted(doubts, key=lambda item: (item[1].figure, item[0])):
            verdict = (r.answer.confidence or "no confidence given") if r.right else f"WRONG: matched to '{r.answer.name or 'nothing'}'"
            rating = f", rated {r.answer.rating:g}" if r.answer.rating is not None else ""
            why = f": {r.answer.why}" if r.answer.why and r.answer.why not in ("-", "–") else ""
            lines.append(f"- {r.figure} ({r.picture}, {reader}) {verdict}{rating}{why}")
    return "\n".join(lines) + "\n"


def tally(rounds: Sequence[dict[str, list[Scored]]]) -> dict[str, Counter[str]]:
    """How every reader of every round judged each figure: counts of "sure", "fairly sure", "guess"
    and "wrong" (a right match with no confidence given counts under ""), by ``exercise/figure``."""
    counts: dict[str, Counter[str]] = {}
    for scored in rounds:
        for results in scored.values():
            for r in results:
                counts.setdefault(r.figure, Counter())[r.verdict] += 1
    return counts


def tally_report(rounds: Sequence[dict[str, list[Scored]]]) -> str:
    """Every figure that some reader did not match right and sure, worst first: wrong matches, then
    guesses, then "fairly sure", each with how many readers judged it."""
    counts = tally(rounds)
    readers = sum(len(scored) for scored in rounds)
    over = f"over {readers} readers in {len(rounds)} round{'s' if len(rounds) != 1 else ''}"
    doubted = [(figure, c) for figure, c in counts.items() if c["sure"] < c.total()]
    if not doubted:
        return f"By picture, {over}: every picture matched right and sure by every reader.\n"
    doubted.sort(key=lambda item: (-item[1]["wrong"], -item[1]["guess"], -item[1]["fairly sure"], item[0]))
    lines = [f"By picture, {over} (those not matched right and sure by all):"]
    for figure, c in doubted:
        said = ", ".join(f"{c[v]} {v}" for v in VERDICTS if c[v])
        unsaid = f", {c['']} with no confidence given" if c[""] else ""
        lines.append(f"- {figure}: {said}{unsaid} (of {c.total()})")
    return "\n".join(lines) + "\n"
