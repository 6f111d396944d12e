-- ohkay_server_<id>: one server's channels and messages, projected from ohkay.server.events.
CREATE TABLE channels (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    position   int         NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE messages (
    id         uuid        PRIMARY KEY,
    channel_id uuid        NOT NULL REFERENCES channels (id),
    author_id  uuid        NOT NULL,
    content    text        NOT NULL,
    created_at timestamptz NOT NULL,
    seq        bigint      NOT NULL UNIQUE,
    edited_at  timestamptz,
    deleted_at timestamptz
);
CREATE INDEX messages_channel_id_seq ON messages (channel_id, seq);

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
    seq          bigint NOT NULL  -- the last applied seq of the aggregate
);
