package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.ProjectorTestEnvironment;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.schemas.event.Event;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One applier test class's databases on the shared embedded PostgreSQL, and its events as read from
 * one partition of {@code topic}. Registered as a static extension of the test class, it opens
 * before the class and closes after it.
 */
final class AppliedDatabases implements BeforeAllCallback, AfterAllCallback {

  private final TopicPartition partition;
  private @Nullable ProjectorTestEnvironment environment;
  private @Nullable Databases databases;

  AppliedDatabases(String topic) {
    this.partition = new TopicPartition(topic, 0);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    environment = ProjectorTestEnvironment.create();
    databases = new Databases(environment.postgres().endpoint(), 1);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (databases != null) {
      databases.close();
    }
    if (environment != null) {
      environment.close();
    }
  }

  ProjectorTestEnvironment environment() {
    if (environment == null) {
      throw new IllegalStateException("the databases open before the test class");
    }
    return environment;
  }

  /** The pool of {@code database}, created and migrated as {@code kind} on first use. */
  DataSource open(String database, DatabaseKind kind) throws SQLException {
    if (databases == null) {
      throw new IllegalStateException("the databases open before the test class");
    }
    return databases.open(database, kind);
  }

  /**
   * Applies {@code events} to one database as one batch delivered twice and to another one event a
   * batch, asserts that both databases end the same, and returns the name of the first.
   */
  String assertOneRedeliveredBatchEqualsEventByEvent(Appliers appliers, List<Event> events)
      throws Exception {
    return assertOneRedeliveredBatchEqualsEventByEvent("", appliers, events);
  }

  /**
   * As {@link #assertOneRedeliveredBatchEqualsEventByEvent(Appliers, List)}, in databases whose
   * names start with {@code label}, so one test class can compare several kinds of database.
   */
  String assertOneRedeliveredBatchEqualsEventByEvent(
      String label, Appliers appliers, List<Event> events) throws Exception {
    var environment = environment();
    var oneBatch = environment.prefix() + label + "one_batch";
    var eventByEvent = environment.prefix() + label + "event_by_event";
    var batched = appliers.writing(oneBatch);
    var single = appliers.writing(eventByEvent);
    var all = sourced(events);

    batched.apply(all, next(all.size()));
    batched.apply(all, next(all.size()));
    for (int i = 0; i < all.size(); i++) {
      single.apply(List.of(all.get(i)), next(i + 1));
    }

    var verifier = new DatabaseVerifier(environment.postgres().endpoint());
    assertThat(verifier.diff(eventByEvent, oneBatch)).isEmpty();
    return oneBatch;
  }

  /** {@code events} as read one after the other from offset 0 of the partition. */
  List<SourcedEvent> sourced(List<Event> events) {
    var sourced = new ArrayList<SourcedEvent>();
    for (int i = 0; i < events.size(); i++) {
      sourced.add(new SourcedEvent(partition, i, events.get(i)));
    }
    return sourced;
  }

  /** The applier under test, writing the database it is given. */
  @FunctionalInterface
  interface Appliers {
    BatchApplier writing(String database) throws Exception;
  }

  /** The next offset to read of the partition, once a batch up to {@code offset} is applied. */
  Map<TopicPartition, Long> next(long offset) {
    return Map.of(partition, offset);
  }
}
