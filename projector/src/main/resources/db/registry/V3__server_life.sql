-- ohkay_server_registry: server descriptions, deletion and member counts.
-- A deleted server keeps its row (its id is never used again); its database is dropped once the
-- deletion is committed here, and database_state says so from that commit on.
ALTER TABLE servers
    ADD COLUMN description    text,
    ADD COLUMN deleted_at     timestamptz,
    ADD COLUMN database_state text NOT NULL DEFAULT 'ACTIVE'
        CHECK (database_state IN ('ACTIVE', 'DROPPED')),
    ADD COLUMN member_count   int  NOT NULL DEFAULT 0,
    ADD CONSTRAINT servers_dropped_when_deleted
        CHECK ((deleted_at IS NULL) = (database_state = 'ACTIVE'));

UPDATE servers s
SET member_count = (SELECT count(*) FROM server_members m WHERE m.server_id = s.id);
