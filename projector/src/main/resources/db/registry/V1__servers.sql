-- ohkay_server_registry: servers and where their databases live, projected from ohkay.server.events.
CREATE TABLE servers (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    owner_id      uuid        NOT NULL,
    cluster       text        NOT NULL,
    database_name text        NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL
);

CREATE TABLE server_members (
    server_id uuid        REFERENCES servers (id) ON DELETE CASCADE,
    user_id   uuid        NOT NULL,
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (server_id, user_id)
);
CREATE INDEX server_members_user_id ON server_members (user_id);

CREATE TABLE server_stats (
    server_id uuid   REFERENCES servers (id) ON DELETE CASCADE,
    day       date   NOT NULL,
    messages  bigint NOT NULL,
    PRIMARY KEY (server_id, day)
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
    seq          bigint NOT NULL  -- the last applied seq of the aggregate
);
