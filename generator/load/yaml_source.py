"""Safe YAML loading that remembers where every value came from.

Content is parsed with PyYAML's safe machinery (the C loader when it is there), then walked
node by node so that every value keeps its ``line:column``. Anything beyond plain data is
refused: Python object tags, aliases (which also stops alias bombs before they expand),
duplicate keys and non-text keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from generator.load.problems import ContentError, Problem, shorten

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000  # a content file is prose; anything bigger is a mistake
MAX_DEPTH = 40  # the deepest real content nests about 8 levels; composing 100,000 levels crashes libyaml
PLAIN_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

SCALAR_KINDS = {  # what an author calls a value YAML could not construct, and what it should look like
    "timestamp": ("date", "a real date such as 2024-05-31"),
    "int": ("whole number", "a whole number such as 30"),
    "float": ("number", "a number such as 2.5"),
    "bool": ("true or false", "true or false"),
    "null": ("empty value", "nothing (an empty value)"),
}

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded YAML file: its data plus the position of every value and key in it."""

    file: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``loc``, or of its nearest enclosing value that exists."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))

    def problem(self, loc: Loc, message: str, expected: str = "", found: str = "", *, key: bool = False) -> Problem:
        """A problem located at ``loc`` in this document."""
        line, column = self.where(loc, key=key)
        return Problem(self.file, line, column, message, expected, found)


class _Mark(Protocol):
    """A position in the text, as both PyYAML's pure and C parsers report it."""

    line: int
    column: int


def _position(mark: _Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Walker:
    """Turns a composed node tree into plain Python values, collecting positions and problems."""

    def __init__(self, file: str) -> None:
        self.doc = Document(file, None)
        self.problems: list[Problem] = []
        self.constructor = Loader("")

    def fail(self, node: yaml.Node, message: str, expected: str = "", found: str = "") -> None:
        line, column = _position(node.start_mark)
        self.problems.append(Problem(self.doc.file, line, column, message, expected, found))

    def walk(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.values[loc] = _position(node.start_mark)
        if node.tag not in PLAIN_TAGS:
            self.fail(node, "unsupported YAML tag", "plain text, numbers, lists and mappings", f"'{node.tag.replace('tag:yaml.org,2002:', '!!')}'")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        """A scalar's value; one that its type cannot hold (a 13th month, `!!int x`) is a problem."""
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, AttributeError, OverflowError, yaml.YAMLError):
            kind = node.tag.replace("tag:yaml.org,2002:", "")
            what, expected = SCALAR_KINDS.get(kind, (kind, f"a valid {kind}"))
            self.fail(node, f"invalid {what}", expected, shorten(node.value))
            return None

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            plain = isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:str"
            key = key_node.value if plain else None  # a plain scalar's value is its text
            if not isinstance(key, str):
                if isinstance(key_node, yaml.ScalarNode):
                    found = shorten(key_node.value)
                else:
                    found = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                self.fail(key_node, "a key must be a plain word", "a name such as 'title'", found)
                continue
            if key in result:
                self.fail(key_node, f"duplicate key '{key}'", "each key once per mapping", f"'{key}' again")
                continue
            self.doc.keys[loc + (key,)] = _position(key_node.start_mark)
            result[key] = self.walk(value_node, loc + (key,))
        return result


def _first_refusal(text: str, file: str) -> Problem | None:
    """Aliases and deep nesting are refused before composing, so an alias bomb never gets to
    expand and libyaml's recursive composer never runs out of stack."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            line, column = _position(event.start_mark)
            return Problem(file, line, column, "YAML aliases are not supported", "the value written out in full", f"alias '*{event.anchor}'")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _position(event.start_mark)
                return Problem(file, line, column, "lists and mappings are nested too deeply",
                               f"at most {MAX_DEPTH} levels", f"more than {MAX_DEPTH} levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        bad = raw[error.start : error.start + 1].hex()
        expected = "UTF-8 text (save the file as UTF-8 in your editor)"
        raise ContentError([Problem(file, line, column, "file is not valid UTF-8 text", expected, f"byte 0x{bad}")]) from None


def _inside(text: str, line: int, column: int) -> tuple[int, int]:
    """A position the editor can show: libyaml reports an error at the end of a file without a
    final newline one line below its last line."""
    lines = text.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, column


def load_yaml(path: Path, display: str | None = None) -> Document:
    """Load one YAML file safely; raise ContentError naming ``file:line:column`` on any problem."""
    file = display or str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise ContentError([Problem(file, 1, 1, "file is too large", f"at most {MAX_BYTES:,} bytes", f"{len(raw):,} bytes")])
    text = _decode(raw, file)
    try:
        refusal = _first_refusal(text, file)
        if refusal:
            raise ContentError([refusal])
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _inside(text, *_position(mark)) if mark else (1, 1)
        message = "YAML syntax error" + (f" {error.context}" if error.context else "")
        found = error.problem or "text that is not valid YAML"
        expected = "valid YAML (check the indentation, colons, quotes and brackets)"
        raise ContentError([Problem(file, line, column, message, expected, found)]) from None
    except yaml.reader.ReaderError as error:  # a control character (NUL, BEL, …) anywhere in the file
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        found = f"control character U+{error.character:04X}" if isinstance(error.character, int) else "a control character"
        raise ContentError([Problem(file, line, column, "the file contains a character YAML does not allow",
                                    "printable text (remove the invisible character)", found)]) from None
    if root is None:
        raise ContentError([Problem(file, 1, 1, "file is empty", "a mapping of keys such as 'id' and 'title'", "no content")])
    walker = _Walker(file)
    walker.doc.data = walker.walk(root, ())
    if walker.problems:
        raise ContentError(walker.problems)
    return walker.doc
