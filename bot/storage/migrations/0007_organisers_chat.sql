-- "Ask the organisers": when an answer could not reach the attendee (they blocked the bot), and
-- where the organisers' group went when Telegram upgraded it to a supergroup (a new chat id).
ALTER TABLE tickets ADD COLUMN undelivered_at TEXT;  -- set once, when the organisers were told

CREATE TABLE chat_moves (
    from_chat   INTEGER PRIMARY KEY,  -- the id in CONFBOT_ORGANISERS_CHAT
    to_chat     INTEGER NOT NULL,     -- the supergroup it became (ChatMigrated)
    moved_at    TEXT NOT NULL
);
