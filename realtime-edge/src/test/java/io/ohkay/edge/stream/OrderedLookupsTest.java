package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class OrderedLookupsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void shouldLookUpTogetherAndDeliverInOrderWhenItemsQueueDuringALookup() {
    var firstAnswered = Sinks.<String>one();
    var lookups = new CopyOnWriteArrayList<List<Integer>>();
    var delivered = new CopyOnWriteArrayList<String>();
    var deliveredAtEachEnd = new CopyOnWriteArrayList<Integer>();
    var queue =
        new OrderedLookups<Integer, String>(
            "test",
            items -> {
              lookups.add(List.copyOf(items));
              var answers = items.stream().map(item -> "servers of " + item).toList();
              // The first lookup is slow: what is submitted meanwhile waits for it.
              return lookups.size() == 1
                  ? firstAnswered.asMono().map(ignored -> answers)
                  : Mono.just(answers);
            },
            "fallback",
            (item, answer) -> delivered.add(item + ": " + answer),
            () -> deliveredAtEachEnd.add(delivered.size()));

    queue.submit(0);
    await().atMost(WAIT).until(() -> lookups.size() == 1);
    IntStream.rangeClosed(1, 100).forEach(queue::submit);
    firstAnswered.tryEmitValue("answered");

    var expected = new ArrayList<String>();
    IntStream.rangeClosed(0, 100).forEach(item -> expected.add(item + ": servers of " + item));
    await().atMost(WAIT).until(() -> deliveredAtEachEnd.contains(expected.size()));
    assertThat(delivered).isEqualTo(expected);
    // One at a time would be 101 lookups; a few batches are all it takes.
    assertThat(lookups).hasSizeLessThan(10);
    // The end of each lookup's deliveries is told once they are all delivered.
    var ends = new ArrayList<Integer>();
    var sum = 0;
    for (var lookup : lookups) {
      sum += lookup.size();
      ends.add(sum);
    }
    assertThat(deliveredAtEachEnd).isEqualTo(ends);
    assertThat(lookups.stream().flatMap(List::stream))
        .containsExactlyElementsOf(IntStream.rangeClosed(0, 100).boxed().toList());
  }

  @Test
  void shouldDeliverTheFallbackAndGoOnWhenALookupFails() {
    var delivered = new CopyOnWriteArrayList<String>();
    var queue =
        new OrderedLookups<String, String>(
            "test",
            items ->
                items.contains("broken")
                    ? Mono.error(new IllegalStateException("database down"))
                    : Mono.just(items.stream().map(item -> item + " looked up").toList()),
            "fallback",
            (item, answer) -> delivered.add(item + ": " + answer),
            () -> {});

    queue.submit("broken");
    await().atMost(WAIT).until(() -> delivered.size() == 1);
    queue.submit("after");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(delivered)
                    .containsExactly("broken: fallback", "after: after looked up"));
  }

  @Test
  void shouldDeliverTheFallbackWhenALookupAnswersForOtherItemsThanAsked() {
    var delivered = new CopyOnWriteArrayList<String>();
    var queue =
        new OrderedLookups<String, String>(
            "test",
            items -> Mono.just(List.of()),
            "fallback",
            (item, answer) -> delivered.add(item + ": " + answer),
            () -> {});

    queue.submit("a");

    await().atMost(WAIT).untilAsserted(() -> assertThat(delivered).containsExactly("a: fallback"));
  }
}
