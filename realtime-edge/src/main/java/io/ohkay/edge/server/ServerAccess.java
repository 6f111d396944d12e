package io.ohkay.edge.server;

import io.ohkay.edge.position.Freshness;
import io.ohkay.schemas.id.ServerId;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A member's read access to one server: its own database, and whether the reads so far saw the
 * position the request asked for.
 */
public record ServerAccess(ServerId serverId, DatabaseClient database, Freshness freshness) {}
