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
    core = [p for p in PACKAGE.rglob("*.py") if p.name not in ADAPTERS and p.parent.name != "adapters"]
    assert len(core) > 10
    offenders = {p.name: m for p in core for m in imported_modules(p) if m.split(".")[0] in {"mkdocs", "material"}}
    assert offenders == {}


def test_the_plugin_does_import_mkdocs():
    # Guards the check above against silently scanning nothing.
    assert "mkdocs.plugins" in imported_modules(PACKAGE / "adapters" / "plugin.py")


def test_every_plugin_option_is_declared_with_a_docstring():
    tree = ast.parse((PACKAGE / "adapters" / "plugin.py").read_text(encoding="utf-8"))
    config = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "TractionConfig")
    options = [(n.targets[0].id, config.body[i + 1]) for i, n in enumerate(config.body) if isinstance(n, ast.Assign)]
    assert {name for name, _ in options} >= {"content", "assets", "cache", "offline", "card_pdfs", "offline_zip"}
    undocumented = [name for name, after in options if not (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant))]
    assert undocumented == []


def test_no_environment_variable_channel_to_the_plugin():
    # Settings reach the plugin as declared options; only mkdocs.yml binds one to a variable (!ENV).
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in ("TRACTION_OFFLINE_ZIP", "TRACTION_CARD_PDFS", "TRACTION_STATS")), path
    assert not list(PACKAGE.rglob("plugin_env.py"))
    assert "offline: !ENV [TRACTION_OFFLINE, false]" in (PACKAGE.parent / "mkdocs.yml").read_text(encoding="utf-8")
