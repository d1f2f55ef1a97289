"""The fake Bot API refuses the text the real one would (so escaping bugs fail the tests)."""

import pytest

from tests.telegram_text import check


@pytest.mark.parametrize(
    "text", ["<b>Clinic</b> &lt;21&gt; &amp; &quot;x&quot; &#39; &#x27;", "<i>a</i>\n<b>b</b>"]
)
def test_valid_html_is_accepted(text: str) -> None:
    assert check(text, "HTML") is None


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<b>unclosed", "can't find end tag"),
        ("<script>x</script>", "unsupported start tag"),
        ("AT&T", "unsupported HTML entity"),
        ("&nbsp;", "unsupported HTML entity"),
        ("<b></b>", "message text is empty"),
        ("x" * 4097, "message is too long"),
    ],
)
def test_what_telegram_refuses(text: str, error: str) -> None:
    refused = check(text, "HTML")
    assert refused is not None and error in refused


def test_plain_text_is_taken_as_typed() -> None:
    assert check("AT&T <3", None) is None
