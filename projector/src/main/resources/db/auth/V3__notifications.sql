-- ohkay_auth: notifications, projected from ohkay.server.events (members.mentioned) by the server
-- events consumer, whose positions and per-server seqs are kept here too.
CREATE TABLE notifications (
    id         uuid        PRIMARY KEY,  -- nameUUID(eventId + "/" + userId)
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('MENTION')),
    server_id  uuid,
    channel_id uuid,
    message_id uuid,
    actor_id   uuid,
    created_at timestamptz NOT NULL,
    read_at    timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
