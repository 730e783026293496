"""Problems found in content: where, what was expected, what was found."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

EXCERPT_WIDTH = 120  # characters of a long line shown around the problem


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

    def excerpt(self) -> str:
        """The offending line of the file with a caret under the column ('' if unreadable)."""
        try:
            lines = Path(self.file).read_bytes().decode("utf-8", errors="replace").splitlines()
        except OSError:
            return ""
        if not 0 < self.line <= len(lines):
            return ""
        text, column = lines[self.line - 1].replace("\t", " "), self.column
        if len(text) > EXCERPT_WIDTH:  # a very long line: the part around the column
            start = max(0, min(column - 1 - EXCERPT_WIDTH // 2, len(text) - EXCERPT_WIDTH))
            end = start + EXCERPT_WIDTH
            text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
            column = column - start + (1 if start else 0)
        gutter = f"{self.line:>6} | "
        return f"{gutter}{text}\n{' ' * (len(gutter) - 2)}| {' ' * (column - 1)}^"

    def as_dict(self) -> dict[str, object]:
        """The problem as plain data, for `traction check --format json`."""
        return asdict(self)


class ContentError(Exception):
    """Raised when content has one or more problems; carries all of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self, excerpts: bool = True) -> str:
        """Every problem on its own line (with the offending line under it), then a count."""
        count = len(self.problems)
        lines = []
        for problem in self.problems:
            lines.append(str(problem))
            if excerpts and (shown := problem.excerpt()):
                lines.append(shown)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
        return "\n".join(lines)


def shorten(value: object, limit: int = 60) -> str:
    """A short, quoted rendering of a found value for an error message."""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"
