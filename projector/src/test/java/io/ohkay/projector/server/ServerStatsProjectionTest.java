package io.ohkay.projector.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServerStatsProjectionTest {

  private final ServerStatsProjection projection = new ServerStatsProjection();

  @Test
  void shouldCountOneMessageOnItsUtcDayWhenMessagePosted() {
    var history = TestEvents.server(0);
    var lateEvening =
        TestEvents.AT.atOffset(ZoneOffset.UTC).withHour(23).withMinute(59).toInstant();
    var posted =
        TestEvents.messagePosted(
            history.server(), 4, history.channel(), history.owner(), "hi", lateEvening);

    var writes = projection.project(posted);

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ServerStatsProjection.COUNT_MESSAGES);
              assertThat(write.params())
                  .containsExactly(history.server().value(), LocalDate.parse("2026-03-01"), 1L);
            });
  }

  @Test
  void shouldWriteNothingWhenEventIsNotAMessage() {
    var history = TestEvents.server(0);

    assertThat(history.events()).allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
  }
}
