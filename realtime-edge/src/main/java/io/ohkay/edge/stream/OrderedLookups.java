package io.ohkay.edge.stream;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Looks up who items reach (a database read, off the calling thread so the feed and the presence
 * board never block), the items queued meanwhile together in one lookup, then hands each item and
 * its answer to {@code deliver} in the order submitted, so a user's items arrive in order. When the
 * lookup fails, times out or the queue is full, the items are delivered with {@code fallback} (what
 * is known in memory).
 *
 * @param <T> the items
 * @param <R> what a lookup answers for one item
 */
final class OrderedLookups<T, R> {

  static final int QUEUE = 10_000;

  /**
   * Items looked up together at most. One at a time, a thousand members coming online took ten
   * seconds of database round trips to announce, with the machine two thirds idle.
   */
  static final int BATCH = 256;

  /** How long a lookup waits for more items after its first. */
  private static final Duration GATHER = Duration.ofMillis(5);

  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(OrderedLookups.class);

  private final String what;
  private final Sinks.Many<T> queue =
      Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(QUEUE));
  private final R fallback;
  private final BiConsumer<T, R> deliver;
  private final Runnable delivered;

  /**
   * @param what what the items are, for the log
   * @param lookup who items reach: one answer per item, in their order
   * @param fallback the answer when the lookup cannot be had
   * @param deliver takes each item with its answer, in the order submitted
   * @param delivered runs after the items of one lookup were delivered
   */
  OrderedLookups(
      String what,
      Function<List<T>, Mono<List<R>>> lookup,
      R fallback,
      BiConsumer<T, R> deliver,
      Runnable delivered) {
    this.what = what;
    this.fallback = fallback;
    this.deliver = deliver;
    this.delivered = delivered;
    queue
        .asFlux()
        .bufferTimeout(BATCH, GATHER, true)
        .concatMap(items -> answer(items, lookup).map(answers -> new Answered<>(items, answers)), 1)
        .subscribe(this::deliver, error -> log.error("{} lookups stopped", what, error));
  }

  /** Queues {@code item}; called from one thread at a time. */
  void submit(T item) {
    if (queue.tryEmitNext(item).isFailure()) {
      log.warn("{} lookup queue full: {} reaches what is known in memory", what, item);
      deliver.accept(item, fallback);
    }
  }

  private record Answered<T, R>(List<T> items, List<R> answers) {}

  private void deliver(Answered<T, R> answered) {
    for (int i = 0; i < answered.items().size(); i++) {
      var item = answered.items().get(i);
      try {
        deliver.accept(item, answered.answers().get(i));
      } catch (RuntimeException e) {
        log.error("{} not delivered: {}", what, item, e);
      }
    }
    try {
      delivered.run();
    } catch (RuntimeException e) {
      log.error("{} lookups: delivery end failed", what, e);
    }
  }

  private Mono<List<R>> answer(List<T> items, Function<List<T>, Mono<List<R>>> lookup) {
    return Mono.defer(() -> lookup.apply(items))
        .timeout(LOOKUP_TIMEOUT)
        .flatMap(
            answers ->
                answers.size() == items.size()
                    ? Mono.just(answers)
                    : Mono.error(
                        new IllegalStateException(
                            answers.size() + " answers for " + items.size() + " items")))
        .onErrorResume(
            error -> {
              log.warn(
                  "{} lookup for {} items ({}…) failed: {}",
                  what,
                  items.size(),
                  items.getFirst(),
                  error.toString());
              return Mono.empty();
            })
        .defaultIfEmpty(Collections.nCopies(items.size(), fallback));
  }
}
