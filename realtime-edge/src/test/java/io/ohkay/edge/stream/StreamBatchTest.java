package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamBatchTest {

  private final StreamEvent first = new StreamEvent("2.c.s0", "message.posted.v1", "{\"a\":1}");
  private final StreamEvent second = StreamEvent.ephemeral("typing", "{}");

  @Test
  void shouldWriteABatchAsItsEventsOneAfterTheOtherWhenSeveralAreHandedOverTogether() {
    var batch = new StreamBatch(List.of(first, second));

    assertThat(text(batch.sse())).isEqualTo(text(first.sse()) + text(second.sse()));
    assertThat(StreamBatch.of(first).sse()).isSameAs(first.sse());
  }

  @Test
  void shouldJoinItsEventsOnceWhenSeveralConnectionsWriteIt() {
    var batch = new StreamBatch(List.of(first, second));

    assertThat(batch.sse()).isSameAs(batch.sse());
  }

  @Test
  void shouldEqualAListOnlyWhenItHoldsTheSameEventsInOrder() {
    var batch = new StreamBatch(List.of(first, second));
    var staged = new ArrayList<>(List.of(first, second));
    var alike = new ArrayList<>(List.of(first, StreamEvent.ephemeral("typing", "{}")));

    assertThat(batch).isEqualTo(staged).hasSameHashCodeAs(staged).isNotEqualTo(alike);
  }

  @Test
  void shouldCopyItsBytesToDirectMemoryOnceWhenEachConnectionTakesAView() {
    var batch = new StreamBatch(List.of(first, second));

    var one = batch.directSse();
    var two = batch.directSse();
    var read = new byte[one.remaining()];
    one.get(read);

    assertThat(one.isDirect()).isTrue();
    assertThat(read).isEqualTo(batch.sse());
    assertThat(two.position()).isZero();
    assertThat(two.remaining()).isEqualTo(read.length);
  }

  @Test
  void shouldRefuseTheBatchWhenItHasNoEvent() {
    assertThatThrownBy(() -> new StreamBatch(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
