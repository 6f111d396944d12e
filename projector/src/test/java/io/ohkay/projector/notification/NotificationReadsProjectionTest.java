package io.ohkay.projector.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.ServerLife;
import io.ohkay.projector.TestEvents;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationReadsProjectionTest {

  private final NotificationReadsProjection projection = new NotificationReadsProjection();
  private final UserId user = new UserId(UUID.randomUUID());

  @Test
  void shouldMarkTheNamedNotificationKeepingTheFirstTimeWhenOneIsRead() {
    var notification = UUID.randomUUID();
    var read = TestEvents.account(user).next(new NotificationsRead(user, notification));

    var writes = projection.project(read);

    assertThat(writes)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.statement()).isEqualTo(NotificationReadsProjection.READ_ONE);
              assertThat(w.params())
                  .containsExactly(
                      notification, user.value(), read.occurredAt().atOffset(ZoneOffset.UTC));
              assertThat(w.statement().sql()).contains("DO NOTHING");
            });
  }

  @Test
  void shouldMoveTheWatermarkForwardOnlyWhenAllAreRead() {
    var read = TestEvents.account(user).next(new NotificationsRead(user, null));

    var writes = projection.project(read);

    assertThat(writes)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.statement()).isEqualTo(NotificationReadsProjection.READ_ALL);
              assertThat(w.params())
                  .containsExactly(user.value(), read.occurredAt().atOffset(ZoneOffset.UTC));
              assertThat(w.statement().sql()).contains("greatest(");
            });
  }

  @Test
  void shouldWriteNothingWhenEventIsNotANotificationsRead() {
    assertThat(TestEvents.accountLives().events().stream().map(projection::project))
        .isNotEmpty()
        .allSatisfy(writes -> assertThat(writes).isEmpty());
    assertThat(ServerLife.create().events().stream().map(projection::project))
        .allSatisfy(writes -> assertThat(writes).isEmpty());
  }
}
