package io.ohkay.projector.apply;

import io.ohkay.projector.server.ServerPlacement;
import io.ohkay.projector.server.ServersProjection;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ServerId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The placements the registry records: where each server's database lives and how to log in. A
 * server created in the batch being applied has no committed row yet (the registry commits last):
 * its placement is the row the batch is about to write.
 */
final class Placements {

  private static final Logger LOG = LoggerFactory.getLogger(Placements.class);

  private static final String SELECT =
      "SELECT id, deleted_at IS NOT NULL, cluster, database_name, db_role, db_credentials"
          + " FROM servers WHERE id = ANY (?)";
  private static final String UNSEALED =
      "SELECT id, cluster, database_name FROM servers WHERE db_credentials IS NULL";
  private static final String SEAL =
      "UPDATE servers SET db_credentials = ? WHERE id = ? AND db_credentials IS NULL";

  private final ServersProjection servers;

  Placements(ServersProjection servers) {
    this.servers = servers;
  }

  /**
   * The registry's rows of {@code ids}: the placement of each, and which are deleted.
   *
   * @param deleted receives the ids the registry marks deleted
   */
  Map<ServerId, ServerPlacement> load(
      Connection registry, Collection<ServerId> ids, Collection<ServerId> deleted)
      throws SQLException {
    var placements = new HashMap<ServerId, ServerPlacement>();
    try (var select = registry.prepareStatement(SELECT)) {
      select.setArray(
          1, registry.createArrayOf("uuid", ids.stream().map(ServerId::value).toArray()));
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          var id = new ServerId(rows.getObject(1, UUID.class));
          if (rows.getBoolean(2)) {
            deleted.add(id);
          }
          var sealed = rows.getString(6);
          placements.put(
              id,
              sealed == null
                  ? servers.placement(id, rows.getString(3), rows.getString(4))
                  : new ServerPlacement(
                      id, rows.getString(3), rows.getString(4), rows.getString(5), sealed));
        }
      }
    }
    return placements;
  }

  /** The row a server's creation writes, credentials sealed anew. */
  ServerPlacement of(ServerCreated created) {
    return servers.placementOf(created);
  }

  /**
   * Seals the credentials of rows written before the registry recorded them (migration V4), or
   * whose credentials were cleared because their cluster was renamed (V5); returns how many.
   */
  int sealMissing(Connection registry) throws SQLException {
    var unsealed = new ArrayList<ServerPlacement>();
    try (var select = registry.prepareStatement(UNSEALED);
        var rows = select.executeQuery()) {
      while (rows.next()) {
        var id = new ServerId(rows.getObject(1, UUID.class));
        var placement = servers.placement(id, rows.getString(2), rows.getString(3));
        unsealed.add(placement);
      }
    }
    try (var update = registry.prepareStatement(SEAL)) {
      for (var placement : unsealed) {
        update.setString(1, placement.sealedCredentials());
        update.setObject(2, placement.server().value());
        update.addBatch();
      }
      update.executeBatch();
    }
    if (!unsealed.isEmpty()) {
      LOG.info("Sealed the database credentials of {} servers that had none", unsealed.size());
    }
    return unsealed.size();
  }
}
