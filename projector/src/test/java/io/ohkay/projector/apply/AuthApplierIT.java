package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.TestEvents.AccountLives;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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

  /**
   * Ada marks one notification twice and reads all twice, the second time with a clock behind the
   * first; Bob reads all once. The first mark of a notification stays, a watermark only moves
   * forward, and neither needs the notification's row (it comes from the server events).
   */
  @Test
  void shouldKeepTheFirstMarkAndTheLatestWatermarkWhenNotificationsAreReadRepeatedly()
      throws Exception {
    var ada = new UserId(UUID.randomUUID());
    var bob = new UserId(UUID.randomUUID());
    var mention = UUID.randomUUID();
    var other = UUID.randomUUID();
    var at = TestEvents.AT;
    var events =
        List.of(
            read(ada, 1, at.plusSeconds(10), mention),
            read(ada, 2, at.plusSeconds(20), null),
            read(bob, 1, at.plusSeconds(25), null),
            read(ada, 3, at.plusSeconds(30), mention),
            read(ada, 4, at.plusSeconds(15), null),
            read(ada, 5, at.plusSeconds(40), other));

    var oneBatch = DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(this::applier, events);

    var environment = DATABASES.environment();
    assertThat(
            environment.queryString(
                oneBatch,
                "SELECT string_agg(notification_id || ' ' || user_id || ' ' || extract(epoch FROM read_at)::bigint, ','"
                    + " ORDER BY read_at) FROM notification_reads"))
        .isEqualTo(
            mention
                + " "
                + ada
                + " "
                + sql(at.plusSeconds(10))
                + ","
                + other
                + " "
                + ada
                + " "
                + sql(at.plusSeconds(40)));
    assertThat(
            environment.queryString(
                oneBatch,
                "SELECT string_agg(user_id || ' ' || extract(epoch FROM read_before)::bigint, ','"
                    + " ORDER BY read_before)"
                    + " FROM notification_watermarks"))
        .isEqualTo(ada + " " + sql(at.plusSeconds(20)) + "," + bob + " " + sql(at.plusSeconds(25)));
    assertThat(count(oneBatch, "notifications")).isZero();
  }

  private static Event read(UserId user, long seq, Instant at, @Nullable UUID notification) {
    return TestEvents.event(user.value(), seq, at, new NotificationsRead(user, notification));
  }

  /** A time as the queries print it: seconds since the epoch. */
  private static long sql(Instant at) {
    return at.getEpochSecond();
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
