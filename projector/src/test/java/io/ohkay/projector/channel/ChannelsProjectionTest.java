package io.ohkay.projector.channel;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import java.time.ZoneOffset;
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
}
