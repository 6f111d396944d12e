-- ohkay_auth: accounts and profiles, projected from ohkay.auth.events.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE user_profiles (
    user_id      uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    display_name text        NOT NULL,
    avatar_url   text,
    bio          text,
    updated_at   timestamptz NOT NULL
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
