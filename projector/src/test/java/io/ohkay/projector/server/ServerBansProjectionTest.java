package io.ohkay.projector.server;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.projector.projection.WriteBatch;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerBansProjectionTest {

  private final ServerBansProjection projection = new ServerBansProjection();
  private final ServerId server = new ServerId(UUID.randomUUID());
  private final UserId user = new UserId(UUID.randomUUID());

  @Test
  void shouldBanWithReasonWhenMemberBanned() {
    var writes = projection.project(at(5, new MemberBanned(server, user, "spam")));

    assertThat(writes)
        .containsExactly(
            ServerBansProjection.BAN.with(
                server.value(),
                user.value(),
                "spam",
                AT.plusSeconds(5).atOffset(ZoneOffset.UTC),
                true));
  }

  @Test
  void shouldBanWithTypedNullReasonWhenMemberBannedWithoutReason() {
    var writes = projection.project(at(5, new MemberBanned(server, user, null)));

    assertThat(writes)
        .singleElement()
        .satisfies(w -> assertThat(w.params().get(2)).isEqualTo(SqlNull.TEXT));
  }

  @Test
  void shouldLiftBanWhenMemberUnbanned() {
    var writes = projection.project(at(6, new MemberUnbanned(server, user)));

    assertThat(writes)
        .containsExactly(
            ServerBansProjection.BAN.with(
                server.value(),
                user.value(),
                SqlNull.TEXT,
                AT.plusSeconds(6).atOffset(ZoneOffset.UTC),
                false));
  }

  @Test
  void shouldKeepBanUnbanBanInEventOrderWhenOneBatchHoldsThem() {
    var batch = new WriteBatch();
    batch.addAll(projection.project(at(2, new MemberBanned(server, user, "a"))));
    batch.addAll(projection.project(at(3, new MemberUnbanned(server, user))));
    batch.addAll(projection.project(at(4, new MemberBanned(server, user, "b"))));

    assertThat(batch.groups())
        .singleElement()
        .satisfies(
            group ->
                assertThat(group.rows())
                    .extracting(row -> row.get(4))
                    .containsExactly(true, false, true));
  }

  @Test
  void shouldWriteNothingWhenEventIsNotABanOrAnUnban() {
    var life = TestEvents.membershipLife();

    assertThat(life.events())
        .filteredOn(
            e -> !(e.payload() instanceof MemberBanned) && !(e.payload() instanceof MemberUnbanned))
        .hasSize(life.events().size() - 3)
        .allSatisfy(event -> assertThat(projection.project(event)).isEmpty());
  }

  private Event at(long seq, EventPayload payload) {
    return TestEvents.event(server.value(), seq, AT.plusSeconds(seq), payload);
  }
}
