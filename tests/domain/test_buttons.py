"""The button-data codec: what the bot encodes decodes back; anything else is stale or forged."""

from __future__ import annotations

import re

import pytest

from bot.domain.buttons import KINDS, LIMIT, VERSION, Pressed, decode, encode, pattern


def test_what_is_encoded_decodes_back_with_its_fields() -> None:
    data = encode("ask", "clinic", "es")
    assert data == f"{VERSION}ask:clinic:es"
    assert decode(data) == Pressed("ask", ("clinic", "es"))
    assert decode(data, "ask") == Pressed("ask", ("clinic", "es"))
    assert decode(data, "venue") is None  # another feature's button
    broadcast = decode(encode("bc", "send", 7))
    assert broadcast is not None and broadcast.number(1) == 7 and broadcast.number(0) is None


def test_a_48_character_id_fits_in_every_kind_of_button() -> None:
    longest = "a" * 48  # the knowledge base's longest id
    for data in (
        encode("ask", longest, "pt"),
        encode("fb", longest, 5),
        encode("sub", longest),
        encode("venue", longest),
        encode("ics", longest),
    ):
        assert len(data.encode()) <= LIMIT and decode(data) is not None


def test_the_buttons_of_an_older_or_another_version_are_stale() -> None:
    assert decode("sub:clinic") is None  # the unversioned data of before
    assert decode("bc:send:1") is None
    other = "9" if VERSION != "9" else "8"
    assert decode(other + "sub:clinic") is None
    assert not re.match(pattern("sub"), "sub:clinic")
    assert re.match(pattern("sub"), encode("sub", "all"))


@pytest.mark.parametrize(
    "data",
    [
        None,
        42,
        "",
        VERSION,
        f"{VERSION}nope:1",  # an unknown kind
        f"{VERSION}sub:",  # an empty field
        f"{VERSION}sub:a b",  # a space
        f"{VERSION}sub:\x00",  # a control character
        f"{VERSION}ask:clinic:es\n",
        f"{VERSION}sub:" + "9" * LIMIT,  # overlong
        f"{VERSION}sub:" + "ñ" * 31,  # 67 bytes in UTF-8, though 36 characters
        f"{VERSION}sub:\ud800",  # a lone surrogate
    ],
)
def test_forged_overlong_or_malformed_data_decodes_to_none(data: object) -> None:
    assert decode(data) is None


def test_unicode_fields_travel_but_only_ascii_digits_are_numbers() -> None:
    pressed = decode(encode("org", "send", "٣"))  # an Arabic-Indic three
    assert pressed is not None and pressed.fields == ("send", "٣")
    assert pressed.number(1) is None
    assert decode(encode("org", "q", "9" * 18)).number(1) == 10**18 - 1  # type: ignore[union-attr]
    assert decode(encode("org", "q", "9" * 19)).number(1) is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kind", "fields"),
    [("nope", ("1",)), ("sub", ("a:b",)), ("sub", ("",)), ("sub", ("a b",)), ("ask", ("x" * 64,))],
)
def test_what_could_not_be_decoded_is_never_encoded(kind: str, fields: tuple[str, ...]) -> None:
    with pytest.raises(ValueError):
        encode(kind, *fields)


def test_every_kind_routes_to_its_handler_only() -> None:
    for kind in KINDS:
        data = encode(kind, "x")
        assert [k for k in KINDS if re.match(pattern(k), data)] == [kind]
