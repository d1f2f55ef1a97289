"""How fast `confbot check` answers: the shipped knowledge base, and a 6 MB file it refuses."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_check(path: Path) -> tuple[float, int]:
    """Run `confbot check PATH` as a user would; return wall seconds and the exit code."""
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(path)], capture_output=True, text=True
    )
    return time.perf_counter() - started, run.returncode


def main() -> None:
    shipped = min(timed_check(ROOT / "knowledge")[0] for _ in range(3))
    print(f"confbot check, shipped KB: {shipped:.2f} s wall, whole process (target < 0.5 s)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "event.yaml").write_text(
            (ROOT / "knowledge" / "event.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
        filler = "  - id: x\n    questions: [q]\n    answer: " + "a" * 60 + "\n"
        (folder / "big.yaml").write_text("faqs:\n" + filler * 60_000, encoding="utf-8")
        size = (folder / "big.yaml").stat().st_size / 1024 / 1024
        seconds, code = timed_check(folder)
        print(
            f"confbot check, a {size:.1f} MB file: refused (exit {code}) in {seconds:.2f} s "
            "(target < 1 s)"
        )


if __name__ == "__main__":
    main()
