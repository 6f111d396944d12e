package io.ohkay.projector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.ServerLife;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.MemberKicked;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuditLogProjectionTest {

  private final AuditLogProjection projection = new AuditLogProjection();
  private final ServerLife life = ServerLife.create();

  @Test
  void shouldLogTheTargetAndKeepTheOtherFieldsAsDetailsWhenMemberKicked() {
    var kicked = life.at(33);

    assertThat(projection.project(kicked))
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(AuditLogProjection.INSERT_ENTRY);
              assertThat(write.params())
                  .containsExactly(
                      kicked.eventId(),
                      33L,
                      "MEMBER_KICK",
                      life.owner().value(),
                      ((MemberKicked) kicked.payload()).userId().value(),
                      "rude",
                      "{}",
                      kicked.occurredAt().atOffset(ZoneOffset.UTC));
            });
  }

  @Test
  void shouldTargetTheChannelWhenOverwriteSet() {
    var set = (ChannelOverwriteSet) life.at(19).payload();

    assertThat(AuditLogProjection.details(set, "channelId"))
        .isEqualTo(
            "{\"targetType\":\"ROLE\",\"targetId\":\""
                + life.mods()
                + "\",\"allow\":[\"MANAGE_MESSAGES\",\"SEND_MESSAGES\"],"
                + "\"deny\":[\"CREATE_INVITES\"]}");
  }

  @Test
  void shouldLookUpTheAuthorInSqlWhenMessageDeleted() {
    var deleted = life.at(26);

    assertThat(projection.project(deleted))
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(AuditLogProjection.INSERT_MESSAGE_DELETE);
              assertThat(write.statement().sql()).contains("m.author_id IS DISTINCT FROM ?");
              assertThat(write.params())
                  .containsExactly(
                      deleted.eventId(),
                      26L,
                      life.ann().value(),
                      "{\"channelId\":\"" + life.random() + "\"}",
                      deleted.occurredAt().atOffset(ZoneOffset.UTC),
                      life.spam().value(),
                      life.ann().value());
            });
  }

  @Test
  void shouldLogNothingWhenChannelMovedOrMessagePostedOrRead() {
    for (long seq : new long[] {20, 21, 27, 31, 32, 35}) {
      assertThat(projection.project(life.at(seq))).as("seq %d", seq).isEmpty();
    }
  }

  @Test
  void shouldLogWithoutActorWhenEnvelopeHasNone() {
    var created = life.history().events().get(2);

    assertThat(projection.project(created))
        .singleElement()
        .satisfies(write -> assertThat(write.params().get(3)).isEqualTo(SqlNull.UUID));
  }
}
