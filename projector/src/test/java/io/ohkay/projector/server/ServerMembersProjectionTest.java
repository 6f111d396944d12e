package io.ohkay.projector.server;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.WriteBatch;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerMembersProjectionTest {

  private final ServerMembersProjection projection = new ServerMembersProjection();
  private final ServerId server = new ServerId(UUID.randomUUID());
  private final UserId user = new UserId(UUID.randomUUID());

  @Test
  void shouldAddMemberWhenMemberJoined() {
    var writes =
        projection.project(TestEvents.event(server.value(), 2, AT, new MemberJoined(server, user)));

    assertThat(writes)
        .containsExactly(
            ServerMembersProjection.MEMBERSHIP.with(
                server.value(), user.value(), AT.atOffset(ZoneOffset.UTC), true));
  }

  @Test
  void shouldRemoveMemberWhenMemberLeftForAnyReason() {
    for (var reason : MemberLeft.Reason.values()) {
      var left = new MemberLeft(server, user, reason);

      var writes = projection.project(TestEvents.event(server.value(), 3, AT, left));

      assertThat(writes)
          .containsExactly(
              ServerMembersProjection.MEMBERSHIP.with(
                  server.value(), user.value(), AT.atOffset(ZoneOffset.UTC), false));
    }
  }

  @Test
  void shouldKeepJoinLeaveJoinInEventOrderWhenOneBatchHoldsThem() {
    var batch = new WriteBatch();
    batch.addAll(projection.project(at(2, new MemberJoined(server, user))));
    batch.addAll(projection.project(at(3, new MemberLeft(server, user, MemberLeft.Reason.LEFT))));
    batch.addAll(projection.project(at(4, new MemberJoined(server, user))));

    assertThat(batch.groups())
        .singleElement()
        .satisfies(
            group ->
                assertThat(group.rows())
                    .extracting(row -> row.get(3))
                    .containsExactly(true, false, true));
  }

  @Test
  void shouldWriteNothingWhenEventIsNotAJoinOrALeave() {
    var life = TestEvents.membershipLife();

    assertThat(life.events())
        .filteredOn(
            e -> !(e.payload() instanceof MemberJoined) && !(e.payload() instanceof MemberLeft))
        .hasSize(life.events().size() - 6)
        .allSatisfy(event -> assertThat(projection.project(event)).isEmpty());
  }

  private Event at(long seq, EventPayload payload) {
    return TestEvents.event(server.value(), seq, AT.plusSeconds(seq), payload);
  }
}
