"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests and benches.

It speaks the real wire format (form-encoded or multipart posts to `/bot<TOKEN>/<method>`, JSON
answers with Telegram's error bodies), serves long-polling `getUpdates` from updates the test
pushes, records every call, injects faults and can enforce Telegram's flood limits.

`strict()` enforces them as Telegram does: every message-sending method (send*, editMessage*,
copy*, forward*; not sendChatAction, answerCallbackQuery or setMessageReaction) counts in one
sliding one-second window of 30, each chat gets 1 message a second after a small burst, and a
group 20 a minute;
a refusal says `retry after N` in whole seconds >= 1. `strict(penalty=20)` is Telegram after a
storm: a violation earns a long wait, and every message (or every message to that chat) is
refused until it is over.

Time is injectable (`monotonic=`): with `InProcessRequest` a PTB bot talks to the fake without
HTTP, so pacing tests run on virtual time.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import re
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import BodyPartReader, web
from telegram.request import BaseRequest, RequestData

from tests import telegram_text

# Parameters PTB serialises as JSON strings inside the form.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "commands",
        "menu_button",
        "entities",
        "caption_entities",
        "link_preview_options",
        "allowed_updates",
        "scope",
        "reply_parameters",
        "media",
        "rights",
    }
)
_INT_PARAMS = frozenset(
    {"chat_id", "message_id", "offset", "limit", "user_id", "from_chat_id", "message_thread_id"}
)
_NOT_MESSAGES = frozenset({"sendChatAction"})
_MESSAGES = ("send", "forward", "copy", "editMessage")
_DEFAULT_ERRORS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
_MENTION = re.compile(r"@[A-Za-z0-9_]{3,}")


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded (multipart)."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class Call:
    """One request the bot made and how the fake answered it."""

    method: str
    params: dict[str, Any]
    at: float  # the fake's monotonic time when it handled the call
    status: int = 200
    description: str | None = None
    result: Any = None  # what the fake answered (e.g. the Message sent)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")


