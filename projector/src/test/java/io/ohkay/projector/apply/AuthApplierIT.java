package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.TestEvents.AccountLives;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.id.UserId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The auth projections on a real auth database: however the events are cut into batches, and
 * however often a batch is redelivered, the database ends the same.
 */
class AuthApplierIT {

  @RegisterExtension static final AppliedDatabases DATABASES = new AppliedDatabases("auth-events");

  @Test
  void shouldEqualEventByEventWritesWhenEveryLifeIsOneRedeliveredBatch() throws Exception {
    var lives = TestEvents.accountLives();

    var oneBatch =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(this::applier, lives.events());

    assertThat(count(oneBatch, "users WHERE email = '" + lives.bobEmail() + "'")).isEqualTo(1);
    assertThat(DATABASES.environment().queryString(oneBatch, emailOf(lives)))
        .isEqualTo(lives.bobEmail());
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
    var database = DATABASES.environment().prefix() + "cross_partition";
    var applier = applier(database);
    var events = DATABASES.sourced(lives.events());
    var carols = events.stream().filter(e -> isOf(e, lives.carol())).toList();
    var deletion = events.stream().filter(e -> e.event().payload() instanceof UserDeleted).toList();
    var before = events.stream().filter(e -> !carols.contains(e) && !deletion.contains(e)).toList();

    applier.apply(before, DATABASES.next(events.size()));
    applier.apply(carols, DATABASES.next(events.size()));
    applier.apply(deletion, DATABASES.next(events.size()));

    assertThat(DATABASES.environment().queryString(database, emailOf(lives)))
        .isEqualTo(lives.bobEmail());
    assertThat(count(database, "users WHERE email = '" + lives.bobEmail() + "'")).isEqualTo(1);
  }

  private static boolean isOf(SourcedEvent event, UserId user) {
    return event.event().aggregateId().equals(user.value());
  }

  private static String emailOf(AccountLives lives) {
    return "SELECT email FROM users WHERE id = '" + lives.carol() + "'";
  }

  private AuthApplier applier(String database) throws Exception {
    DataSource auth = DATABASES.open(database, DatabaseKind.AUTH);
    return new AuthApplier(auth, new AppliedSeqs());
  }

  private static long count(String database, String from) throws Exception {
    return DATABASES.environment().queryLong(database, "SELECT count(*) FROM " + from);
  }
}
