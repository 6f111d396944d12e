package io.ohkay.projector.apply;

import io.ohkay.projector.audit.AuditLogProjection;
import io.ohkay.projector.channel.ChannelOverwritesProjection;
import io.ohkay.projector.channel.ChannelsProjection;
import io.ohkay.projector.message.MessagesProjection;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.read.ReadStatesProjection;
import io.ohkay.projector.role.MemberRolesProjection;
import io.ohkay.projector.role.RolesProjection;
import io.ohkay.projector.server.InviteCodesProjection;
import io.ohkay.projector.server.ServerBansProjection;
import io.ohkay.projector.server.ServerMembersProjection;
import io.ohkay.projector.server.ServerPlacement;
import io.ohkay.projector.server.ServerStatsProjection;
import io.ohkay.projector.server.ServersProjection;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Writes the server events topic: per batch, first each touched server's own database, then the
 * notifications in the auth database, then the registry, whose offsets are the resume position. A
 * crash between the commits redelivers the batch, and every database's seq guard skips what it
 * already has. Given the auth database, every batch writes it, so while it is down no batch gets
 * past it and the registry waits too (see {@link NotificationWrites}).
 *
 * <p>A deleted server's database is dropped once the registry commit marking it deleted is done; a
 * server the registry marks deleted is never written (nor its database created) again. A crash
 * between that commit and the drop leaves a database that {@link #deletedAmong} finds at the next
 * start.
 *
 * <p>Each server database is opened from its placement: the registry row, or for a server the batch
 * creates, the row the batch is about to write (the registry commits last).
 */
public final class ServerEventsApplier implements BatchApplier {

  /** The name under which positions are stored in {@code projection_offsets}. */
  public static final String CONSUMER = "ohkay-projector.server";

  private static final String DROPPED_DATABASES =
      "SELECT database_name FROM servers WHERE database_name = ANY (?) AND database_state = '"
          + ServersProjection.DROPPED
          + "'";

  private final @Nullable DataSource registry;
  private final Placements placements;
  private final ServerDatabases serverDatabases;
  private final AppliedSeqs appliedSeqs;
  private final GuardedWriter registryWriter;
  private final GuardedWriter serverWriter;
  private final NotificationWrites notifications;

  /** The databases of the servers, one each. */
  @FunctionalInterface
  public interface ServerDatabases {

    /**
     * Opens (creating and migrating it first if needed) the database of one server, if written.
     *
     * @param placement where the registry places it; null when unknown (no registry is written and
     *     the batch does not create the server)
     */
    Optional<DataSource> of(ServerId serverId, @Nullable ServerPlacement placement)
        throws SQLException;

    /**
     * Drops the database of a server whose deletion is committed to the registry, if it exists. By
     * default nothing: rebuilds and tests write databases that are not the server's.
     */
    default void drop(ServerPlacement placement) throws SQLException {}
  }

  /**
   * @param names the names the registry records for server databases
   * @param credentials seals the password of each server's role into its registry row
   * @param registry the registry database, or null to leave it alone (rebuild of one server)
   * @param serverDatabases which server databases to write
   * @param auth the auth database, for the notifications, or null to leave it alone
   * @param appliedSeqs told about every registry commit
   */
  public ServerEventsApplier(
      DatabaseNames names,
      ServerCredentials credentials,
      @Nullable DataSource registry,
      ServerDatabases serverDatabases,
      @Nullable DataSource auth,
      AppliedSeqs appliedSeqs) {
    var servers = new ServersProjection(names, credentials);
    this.registry = registry;
    this.placements = new Placements(servers);
    this.serverDatabases = serverDatabases;
    this.appliedSeqs = appliedSeqs;
    this.registryWriter = new GuardedWriter(CONSUMER, registryProjection(servers));
    this.serverWriter = new GuardedWriter(CONSUMER, serverProjection());
    this.notifications = new NotificationWrites(CONSUMER, auth);
  }

  /** Everything the registry holds. */
  public static Projection registryProjection(DatabaseNames names, ServerCredentials credentials) {
    return registryProjection(new ServersProjection(names, credentials));
  }

  private static Projection registryProjection(ServersProjection servers) {
    return Projection.of(
        List.of(
            servers,
            new ServerMembersProjection(),
            new ServerStatsProjection(),
            new ServerBansProjection(),
            new InviteCodesProjection()));
  }

  /** Everything a server's own database holds. */
  public static Projection serverProjection() {
    return Projection.of(
        List.of(
            new ChannelsProjection(),
            new MessagesProjection(),
            new RolesProjection(),
            new MemberRolesProjection(),
            new ChannelOverwritesProjection(),
            new ReadStatesProjection(),
            new AuditLogProjection()));
  }

  @Override
  public void apply(List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    var servers = byServer(events);
    var deleted = new HashSet<ServerId>();
    var placed = placements(servers, deleted);
    for (var server : servers.entrySet()) {
      var database =
          deleted.contains(server.getKey())
              ? Optional.<DataSource>empty()
              : serverDatabases.of(server.getKey(), placed.get(server.getKey()));
      if (database.isPresent()) {
        serverWriter.write(
            database.get(), server.getValue(), SourcedEvent.nextOffsets(server.getValue()));
      }
    }
    notifications.write(events);
    if (registry != null) {
      appliedSeqs.applied(registryWriter.write(registry, events, nextOffsets));
    }
    for (var event : events) {
      if (event.event().payload() instanceof ServerDeleted gone
          && placed.get(gone.serverId()) instanceof ServerPlacement placement) {
        serverDatabases.drop(placement);
      }
    }
  }

  /**
   * Where the servers of a batch live: their registry rows, or for a server the batch creates, the
   * row it is about to write. Collects the servers the registry marks deleted into {@code deleted}.
   */
  private Map<ServerId, ServerPlacement> placements(
      Map<ServerId, List<SourcedEvent>> servers, Set<ServerId> deleted) throws SQLException {
    var placed = new HashMap<ServerId, ServerPlacement>();
    if (registry != null && !servers.isEmpty()) {
      try (var connection = registry.getConnection()) {
        placed.putAll(placements.load(connection, servers.keySet(), deleted));
      }
    }
    for (var server : servers.entrySet()) {
      if (!placed.containsKey(server.getKey())) {
        server.getValue().stream()
            .map(e -> e.event().payload())
            .filter(ServerCreated.class::isInstance)
            .findFirst()
            .ifPresent(c -> placed.put(server.getKey(), placements.of((ServerCreated) c)));
      }
    }
    return placed;
  }

  /**
   * Seals the credentials of registry rows written before the registry recorded them; returns how
   * many. Run at start, before consuming.
   */
  public int sealMissingCredentials() throws SQLException {
    if (registry == null) {
      return 0;
    }
    try (var connection = registry.getConnection()) {
      return placements.sealMissing(connection);
    }
  }

  /**
   * Of these database names, those of servers the registry marks deleted: left over when the
   * projector stopped between a deletion's commit and its drop.
   */
  public List<String> deletedAmong(Collection<String> databaseNames) throws SQLException {
    if (registry == null || databaseNames.isEmpty()) {
      return List.of();
    }
    try (var connection = registry.getConnection();
        var select = connection.prepareStatement(DROPPED_DATABASES)) {
      select.setArray(1, connection.createArrayOf("text", databaseNames.toArray()));
      var names = new ArrayList<String>();
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    }
  }

  @Override
  public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions)
      throws SQLException {
    if (registry == null) {
      return Map.of();
    }
    try (var connection = registry.getConnection()) {
      return Sql.loadOffsets(connection, CONSUMER, partitions);
    }
  }

  /** The last seq of {@code serverId} committed to the registry, 0 when none. */
  public long appliedSeq(ServerId serverId) throws SQLException {
    if (registry == null) {
      return 0L;
    }
    try (var connection = registry.getConnection()) {
      return Sql.loadVersion(connection, serverId.value());
    }
  }

  private static Map<ServerId, List<SourcedEvent>> byServer(List<SourcedEvent> events) {
    var byServer = new LinkedHashMap<ServerId, List<SourcedEvent>>();
    for (var event : events) {
      byServer
          .computeIfAbsent(new ServerId(event.event().aggregateId()), id -> new ArrayList<>())
          .add(event);
    }
    return byServer;
  }
}
