package io.ohkay.projector.rebuild;

import io.ohkay.projector.apply.AppliedSeqs;
import io.ohkay.projector.apply.AuthApplier;
import io.ohkay.projector.apply.BatchApplier;
import io.ohkay.projector.apply.ServerEventsApplier;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.db.PostgresEndpoint;
import io.ohkay.projector.kafka.ConsumerSettings;
import io.ohkay.projector.kafka.RecordDecoder;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.id.ServerId;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
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

  private final String bootstrapServers;
  private final String topicPrefix;
  private final DatabaseNames names;
  private final PostgresEndpoint postgres;

  /**
   * @param bootstrapServers Kafka bootstrap servers
   * @param topicPrefix namespace of the events topics
   * @param names the live database names (a rebuilt registry records the live server databases)
   * @param postgres the PostgreSQL server of the target database
   */
  public Rebuilder(
      String bootstrapServers, String topicPrefix, DatabaseNames names, PostgresEndpoint postgres) {
    this.bootstrapServers = bootstrapServers;
    this.topicPrefix = topicPrefix;
    this.names = names;
    this.postgres = postgres;
  }

  /** The live database a request rebuilds, to verify the result against. */
  public String liveDatabase(RebuildRequest request) {
    return switch (request.kind()) {
      case AUTH -> names.auth();
      case REGISTRY -> names.registry();
      case SERVER -> names.server(serverOf(request));
    };
  }

  /**
   * Replays the events into {@code request.targetDatabase()} and returns what was done. The target
   * is created and migrated if absent; it may not be the live database.
   */
  public RebuildResult rebuild(RebuildRequest request) throws SQLException {
    if (request.targetDatabase().equals(liveDatabase(request))) {
      throw new IllegalArgumentException(
          "the target " + request.targetDatabase() + " is the live database");
    }
    var startedAt = System.nanoTime();
    try (var databases = new Databases(postgres, 1);
        var consumer =
            new KafkaConsumer<>(
                ConsumerSettings.of(
                    bootstrapServers, null, "ohkay-rebuild-" + request.targetDatabase()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
      var target = databases.open(request.targetDatabase(), request.kind().databaseKind());
      var partitions = partitions(consumer, request);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var stops = new StopOffsets(consumer, partitions, request);
      var replay = new Replay(consumer, applier(request, target), decoder(request), stops);
      var progress =
          new RebuildProgress(
              "rebuild " + request.kind() + " into " + request.targetDatabase(), stops.total());
      replay.run(progress);
      progress.finished();
      return new RebuildResult(
          request.targetDatabase(),
          replay.records(),
          replay.undecodable(),
          stops.offsets(),
          Duration.ofNanos(System.nanoTime() - startedAt));
    }
  }

  private BatchApplier applier(RebuildRequest request, DataSource target) {
    var none = new AppliedSeqs();
    return switch (request.kind()) {
      case AUTH -> new AuthApplier(target, none);
      case REGISTRY -> new ServerEventsApplier(names, target, id -> Optional.empty(), none);
      case SERVER -> {
        var server = serverOf(request);
        yield new ServerEventsApplier(
            names, null, id -> id.equals(server) ? Optional.of(target) : Optional.empty(), none);
      }
    };
  }

  private static RecordDecoder decoder(RebuildRequest request) {
    return request.kind() == RebuildKind.AUTH
        ? RecordDecoder.forAuthEvents()
        : RecordDecoder.forServerEvents();
  }

  /** Every partition; for one server only the partition its key maps to. */
  private List<TopicPartition> partitions(
      KafkaConsumer<byte[], byte[]> consumer, RebuildRequest request) {
    var topic = request.kind().topic().in(topicPrefix);
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

  private static ServerId serverOf(RebuildRequest request) {
    var server = request.server();
    if (server == null) {
      throw new IllegalArgumentException("kind SERVER needs a server");
    }
    return server;
  }
}
