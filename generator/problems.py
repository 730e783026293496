"""Problems found in content: where, what was expected, what was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located at ``file:line:column`` (1-based)."""

    file: str
    line: int
    column: int
    message: str
    expected: str = ""
    found: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        details = [f"expected {self.expected}" if self.expected else "", f"found {self.found}" if self.found else ""]
        details = [d for d in details if d]
        return text + (f" ({'; '.join(details)})" if details else "")


class ContentError(Exception):
    """Raised when content has one or more problems; carries all of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem on its own line, then a count."""
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
        return "\n".join(lines)


def shorten(value: object, limit: int = 60) -> str:
    """A short, quoted rendering of a found value for an error message."""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"
