"""Words the generator adds around content: labels, headings and dosage phrases.

Kept in one catalogue per language so a second language is a new catalogue, not a rewrite.
"""

from __future__ import annotations

from collections import ChainMap
from types import MappingProxyType

EN = MappingProxyType(
    {
        "also_called": "Also called",
        "works_on": "Works on",
        "download_offline": "Download the whole guide to use without internet (a zip file: unzip it and open index.html)",
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
        "moved_title": "Opening the guide…",
        "moved_text": "Opening",
        "copy_link": "Copy link",
        "copy_link_to_step": "Copy link to step {n}",
        "link_copied": "Link to step {n} copied.",
        "link_copied_plain": "Link copied.",
        "whole_exercise": "The whole exercise",
        "clinicians": "For clinicians",
        "clinicians_intro": "Send a patient to one exact exercise or step. Every step has a short code you can read out, a full link and a QR code. These links keep working when the guide changes.",
        "filter_label": "Find an exercise or step",
        "short_code": "Short code",
        "full_link": "Full link",
        "qr_code": "QR code",
        "step_col": "Step",
        "how_to_share": "How to share",
        "share_tips": "Read out the short code, or type it after the guide's address: {example}. Copy a link to send by email or text. Print a routine card from its routine page, or make your own card with the card builder.",
        "builder": "Make your own card",
        "builder_intro": "Pick exercises, set how long and how many, reorder them and add a note. Your choices live only in this page's address: nothing is sent or saved anywhere. Share the link or print the card.",
        "builder_pick": "1. Pick exercises",
        "builder_add": "Add",
        "builder_yours": "2. Set the amounts and the order",
        "builder_empty": "No exercises yet. Add some above.",
        "builder_note": "3. Add a note (optional)",
        "builder_note_label": "Note for your patient. It is shown on the card as plain text.",
        "builder_link": "Link to this card",
        "builder_noscript": "The card builder needs JavaScript. You can still print the ready-made routine cards.",
        "builder_remove": "Remove",
        "builder_up": "Move up",
        "builder_down": "Move down",
        "builder_card_title": "Your exercises",
        "builder_unknown": "This link names exercises the guide does not have, so they were left out:",
        "builder_damaged": "This card link is damaged, so it could not be opened. Start a new card below.",
        "builder_too_long": "This card link is too long, so it could not be opened. Start a new card below.",
        "builder_clamped": "Some amounts in the link were outside what the guide allows, so they were changed to fit:",
        "builder_too_many": "A card holds at most {n} exercises; the rest were left out.",
        "scan_for_card": "Scan the square code with your phone camera to open this card online.",
        "qr_card_label": "QR code: link to this card",
        "hold_label": "Hold",
        "duration_label": "Keep going",
        "reps_label": "Times",
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
