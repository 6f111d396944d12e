package io.ohkay.bench.projector;

import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.apply.AppliedSeqs;
import io.ohkay.projector.apply.ServerEventsApplier;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.db.PostgresEndpoint;
import io.ohkay.projector.db.ServerLogin;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.server.ServerPlacement;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The databases of one run, in namespaces of their own, through the projector's own {@link
 * Databases} (created, migrated, pooled as in production): the system's registry, auth and server
 * databases, and one more freshly migrated server database per server for the baseline. Every one
 * is dropped on close.
 */
final class ProjectorDatabases implements AutoCloseable {

  private static final String INSERT_CHANNEL =
      "INSERT INTO channels (id, name, position, created_at) VALUES (?, 'general', 0, now())";

  private final Databases databases;
  private final DatabaseNames system;
  private final DatabaseNames baseline;
  private final List<String> opened = new ArrayList<>();

  /** Seals the registry's credentials as the projector does; its key lives for this run only. */
  private final ServerCredentials credentials;

  ProjectorDatabases(EmbeddedPostgresServer postgres, int servers) {
    var endpoint =
        new PostgresEndpoint(
            postgres.host(), postgres.port(), postgres.username(), postgres.password());
    this.databases =
        new Databases(endpoint, Map.of(ServerCreated.DEFAULT_CLUSTER, endpoint), 2 * servers);
    String namespace = SharedInfrastructure.uniqueName("benchp");
    this.system = new DatabaseNames(namespace + "_");
    this.baseline = new DatabaseNames(namespace + "b_");
    var key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.credentials = ServerCredentials.of(key);
  }

  /**
   * The system: the live projector's applier on this run's registry and auth databases, each
   * server's database opened on first write as the projector opens it.
   */
  ServerEventsApplier applier() throws SQLException {
    var registry = open(system.registry(), DatabaseKind.REGISTRY);
    var auth = open(system.auth(), DatabaseKind.AUTH);
    return new ServerEventsApplier(
        system,
        credentials,
        registry,
        (server, placement) -> Optional.of(openAsOwner(server, placement)),
        auth,
        new AppliedSeqs());
  }

  /** The system's server databases, once the applier created them. */
  List<DataSource> systemServers(List<ServerId> servers) throws SQLException {
    var found = new ArrayList<DataSource>();
    for (var server : servers) {
      found.add(open(system.server(server), DatabaseKind.SERVER));
    }
    return found;
  }

  /** The baseline's databases: per server, a freshly migrated one holding its channel. */
  LinkedHashMap<ServerId, DataSource> baselineServers(MessageEvents events) throws SQLException {
    var found = new LinkedHashMap<ServerId, DataSource>();
    for (var server : events.servers()) {
      var database = open(baseline.server(server), DatabaseKind.SERVER);
      try (var connection = database.getConnection();
          var insert = connection.prepareStatement(INSERT_CHANNEL)) {
        insert.setObject(1, events.channel(server).value());
        insert.executeUpdate();
      }
      found.put(server, database);
    }
    return found;
  }

  /** A server's database as the projector opens it: logged in as its own role, as placed. */
  private synchronized DataSource openAsOwner(ServerId server, @Nullable ServerPlacement placement)
      throws SQLException {
    if (placement == null) {
      return open(system.server(server), DatabaseKind.SERVER);
    }
    if (!opened.contains(placement.database())) {
      opened.add(placement.database());
    }
    return databases.open(
        new ServerLogin(
            placement.cluster(),
            placement.database(),
            placement.role(),
            () -> placement.password(credentials)));
  }

  private synchronized DataSource open(String name, DatabaseKind kind) throws SQLException {
    if (!opened.contains(name)) {
      opened.add(name);
    }
    return databases.open(name, kind);
  }

  @Override
  public synchronized void close() throws SQLException {
    try {
      for (var name : opened) {
        // Server databases have a role named like them; the others have none to drop.
        databases.drop(ServerCreated.DEFAULT_CLUSTER, name, ServerCredentials.roleName(name));
      }
    } finally {
      databases.close();
    }
  }
}
