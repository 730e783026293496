"""Guide: title, credit, review record, safety text and the stages of the sequence."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, PositiveInt

from .common import Id, Strict, Text


class Source(Strict):
    """The published work the guide's facts come from."""

    author: Text
    author_role: Text | None = None
    title: Text
    publisher: Text
    published: dt.date
    url: Text | None = Field(None, description="Only if the address is confirmed.")


class Review(Strict):
    """Who wrote and checked this guide, and when."""

    written_by: Text
    reviewed_by: Text | None = None
    last_reviewed: dt.date
    version: Text


class Stage(Strict):
    """One numbered stage of the sequence, holding one or more exercises."""

    number: PositiveInt
    id: Id
    title: Text
    summary: Text
    exercises: list[Id] = Field(min_length=1)


class Safety(Strict):
    """Safety text for the 'Before you start' page and the cards. Never folded away."""

    intro: Text
    acute_pain: list[Text] = Field(min_length=1)
    stop_rules: list[Text] = Field(min_length=1)
    red_flags: list[Text] = Field(min_length=1)
    red_flags_action: Text


class Guide(Strict):
    """The guide as a whole."""

    title: Text
    summary: Text
    audience: Text
    language: str = Field("en", pattern=r"^[a-z]{2}(-[A-Z]{2})?$")
    source: Source
    disclaimer: Text
    review: Review
    safety: Safety
    stages: list[Stage] = Field(min_length=1)
