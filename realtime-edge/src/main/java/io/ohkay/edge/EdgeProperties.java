package io.ohkay.edge;

import io.ohkay.schemas.event.ServerCreated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the realtime edge, prefix {@code ohkay.edge}.
 *
 * @param bootstrapServers Kafka bootstrap servers the edge's one consumer reads the events topics
 *     from, e.g. {@code 127.0.0.1:9092}
 * @param topicPrefix namespace prepended to every topic name ({@code ""} in production; tests
 *     sharing one broker use a unique prefix each)
 * @param postgres the PostgreSQL server holding the registry and the accounts database (and the
 *     server databases when no cluster is configured)
 * @param registryDatabase name of the server registry database ({@code servers}, {@code
 *     server_members}); server databases are named by its {@code servers.database_name}
 * @param authDatabase name of the accounts database ({@code users}, {@code user_profiles}, {@code
 *     sessions}), read by the profile and session queries
 * @param dmsDatabase name of the direct-messages database ({@code dm_conversations}, {@code
 *     dm_messages}, {@code dm_read_status}, {@code dm_blocks}), read by the conversation queries
 * @param accessTokenKeyFile JWK file of the access-token key; only its public part is used
 * @param heartbeatInterval how often a stream sends a {@code :hb} comment (SSE) or a ping
 *     (WebSocket) so proxies keep the connection open
 * @param connectionBufferSize events buffered per stream connection (SSE or WebSocket); a client
 *     that falls this far behind is sent {@code overflow} with its cursor and disconnected
 * @param readYourWritesMaxWait how long a query carrying {@code X-Ohkay-Min-Position} waits for the
 *     projection before answering with {@code X-Ohkay-Stale: true}
 * @param clusters the PostgreSQL clusters server databases live on, by the name the registry
 *     records for each server ({@code servers.cluster}), with the administrative login the edge
 *     uses for servers whose registry row names no role of their own; empty: one cluster {@code
 *     main} at {@code postgres}
 * @param placementKeyFile the placement master key file shared by the services of an installation,
 *     which opens the sealed per-server database passwords of the registry; the edge only reads it
 *     (the projector makes it): until it exists, server reads answer {@code UNAVAILABLE}
 * @param presenceInterval how often the edge repeats on {@code ohkay.ephemeral} that each user with
 *     a live stream here is online; readers treat a user as offline a few intervals after the last
 *     repeat, so a crashed edge's users go offline by themselves
 * @param instanceId this edge's name in its presence signals, unique among the running edges; empty
 *     (the default): a random UUID per start
 * @param resumeMemoryRecords how many of the latest events the edge keeps in memory to serve
 *     resuming streams; a stream resuming from an older position is served by reading the events
 *     topics back (slower, but as far back as the topics keep), 0 always reads back
 * @param presenceTtl how long an edge's last online signal for a user counts: a user is offline
 *     once no edge's last signal for them is online and younger than this; more than {@code
 *     presence-interval} (a few of them, so one late repeat does not flap the status). The edge
 *     also reads back this much of {@code ohkay.ephemeral} at start, to know who is online already
 */
@ConfigurationProperties("ohkay.edge")
@Validated
public record EdgeProperties(
    @NotBlank String bootstrapServers,
    @DefaultValue("") @NotNull String topicPrefix,
    @DefaultValue @Valid @NotNull Postgres postgres,
    @DefaultValue("ohkay_server_registry") @NotBlank String registryDatabase,
    @DefaultValue("ohkay_auth") @NotBlank String authDatabase,
    @DefaultValue("ohkay_dms") @NotBlank String dmsDatabase,
    @NotNull Path accessTokenKeyFile,
    @DefaultValue("15s") @NotNull Duration heartbeatInterval,
    @DefaultValue("1000") @Min(1) @Max(100_000) int connectionBufferSize,
    @DefaultValue("5s") @NotNull Duration readYourWritesMaxWait,
    @DefaultValue List<@Valid Cluster> clusters,
    @NotNull Path placementKeyFile,
    @DefaultValue("5s") @NotNull Duration presenceInterval,
    @DefaultValue("") @NotNull String instanceId,
    @DefaultValue("20000") @Min(0) @Max(1_000_000) int resumeMemoryRecords,
    @DefaultValue("15s") @NotNull Duration presenceTtl) {

  public EdgeProperties {
    requirePositive(heartbeatInterval, "ohkay.edge.heartbeat-interval");
    requirePositive(readYourWritesMaxWait, "ohkay.edge.read-your-writes-max-wait");
    requirePositive(presenceInterval, "ohkay.edge.presence-interval");
    if (presenceTtl != null
        && presenceInterval != null
        && presenceTtl.compareTo(presenceInterval) <= 0) {
      throw new IllegalArgumentException(
          "ohkay.edge.presence-ttl must be longer than ohkay.edge.presence-interval ("
              + presenceInterval
              + "), was "
              + presenceTtl);
    }
    instanceId =
        instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    var names = new HashSet<String>();
    for (var cluster : clusters) {
      if (cluster.name() == null || cluster.name().isBlank() || !names.add(cluster.name())) {
        throw new IllegalArgumentException(
            "ohkay.edge.clusters must have unique, non-blank names, was " + clusters);
      }
    }
  }

  /** The configured clusters; when none is, {@code main} at {@link #postgres()}. */
  public List<Cluster> effectiveClusters() {
    if (!clusters.isEmpty()) {
      return clusters;
    }
    return List.of(
        new Cluster(
            ServerCreated.DEFAULT_CLUSTER,
            postgres.host(),
            postgres.port(),
            postgres.username(),
            postgres.password()));
  }

  private static void requirePositive(Duration value, String property) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(property + " must be positive, was " + value);
    }
  }

  /**
   * Connection settings of the PostgreSQL server.
   *
   * @param host host name or address
   * @param port TCP port
   * @param username role the edge connects as (it only reads)
   * @param password password of that role; empty for trust authentication
   * @param maxPoolSize connections at most per database pool; pools start empty and shrink back to
   *     empty when idle, so an unused server database holds no connection
   */
  public record Postgres(
      @DefaultValue("127.0.0.1") @NotBlank String host,
      @DefaultValue("5432") @Min(1) @Max(65535) int port,
      @DefaultValue("postgres") @NotBlank String username,
      @DefaultValue("") @NotNull String password,
      @DefaultValue("4") @Min(1) @Max(64) int maxPoolSize) {

    @Override
    public String toString() {
      return "Postgres[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
  }

  /**
   * A PostgreSQL cluster holding server databases.
   *
   * @param name its name, as {@code servers.cluster} records it
   * @param host host name or address
   * @param port TCP port
   * @param username administrative role, used only for servers whose registry row names no role
   * @param password password of that role; empty for trust authentication
   */
  public record Cluster(
      @NotBlank String name,
      @DefaultValue("127.0.0.1") @NotBlank String host,
      @DefaultValue("5432") @Min(1) @Max(65535) int port,
      @DefaultValue("postgres") @NotBlank String username,
      @DefaultValue("") @NotNull String password) {

    @Override
    public String toString() {
      return "Cluster[name=" + name + ", host=" + host + ", port=" + port + "]";
    }
  }
}
