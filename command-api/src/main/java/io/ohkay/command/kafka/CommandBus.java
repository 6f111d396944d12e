package io.ohkay.command.kafka;

import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Appends commands and waits for their outcome. Nothing is written to PostgreSQL on this path: the
 * command is the only write, and the decider's outcome is the answer.
 */
public final class CommandBus {

  private final Producer<String, byte[]> producer;
  private final OutcomeListener outcomes;

  public CommandBus(Producer<String, byte[]> producer, OutcomeListener outcomes) {
    this.producer = producer;
    this.outcomes = outcomes;
  }

  /**
   * Appends {@code command} to {@code topic} under {@code key} and emits its outcome, or an empty
   * Optional when none arrives within {@code timeout} (the command is still decided later).
   */
  public Mono<Optional<CommandOutcome>> submit(
      String topic, String key, Command command, Duration timeout) {
    var outcome = outcomes.await(command.commandId());
    return append(topic, key, command)
        // Leave the listener's thread at once: the response is rendered on a parallel worker.
        .then(outcome.timeout(timeout).publishOn(Schedulers.parallel()).map(Optional::of))
        .onErrorResume(
            java.util.concurrent.TimeoutException.class, e -> Mono.just(Optional.empty()));
  }

  /** Appends {@code command} without waiting for its outcome (a fact worth recording, no reply). */
  public Mono<Void> send(String topic, String key, Command command) {
    return append(topic, key, command);
  }

  private Mono<Void> append(String topic, String key, Command command) {
    return Mono.create(
        sink ->
            producer.send(
                new ProducerRecord<>(topic, key, Json.write(command)),
                (metadata, error) -> {
                  if (error != null) {
                    sink.error(error);
                  } else {
                    sink.success();
                  }
                }));
  }
}
