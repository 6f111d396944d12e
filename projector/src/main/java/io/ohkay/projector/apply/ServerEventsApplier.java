package io.ohkay.projector.apply;

import io.ohkay.projector.audit.AuditLogProjection;
import io.ohkay.projector.channel.ChannelOverwritesProjection;
import io.ohkay.projector.channel.ChannelsProjection;
import io.ohkay.projector.message.MessagesProjection;
import io.ohkay.projector.notification.NotificationsProjection;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.read.ReadStatesProjection;
import io.ohkay.projector.role.MemberRolesProjection;
import io.ohkay.projector.role.RolesProjection;
import io.ohkay.projector.server.InviteCodesProjection;
import io.ohkay.projector.server.ServerBansProjection;
import io.ohkay.projector.server.ServerMembersProjection;
import io.ohkay.projector.server.ServerStatsProjection;
import io.ohkay.projector.server.ServersProjection;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.ServerId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Writes the server events topic: per batch, first each touched server's own database, then the
 * notifications in the auth database, then the registry, whose offsets are the resume position. A
 * crash between the commits redelivers the batch, and every database's seq guard skips what it
 * already has.
 *
 * <p>A deleted server's database is dropped once the registry commit marking it deleted is done; a
 * server the registry marks deleted is never written (nor its database created) again. A crash
 * between that commit and the drop leaves a database that {@link #deletedAmong} finds at the next
 * start.
 */
public final class ServerEventsApplier implements BatchApplier {

  /** The name under which positions are stored in {@code projection_offsets}. */
  public static final String CONSUMER = "ohkay-projector.server";

  private static final String DELETED_SERVERS =
      "SELECT id FROM servers WHERE id = ANY (?) AND deleted_at IS NOT NULL";
  private static final String DROPPED_DATABASES =
      "SELECT database_name FROM servers WHERE database_name = ANY (?) AND database_state = '"
          + ServersProjection.DROPPED
          + "'";

  private final @Nullable DataSource registry;
  private final ServerDatabases serverDatabases;
  private final @Nullable DataSource auth;
  private final AppliedSeqs appliedSeqs;
  private final GuardedWriter registryWriter;
  private final GuardedWriter serverWriter;
  private final GuardedWriter authWriter;

  /** The databases of the servers, one each. */
  @FunctionalInterface
  public interface ServerDatabases {

    /** Opens (creating and migrating it first if needed) the database of one server, if written. */
    Optional<DataSource> of(ServerId serverId) throws SQLException;

    /**
     * Drops the database of a server whose deletion is committed to the registry, if it exists. By
     * default nothing: rebuilds and tests write databases that are not the server's.
     */
    default void drop(ServerId serverId) throws SQLException {}
  }

  /**
   * @param names the names the registry records for server databases
   * @param registry the registry database, or null to leave it alone (rebuild of one server)
   * @param serverDatabases which server databases to write
   * @param auth the auth database, for the notifications, or null to leave it alone
   * @param appliedSeqs told about every registry commit
   */
  public ServerEventsApplier(
      DatabaseNames names,
      @Nullable DataSource registry,
      ServerDatabases serverDatabases,
      @Nullable DataSource auth,
      AppliedSeqs appliedSeqs) {
    this.registry = registry;
    this.serverDatabases = serverDatabases;
    this.auth = auth;
    this.appliedSeqs = appliedSeqs;
    this.registryWriter = new GuardedWriter(CONSUMER, registryProjection(names));
    this.serverWriter = new GuardedWriter(CONSUMER, serverProjection());
    this.authWriter = new GuardedWriter(CONSUMER, authProjection());
  }

  /** Everything the registry holds. */
  public static Projection registryProjection(DatabaseNames names) {
    return Projection.of(
        List.of(
            new ServersProjection(names),
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

  /** What the server events write into the auth database. */
  public static Projection authProjection() {
    return new NotificationsProjection();
  }

  @Override
  public void apply(List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    var servers = byServer(events);
    var deleted = deleted(servers.keySet());
    for (var server : servers.entrySet()) {
      var database =
          deleted.contains(server.getKey())
              ? Optional.<DataSource>empty()
              : serverDatabases.of(server.getKey());
      if (database.isPresent()) {
        serverWriter.write(database.get(), server.getValue(), nextOffsets(server.getValue()));
      }
    }
    writeNotifications(events);
    if (registry != null) {
      appliedSeqs.applied(registryWriter.write(registry, events, nextOffsets));
    }
    for (var event : events) {
      if (event.event().payload() instanceof ServerDeleted gone) {
        serverDatabases.drop(gone.serverId());
      }
    }
  }

  /** Only the events that notify someone, each with the position after it. */
  private void writeNotifications(List<SourcedEvent> events) throws SQLException {
    var mentions =
        events.stream().filter(e -> NotificationsProjection.concerns(e.event().payload())).toList();
    if (auth != null && !mentions.isEmpty()) {
      authWriter.write(auth, mentions, nextOffsets(mentions));
    }
  }

  /** Of these servers, those the registry marks deleted. */
  private Set<ServerId> deleted(Collection<ServerId> servers) throws SQLException {
    if (registry == null || servers.isEmpty()) {
      return Set.of();
    }
    var ids = servers.stream().map(ServerId::value).toList();
    try (var connection = registry.getConnection()) {
      return Sql.uuids(connection, DELETED_SERVERS, ids).stream()
          .map(ServerId::new)
          .collect(Collectors.toSet());
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

  /** A server database stores the position after that server's own last record. */
  private static Map<TopicPartition, Long> nextOffsets(List<SourcedEvent> events) {
    var next = new LinkedHashMap<TopicPartition, Long>();
    events.forEach(e -> next.merge(e.partition(), e.offset() + 1, Math::max));
    return next;
  }
}
