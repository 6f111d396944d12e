package io.ohkay.projector.user;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsersProjectionTest {

  private final UsersProjection projection = new UsersProjection();

  @Test
  void shouldInsertUserThenProfileWhenUserRegistered() {
    var user = new UserId(UUID.randomUUID());
    var event = TestEvents.userRegistered(user, "ada@example.com", "Ada");

    var writes = projection.project(event);

    var at = AT.atOffset(ZoneOffset.UTC);
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0).statement()).isEqualTo(UsersProjection.INSERT_USER);
    var hash = ((UserRegistered) event.payload()).passwordHash();
    assertThat(writes.get(0).params()).containsExactly(user.value(), "ada@example.com", hash, at);
    assertThat(writes.get(1).statement()).isEqualTo(UsersProjection.INSERT_PROFILE);
    assertThat(writes.get(1).params()).containsExactly(user.value(), "Ada", at);
    assertThat(writes.get(0).statement().order()).isLessThan(writes.get(1).statement().order());
  }

  @Test
  void shouldWriteNothingWhenEventIsAboutAServer() {
    var history = TestEvents.server(1);

    assertThat(history.events()).allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
  }
}
