"""Run every benchmark module (or those named): python -m bench [NAME ...]."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> int:
    """Import each bench module and call its main(), which prints its own figures."""
    found = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name[0] != "_"
    )
    for name in names or found:
        print(f"== bench.{name}", flush=True)
        sys.argv = [f"bench.{name}"]  # a module's own argparse must see no foreign arguments
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
