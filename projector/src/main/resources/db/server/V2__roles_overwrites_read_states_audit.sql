-- ohkay_server_<id>: roles and their assignments, channel overwrites, message edits, soft deletes,
-- system messages and search, read states and the audit log, projected from ohkay.server.events.
--
-- Foreign keys to channels are DEFERRABLE INITIALLY DEFERRED: within one projected batch channels
-- are created, moved and deleted last, by the statement that also posts the system messages (they
-- go to the first channel as it is at their event, so that statement keeps event order), after the
-- rows that point at a channel are written. The keys hold at commit.

CREATE TABLE roles (
    id          uuid        PRIMARY KEY,  -- the everyone role's id is the server's id
    name        text        NOT NULL,
    permissions text[]      NOT NULL,     -- io.ohkay.schemas.permission.Permission names
    created_at  timestamptz NOT NULL
);

CREATE TABLE member_roles (
    user_id uuid NOT NULL,
    role_id uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX member_roles_role_id ON member_roles (role_id);

CREATE TABLE channel_overwrites (
    channel_id  uuid   NOT NULL
        REFERENCES channels (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    target_type text   NOT NULL CHECK (target_type IN ('ROLE', 'MEMBER')),
    target_id   uuid   NOT NULL,  -- a role id or a user id
    allow       text[] NOT NULL,
    deny        text[] NOT NULL,
    PRIMARY KEY (channel_id, target_id)
);
CREATE INDEX channel_overwrites_target_id ON channel_overwrites (target_id);

ALTER TABLE messages DROP CONSTRAINT messages_channel_id_fkey;
ALTER TABLE messages
    ADD CONSTRAINT messages_channel_id_fkey FOREIGN KEY (channel_id)
        REFERENCES channels (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
-- Null once deleted (deleted_at set), and for system messages.
ALTER TABLE messages ALTER COLUMN content DROP NOT NULL;
ALTER TABLE messages
    ADD COLUMN kind        text NOT NULL DEFAULT 'USER' CHECK (kind IN ('USER', 'SYSTEM')),
    ADD COLUMN system_type text CHECK (system_type IN ('JOINED', 'LEFT', 'KICKED', 'BANNED')),
    ADD CONSTRAINT messages_system_type_of_system CHECK ((kind = 'SYSTEM') = (system_type IS NOT NULL)),
    ADD CONSTRAINT messages_content_unless_deleted
        CHECK (kind = 'SYSTEM' OR deleted_at IS NOT NULL OR content IS NOT NULL);
ALTER TABLE messages
    ADD COLUMN search tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(content, ''))) STORED;
CREATE INDEX messages_search ON messages USING gin (search);

-- Up to which seq a member has read a channel: every message of the channel with a lower seq.
CREATE TABLE read_states (
    user_id       uuid        NOT NULL,
    channel_id    uuid        NOT NULL
        REFERENCES channels (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    last_read_seq bigint      NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, channel_id)
);

-- One row per moderation event; id = the event's id, seq = its seq.
CREATE TABLE audit_log (
    id          uuid        PRIMARY KEY,
    seq         bigint      NOT NULL UNIQUE,
    action      text        NOT NULL,
    actor_id    uuid,
    target_id   uuid,
    reason      text,
    details     jsonb       NOT NULL DEFAULT '{}',  -- the event payload's other fields
    occurred_at timestamptz NOT NULL
);
