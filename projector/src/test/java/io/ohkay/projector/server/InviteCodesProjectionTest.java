package io.ohkay.projector.server;

import static io.ohkay.projector.TestEvents.AT;
import static io.ohkay.projector.TestEvents.EXPIRY;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InviteCodesProjectionTest {

  private final InviteCodesProjection projection = new InviteCodesProjection();
  private final ServerId server = new ServerId(UUID.randomUUID());
  private final UserId user = new UserId(UUID.randomUUID());

  @Test
  void shouldInsertUnusedCodeCreatedThenWhenInviteCreatedWithLimits() {
    var writes = projection.project(at(4, new InviteCreated(server, "abc", user, EXPIRY, 10)));

    assertThat(writes)
        .containsExactly(
            InviteCodesProjection.INSERT_INVITE.with(
                "abc",
                server.value(),
                user.value(),
                AT.plusSeconds(4).atOffset(ZoneOffset.UTC),
                EXPIRY.atOffset(ZoneOffset.UTC),
                10));
  }

  @Test
  void shouldInsertTypedNullsWhenInviteCreatedWithoutExpiryOrUseLimit() {
    var writes = projection.project(at(4, new InviteCreated(server, "abc", user, null, null)));

    assertThat(writes)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.params().subList(4, 6))
                    .containsExactly(SqlNull.TIMESTAMPTZ, SqlNull.INTEGER));
  }

  @Test
  void shouldCountOneUseWhenInviteAccepted() {
    var writes = projection.project(at(5, new InviteAccepted(server, "abc", user)));

    assertThat(writes).containsExactly(InviteCodesProjection.COUNT_USE.with("abc", server.value()));
  }

  @Test
  void shouldWriteNothingWhenEventIsNotAboutInvites() {
    var life = TestEvents.membershipLife();

    assertThat(life.events())
        .filteredOn(
            e ->
                !(e.payload() instanceof InviteCreated) && !(e.payload() instanceof InviteAccepted))
        .hasSize(life.events().size() - 5)
        .allSatisfy(event -> assertThat(projection.project(event)).isEmpty());
  }

  private Event at(long seq, EventPayload payload) {
    return TestEvents.event(server.value(), seq, AT.plusSeconds(seq), payload);
  }
}
