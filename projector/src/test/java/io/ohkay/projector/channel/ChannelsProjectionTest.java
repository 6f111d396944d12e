package io.ohkay.projector.channel;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.id.MessageId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelsProjectionTest {

  private static final Object[] NO_MESSAGE = {SqlNull.UUID, SqlNull.UUID, SqlNull.TEXT};

  private final ChannelsProjection projection = new ChannelsProjection();

  @Test
  void shouldCreateChannelOnTheTimelineWhenChannelCreated() {
    var history = TestEvents.server(0);

    var writes = projection.project(history.events().get(2));

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ChannelsProjection.TIMELINE);
              assertThat(write.params())
                  .containsExactly(
                      concat(
                          new Object[] {"CREATE", history.channel().value(), "general", 0, at()},
                          NO_MESSAGE,
                          3L));
            });
  }

  @Test
  void shouldWriteNothingWhenEventIsNeitherAChannelNorAMembership() {
    var history = TestEvents.server(1);

    assertThat(projection.project(history.events().get(0))).isEmpty();
    assertThat(projection.project(history.events().get(3))).isEmpty();
    assertThat(
            projection.project(
                event(
                    history,
                    new MessagePosted(
                        history.server(),
                        history.channel(),
                        new MessageId(UUID.randomUUID()),
                        history.owner(),
                        "hi"))))
        .isEmpty();
  }

  @Test
  void shouldPostAJoinedSystemMessageWithTheEventsIdAndSeqWhenMemberJoined() {
    var history = TestEvents.server(0);
    var joined = history.events().get(1);

    var writes = projection.project(joined);

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ChannelsProjection.TIMELINE);
              assertThat(write.params())
                  .containsExactly(
                      "SYSTEM",
                      SqlNull.UUID,
                      SqlNull.TEXT,
                      SqlNull.INTEGER,
                      at(),
                      joined.eventId(),
                      history.owner().value(),
                      "JOINED",
                      2L);
            });
  }

  @Test
  void shouldReadAccountDeletionAsLeavingWhenMemberLeft() {
    assertThat(ChannelsProjection.systemType(MemberLeft.Reason.LEFT)).isEqualTo("LEFT");
    assertThat(ChannelsProjection.systemType(MemberLeft.Reason.ACCOUNT_DELETED)).isEqualTo("LEFT");
    assertThat(ChannelsProjection.systemType(MemberLeft.Reason.KICKED)).isEqualTo("KICKED");
    assertThat(ChannelsProjection.systemType(MemberLeft.Reason.BANNED)).isEqualTo("BANNED");
  }

  @Test
  void shouldUpdateNameAfterTheTimelineWhenChannelRenamed() {
    var history = TestEvents.server(0);

    var writes =
        projection.project(
            event(history, new ChannelRenamed(history.server(), history.channel(), "lobby")));

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ChannelsProjection.RENAME_CHANNEL);
              assertThat(write.statement().order())
                  .isGreaterThan(ChannelsProjection.TIMELINE.order());
              assertThat(write.params()).containsExactly("lobby", history.channel().value());
            });
  }

  @Test
  void shouldMoveAndDeleteOnTheTimelineWhenChannelMovedThenDeleted() {
    var history = TestEvents.server(0);
    var channel = history.channel().value();

    var moved =
        projection.project(
            event(history, new ChannelMoved(history.server(), history.channel(), 3)));
    var deleted =
        projection.project(event(history, new ChannelDeleted(history.server(), history.channel())));

    assertThat(moved)
        .singleElement()
        .satisfies(
            write ->
                assertThat(write.params())
                    .containsExactly(
                        concat(
                            new Object[] {"MOVE", channel, SqlNull.TEXT, 3, at()},
                            NO_MESSAGE,
                            4L)));
    assertThat(deleted)
        .singleElement()
        .satisfies(
            write ->
                assertThat(write.params())
                    .containsExactly(
                        concat(
                            new Object[] {"DELETE", channel, SqlNull.TEXT, SqlNull.INTEGER, at()},
                            NO_MESSAGE,
                            4L)));
  }

  private static Object[] concat(Object[] channel, Object[] message, long seq) {
    var all = Arrays.copyOf(channel, channel.length + message.length + 1);
    System.arraycopy(message, 0, all, channel.length, message.length);
    all[all.length - 1] = seq;
    return all;
  }

  private static Object at() {
    return AT.atOffset(ZoneOffset.UTC);
  }

  private static Event event(TestEvents.ServerHistory history, EventPayload payload) {
    return TestEvents.event(history.server().value(), history.lastSeq() + 1, AT, payload);
  }
}
