package io.ohkay.projector;

import io.ohkay.projector.apply.AppliedSeqs;
import io.ohkay.projector.apply.AuthApplier;
import io.ohkay.projector.apply.BatchApplier;
import io.ohkay.projector.apply.DmEventsApplier;
import io.ohkay.projector.apply.ServerEventsApplier;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.db.ServerLogin;
import io.ohkay.projector.kafka.ConsumerSettings;
import io.ohkay.projector.kafka.DeadLetters;
import io.ohkay.projector.kafka.EventsConsumer;
import io.ohkay.projector.kafka.RecordDecoder;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.server.ServerPlacement;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;

/**
 * One start of the projector: its pools, appliers and consumer threads.
 *
 * @param databases every database's pool
 * @param deadLetters the dead-letter publisher the consumers share
 * @param auth writes the auth database
 * @param servers writes the registry and the server databases
 * @param dms writes the DM database
 * @param consumers one per events topic
 */
record RunningProjector(
    Databases databases,
    DeadLetters deadLetters,
    AuthApplier auth,
    ServerEventsApplier servers,
    DmEventsApplier dms,
    List<EventsConsumer> consumers) {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Creates and migrates auth, registry and DMs, seals the credentials of registry rows older than
   * them, drops the databases (and roles) of deleted servers left over by a stop between a
   * deletion's commit and its drop, then starts the consumer threads, one per events topic.
   */
  static RunningProjector start(
      ProjectorProperties properties,
      Databases databases,
      ServerCredentials credentials,
      AppliedSeqs appliedSeqs)
      throws SQLException {
    var names = new DatabaseNames(properties.databasePrefix());
    var authDatabase = databases.open(names.auth(), DatabaseKind.AUTH);
    var auth = new AuthApplier(authDatabase, appliedSeqs);
    var registry = databases.open(names.registry(), DatabaseKind.REGISTRY);
    var servers =
        new ServerEventsApplier(
            names,
            credentials,
            registry,
            new OwnedServerDatabases(databases, credentials),
            authDatabase,
            appliedSeqs);
    var dms =
        new DmEventsApplier(
            databases.open(names.dms(), DatabaseKind.DMS), authDatabase, appliedSeqs);
    servers.sealMissingCredentials();
    dropLeftovers(databases, names, servers);
    var deadLetters =
        new DeadLetters(properties.bootstrapServers(), properties.groupId() + "-dead-letters");
    var prefix = properties.topicPrefix();
    deadLetters.createTopics(
        Topics.eventTopics().stream().map(topic -> deadLetterTopic(topic, prefix)).toList());
    var consumers =
        List.of(
            consumer(
                properties,
                "auth",
                Topics.AUTH_EVENTS,
                RecordDecoder.forAuthEvents(),
                auth,
                deadLetters),
            consumer(
                properties,
                "server",
                Topics.SERVER_EVENTS,
                RecordDecoder.forServerEvents(),
                servers,
                deadLetters),
            consumer(
                properties, "dm", Topics.DM_EVENTS, RecordDecoder.forDmEvents(), dms, deadLetters));
    consumers.forEach(EventsConsumer::start);
    return new RunningProjector(databases, deadLetters, auth, servers, dms, consumers);
  }

  /** On every configured cluster, the databases and roles of servers the registry marks deleted. */
  private static void dropLeftovers(
      Databases databases, DatabaseNames names, ServerEventsApplier servers) throws SQLException {
    for (var cluster : databases.clusters()) {
      for (var leftover : servers.deletedAmong(databases.existing(cluster, names.serverPrefix()))) {
        databases.drop(cluster, leftover, ServerCredentials.roleName(leftover));
      }
    }
  }

  /**
   * The live server databases: created on first write on their server's cluster, written as their
   * server's role with the password opened from the registry row, dropped with the role once their
   * server is deleted.
   */
  private record OwnedServerDatabases(Databases databases, ServerCredentials credentials)
      implements ServerEventsApplier.ServerDatabases {

    @Override
    public Optional<DataSource> of(ServerId serverId, @Nullable ServerPlacement placement)
        throws SQLException {
      if (placement == null) {
        throw new IllegalStateException(
            "server " + serverId + " has no registry row and the batch does not create it");
      }
      return Optional.of(
          databases.open(
              new ServerLogin(
                  placement.cluster(),
                  placement.database(),
                  placement.role(),
                  () -> placement.password(credentials))));
    }

    @Override
    public void drop(ServerPlacement placement) throws SQLException {
      databases.drop(placement.cluster(), placement.database(), placement.role());
    }
  }

  private static EventsConsumer consumer(
      ProjectorProperties properties,
      String name,
      Topic<?> topic,
      RecordDecoder decoder,
      BatchApplier applier,
      DeadLetters deadLetters) {
    var groupId = properties.groupId() + "." + name;
    return new EventsConsumer(
        name,
        topic.in(properties.topicPrefix()),
        topic.deadLetterIn(properties.topicPrefix()),
        ConsumerSettings.of(properties.bootstrapServers(), groupId, groupId),
        properties.pollTimeout(),
        decoder,
        applier,
        deadLetters);
  }

  private static NewTopic deadLetterTopic(Topic<?> topic, String prefix) {
    return new NewTopic(
        topic.deadLetterIn(prefix), Optional.of(topic.partitions()), Optional.empty());
  }

  /** Lets each consumer finish its batch, then closes everything. */
  void stop() {
    try {
      for (var consumer : consumers) {
        consumer.stop(STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deadLetters.close();
      databases.close();
    }
  }

  /** Interrupts the consumers mid-batch and closes the pools at once, aborting transactions. */
  void abort() throws InterruptedException {
    consumers.forEach(EventsConsumer::abort);
    databases.close();
    for (var consumer : consumers) {
      consumer.join(STOP_TIMEOUT);
    }
    deadLetters.close();
  }
}
