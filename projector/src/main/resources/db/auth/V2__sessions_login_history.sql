-- Sessions, login history and account deletion, projected from ohkay.auth.events.

-- A deleted account stays as a tombstone (id, created_at, deleted_at) so nothing that names it
-- dangles; its e-mail and password hash are erased and the e-mail is free again.
-- E-mail uniqueness is the decider's (one partition owns each address), not this table's: a
-- released address's next owner is another user, on another partition of the events topic, so
-- the new row may be projected before the old owner's erasure. An index serves the sign-in lookup.
ALTER TABLE users
    DROP CONSTRAINT users_email_key,
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN password_hash DROP NOT NULL,
    ADD COLUMN deleted_at timestamptz,
    ADD CONSTRAINT users_erased_when_deleted CHECK (
        (deleted_at IS NULL AND email IS NOT NULL AND password_hash IS NOT NULL)
        OR (deleted_at IS NOT NULL AND email IS NULL AND password_hash IS NULL));
CREATE INDEX users_email ON users (email);

-- One row per session (refresh-token family). generation = the current refresh token's.
CREATE TABLE sessions (
    id            uuid        PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id),
    generation    int         NOT NULL,
    created_at    timestamptz NOT NULL,
    refreshed_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,  -- unless refreshed first
    ip            text,
    user_agent    text,
    revoked_at    timestamptz,
    revoke_reason text,       -- SIGNED_OUT | REFRESH_TOKEN_REUSED | ACCOUNT_DELETED
    CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Every sign-in attempt on an existing account: success (a session started) or failure.
CREATE TABLE login_history (
    event_id    uuid        PRIMARY KEY,  -- the event it was projected from: rebuilds are identical
    user_id     uuid        NOT NULL REFERENCES users (id),
    occurred_at timestamptz NOT NULL,
    success     boolean     NOT NULL,
    session_id  uuid        REFERENCES sessions (id),
    ip          text,
    user_agent  text,
    CHECK (success = (session_id IS NOT NULL))
);
CREATE INDEX login_history_user ON login_history (user_id, occurred_at DESC);
