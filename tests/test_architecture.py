"""The package's shape, checked so it cannot drift: layers import one way (an allow-list of
layer pairs, no exceptions), SQL and the heavy native libraries each stay in their one
place, no private name crosses a package, no module grows past 400 lines.
docs/ARCHITECTURE.md explains the layers these rules keep."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "second_me"

# Top-level modules by layer; a subpackage is a layer of its own name.
MODULE_LAYERS = {
    "domain": "domain", "errors": "domain", "clock": "domain", "retention": "domain", "safe_text": "domain",
    "config": "config", "secrets": "config",
    "cli": "cli", "__main__": "cli", "__init__": "package",
}
# Who may import whom, besides itself. Read top down: cli/commands/tui → services (and eval,
# the benchmark) → ingest/memory/retrieval → storage/models → config → text → domain.
ALLOWED = {
    "cli": {"commands", "tui", "domain"},
    "commands": {"services", "eval", "domain"},
    "tui": {"services", "domain"},
    "eval": {"services", "retrieval", "config", "text", "domain"},
    "services": {"ingest", "memory", "retrieval", "storage", "models", "config", "text", "domain", "package"},
    "ingest": {"storage", "models", "config", "text", "domain"},
    "memory": {"storage", "models", "config", "text", "domain"},
    "retrieval": {"storage", "models", "config", "text", "domain"},
    "storage": {"config", "text", "domain"},
    "models": {"domain"},
    "config": {"domain"},
    "text": {"domain"},
    "domain": set(),
    "package": set(),
}
ONLY_IN = {  # a library (or SQL) and the one place that may use it
    "sqlcipher3": "storage/db.py",
    "llama_cpp": "models/llama.py",
    "watchdog": "ingest/folder_events.py",
    "pypdf": "ingest/pdf.py",
    "pathspec": "ingest/ignore.py",
}
MAX_LINES = 400


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _layer(dotted: str) -> str:
    """The layer of a `second_me...` module name."""
    parts = dotted.split(".")[1:]
    if not parts:
        return "package"
    if (PACKAGE / parts[0]).is_dir():
        return parts[0]
    return MODULE_LAYERS[parts[0]]


def _own_name(path: Path) -> str:
    return ".".join(("second_me", *path.relative_to(PACKAGE).with_suffix("").parts))


def _imports(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """(module, names) of every import, inside functions too."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def test_layers_import_one_way():
    wrong = []
    for path, tree in _modules():
        own = _layer(_own_name(path))
        for module, names in _imports(tree):
            if module != "second_me" and not module.startswith("second_me."):
                continue
            targets = [module + "." + name for name in names] if module == "second_me" else [module]
            for target in targets:
                layer = _layer(target) if target.split(".")[1] != "__version__" else "package"
                if layer != own and layer not in ALLOWED[own]:
                    wrong.append(f"{path.relative_to(PACKAGE)}: {own} -> {layer} ({target})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_no_private_name_crosses_a_package():
    wrong = []
    for path, tree in _modules():
        own_package = _own_name(path).rsplit(".", 1)[0]
        for module, names in _imports(tree):
            if not module.startswith("second_me."):
                continue
            target_package = module if (PACKAGE / Path(*module.split(".")[1:])).is_dir() else module.rsplit(".", 1)[0]
            private = [n for n in names if n.startswith("_")] + [p for p in module.split(".") if p.startswith("_")
                                                                  and p != "__main__"]
            if private and target_package != own_package:
                wrong.append(f"{path.relative_to(PACKAGE)}: {module} {private}")
    assert not wrong, "\n".join(wrong)


def test_libraries_and_sql_stay_in_their_place():
    wrong = []
    for path, tree in _modules():
        where = str(path.relative_to(PACKAGE))
        for module, _ in _imports(tree):
            library = module.split(".")[0]
            if library in ONLY_IN and ONLY_IN[library] != where:
                wrong.append(f"{where} imports {library} (only {ONLY_IN[library]} may)")
        if not where.startswith("storage/") and re.search(r"\.execute(many|script)?\(", path.read_text(encoding="utf-8")):
            wrong.append(f"{where} runs SQL (only storage/ may)")
    assert not wrong, "\n".join(wrong)


def test_no_module_over_400_lines():
    long = [f"{path.relative_to(PACKAGE)}: {n}" for path, _ in _modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not long, "\n".join(long)
