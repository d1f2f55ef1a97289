-- "Ask the organisers": an attendee's question, from the preview they confirm to the answers.
-- A ticket holds the user id and chat id (the answer must reach them); /forgetme deletes it.
CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,  -- the short number shown as #12
    user_id     INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    chat_id     INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT,            -- only when the attendee chose to share it
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                    ('draft', 'sending', 'open', 'answered', 'cancelled', 'failed')),
    followed_up INTEGER NOT NULL DEFAULT 0,  -- the attendee's one answer back was used
    created_at  TEXT NOT NULL,   -- UTC instants by the bot's clock (ISO-8601)
    sent_at     TEXT,
    answered_at TEXT
);
CREATE INDEX tickets_user ON tickets(user_id, status);
CREATE INDEX tickets_status ON tickets(status);

-- Every message relayed for a ticket, keyed by the Telegram message it came from: an update
-- seen twice (a restart) finds its row and is never relayed again.
CREATE TABLE ticket_messages (
    chat_id     INTEGER NOT NULL,  -- where it was written (the organisers' chat or the attendee's)
    message_id  INTEGER NOT NULL,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    direction   TEXT NOT NULL CHECK (direction IN ('answer', 'follow_up')),
    text        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
                    ('pending', 'delivered', 'blocked', 'not_found', 'failed')),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX ticket_messages_ticket ON ticket_messages(ticket_id, status);

-- FAQ entries drafted from answered tickets ("➕ FAQ"); the bot never writes the KB itself.
CREATE TABLE faq_drafts (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
