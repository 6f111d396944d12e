package io.ohkay.projector.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.schemas.event.MessagePosted;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessagesProjectionTest {

  private final MessagesProjection projection = new MessagesProjection();

  @Test
  void shouldInsertMessageWithItsEventSeqWhenMessagePosted() {
    var history = TestEvents.server(2);
    var event = history.events().get(4);
    var posted = (MessagePosted) event.payload();

    var writes = projection.project(event);

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(MessagesProjection.INSERT_MESSAGE);
              assertThat(write.params())
                  .containsExactly(
                      posted.messageId().value(),
                      history.channel().value(),
                      history.owner().value(),
                      "message 1",
                      event.occurredAt().atOffset(ZoneOffset.UTC),
                      5L);
            });
  }

  @Test
  void shouldWriteNothingWhenEventIsNotAMessage() {
    var history = TestEvents.server(0);

    assertThat(history.events()).allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
  }
}
