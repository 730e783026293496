"""Words the generator adds around content: labels, headings and dosage phrases.

Kept in one catalogue per language so a second language is a new catalogue, not a rewrite.
"""

from __future__ import annotations

from types import MappingProxyType

EN = MappingProxyType(
    {
        "also_called": "Also called",
        "stage_of": "Step {number} of {total}",
        "why": "Why do it",
        "you_need": "You need",
        "nothing_needed": "Nothing but some floor space.",
        "start_when": "Before you try this",
        "how_much": "How long and how many",
        "how_to": "How to do it",
        "tips": "Tips",
        "take_care": "Take care",
        "note": "Good to know",
        "variations": "Other ways to do it",
        "easier": "Easier",
        "harder": "Harder",
        "alternative": "Instead",
        "when": "When to use it",
        "pictures": "Pictures",
        "picture_coming": "Picture coming soon",
        "source": "Where this comes from",
        "source_line": "Based on “{title}” by {author}, {publisher}, {date}. Rewritten in plain words for this guide.",
        "red_flags": "Get medical help now if you have",
        "before_you_start": "Before you start",
        "read_first": "Read this first",
        "acute_pain": "If your pain is very bad right now",
        "when_to_stop": "When to stop",
        "disclaimer": "Please note",
        "the_steps": "The steps",
        "routines": "Routines",
        "routine_for": "Who it is for",
        "in_this_routine": "In this routine",
        "exercise_count": "{count} exercises",
        "about": "About this guide",
        "written_by": "Written by",
        "reviewed_by": "Checked by",
        "last_reviewed": "Last reviewed",
        "version": "Version",
        "not_reviewed": "Not yet checked by a clinician.",
        "credit": "Credit",
        "home": "Home",
        "in_the_sequence": "The seven steps",
        # dosage phrases
        "duration": "Keep going for {amount}",
        "hold": "Hold for {amount}",
        "reps": "Do it {count}",
        "reps_several": "Do it several times",
        "reps_as_needed": "Repeat as often as you need",
        "each_side": "on each side",
        "sets": "in {count} sets",
        "frequency": "{count} a {per}",
        "times_one": "{n} time",
        "times_many": "{n} times",
        "seconds_one": "{n} second",
        "seconds_many": "{n} seconds",
        "minutes_one": "{n} minute",
        "minutes_many": "{n} minutes",
        "breaths_one": "{n} breath",
        "breaths_many": "{n} breaths",
        "range": "{min}–{max}",
        "separator": " · ",
        "day": "day",
        "week": "week",
    }
)

CATALOGUES = {"en": EN}


def words(language: str = "en") -> MappingProxyType:
    """The catalogue for ``language``."""
    return CATALOGUES[language]
