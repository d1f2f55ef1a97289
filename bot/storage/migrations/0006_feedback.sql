-- One row per (user, session) feedback request, claimed as 'pending' before it is sent, then
-- settled: exactly once across restarts, as for reminders.
CREATE TABLE feedback_requests (
    user_id     INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    session_id  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN
                    ('pending', 'delivered', 'blocked', 'not_found', 'failed', 'skipped')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, session_id)
);
CREATE INDEX feedback_requests_status ON feedback_requests(status);

-- A user's rating (1-5, the latest press) and comment for a session.
CREATE TABLE feedback (
    user_id       INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    session_id    TEXT NOT NULL,
    rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
    comment       TEXT,
    comment_until TEXT,          -- the next message until this UTC instant is the comment
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, session_id)
);

-- Users who said /feedback off.
CREATE TABLE feedback_optout (
    user_id     INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE
);
