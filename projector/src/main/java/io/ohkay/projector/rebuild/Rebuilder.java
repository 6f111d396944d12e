package io.ohkay.projector.rebuild;

import io.ohkay.projector.apply.AppliedSeqs;
import io.ohkay.projector.apply.AuthApplier;
import io.ohkay.projector.apply.BatchApplier;
import io.ohkay.projector.apply.DmEventsApplier;
import io.ohkay.projector.apply.ServerEventsApplier;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.db.PostgresEndpoint;
import io.ohkay.projector.db.UnknownClusterException;
import io.ohkay.projector.kafka.ConsumerSettings;
import io.ohkay.projector.kafka.RecordDecoder;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Rebuilds one database from the events topics (DESIGN §7): a group-less consumer replays the topic
 * from the beginning (committed facts only) up to the end offsets captured at start, or an earlier
 * offset or time, through the same projections and seq guard as the live projector. The result
 * equals the live database, positions included, so it can be verified and swapped in.
 */
public final class Rebuilder {

  /** A rebuild writes no live server database. */
  private static final ServerEventsApplier.ServerDatabases NONE =
      (id, placement) -> Optional.empty();

  private final String bootstrapServers;
  private final String topicPrefix;
  private final DatabaseNames names;
  private final PostgresEndpoint postgres;
  private final Map<String, PostgresEndpoint> clusters;
  private final ServerCredentials credentials;

  /**
   * @param bootstrapServers Kafka bootstrap servers
   * @param topicPrefix namespace of the events topics
   * @param names the live database names (a rebuilt registry records the live server databases)
   * @param postgres the PostgreSQL server of the live auth, registry and DM databases and of their
   *     rebuilds, with an admin login
   * @param clusters the clusters of the server databases, by name, with their admin logins: a
   *     server's database is rebuilt on the cluster of the live one
   * @param credentials seals the server credentials a rebuilt registry records
   */
  public Rebuilder(
      String bootstrapServers,
      String topicPrefix,
      DatabaseNames names,
      PostgresEndpoint postgres,
      Map<String, PostgresEndpoint> clusters,
      ServerCredentials credentials) {
    this.bootstrapServers = bootstrapServers;
    this.topicPrefix = topicPrefix;
    this.names = names;
    this.postgres = postgres;
    this.clusters = Map.copyOf(clusters);
    this.credentials = credentials;
  }

  /**
   * The PostgreSQL server (admin login) holding the live database a request rebuilds and its
   * target: for a server, the cluster the live registry places it on.
   *
   * @throws IllegalArgumentException if the live registry does not know the server
   * @throws UnknownClusterException if its cluster is not configured
   */
  public PostgresEndpoint endpoint(RebuildRequest request) throws SQLException {
    if (request.kind() != RebuildKind.SERVER) {
      return postgres;
    }
    var live = liveServer(serverOf(request));
    var endpoint = clusters.get(live.cluster());
    if (endpoint == null) {
      throw new UnknownClusterException(live.cluster(), liveDatabase(request), clusters.keySet());
    }
    return endpoint;
  }

  /** The differences between the live database a request rebuilt and its target; empty if equal. */
  public List<String> verify(RebuildRequest request) throws SQLException {
    return new DatabaseVerifier(endpoint(request))
        .diff(liveDatabase(request), request.targetDatabase());
  }

  /** The live database a request rebuilds, to verify the result against. */
  public String liveDatabase(RebuildRequest request) {
    return switch (request.kind()) {
      case AUTH -> names.auth();
      case REGISTRY -> names.registry();
      case SERVER -> names.server(serverOf(request));
      case DMS -> names.dms();
    };
  }

  /**
   * Replays the events into {@code request.targetDatabase()} and returns what was done. The target
   * is created and migrated if absent; it may not be the live database. The auth database is
   * replayed from the auth events, then from the server and DM events for its notifications. A
   * deleted server is not rebuilt: its database was dropped with it.
   */
  public RebuildResult rebuild(RebuildRequest request) throws SQLException {
    if (request.targetDatabase().equals(liveDatabase(request))) {
      throw new IllegalArgumentException(
          "the target " + request.targetDatabase() + " is the live database");
    }
    if (request.kind() == RebuildKind.SERVER && liveServer(serverOf(request)).deleted()) {
      throw new IllegalArgumentException(
          "server " + serverOf(request) + " is deleted; its database is not rebuilt");
    }
    var startedAt = System.nanoTime();
    try (var databases = new Databases(endpoint(request), 1)) {
      var target = databases.open(request.targetDatabase(), request.kind().databaseKind());
      long records = 0;
      long undecodable = 0;
      var stoppedAt = new HashMap<TopicPartition, Long>();
      for (var pass : passes(request, target)) {
        var replay = replay(request, pass);
        records += replay.records();
        undecodable += replay.undecodable();
        stoppedAt.putAll(replay.stops().offsets());
      }
      return new RebuildResult(
          request.targetDatabase(),
          records,
          undecodable,
          Map.copyOf(stoppedAt),
          Duration.ofNanos(System.nanoTime() - startedAt));
    }
  }

