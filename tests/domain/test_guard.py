"""The layers keep their boundaries: the domain is plain Python (no telegram, no I/O library);
the use cases and the texts never import telegram, and only the adapter and the CLI do."""

import ast
import subprocess
import sys
from pathlib import Path

BOT = Path(__file__).resolve().parents[2] / "bot"
DOMAIN = BOT / "domain"
BANNED = ("telegram", "aiosqlite", "aiohttp")
# Which layer may import which: the adapter (bot.telegram) is imported by nothing below it.
LAYERS = {
    "domain": ("telegram", "aiosqlite", "aiohttp", "bot.storage", "bot.usecases", "bot.texts"),
    "storage": ("telegram", "bot.usecases", "bot.texts", "bot.telegram"),
    "texts": ("telegram", "aiosqlite", "bot.telegram", "bot.cli"),  # they render use cases' data
    "usecases": ("telegram", "aiosqlite", "bot.telegram", "bot.cli"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
            names |= {".".join(alias.name.split(".")[:2]) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            names.add(".".join(node.module.split(".")[:2]))
    return names


def test_no_domain_module_imports_telegram_or_io_libraries() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in DOMAIN.glob("*.py")
        for name in _imports(path)
        if name in BANNED
    }
    assert not offenders


def test_importing_the_whole_domain_loads_no_telegram_module() -> None:
    modules = [f"bot.domain.{p.stem}" for p in DOMAIN.glob("*.py") if p.stem != "__init__"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'aiosqlite')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_each_layer_imports_only_the_layers_below_it() -> None:
    offenders = {
        f"{layer}/{path.relative_to(BOT / layer)}: {name}"
        for layer, banned in LAYERS.items()
        for path in (BOT / layer).rglob("*.py")
        for name in _imports(path)
        if name in banned
    }
    assert not offenders
