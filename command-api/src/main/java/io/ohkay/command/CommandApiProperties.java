package io.ohkay.command;

import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.token.AccessTokens;
import io.ohkay.schemas.token.StreamTickets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the write side, prefix {@code ohkay.command-api}.
 *
 * @param bootstrapServers Kafka bootstrap servers, e.g. {@code localhost:9092}
 * @param topicPrefix prefix of every topic name (empty in production, unique per test)
 * @param applicationId Kafka Streams application id of the decider (also its group id)
 * @param replicationFactor replication factor of created topics (1 on a single broker)
 * @param stateDir directory of the decider's local state stores (RocksDB)
 * @param commitInterval decider commit interval: the upper bound of its added latency under EOS
 * @param outcomeTimeout how long a write waits for its outcome before answering 202
 * @param accessTokenKeyFile the JWK file of the access-token key pair (generated if absent)
 * @param accessTokenTtl lifetime of access tokens (at most one hour: revocations are remembered
 *     that long)
 * @param streamTicketTtl lifetime of the stream tickets of {@code POST /api/auth/stream-ticket}:
 *     how long a browser may open (and, as an {@code EventSource} does, reopen) {@code /api/stream}
 *     or {@code /api/ws} with one (at most five minutes; a ticket is in a URL, so it should live
 *     just long enough to connect)
 * @param refreshTokenKeyFile the file of the secret key refresh tokens are MACed with (base64,
 *     generated if absent); only the command API reads it
 * @param postgres where the account, registry and DM databases are read before some commands (the
 *     password hash at sign-in, owned servers at deletion, a recipient's account, a conversation's
 *     pair)
 * @param rateLimits token buckets of sign-up and sign-in
 * @param clusters the PostgreSQL clusters new server databases are placed on (only their names
 *     matter here; the projector and the edge connect to them), in order of preference for ties;
 *     empty: the one cluster {@code main}
 * @param presenceTtl how long an edge instance's last "online" signal for a user counts: a direct
 *     message to a user with no such signal younger than this also notifies them. Three times the
 *     edges' {@code ohkay.edge.presence-interval} (they repeat their signals that often)
 */
@Validated
@ConfigurationProperties("ohkay.command-api")
public record CommandApiProperties(
    @NotBlank String bootstrapServers,
    @DefaultValue("") String topicPrefix,
    @DefaultValue("ohkay-decider") @NotBlank String applicationId,
    @DefaultValue("1") @Min(1) short replicationFactor,
    @NotNull Path stateDir,
    @DefaultValue("25ms") @NotNull Duration commitInterval,
    @DefaultValue("5s") @NotNull Duration outcomeTimeout,
    @NotNull Path accessTokenKeyFile,
    @DefaultValue("15m") @NotNull Duration accessTokenTtl,
    @DefaultValue("60s") @NotNull Duration streamTicketTtl,
    @NotNull Path refreshTokenKeyFile,
    @Valid @NotNull Postgres postgres,
    @Valid @DefaultValue RateLimits rateLimits,
    @DefaultValue List<@Valid Cluster> clusters,
    @DefaultValue("15s") @NotNull Duration presenceTtl) {

  public CommandApiProperties {
    if (accessTokenTtl != null
        && (!accessTokenTtl.isPositive()
            || accessTokenTtl.compareTo(AccessTokens.MAX_LIFETIME) > 0)) {
      throw new IllegalArgumentException(
          "ohkay.command-api.access-token-ttl must be positive and at most "
              + AccessTokens.MAX_LIFETIME
              + " (every service refuses longer-lived tokens), was "
              + accessTokenTtl);
    }
    if (streamTicketTtl != null
        && (!streamTicketTtl.isPositive()
            || streamTicketTtl.compareTo(StreamTickets.MAX_LIFETIME) > 0)) {
      throw new IllegalArgumentException(
          "ohkay.command-api.stream-ticket-ttl must be positive and at most "
              + StreamTickets.MAX_LIFETIME
              + " (every service refuses longer-lived tickets), was "
              + streamTicketTtl);
    }
    if (presenceTtl != null && !presenceTtl.isPositive()) {
      throw new IllegalArgumentException(
          "ohkay.command-api.presence-ttl must be positive, was " + presenceTtl);
    }
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    var names = new HashSet<String>();
    for (var cluster : clusters) {
      if (cluster.name() == null || cluster.name().isBlank() || !names.add(cluster.name())) {
        throw new IllegalArgumentException(
            "ohkay.command-api.clusters must have unique, non-blank names, was " + clusters);
      }
    }
  }

  /** The names of the configured clusters in order; {@code [main]} when none is configured. */
  public List<String> clusterNames() {
    return clusters.isEmpty()
        ? List.of(ServerCreated.DEFAULT_CLUSTER)
        : clusters.stream().map(Cluster::name).toList();
  }

  /**
   * A PostgreSQL cluster server databases may be placed on. Its connection settings ({@code host},
   * {@code port}, ...) may be given as for the other modules; the command API ignores them.
   *
   * @param name the cluster's name, recorded with each server placed on it
   */
  public record Cluster(@NotBlank String name) {}

  /**
   * The PostgreSQL server of {@code <databasePrefix>auth}, {@code <databasePrefix>server_registry}
   * and {@code <databasePrefix>dms}.
   *
   * @param host host name
   * @param port port
   * @param username user (read access suffices)
   * @param password password
   * @param databasePrefix prefix of database names, {@code ohkay_} by default
   */
  public record Postgres(
      @NotBlank String host,
      @DefaultValue("5432") @Min(1) @Max(65535) int port,
      @DefaultValue("postgres") @NotBlank String username,
      @DefaultValue("") String password,
      @DefaultValue("ohkay_") String databasePrefix) {}

  /**
   * Token buckets: {@code capacity} requests at once, refilled at that many per {@code period}.
   * Defaults: 20 sign-ups per hour per address, 60 sign-in attempts per minute per address, 10
   * sign-in attempts per 5 minutes per account.
   *
   * @param signupPerIp sign-ups per client address
   * @param signinPerIp sign-in attempts per client address
   * @param signinPerAccount sign-in attempts per e-mail (and password checks per account)
   */
  public record RateLimits(
      @Valid @Nullable Limit signupPerIp,
      @Valid @Nullable Limit signinPerIp,
      @Valid @Nullable Limit signinPerAccount) {

    public RateLimits {
      signupPerIp = signupPerIp != null ? signupPerIp : new Limit(20, Duration.ofHours(1));
      signinPerIp = signinPerIp != null ? signinPerIp : new Limit(60, Duration.ofMinutes(1));
      signinPerAccount =
          signinPerAccount != null ? signinPerAccount : new Limit(10, Duration.ofMinutes(5));
    }
  }

  /**
   * One bucket.
   *
   * @param capacity requests allowed at once
   * @param period time to refill the whole capacity
   */
  public record Limit(@Min(1) int capacity, @NotNull Duration period) {}
}
