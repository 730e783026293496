"""Words the generator adds around content: labels, headings and dosage phrases.

Kept in one catalogue per language so a second language is a new catalogue, not a rewrite.
"""

from __future__ import annotations

from collections import ChainMap
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
        "picture_credit": "Pictures by {credit}, licence {licence}. Drawn for this guide; no photos from the source article are used.",
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
        "card_title": "Card: {title}",
        "print_card": "Print this card",
        "back_to_routine": "Back to the routine",
        "scan_for_guide": "Scan the square code with your phone camera to open this routine online.",
        "qr_label": "QR code: link to {title}",
        "card_stop": "Stop and get help if…",
        "tick_days": "Tick each day you do the routine",
        "day_n": "Day {n}",
        "clinician_note": "Note from your clinician",
        "pdf_a4": "PDF (A4)",
        "pdf_letter": "PDF (US Letter)",
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

# The compact dosage wording of printed cards; keys not here come from the full catalogue.
EN_SHORT = MappingProxyType(
    {
        "duration": "Keep going {amount}",
        "hold": "Hold {amount}",
        "reps": "{count}",
        "reps_several": "several times",
        "reps_as_needed": "as often as needed",
        "each_side": "each side",
        "seconds_one": "{n} s",
        "seconds_many": "{n} s",
        "minutes_one": "{n} min",
        "minutes_many": "{n} min",
    }
)

CATALOGUES = {"en": EN}
SHORT_CATALOGUES = {"en": EN_SHORT}


def words(language: str = "en") -> MappingProxyType:
    """The catalogue for ``language``."""
    return CATALOGUES[language]


def short_words(language: str = "en") -> ChainMap:
    """The card wording for ``language``, falling back to the full catalogue."""
    return ChainMap(SHORT_CATALOGUES[language], CATALOGUES[language])
