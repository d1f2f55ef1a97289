"""The command line itself: what a command costs to start."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import COMMANDS

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys
from bot.cli.main import main
status = main(["check", sys.argv[1]])
HEAVY = ("bot.usecases.conversation", "bot.domain.matcher", "telegram")
heavy = sorted(m for m in HEAVY if m in sys.modules)
print(status, heavy)
"""


def test_confbot_check_loads_neither_the_bot_nor_the_matcher() -> None:
    # `confbot check` must refuse a 6 MB file in under a second; importing every command's
    # module (the conversation, the matcher, python-telegram-bot) cost most of that second.
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "examples" / "small-workshop" / "knowledge")],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == "0 []"


def test_confbot_help_still_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    listed = re.findall(r"^    (\w+)", done.stdout, flags=re.MULTILINE)
    assert listed == [*COMMANDS]
    assert "validate a knowledge base" in done.stdout


def test_output_cut_short_by_a_pipe_is_not_a_traceback() -> None:
    # `confbot ask < questions.txt | head -1`: head leaves, the next write gets EPIPE.
    reader = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask"], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stdin is not None
    reader.stdout.close()
    _, err = reader.communicate("is there wifi?\n" * 2000)
    assert "Traceback" not in err and reader.returncode == 141


@pytest.mark.parametrize("command", [["report"], ["drafts"], ["reminders", "--at", "2015-10-20"]])
@pytest.mark.parametrize("bad", ["not-a-database.txt", "a-folder"])
def test_a_db_that_is_not_a_database_is_said_plainly(
    tmp_path: Path, command: list[str], bad: str
) -> None:
    (tmp_path / "not-a-database.txt").write_text("hello\n" * 100)
    (tmp_path / "a-folder").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "bot", *command, "--db", str(tmp_path / bad)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(
        f"confbot {command[0]}: cannot open the database {tmp_path / bad}: "
    )


def test_a_terminal_chat_whose_reader_leaves_ends_instead_of_hanging() -> None:
    # `confbot chat | head -1`: the greeting's write failed before the database was closed,
    # and its worker thread kept the process alive for ever.
    reader = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--lang", "en"], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert reader.stdout is not None
    reader.stdout.close()
    try:
        _, err = reader.communicate("/help\n" * 50, timeout=60)
    finally:
        reader.kill()  # a hung chat must not outlive the test
    assert reader.returncode == 141 and "Traceback" not in err and "database" not in err
