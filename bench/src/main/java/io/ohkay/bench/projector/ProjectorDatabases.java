package io.ohkay.bench.projector;

import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.apply.AppliedSeqs;
import io.ohkay.projector.apply.ServerEventsApplier;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.db.PostgresEndpoint;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.id.ServerId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

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

  ProjectorDatabases(EmbeddedPostgresServer postgres, int servers) {
    var endpoint =
        new PostgresEndpoint(
            postgres.host(), postgres.port(), postgres.username(), postgres.password());
    this.databases = new Databases(endpoint, 2 * servers);
    String namespace = SharedInfrastructure.uniqueName("benchp");
    this.system = new DatabaseNames(namespace + "_");
    this.baseline = new DatabaseNames(namespace + "b_");
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
        registry,
        server -> Optional.of(open(system.server(server), DatabaseKind.SERVER)),
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
        databases.drop(name);
      }
    } finally {
      databases.close();
    }
  }
}
