package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ComputedTest {

  @Test
  void shouldComputeOnceOnFirstUseAndGiveEveryThreadThatValue() throws Exception {
    var calls = new AtomicInteger();
    var start = new CountDownLatch(1);
    var computed =
        new Computed<>(
            () -> {
              calls.incrementAndGet();
              return new Object();
            });
    assertThat(calls).hasValue(0);

    var readers = Executors.newFixedThreadPool(8);
    try {
      var values = new ArrayList<Future<Object>>();
      for (int i = 0; i < 8; i++) {
        values.add(
            readers.submit(
                () -> {
                  start.await();
                  return computed.get();
                }));
      }
      start.countDown();
      var first = values.getFirst().get(5, TimeUnit.SECONDS);
      for (var value : values) {
        assertThat(value.get(5, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      readers.shutdownNow();
    }
    assertThat(computed.get()).isNotNull();
    assertThat(calls).hasValue(1);
  }
}
