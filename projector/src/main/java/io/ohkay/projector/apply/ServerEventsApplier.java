package io.ohkay.projector.apply;

import io.ohkay.projector.channel.ChannelsProjection;
import io.ohkay.projector.message.MessagesProjection;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.server.InviteCodesProjection;
import io.ohkay.projector.server.ServerBansProjection;
import io.ohkay.projector.server.ServerMembersProjection;
import io.ohkay.projector.server.ServerStatsProjection;
import io.ohkay.projector.server.ServersProjection;
import io.ohkay.schemas.id.ServerId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Writes the server events topic: per batch, first each touched server's own database, then the
 * registry, whose offsets are the resume position. A crash between the two commits redelivers the
 * batch, and every database's seq guard skips what it already has.
 */
public final class ServerEventsApplier implements BatchApplier {

  /** The name under which positions are stored in {@code projection_offsets}. */
  public static final String CONSUMER = "ohkay-projector.server";

  private final @Nullable DataSource registry;
  private final ServerDatabases serverDatabases;
  private final AppliedSeqs appliedSeqs;
  private final GuardedWriter registryWriter;
  private final GuardedWriter serverWriter;

  /** Opens (creating and migrating it first if needed) the database of one server, if written. */
  @FunctionalInterface
  public interface ServerDatabases {
    Optional<DataSource> of(ServerId serverId) throws SQLException;
  }

  /**
   * @param names the names the registry records for server databases
   * @param registry the registry database, or null to leave it alone (rebuild of one server)
   * @param serverDatabases which server databases to write
   * @param appliedSeqs told about every registry commit
   */
  public ServerEventsApplier(
      DatabaseNames names,
      @Nullable DataSource registry,
      ServerDatabases serverDatabases,
      AppliedSeqs appliedSeqs) {
    this.registry = registry;
    this.serverDatabases = serverDatabases;
    this.appliedSeqs = appliedSeqs;
    this.registryWriter = new GuardedWriter(CONSUMER, registryProjection(names));
    this.serverWriter = new GuardedWriter(CONSUMER, serverProjection());
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
    return Projection.of(List.of(new ChannelsProjection(), new MessagesProjection()));
  }

  @Override
  public void apply(List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    for (var server : byServer(events).entrySet()) {
      var database = serverDatabases.of(server.getKey());
      if (database.isPresent()) {
        serverWriter.write(database.get(), server.getValue(), nextOffsets(server.getValue()));
      }
    }
    if (registry != null) {
      appliedSeqs.applied(registryWriter.write(registry, events, nextOffsets));
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
