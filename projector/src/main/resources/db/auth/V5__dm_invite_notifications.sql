-- ohkay_auth: notifications of direct messages to an offline recipient (projected from
-- ohkay.dm.events by the DM events consumer, whose positions and per-conversation seqs are kept
-- here too) and of invites sent to a user (from ohkay.server.events, removed with their server).
ALTER TABLE notifications
    DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('MENTION', 'DM', 'INVITE')),
    ADD COLUMN conversation_id uuid,  -- DM
    ADD COLUMN invite_code     text;  -- INVITE