  /** Replays one topic from its beginning to its stops. */
  private Replay replay(RebuildRequest request, Pass pass) throws SQLException {
    try (var consumer =
        new KafkaConsumer<>(
            ConsumerSettings.of(
                bootstrapServers,
                null,
                "ohkay-rebuild-" + request.targetDatabase() + "-" + pass.topic().name()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      var partitions = partitions(consumer, request, pass.topic());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var stops = new StopOffsets(consumer, partitions, request);
      var replay = new Replay(consumer, pass.applier(), pass.decoder(), stops);
      var progress =
          new RebuildProgress(
              "rebuild " + request.kind() + " into " + request.targetDatabase(), stops.total());
      replay.run(progress);
      progress.finished();
      return replay;
    }
  }

  /** The topics a rebuild replays, in order, each with what it writes into the target. */
  private List<Pass> passes(RebuildRequest request, DataSource target) {
    var none = new AppliedSeqs();
    return switch (request.kind()) {
      case AUTH ->
          List.of(
              new Pass(
                  Topics.AUTH_EVENTS, RecordDecoder.forAuthEvents(), new AuthApplier(target, none)),
              new Pass(
                  Topics.SERVER_EVENTS,
                  RecordDecoder.forServerEvents(),
                  new ServerEventsApplier(names, credentials, null, NONE, target, none)),
              new Pass(
                  Topics.DM_EVENTS,
                  RecordDecoder.forDmEvents(),
                  new DmEventsApplier(null, target, none)));
      case REGISTRY ->
          List.of(
              new Pass(
                  Topics.SERVER_EVENTS,
                  RecordDecoder.forServerEvents(),
                  new ServerEventsApplier(names, credentials, target, NONE, null, none)));
      case SERVER -> {
        var server = serverOf(request);
        yield List.of(
            new Pass(
                Topics.SERVER_EVENTS,
                RecordDecoder.forServerEvents(),
                new ServerEventsApplier(
                    names,
                    credentials,
                    null,
                    (id, placement) -> id.equals(server) ? Optional.of(target) : Optional.empty(),
                    null,
                    none)));
      }
      case DMS ->
          List.of(
              new Pass(
                  Topics.DM_EVENTS,
                  RecordDecoder.forDmEvents(),
                  new DmEventsApplier(target, null, none)));
    };
  }

  /** The server's row in the live registry: its cluster and whether it is deleted. */
  private LiveServer liveServer(ServerId server) throws SQLException {
    try (var connection =
            DriverManager.getConnection(
                postgres.jdbcUrl(names.registry()), postgres.username(), postgres.password());
        var select =
            connection.prepareStatement(
                "SELECT cluster, deleted_at IS NOT NULL FROM servers WHERE id = ?")) {
      select.setObject(1, server.value());
      try (var rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException("server " + server + " is not in the live registry");
        }
        return new LiveServer(rows.getString(1), rows.getBoolean(2));
      }
    }
  }

  /**
   * A server as the live registry records it.
   *
   * @param cluster where its database lives
   * @param deleted whether it is deleted (its database dropped)
   */
  private record LiveServer(String cluster, boolean deleted) {}

  /** Every partition; for one server only the partition its key maps to. */
  private List<TopicPartition> partitions(
      KafkaConsumer<byte[], byte[]> consumer, RebuildRequest request, Topic<Event> events) {
    var topic = events.in(topicPrefix);
    var infos = consumer.partitionsFor(topic);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("topic " + topic + " does not exist");
    }
    if (request.kind() != RebuildKind.SERVER) {
      return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }
    var key = serverOf(request).toString().getBytes(StandardCharsets.UTF_8);
    // The producers' default partitioner for keyed records.
    return List.of(new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % infos.size()));
  }

  /**
   * One topic replayed into the target.
   *
   * @param topic the events topic
   * @param decoder how its records are decoded
   * @param applier what it writes
   */
  private record Pass(Topic<Event> topic, RecordDecoder decoder, BatchApplier applier) {}

  private static ServerId serverOf(RebuildRequest request) {
    var server = request.server();
    if (server == null) {
      throw new IllegalArgumentException("kind SERVER needs a server");
    }
    return server;
  }
}
