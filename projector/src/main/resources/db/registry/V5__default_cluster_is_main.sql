-- ohkay_server_registry: servers projected before placement was recorded were written on cluster
-- 'default', the one cluster there was; that cluster is now 'main' (ServerCreated.DEFAULT_CLUSTER),
-- the cluster their server.created events read as. Their credentials, if the projector sealed them
-- after V4, are bound to 'default' and cannot be opened on 'main': they are cleared, and the
-- projector seals them anew for 'main' at its next start, before it consumes (as after V4).
UPDATE servers
SET cluster        = 'main',
    db_credentials = NULL
WHERE cluster = 'default';
