package io.ohkay.command.server;

import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where a new server's database goes: the configured cluster holding the fewest live servers in the
 * registry. Servers created at the same moment, before the registry shows each other, may land on
 * the same cluster; the balance is restored by the next ones.
 */
public final class ClusterPlacement {

  private static final String LIVE_SERVERS_PER_CLUSTER =
      "select cluster, count(*) from servers where deleted_at is null group by cluster";

  /** No registry database or table yet: the projector has not created it, so no server exists. */
  private static final Set<String> NO_REGISTRY_YET = Set.of("3D000", "42P01");

  private final List<String> clusters;
  private final DataSource registry;

  /**
   * @param clusters the configured cluster names, at least one, in order of preference for ties
   * @param registry the server registry database
   */
  public ClusterPlacement(List<String> clusters, DataSource registry) {
    if (clusters.isEmpty()) {
      throw new IllegalArgumentException("at least one cluster is needed");
    }
    this.clusters = List.copyOf(clusters);
    this.registry = registry;
  }

  /** The cluster of the next server; {@code UNAVAILABLE} when the registry cannot be read. */
  Mono<String> next() {
    if (clusters.size() == 1) {
      return Mono.just(clusters.getFirst());
    }
    return Mono.fromCallable(this::liveServersPerCluster)
        .subscribeOn(Schedulers.boundedElastic())
        .map(live -> leastLoaded(clusters, live));
  }

  /**
   * The first of {@code clusters} with the fewest servers in {@code liveServers}; a cluster absent
   * from it holds none, a cluster absent from {@code clusters} is never chosen.
   */
  static String leastLoaded(List<String> clusters, Map<String, Long> liveServers) {
    String chosen = clusters.getFirst();
    long fewest = Long.MAX_VALUE;
    for (var cluster : clusters) {
      long count = liveServers.getOrDefault(cluster, 0L);
      if (count < fewest) {
        chosen = cluster;
        fewest = count;
      }
    }
    return chosen;
  }

  private Map<String, Long> liveServersPerCluster() {
    var live = new HashMap<String, Long>();
    try (var connection = registry.getConnection();
        var statement = connection.prepareStatement(LIVE_SERVERS_PER_CLUSTER);
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        live.put(rows.getString(1), rows.getLong(2));
      }
      return live;
    } catch (SQLException e) {
      if (NO_REGISTRY_YET.contains(sqlState(e))) {
        return live;
      }
      throw new ProblemException(ErrorCode.UNAVAILABLE, "The server registry is unavailable.");
    }
  }

  /** The SQL state of {@code e} or of the first cause carrying one (Hikari wraps the driver's). */
  private static @Nullable String sqlState(@Nullable Throwable e) {
    for (var cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
