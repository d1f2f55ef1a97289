"""Extract the messages, merge them into every catalog and set Spanish translations.

Usage: flock /tmp/confbot-po.lock .venv/bin/python scripts/po_set.py [translations.json]
The JSON maps an English msgid to its Spanish text (for plurals: a list [singular, plural]).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def main() -> int:
    pot = ROOT / "locales" / "confbot.pot"
    pybabel = str(BIN / "pybabel")
    subprocess.run(
        [pybabel, "--quiet", "extract", "--mapping", str(ROOT / "babel.cfg"), "--no-location",
         "--sort-output", "--project", "confbot", "--output-file", str(pot), str(ROOT / "bot")],
        check=True,
    )  # fmt: skip
    for lang in ("es", "en"):
        po = ROOT / "locales" / lang / "LC_MESSAGES" / "confbot.po"
        action = "update" if po.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if action == "update" else []
        subprocess.run(
            [pybabel, "--quiet", action, "-D", "confbot", "-i", str(pot), "-d",
             str(ROOT / "locales"), "-l", lang, *extra],
            check=True,
        )  # fmt: skip
    if len(sys.argv) < 2:
        return 0
    wanted = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    po = ROOT / "locales" / "es" / "LC_MESSAGES" / "confbot.po"
    with po.open("rb") as fp:
        catalog = read_po(fp, locale="es")
    missing = []
    for msgid, text in wanted.items():
        message = next(
            (m for m in catalog if (m.id[0] if isinstance(m.id, tuple) else m.id) == msgid), None
        )
        if message is None:
            missing.append(msgid)
            continue
        message.string = tuple(text) if isinstance(text, list) else text
        message.flags.discard("fuzzy")
    with po.open("wb") as fp:
        write_po(fp, catalog, width=100, omit_header=False, no_location=True, sort_output=True)
    for msgid in missing:
        print(f"not in the catalog (not extracted?): {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
