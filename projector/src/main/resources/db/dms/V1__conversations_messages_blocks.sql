-- ohkay_dms: direct messages, projected from ohkay.dm.events (one aggregate per conversation).
CREATE TABLE dm_conversations (
    id               uuid        PRIMARY KEY,
    user_low         uuid        NOT NULL,  -- the smaller user id of the pair (uuid order)
    user_high        uuid        NOT NULL,
    initiator_id     uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,  -- created_at, then each sent message's occurredAt
    UNIQUE (user_low, user_high)
);
CREATE INDEX dm_conversations_low  ON dm_conversations (user_low,  last_activity_at DESC);
CREATE INDEX dm_conversations_high ON dm_conversations (user_high, last_activity_at DESC);

-- Soft delete: a deleted message keeps its place (seq), its content becomes null.
CREATE TABLE dm_messages (
    id              uuid        PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES dm_conversations (id),
    author_id       uuid        NOT NULL,
    content         text,                   -- null once deleted
    created_at      timestamptz NOT NULL,
    seq             bigint      NOT NULL,   -- the event's seq: the conversation's gap-free position
    deleted_at      timestamptz,
    UNIQUE (conversation_id, seq)           -- also serves pages and unread counts
);

-- Unread count of U in C: messages of C not by U, not deleted, with seq > U's last_read_seq here.
CREATE TABLE dm_read_status (
    conversation_id uuid        NOT NULL REFERENCES dm_conversations (id),
    user_id         uuid        NOT NULL,
    last_read_seq   bigint      NOT NULL,   -- the ConversationRead event's seq; only moves forward
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);

-- One row per block in force; lifting it deletes the row.
CREATE TABLE dm_blocks (
    blocker_id uuid        NOT NULL,
    blocked_id uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);

-- Exactly-once effect: written in the same transaction as the rows.
CREATE TABLE projection_offsets (
    consumer  text   NOT NULL,
    topic     text   NOT NULL,
    partition int    NOT NULL,
    "offset"  bigint NOT NULL,  -- the next offset to read
    PRIMARY KEY (consumer, topic, partition)
);

CREATE TABLE aggregate_versions (
    aggregate_id uuid   PRIMARY KEY,
    seq          bigint NOT NULL  -- the last applied seq of the conversation
);
