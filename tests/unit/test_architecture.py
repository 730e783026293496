"""The core imports no MkDocs: only the plugin and the CLI adapt it."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
ADAPTERS = {"plugin.py", "mkdocs_build.py", "cli.py", "serve.py", "__main__.py"}  # serve.py: the CLI's live preview


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_do_not_import_mkdocs():
    core = [p for p in PACKAGE.rglob("*.py") if p.name not in ADAPTERS]
    assert len(core) > 10
    offenders = {p.name: m for p in core for m in imported_modules(p) if m.split(".")[0] in {"mkdocs", "material"}}
    assert offenders == {}


def test_the_plugin_does_import_mkdocs():
    # Guards the check above against silently scanning nothing.
    assert "mkdocs.plugins" in imported_modules(PACKAGE / "plugin.py")
