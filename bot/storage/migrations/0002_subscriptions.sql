-- Who wants day-before reminders, and about which sessions.
CREATE TABLE subscriptions (
    user_id     INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
    sessions    TEXT,            -- JSON list of chosen session ids; NULL = every session
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One row per (user, event day) reminder, claimed as 'pending' before it is sent, then settled.
CREATE TABLE reminder_deliveries (
    user_id     INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    day         TEXT NOT NULL,   -- the event-local day the reminder is about (YYYY-MM-DD)
    status      TEXT NOT NULL CHECK (status IN
                    ('pending', 'delivered', 'blocked', 'not_found', 'failed', 'skipped')),
    late        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX reminder_deliveries_status ON reminder_deliveries(status);

-- What each user was last told about a session's date, times and venue (to notice changes).
CREATE TABLE announced (
    user_id     INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    session_id  TEXT NOT NULL,
    fingerprint TEXT NOT NULL,   -- JSON {"date", "start", "end", "venue"}
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, session_id)
);

-- "The programme changed" notices, claimed as 'pending' before they are sent, then settled.
CREATE TABLE change_notices (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    sessions    TEXT NOT NULL,   -- JSON list of the changed session ids
    status      TEXT NOT NULL CHECK (status IN
                    ('pending', 'delivered', 'blocked', 'not_found', 'failed')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX change_notices_status ON change_notices(status);
