-- ohkay_server_registry: who may not join a server, and the invite codes that let users join.
CREATE TABLE server_bans (
    server_id uuid        REFERENCES servers (id) ON DELETE CASCADE,
    user_id   uuid        NOT NULL,
    reason    text,
    banned_at timestamptz NOT NULL,
    PRIMARY KEY (server_id, user_id)
);

CREATE TABLE invite_codes (
    code       text        PRIMARY KEY,
    server_id  uuid        NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
    created_by uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz,          -- null: never expires
    max_uses   int,                  -- null: unlimited
    uses       int         NOT NULL DEFAULT 0
);
CREATE INDEX invite_codes_server_id ON invite_codes (server_id);
