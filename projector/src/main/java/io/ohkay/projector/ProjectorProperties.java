package io.ohkay.projector;

import io.ohkay.projector.db.PostgresEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the projector, prefix {@code ohkay.projector}.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param topicPrefix namespace of the topics read and written ({@code Topic.in(prefix)}); empty in
 *     production, unique per test
 * @param databasePrefix namespace of the databases: {@code <prefix>auth}, {@code
 *     <prefix>server_registry}, {@code <prefix>dms}, {@code <prefix>server_<id>}; lowercase
 *     letters, digits and underscores, at most 24 characters
 * @param postgres the PostgreSQL server holding the auth, registry and DM databases, with an admin
 *     login (one allowed to create databases and roles); also the one cluster {@code main} of
 *     server databases when {@code clusters} is empty
 * @param clusters the PostgreSQL clusters server databases are placed on ({@code servers.cluster}
 *     names one), each with an admin login; names unique and not blank; empty: one cluster {@code
 *     main} ({@code ServerCreated.DEFAULT_CLUSTER}) at {@code postgres}
 * @param placementKeyFile the master key sealing server database credentials, shared by every
 *     service of the installation; generated at first start if absent
 * @param groupId base of the consumer group ids ({@code <groupId>.auth}, {@code <groupId>.server},
 *     {@code <groupId>.dm}); the groups' committed offsets are informational, positions are stored
 *     in PostgreSQL
 * @param pollTimeout longest wait of one poll when nothing arrives
 * @param maxServerPools how many server databases keep an open connection pool at once (least
 *     recently used ones are closed)
 */
@ConfigurationProperties("ohkay.projector")
@Validated
public record ProjectorProperties(
    @NotBlank String bootstrapServers,
    @DefaultValue("") String topicPrefix,
    @DefaultValue("ohkay_") @Pattern(regexp = "[a-z0-9_]{0,24}") String databasePrefix,
    @DefaultValue @Valid Postgres postgres,
    @DefaultValue @NotNull List<@Valid @NotNull Cluster> clusters,
    @NotNull Path placementKeyFile,
    @DefaultValue("ohkay-projector") @NotBlank String groupId,
    @DefaultValue("500ms") @NotNull Duration pollTimeout,
    @DefaultValue("16") @Min(1) int maxServerPools) {

  /**
   * The admin login of each cluster server databases may be placed on, by name, in order (see
   * {@link PostgresEndpoint#clusters}).
   */
  public Map<String, PostgresEndpoint> clusterEndpoints() {
    var configured = new LinkedHashMap<String, PostgresEndpoint>();
    clusters.forEach(cluster -> configured.put(cluster.name(), cluster.endpoint()));
    return PostgresEndpoint.clusters(postgres.endpoint(), configured);
  }

  /** Whether no two clusters share a name. */
  @AssertTrue(message = "ohkay.projector.clusters: cluster names must be unique")
  public boolean isClusterNamesUnique() {
    return clusters.stream().map(Cluster::name).distinct().count() == clusters.size();
  }

  /**
   * One PostgreSQL cluster of server databases, an element of {@code ohkay.projector.clusters}.
   *
   * @param name how {@code servers.cluster} and {@code server.created} events name it; not blank
   * @param host host name or address
   * @param port port
   * @param username a role allowed to create databases and roles
   * @param password its password, empty for trust authentication
   */
  public record Cluster(
      @NotBlank String name,
      @DefaultValue("127.0.0.1") @NotBlank String host,
      @DefaultValue("5432") @Min(1) @Max(65535) int port,
      @DefaultValue("postgres") @NotBlank String username,
      @DefaultValue("") String password) {

    /** As the database adapter takes it. */
    public PostgresEndpoint endpoint() {
      return new PostgresEndpoint(host, port, username, password);
    }

    @Override
    public String toString() {
      return "Cluster[name="
          + name
          + ", host="
          + host
          + ", port="
          + port
          + ", username="
          + username
          + "]";
    }
  }

  /**
   * The PostgreSQL server, prefix {@code ohkay.projector.postgres}.
   *
   * @param host host name or address
   * @param port port
   * @param username a role allowed to create databases
   * @param password its password, empty for trust authentication
   */
  public record Postgres(
      @DefaultValue("127.0.0.1") @NotBlank String host,
      @DefaultValue("5432") @Min(1) @Max(65535) int port,
      @DefaultValue("postgres") @NotBlank String username,
      @DefaultValue("") String password) {

    /** As the database adapter takes it. */
    public PostgresEndpoint endpoint() {
      return new PostgresEndpoint(host, port, username, password);
    }

    @Override
    public String toString() {
      return "Postgres[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
  }
}
