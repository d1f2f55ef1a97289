-- Everyone who has talked to the bot in a private chat (or a group chat it answers in).
CREATE TABLE users (
    user_id     INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    lang        TEXT,            -- chosen with /language; NULL = follow Telegram's language_code
    tg_lang     TEXT,            -- Telegram's language_code, normalised to es/en
    active      INTEGER NOT NULL DEFAULT 1,  -- 0 once the user blocked the bot
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX users_active ON users(active);
