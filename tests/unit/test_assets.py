"""The published stylesheets are well formed: a rule left open (say, by a merge) silently swallows
every rule after it, which no page test notices until something that should be hidden shows."""

import re
from pathlib import Path

import pytest

ASSETS = Path(__file__).resolve().parents[2] / "site_assets"


def unbalanced(css: str) -> list[int]:
    """Line numbers where a closing brace has no opening one, and where an open rule is left at the end."""
    code = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), css, flags=re.S)
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', code)  # braces inside strings do not count
    depth, opened, problems = 0, [], []
    for number, line in enumerate(code.splitlines(), 1):
        for char in line:
            if char == "{":
                depth += 1
                opened.append(number)
            elif char == "}":
                if depth == 0:
                    problems.append(number)
                else:
                    depth -= 1
                    opened.pop()
    return problems + opened


@pytest.mark.parametrize("path", sorted(ASSETS.rglob("*.css")), ids=lambda p: p.name)
def test_every_rule_is_closed(path):
    assert unbalanced(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_rule_left_open():
    assert unbalanced(".a {\n  color: red;\n.b { color: blue; }\n") == [1]
    assert unbalanced('.a { background: url("x}y"); }\n}\n') == [2]
