package io.ohkay.projector.channel;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ohkay.projector.TestEvents;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelsProjectionTest {

  private final ChannelsProjection projection = new ChannelsProjection();

  @Test
  void shouldInsertChannelWithPositionWhenChannelCreated() {
    var history = TestEvents.server(0);

    var writes = projection.project(history.events().get(2));

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ChannelsProjection.INSERT_CHANNEL);
              assertThat(write.params())
                  .containsExactly(
                      history.channel().value(), "general", 0, AT.atOffset(ZoneOffset.UTC));
            });
  }

  @Test
  void shouldWriteNothingWhenEventIsNotAChannel() {
    var history = TestEvents.server(1);

    assertThat(projection.project(history.events().get(0))).isEmpty();
    assertThat(projection.project(history.events().get(1))).isEmpty();
    assertThat(projection.project(history.events().get(3))).isEmpty();
  }

  @Test
  void shouldUpdateNameWhenChannelRenamed() {
    var history = TestEvents.server(0);

    var writes =
        projection.project(
            event(history, new ChannelRenamed(history.server(), history.channel(), "lobby")));

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ChannelsProjection.RENAME_CHANNEL);
              assertThat(write.statement().sql())
                  .isEqualTo("UPDATE channels SET name = ? WHERE id = ?");
              assertThat(write.params()).containsExactly("lobby", history.channel().value());
            });
  }

  @Test
  void shouldUpdatePositionWhenChannelMoved() {
    var history = TestEvents.server(0);

    var writes =
        projection.project(
            event(history, new ChannelMoved(history.server(), history.channel(), 3)));

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ChannelsProjection.MOVE_CHANNEL);
              assertThat(write.statement().sql())
                  .isEqualTo("UPDATE channels SET position = ? WHERE id = ?");
              assertThat(write.params()).containsExactly(3, history.channel().value());
            });
  }

  @Test
  void shouldDeleteMessagesThenChannelWhenChannelDeleted() {
    var history = TestEvents.server(0);
    var channel = history.channel().value();

    var writes =
        projection.project(event(history, new ChannelDeleted(history.server(), history.channel())));

    assertThat(writes)
        .extracting(write -> write.statement().sql(), write -> write.params())
        .containsExactly(
            tuple("DELETE FROM messages WHERE channel_id = ?", List.of(channel)),
            tuple("DELETE FROM channels WHERE id = ?", List.of(channel)));
  }

  private static Event event(TestEvents.ServerHistory history, EventPayload payload) {
    return TestEvents.event(history.server().value(), history.lastSeq() + 1, AT, payload);
  }
}
