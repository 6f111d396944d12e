package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Finds who shares a server with a user whose profile changed (a registry read, off the feed's
 * thread so the feed never blocks), one update after the other so a user's updates arrive in order,
 * then hands the update and the servers to the hub. When the registry cannot answer (or the queue
 * is full) the update still reaches the connections whose servers the hub knows.
 */
final class ProfileFanout {

  /** A profile update to deliver: whose, and its record. */
  record Update(UserId user, FeedRecord record) {}

  static final int QUEUE = 10_000;
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(ProfileFanout.class);

  private final Sinks.Many<Update> queue =
      Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(QUEUE));
  private final Function<UserId, Flux<UUID>> serversOf;
  private final BiConsumer<Update, List<UUID>> deliver;

  ProfileFanout(Function<UserId, Flux<UUID>> serversOf, BiConsumer<Update, List<UUID>> deliver) {
    this.serversOf = serversOf;
    this.deliver = deliver;
    queue
        .asFlux()
        .concatMap(update -> lookup(update).map(servers -> new Resolved(update, servers)), 1)
        .subscribe(this::deliver, error -> log.error("profile fan-out stopped", error));
  }

  /** Queues {@code update}; called on the feed's thread only. */
  void submit(Update update) {
    if (queue.tryEmitNext(update).isFailure()) {
      log.warn("profile fan-out queue full: {} reaches the servers known in memory", update.user());
      deliver.accept(update, List.of());
    }
  }

  private record Resolved(Update update, List<UUID> servers) {}

  private void deliver(Resolved resolved) {
    try {
      deliver.accept(resolved.update(), resolved.servers());
    } catch (RuntimeException e) {
      log.error("profile update of {} not delivered", resolved.update().user(), e);
    }
  }

  private Mono<List<UUID>> lookup(Update update) {
    return Mono.defer(() -> serversOf.apply(update.user()).collectList())
        .timeout(LOOKUP_TIMEOUT)
        .onErrorResume(
            error -> {
              log.warn("servers of {} not read: {}", update.user(), error.toString());
              return Mono.just(List.of());
            });
  }
}
