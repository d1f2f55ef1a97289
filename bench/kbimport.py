"""How fast `confbot import` turns a large pretalx schedule.xml into a checked knowledge base."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

DAYS, ROOMS, SLOTS = 5, 12, 16  # 960 talks: larger than most conferences' whole programme


def schedule_xml() -> str:
    """Return a pretalx-shaped schedule.xml with DAYS x ROOMS x SLOTS talks."""
    out = [
        "<?xml version='1.0' encoding='utf-8' ?>\n<schedule><version>1</version><conference>"
        "<title>Bench Conf</title><acronym>bench</acronym><start>2026-06-01</start>"
        f"<end>2026-06-0{DAYS}</end><time_zone_name>Europe/Berlin</time_zone_name></conference>"
    ]
    n = 0
    for d in range(DAYS):
        day = f"2026-06-0{d + 1}"
        out.append(f"<day index='{d + 1}' date='{day}'>")
        for r in range(ROOMS):
            out.append(f"<room name='Room {r}'>")
            for s in range(SLOTS):
                n += 1
                hour, minute = 8 + s * 45 // 60, s * 45 % 60
                title = escape(f"Talk {n}: on the subject of things & stuff, part {s}")
                out.append(
                    f"<event guid='00000000-0000-4000-8000-{n:012d}' id='{n}' code='C{n:05d}'>"
                    f"<room>Room {r}</room><title>{title}</title><subtitle></subtitle>"
                    f"<type>Talk</type><date>{day}T{hour:02d}:{minute:02d}:00+02:00</date>"
                    f"<start>{hour:02d}:{minute:02d}</start><duration>00:40</duration>"
                    f"<abstract>{'An abstract sentence. ' * 12}</abstract><track>T{r % 4}</track>"
                    f"<persons><person id='{n}'>Speaker {n}</person></persons>"
                    "<language>en</language></event>"
                )
            out.append("</room>")
        out.append("</day>")
    out.append("</schedule>")
    return "".join(out)


def timed(*argv: str) -> tuple[float, int]:
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "bot", *argv], capture_output=True, text=True)
    return time.perf_counter() - started, run.returncode


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source, kb = Path(tmp) / "schedule.xml", Path(tmp) / "kb"
        source.write_text(schedule_xml(), encoding="utf-8")
        talks, size = DAYS * ROOMS * SLOTS, source.stat().st_size / 1024 / 1024
        first, code = timed("import", str(source), "--into", str(kb))
        again, code2 = timed("import", str(source), "--into", str(kb))
        check, code3 = timed("check", str(kb))
        print(
            f"confbot import, {talks} talks ({size:.1f} MB schedule.xml): {first:.2f} s "
            f"(exit {code}); again in place: {again:.2f} s (exit {code2}); "
            f"confbot check on the result: {check:.2f} s (exit {code3}); whole processes"
        )


if __name__ == "__main__":
    main()
