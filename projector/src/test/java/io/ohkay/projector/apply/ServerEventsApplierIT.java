package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.MembershipRows;
import io.ohkay.projector.ProjectorTestEnvironment;
import io.ohkay.projector.TestEvents;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.schemas.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry projections on a real registry: a membership life, where one user joins, leaves and
 * joins again, ends the same whether it is one (redelivered) batch or one batch per event.
 */
class ServerEventsApplierIT {

  private static final TopicPartition PARTITION = new TopicPartition("server-events", 0);

  private static ProjectorTestEnvironment environment;
  private static Databases databases;

  @BeforeAll
  static void openDatabases() throws Exception {
    environment = ProjectorTestEnvironment.create();
    databases = new Databases(environment.postgres().endpoint(), 1);
  }

  @AfterAll
  static void closeDatabases() {
    databases.close();
    environment.close();
  }

  @Test
  void shouldEqualEventByEventWritesWhenAMembershipLifeIsOneRedeliveredBatch() throws Exception {
    var life = TestEvents.membershipLife();
    var oneBatch = environment.prefix() + "one_batch";
    var eventByEvent = environment.prefix() + "event_by_event";
    var batched = applier(oneBatch);
    var single = applier(eventByEvent);
    var all = sourced(life.events());

    batched.apply(all, next(all.size()));
    batched.apply(all, next(all.size()));
    for (int i = 0; i < all.size(); i++) {
      single.apply(List.of(all.get(i)), next(i + 1));
    }

    var verifier = new DatabaseVerifier(environment.postgres().endpoint());
    assertThat(verifier.diff(eventByEvent, oneBatch)).isEmpty();
    MembershipRows.assertProjected(environment, oneBatch, life);
  }

  private ServerEventsApplier applier(String database) throws Exception {
    var registry = databases.open(database, DatabaseKind.REGISTRY);
    return new ServerEventsApplier(
        environment.names(), registry, id -> Optional.empty(), new AppliedSeqs());
  }

  private static List<SourcedEvent> sourced(List<Event> events) {
    var sourced = new ArrayList<SourcedEvent>();
    for (int i = 0; i < events.size(); i++) {
      sourced.add(new SourcedEvent(PARTITION, i, events.get(i)));
    }
    return sourced;
  }

  private static Map<TopicPartition, Long> next(long offset) {
    return Map.of(PARTITION, offset);
  }
}
