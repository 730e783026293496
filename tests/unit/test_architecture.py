"""The architecture: folders are layers, imports only go down, and only the adapters know MkDocs."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
# Bottom to top. A module may import from its own layer and the layers below it, never above.
LAYERS = ["model", "figures", "cards", "load", "render", "pipeline", "authoring", "qa", "adapters"]
TOP_LEVEL = {"__init__.py", "__main__.py"}  # the package's public names, and `python -m generator`
MAX_FUNCTION_LINES = 60


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "generator":  # `from generator import x`: x is a layer
                names.update(f"generator.{alias.name}" for alias in node.names)
    return names


def test_every_module_lives_in_a_layer():
    stray = [p.relative_to(PACKAGE).as_posix() for p in modules() if p.parent == PACKAGE and p.name not in TOP_LEVEL]
    assert stray == []
    assert {layer_of(p) for p in modules() if p.parent != PACKAGE} == set(LAYERS)


def test_imports_only_go_down_the_layers():
    upward = []
    for path in modules():
        if path.parent == PACKAGE:
            continue
        own = LAYERS.index(layer_of(path))
        for name in imported_modules(path):
            parts = name.split(".")
            if parts[0] == "generator" and len(parts) > 1 and LAYERS.index(parts[1]) > own:
                upward.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert upward == []


def test_the_check_sees_an_upward_import(tmp_path):
    # Guards the check above: a model module importing a renderer would be caught.
    bad = tmp_path / "bad.py"
    bad.write_text("from generator.render.pages import render_pages\n", encoding="utf-8")
    assert "generator.render.pages" in imported_modules(bad)
    assert LAYERS.index("render") > LAYERS.index("model")


def test_only_the_adapters_import_mkdocs():
    offenders = {
        p.relative_to(PACKAGE).as_posix(): m
        for p in modules()
        if layer_of(p) != "adapters"
        for m in imported_modules(p)
        if m.split(".")[0] in {"mkdocs", "material"}
    }
    assert offenders == {}
    # and the scan is not scanning nothing:
    assert "mkdocs.plugins" in imported_modules(PACKAGE / "adapters" / "plugin.py")


def test_no_function_is_longer_than_sixty_lines():
    long = [
        f"{p.relative_to(PACKAGE)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for p in modules()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def test_every_plugin_option_is_declared_with_a_docstring():
    tree = ast.parse((PACKAGE / "adapters" / "plugin.py").read_text(encoding="utf-8"))
    config = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "TractionConfig")
    options = [(n.targets[0].id, config.body[i + 1]) for i, n in enumerate(config.body) if isinstance(n, ast.Assign)]
    assert {name for name, _ in options} >= {"content", "assets", "cache", "offline", "card_pdfs", "offline_zip"}
    undocumented = [name for name, after in options if not (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant))]
    assert undocumented == []


def test_no_environment_variable_channel_to_the_plugin():
    # Settings reach the plugin as declared options; only mkdocs.yml binds one to a variable (!ENV).
    for path in modules():
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in ("TRACTION_OFFLINE_ZIP", "TRACTION_CARD_PDFS", "TRACTION_STATS")), path
    assert not list(PACKAGE.rglob("plugin_env.py"))
    assert "offline: !ENV [TRACTION_OFFLINE, false]" in (PACKAGE.parent / "mkdocs.yml").read_text(encoding="utf-8")
