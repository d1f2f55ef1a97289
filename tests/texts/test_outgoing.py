"""Long replies are split under Telegram's limit without breaking the HTML."""

from bot.domain.delivery import Button, OutgoingMessage
from bot.texts.outgoing import TELEGRAM_LIMIT, messages, split_html
from tests.telegram_text import check


def test_a_short_reply_is_one_message() -> None:
    assert split_html("  <b>Hola</b>\n") == ["<b>Hola</b>"]


def test_long_replies_split_at_boundaries_and_stay_valid_html() -> None:
    text = "<b>Title</b>\n" + "word " * 2000 + "\n\n<b>" + "x " * 3000 + "</b>"
    parts = split_html(text)
    assert len(parts) > 1
    assert all(len(part) <= TELEGRAM_LIMIT for part in parts)
    assert all(check(part, "HTML") is None for part in parts)

    def squeeze(t: str) -> str:
        return "".join(t.split()).replace("</b><b>", "")

    assert squeeze("".join(parts)) == squeeze(text)  # nothing lost but the cut's white space


def test_a_single_unbroken_word_is_cut_hard() -> None:
    parts = split_html("a" * 10_000)
    assert [len(p) for p in parts] == [4088, 4088, 1824]


def test_buttons_go_with_the_last_message() -> None:
    buttons = ((Button("OK", "1cmd:help"),),)
    out = messages("y " * 5000, buttons)
    assert len(out) == 3
    assert [m.buttons for m in out if isinstance(m, OutgoingMessage)] == [(), (), buttons]
