-- ohkay_server_registry: each server database's own login role, owner of the database, and the
-- role's password sealed for its row (io.ohkay.schemas.placement.ServerCredentials: AES-256-GCM,
-- the row's server, cluster, database and role as associated data).
-- Rows older than this migration get their role here, named like their database; their
-- credentials cannot be sealed in SQL, so the projector seals them at its next start, before it
-- consumes: db_credentials is null only in between.
ALTER TABLE servers
    ADD COLUMN db_role        text,
    ADD COLUMN db_credentials text;

UPDATE servers SET db_role = database_name;

ALTER TABLE servers ALTER COLUMN db_role SET NOT NULL;
