-- ohkay_auth: read state of notifications, projected from ohkay.auth.events (notifications.read).
-- Marks and notifications come from two topics consumed independently (and a rebuild replays the
-- auth events first), so a mark may be written before the notification it names: no foreign key,
-- and the read state of a notification is derived when it is read, never written into its row.

-- One notification marked read by its user: the first time it was marked stays. Keyed by user too,
-- so nobody's mark of an id (a guessed one) can take the row of the notification's owner.
CREATE TABLE notification_reads (
    user_id         uuid        NOT NULL,
    notification_id uuid        NOT NULL,  -- notifications.id, possibly not projected yet
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (user_id, notification_id)
);

-- Read all: every notification of the user created at or before read_before is read.
CREATE TABLE notification_watermarks (
    user_id     uuid        PRIMARY KEY,
    read_before timestamptz NOT NULL  -- only ever moves forward
);

-- Never written: the read state is the two tables above.
ALTER TABLE notifications DROP COLUMN read_at;