@dataclass
class _Fault:
    method: str
    chat_id: int | None
    code: int
    description: str
    parameters: dict[str, Any] | None
    times: int


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class TelegramLimits:
    """Telegram's flood limits, counted at the instant a message arrives."""

    per_second: float | None = 30
    per_chat_per_second: float | None = 1
    chat_burst: int = 1
    penalty: float | None = None  # None: wait only as long as needed; else this long, banned
    group_per_minute: int | None = None  # groups and channels (negative ids)
    accepted: deque[float] = field(default_factory=deque)
    groups: dict[Any, deque[float]] = field(default_factory=dict)
    chats: dict[Any, _Bucket] = field(default_factory=dict)
    banned_until: float = -math.inf
    chats_banned_until: dict[Any, float] = field(default_factory=dict)

    def refuse(self, chat_id: Any, now: float) -> int | None:
        """Return the retry_after for a message arriving now, or None to accept it."""
        ban = max(self.banned_until, self.chats_banned_until.get(chat_id, -math.inf))
        if ban > now:
            return max(1, math.ceil(ban - now))
        while self.accepted and self.accepted[0] <= now - 1.0:
            self.accepted.popleft()
        overall = chat = 0.0
        if self.per_second and len(self.accepted) >= self.per_second:
            overall = self.accepted[0] + 1.0 - now
        bucket = self.chats.get(chat_id)
        if self.per_chat_per_second and bucket is not None:
            tokens = self._tokens(bucket, now)
            if tokens < 1:
                chat = (1 - tokens) / self.per_chat_per_second
        minute = self.groups.get(chat_id)
        if self.group_per_minute and minute is not None:
            while minute and minute[0] <= now - 60.0:
                minute.popleft()
            if len(minute) >= self.group_per_minute:
                chat = max(chat, minute[0] + 60.0 - now)
        if overall <= 0 and chat <= 0:
            return None
        if self.penalty is None:
            return max(1, math.ceil(max(overall, chat)))
        if overall > 0:
            self.banned_until = now + self.penalty
        else:
            self.chats_banned_until[chat_id] = now + self.penalty
        return max(1, math.ceil(self.penalty))

    def count(self, chat_id: Any, now: float) -> None:
        """Count an accepted message."""
        self.accepted.append(now)
        if self.group_per_minute and _is_group(chat_id):
            self.groups.setdefault(chat_id, deque()).append(now)
        if self.per_chat_per_second:
            bucket = self.chats.setdefault(chat_id, _Bucket(float(self.chat_burst), now))
            bucket.tokens = self._tokens(bucket, now) - 1
            bucket.at = now

    def _tokens(self, bucket: _Bucket, now: float) -> float:
        assert self.per_chat_per_second
        refill = (now - bucket.at) * self.per_chat_per_second
        return min(float(self.chat_burst), bucket.tokens + refill)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeBotApi:
    """A Bot API server: `async with FakeBotApi() as api: Bot(token, base_url=api.base_url)`."""

    def __init__(
        self,
        bot_id: int = 5550001,
        bot_username: str = "confbot_test_bot",
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.now = monotonic
        self.bot_user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "Confbot",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[Any, itertools.count[int]] = {}
        self._messages: dict[tuple[Any, int], dict[str, Any]] = {}
        self._faults: list[_Fault] = []
        self._blocked: set[Any] = set()
        self._migrated: dict[Any, int] = {}
        self.limits: TelegramLimits | None = None
        self._callback_ids = itertools.count(1)
        self._groups: dict[int, tuple[str, set[int]]] = {}  # group chat -> (title, member ids)
        self._topics: dict[Any, set[int]] = {}  # forum supergroup -> its topics' thread ids
        self._file_ids = itertools.count(1)
        self._changed: asyncio.Condition | None = None
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The URL to give PTB (`ApplicationBuilder().base_url(...)`, TELEGRAM_API_BASE_URL)."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._changed = asyncio.Condition()

    async def stop(self) -> None:
        """Answer pending long polls and stop listening."""
        self._closing = True
        await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    # -- what the test pushes ------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue any raw update (an `update_id` is added when missing); return it."""
        update = dict(update)
        update.setdefault("update_id", next(self._update_ids))
        self._updates.append(update)
        self._notify_soon()
        return update

    def push_message(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        chat_type: str = "private",
        language_code: str | None = "en",
        first_name: str | None = None,
        entities: list[dict[str, Any]] | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """Queue a text message from a user; /commands and @mentions get their entities."""
        chat_id = user_id if chat_id is None else chat_id
        message = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self._chat(chat_id, chat_type, first_name or f"User{user_id}"),
            "from": self._user(user_id, language_code, first_name),
            "text": text,
            **extra,
        }
        found = self._entities(text) if entities is None else entities
        if found:
            message["entities"] = found
        self._messages[(chat_id, message["message_id"])] = message
        return self.push_update({"message": message})

    def push_callback(
        self,
        user_id: int,
        data: str,
        message_id: int,
        chat_id: int | None = None,
        language_code: str | None = "en",
    ) -> dict[str, Any]:
        """Queue a button press on `message_id` (a message the bot sent, or a made-up old one)."""
        chat_id = user_id if chat_id is None else chat_id
        message = self._messages.get((chat_id, message_id)) or {
            "message_id": message_id,
            "date": int(time.time()) - 86400,
            "chat": self._chat(chat_id, "private" if chat_id > 0 else "supergroup", "Old"),
            "from": self.bot_user,
            "text": "…",
        }
        query = {
            "id": str(next(self._callback_ids)),
            "from": self._user(user_id, language_code, None),
            "chat_instance": f"ci{chat_id}",
            "message": message,
            "data": data,
        }
        return self.push_update({"callback_query": query})

    # -- what the test inspects ----------------------------------------------------------------

    def sent(self, chat_id: int | None = None, method: str | None = "sendMessage") -> list[Call]:
        """Return the accepted calls of `method` (None: any), optionally to one chat."""
        return [
            c
            for c in self.calls
            if c.ok
            and (method is None or c.method == method)
            and (chat_id is None or c.chat_id == chat_id)
        ]

    def rejected(self, method: str | None = None) -> list[Call]:
        """Return the calls the fake answered with an error."""
        return [c for c in self.calls if not c.ok and (method is None or c.method == method)]

    def copies(self, method: str = "sendMessage") -> Counter[Any]:
        """Count the accepted `method` calls per chat (duplicates show as counts > 1)."""
        return Counter(c.chat_id for c in self.sent(method=method))

    def texts(self, chat_id: int | None = None) -> list[str]:
        """Return the texts of the accepted messages, optionally to one chat."""
        return [str(c.params.get("text", "")) for c in self.sent(chat_id)]

    async def wait_for(
        self,
        condition: int | Callable[[FakeBotApi], bool],
        timeout: float = 5.0,
        method: str = "sendMessage",
    ) -> None:
        """Wait until `condition(api)` holds, or `condition` accepted `method` calls were made."""

        def met() -> bool:
            if isinstance(condition, int):
                return len(self.sent(method=method)) >= condition
            return condition(self)

        assert self._changed is not None, "start the fake first"
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(met), timeout)
            except TimeoutError:
                raise AssertionError(
                    f"condition not met within {timeout}s; last calls: "
                    f"{[(c.method, c.status, c.params) for c in self.calls[-5:]]}"
                ) from None

    # -- faults and limits ---------------------------------------------------------------------

    def fail_next(
        self,
        method: str = "sendMessage",
        chat_id: int | None = None,
        code: int = 429,
        retry_after: int = 1,
        description: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls of `method` (to `chat_id`, or any) with an error."""
        parameters = None
        if code == 429:
            description = description or f"Too Many Requests: retry after {retry_after}"
            parameters = {"retry_after": retry_after}
        description = description or _DEFAULT_ERRORS.get(code, f"Error {code}")
        self._faults.append(_Fault(method, chat_id, code, description, parameters, times))

    def block(self, chat_id: int) -> None:
        """Answer every send to `chat_id` with 403 (the user blocked the bot)."""
        self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def migrate(self, chat_id: int, new_chat_id: int) -> None:
        """Answer sends to the group `chat_id` with Telegram's 'upgraded to a supergroup' error."""
        self._migrated[chat_id] = new_chat_id

    def enforce_limits(
        self,
        per_second: float | None = 30,
        per_chat_per_second: float | None = 1,
        chat_burst: int = 1,
        penalty: float | None = None,
        group_per_minute: int | None = None,
    ) -> None:
        """Answer 429 to messages beyond `per_second` overall or `per_chat_per_second` per chat."""
        self.limits = TelegramLimits(
            per_second, per_chat_per_second, chat_burst, penalty, group_per_minute
        )

    def strict(self, penalty: float | None = None) -> None:
        """Enforce Telegram's limits: 30/s overall, 1/s per chat after a burst of 3, 20/min
        per group."""
        self.enforce_limits(30, 1, chat_burst=3, penalty=penalty, group_per_minute=20)

    # -- the HTTP side -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        status, body = await self.call(method, params)
        return web.json_response(body, status=status)

    async def call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call (decoded parameters) and record it."""
        at = self.now()
        status, body = await self._answer(method, params, at)
        described = None if status == 200 else body.get("description")
        result = body.get("result")
        self.calls.append(Call(method, params, at, status, described, result))
        await self._notify()
        return status, body

    async def _params(self, request: web.Request) -> dict[str, Any]:
        raw: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            raw.update(await request.json())
        elif request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    raw[part.name] = UploadedFile(part.filename, bytes(await part.read()))
                else:
                    raw[part.name] = await part.text()
        elif request.can_read_body:
            raw.update(await request.post())
        for key, value in list(raw.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                raw[key] = raw.pop(value.removeprefix("attach://"), value)
        return {key: _decode(key, value) for key, value in raw.items()}

    async def _answer(
        self, method: str, params: dict[str, Any], at: float
    ) -> tuple[int, dict[str, Any]]:
        error = self._fault(method, params) or self._flood(method, params, at)
        if error is not None:
            return error
        handler = getattr(self, f"_m_{method}", None)
        result = await handler(params) if handler else True
        if isinstance(result, tuple):
            return result
        if self.limits is not None and self._is_message(method):
            self.limits.count(params.get("chat_id"), at)
        return 200, {"ok": True, "result": result}

    def _fault(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        chat_id = params.get("chat_id")
        for fault in self._faults:
            if fault.method == method and fault.chat_id in (None, chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return _error(fault.code, fault.description, fault.parameters)
        if chat_id in self._migrated:  # any method naming the old group, as Telegram does
            return _error(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self._migrated[chat_id]},
            )
        if not self._is_message(method):
            return None
        if chat_id in self._blocked:
            return _error(403, _DEFAULT_ERRORS[403])
        return None

    def _flood(
        self, method: str, params: dict[str, Any], at: float
    ) -> tuple[int, dict[str, Any]] | None:
        if self.limits is None or not self._is_message(method):
            return None
        retry_after = self.limits.refuse(params.get("chat_id"), at)
        if retry_after is None:
            return None
        return _error(
            429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
        )

    @staticmethod
    def _is_message(method: str) -> bool:
        return method.startswith(_MESSAGES) and method not in _NOT_MESSAGES

    async def _notify(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    def _notify_soon(self) -> None:
        if self._changed is not None:
            asyncio.get_running_loop().create_task(self._notify())

    # -- methods -------------------------------------------------------------------------------

    async def _m_getMe(self, params: dict[str, Any]) -> Any:
        return self.bot_user

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> Any:
        if str(params.get("drop_pending_updates", "")).lower() == "true":
            self._updates.clear()
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

        def ready() -> bool:
            return bool(self._updates) or self._closing

        if not ready() and timeout > 0 and self._changed is not None:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(ready), timeout)
        return self._updates[:limit]

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        refused = telegram_text.check(str(params.get("text", "")), params.get("parse_mode"))
        if refused:
            return _error(400, refused)
        thread = params.get("message_thread_id")
        if thread is not None and thread not in self._topics.get(params.get("chat_id"), {thread}):
            return _error(400, "Bad Request: message thread not found")
        in_topic = {"message_thread_id": thread, "is_topic_message": True} if thread else {}
        return self._message(params, text=params.get("text", ""), **in_topic)

    async def _m_sendVenue(self, params: dict[str, Any]) -> Any:
        location = _location(params)
        venue = {
            "location": location,
            "title": params.get("title", ""),
            "address": params.get("address", ""),
        }
        return self._message(params, venue=venue, location=location)

    async def _m_sendLocation(self, params: dict[str, Any]) -> Any:
        return self._message(params, location=_location(params))

    async def _m_sendDocument(self, params: dict[str, Any]) -> Any:
        upload = params.get("document")
        n = next(self._file_ids)
        document: dict[str, Any] = {"file_id": f"doc{n}", "file_unique_id": f"udoc{n}"}
        if isinstance(upload, UploadedFile):
            document.update(file_name=upload.filename, file_size=len(upload.data))
        extra = {"caption": params["caption"]} if "caption" in params else {}
        if "caption" in params:
            limit = telegram_text.CAPTION_LIMIT
            refused = telegram_text.check(str(params["caption"]), params.get("parse_mode"), limit)
            if refused:
                return _error(400, refused)
        return self._message(params, document=document, **extra)

    async def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        refused = telegram_text.check(str(params.get("text", "")), params.get("parse_mode"))
        if refused:
            return _error(400, refused)
        return self._edit(params, "text", params.get("text", ""))

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        return self._edit(params, "reply_markup", params.get("reply_markup"))

    async def _m_deleteMessage(self, params: dict[str, Any]) -> Any:
        key = (params.get("chat_id"), params.get("message_id"))
        if self._messages.pop(key, None) is None:
            return _error(400, "Bad Request: message to delete not found")
        return True

    # -- groups and members (getChat, getChatMember) ------------------------------------------

    def add_group(
        self,
        chat_id: int,
        members: set[int],
        title: str = "Organisers",
        topics: set[int] | None = None,
    ) -> None:
        """Make `chat_id` a supergroup whose members are `members` (add the bot's id to join it);
        with `topics` (their message_thread_ids) it is a forum."""
        self._groups[chat_id] = (title, set(members))
        if topics is not None:
            self._topics[chat_id] = set(topics)

    async def _m_getChat(self, params: dict[str, Any]) -> Any:
        group = self._groups.get(int(params.get("chat_id") or 0))
        if group is None or self.bot_user["id"] not in group[1]:
            return _error(400, "Bad Request: chat not found")
        chat = {"id": params["chat_id"], "type": "supergroup", "title": group[0]}
        if params["chat_id"] in self._topics:
            chat["is_forum"] = True
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11}

    async def _m_getChatMember(self, params: dict[str, Any]) -> Any:
        group = self._groups.get(int(params.get("chat_id") or 0))
        if group is None or self.bot_user["id"] not in group[1]:
            return _error(400, "Bad Request: chat not found")
        user_id = int(params.get("user_id") or 0)
        user = self.bot_user if user_id == self.bot_user["id"] else self._user(user_id, None, None)
        status = "member" if user_id in group[1] else "left"
        return {"status": status, "user": user}

    # -- building Telegram objects -------------------------------------------------------------

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self._chat(chat_id, None, None),
            "from": self.bot_user,
            **content,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _edit(self, params: dict[str, Any], key: str, value: Any) -> Any:
        if "inline_message_id" in params:
            return True
        message = self._messages.get((params.get("chat_id"), params.get("message_id")))
        if message is None:
            return _error(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup")
        if message.get(key) == value and (
            key == "reply_markup" or message.get("reply_markup") == markup
        ):
            return _error(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )  # fmt: skip
        message = {**message, key: value, "edit_date": int(time.time())}
        if key == "text":
            message.pop("reply_markup", None)
            if markup:
                message["reply_markup"] = markup
        self._messages[(params.get("chat_id"), params.get("message_id"))] = message
        return message

    def _next_message_id(self, chat_id: Any) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _chat(self, chat_id: Any, chat_type: str | None, name: str | None) -> dict[str, Any]:
        if isinstance(chat_id, str) and not chat_id.lstrip("-").isdigit():
            return {"id": -1000000000001, "type": "channel", "title": chat_id}
        if chat_type is None:
            chat_type = "private" if int(chat_id) > 0 else "supergroup"
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": name or f"User{chat_id}"}
        return {"id": chat_id, "type": chat_type, "title": name or f"Group{chat_id}"}

    def _user(
        self, user_id: int, language_code: str | None, first_name: str | None
    ) -> dict[str, Any]:
        user: dict[str, Any] = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name or f"User{user_id}",
        }
        if language_code:
            user["language_code"] = language_code
        return user  # fmt: skip

    def _entities(self, text: str) -> list[dict[str, Any]]:
        found = []
        command = text.split()[0] if text.startswith("/") and text.split() else ""
        if command:
            found.append({"type": "bot_command", "offset": 0, "length": _utf16_len(command)})
        for match in _MENTION.finditer(text, len(command)):
            found.append(
                {
                    "type": "mention",
                    "offset": _utf16_len(text[: match.start()]),
                    "length": _utf16_len(match.group()),
                }
            )
        return found


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in _INT_PARAMS and re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def _is_group(chat_id: Any) -> bool:
    return isinstance(chat_id, str) or (isinstance(chat_id, int) and chat_id < 0)


def _location(params: dict[str, Any]) -> dict[str, float]:
    return {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}


def _error(
    code: int, description: str, parameters: dict[str, Any] | None = None
) -> tuple[int, dict[str, Any]]:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return code, body


class InProcessRequest(BaseRequest):
    """PTB's request layer wired straight to a FakeBotApi: no HTTP, so time can be virtual."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        """Answer the call the URL names with the fake's logic."""
        params: dict[str, Any] = {}
        if request_data is not None:
            params = {key: _decode(key, value) for key, value in request_data.parameters.items()}
            for name, (filename, data, *_mime) in request_data.multipart_data.items():
                if isinstance(data, bytes):
                    params[name] = UploadedFile(str(filename), data)
        status, body = await self.api.call(url.rsplit("/", 1)[-1], params)
        return status, json.dumps(body).encode()
