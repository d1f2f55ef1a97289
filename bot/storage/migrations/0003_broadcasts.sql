-- Organiser broadcasts: a draft until its admin confirms it, then delivered recipient by recipient.
CREATE TABLE broadcasts (
    id          INTEGER PRIMARY KEY,
    admin_id    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    texts       TEXT NOT NULL,   -- JSON {"es": ..., "en": ...}, one of them, or {"*": one text}
    audience    TEXT NOT NULL CHECK (audience IN ('everyone', 'subscribers')),
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                    ('draft', 'confirmed', 'sending', 'done', 'cancelled')),
    started_at  TEXT,
    finished_at TEXT,
    total       INTEGER NOT NULL DEFAULT 0,  -- recipients, fixed when confirmed
    delivered   INTEGER NOT NULL DEFAULT 0,  -- outcome counts, written when done
    blocked     INTEGER NOT NULL DEFAULT 0,
    not_found   INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX broadcasts_status ON broadcasts(status);

-- Everyone a confirmed broadcast goes to, written in the confirming transaction.
-- 'sending' = handed to Telegram, answer not recorded yet (resent after a crash).
CREATE TABLE broadcast_recipients (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    chat_id      INTEGER NOT NULL,
    lang         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
                     ('pending', 'sending', 'delivered', 'blocked', 'not_found', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (broadcast_id, user_id)
) WITHOUT ROWID;
CREATE INDEX broadcast_recipients_status ON broadcast_recipients(broadcast_id, status);
