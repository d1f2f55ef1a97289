-- Every free-text question, for the organisers' statistics. No user or chat id: the asker is
-- an HMAC-SHA256 of the user id under this database's own salt, so /forgetme can find the rows.
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    asked_at    TEXT NOT NULL,   -- UTC instant by the bot's clock (ISO-8601)
    asker       TEXT,            -- hex HMAC-SHA256(salt, user id); NULL when no user (channels)
    text        TEXT NOT NULL,
    lang        TEXT NOT NULL,   -- the detected (answer) language
    kind        TEXT NOT NULL,   -- the matcher's reply kind: entry, schedule, abstain
    entry       TEXT,            -- the matched entry id; NULL when unanswered
    score       REAL NOT NULL
);
CREATE INDEX questions_asked_at ON questions(asked_at);
CREATE INDEX questions_asker ON questions(asker);

-- The salt of the asker hashes: random, generated on first use, never leaves the database.
CREATE TABLE question_salt (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    salt        TEXT NOT NULL    -- hex
);
