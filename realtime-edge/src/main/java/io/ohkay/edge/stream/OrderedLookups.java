package io.ohkay.edge.stream;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Looks up who an item reaches (a database read, off the calling thread so the feed and the
 * presence board never block), one item after the other so a user's items arrive in order, then
 * hands the item and the answer to {@code deliver}. When the lookup fails, times out or the queue
 * is full, the item is delivered with {@code fallback} (what is known in memory).
 *
 * @param <T> the items
 * @param <R> what a lookup answers
 */
final class OrderedLookups<T, R> {

  static final int QUEUE = 10_000;
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(OrderedLookups.class);

  private final String what;
  private final Sinks.Many<T> queue =
      Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(QUEUE));
  private final R fallback;
  private final BiConsumer<T, R> deliver;

  /**
   * @param what what the items are, for the log
   * @param lookup who an item reaches
   * @param fallback the answer when the lookup cannot be had
   * @param deliver takes each item with its answer, in the order submitted
   */
  OrderedLookups(String what, Function<T, Mono<R>> lookup, R fallback, BiConsumer<T, R> deliver) {
    this.what = what;
    this.fallback = fallback;
    this.deliver = deliver;
    queue
        .asFlux()
        .concatMap(item -> answer(item, lookup).map(answer -> new Answered<>(item, answer)), 1)
        .subscribe(this::deliver, error -> log.error("{} lookups stopped", what, error));
  }

  /** Queues {@code item}; called from one thread at a time. */
  void submit(T item) {
    if (queue.tryEmitNext(item).isFailure()) {
      log.warn("{} lookup queue full: {} reaches what is known in memory", what, item);
      deliver.accept(item, fallback);
    }
  }

  private record Answered<T, R>(T item, R answer) {}

  private void deliver(Answered<T, R> answered) {
    try {
      deliver.accept(answered.item(), answered.answer());
    } catch (RuntimeException e) {
      log.error("{} not delivered: {}", what, answered.item(), e);
    }
  }

  private Mono<R> answer(T item, Function<T, Mono<R>> lookup) {
    return Mono.defer(() -> lookup.apply(item))
        .timeout(LOOKUP_TIMEOUT)
        .onErrorResume(
            error -> {
              log.warn("{} lookup for {} failed: {}", what, item, error.toString());
              return Mono.just(fallback);
            })
        .defaultIfEmpty(fallback);
  }
}
