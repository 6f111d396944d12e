package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.ProjectorTestEnvironment;
import io.ohkay.projector.TestEvents;
import io.ohkay.projector.TestEvents.AccountLives;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auth projections on a real auth database: however the events are cut into batches, and
 * however often a batch is redelivered, the database ends the same.
 */
class AuthApplierIT {

  private static final TopicPartition PARTITION = new TopicPartition("auth-events", 0);

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
  void shouldEqualEventByEventWritesWhenEveryLifeIsOneRedeliveredBatch() throws Exception {
    var lives = TestEvents.accountLives();
    var oneBatch = environment.prefix() + "one_batch";
    var eventByEvent = environment.prefix() + "event_by_event";
    var batched = applier(oneBatch);
    var single = applier(eventByEvent);

    batched.apply(sourced(lives.events()), next(lives.events().size()));
    batched.apply(sourced(lives.events()), next(lives.events().size()));
    var all = sourced(lives.events());
    for (int i = 0; i < all.size(); i++) {
      single.apply(List.of(all.get(i)), next(i + 1));
    }

    var verifier = new DatabaseVerifier(environment.postgres().endpoint());
    assertThat(verifier.diff(eventByEvent, oneBatch)).isEmpty();
    assertThat(count(oneBatch, "users WHERE email = '" + lives.bobEmail() + "'")).isEqualTo(1);
    assertThat(environment.queryString(oneBatch, emailOf(lives))).isEqualTo(lives.bobEmail());
    assertThat(count(oneBatch, "sessions WHERE revoked_at IS NULL")).isEqualTo(2);
    assertThat(count(oneBatch, "login_history")).isEqualTo(7);
  }

  /**
   * Bug: users.email was UNIQUE, so when the address's next owner (another partition) was projected
   * before the old owner's erasure, every retry of that batch failed and the projector stopped.
   */
  @Test
  void shouldProjectTheNewOwnerOfAReleasedEmailWhenItArrivesBeforeTheOldOwnersErasure()
      throws Exception {
    var lives = TestEvents.accountLives();
    var database = environment.prefix() + "cross_partition";
    var applier = applier(database);
    var events = sourced(lives.events());
    var carols = events.stream().filter(e -> isOf(e, lives.carol())).toList();
    var deletion = events.stream().filter(e -> e.event().payload() instanceof UserDeleted).toList();
    var before = events.stream().filter(e -> !carols.contains(e) && !deletion.contains(e)).toList();

    applier.apply(before, next(events.size()));
    applier.apply(carols, next(events.size()));
    applier.apply(deletion, next(events.size()));

    assertThat(environment.queryString(database, emailOf(lives))).isEqualTo(lives.bobEmail());
    assertThat(count(database, "users WHERE email = '" + lives.bobEmail() + "'")).isEqualTo(1);
  }

  private static boolean isOf(SourcedEvent event, UserId user) {
    return event.event().aggregateId().equals(user.value());
  }

  private static String emailOf(AccountLives lives) {
    return "SELECT email FROM users WHERE id = '" + lives.carol() + "'";
  }

  private AuthApplier applier(String database) throws Exception {
    DataSource auth = databases.open(database, DatabaseKind.AUTH);
    return new AuthApplier(auth, new AppliedSeqs());
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

  private static long count(String database, String from) throws Exception {
    return environment.queryLong(database, "SELECT count(*) FROM " + from);
  }
}
