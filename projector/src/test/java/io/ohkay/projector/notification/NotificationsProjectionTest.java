package io.ohkay.projector.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.ServerLife;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationsProjectionTest {

  private final NotificationsProjection projection = new NotificationsProjection();
  private final ServerLife life = ServerLife.create();

  @Test
  void shouldNotifyEachMentionedMemberWithADerivedIdWhenMembersMentioned() {
    var mentioned = life.at(21);
    var annId =
        UUID.nameUUIDFromBytes(
            (mentioned.eventId() + "/" + life.ann()).getBytes(StandardCharsets.UTF_8));

    var writes = projection.project(mentioned);

    assertThat(writes).hasSize(2);
    assertThat(writes.getFirst().params())
        .containsExactly(
            annId,
            life.ann().value(),
            life.history().server().value(),
            life.history().channel().value(),
            life.mention().value(),
            life.ben().value(),
            mentioned.occurredAt().atOffset(ZoneOffset.UTC));
    assertThat(writes.get(1).params().get(1)).isEqualTo(life.owner().value());
  }

  @Test
  void shouldNotifyNobodyWhenEventIsNoMention() {
    assertThat(life.events().stream().filter(e -> e.seq() != 21).map(projection::project))
        .allSatisfy(writes -> assertThat(writes).isEmpty());
  }
}
