package io.ohkay.command.web;

import io.ohkay.command.kafka.CommandBus;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Sends the commands of one kind of aggregate to their topic, keyed by their aggregate, and waits
 * (bounded) for their outcomes.
 *
 * @param <P> the commands of the aggregate
 */
public abstract class TopicCommands<P extends CommandPayload> {

  private final CommandBus bus;
  private final String commandsTopic;
  private final Function<P, String> key;
  private final Duration outcomeTimeout;
  private final Clock clock;

  protected TopicCommands(
      CommandBus bus,
      String commandsTopic,
      Function<P, String> key,
      Duration outcomeTimeout,
      Clock clock) {
    this.bus = bus;
    this.commandsTopic = commandsTopic;
    this.key = key;
    this.outcomeTimeout = outcomeTimeout;
    this.clock = clock;
  }

  /** Submits {@code payload} as {@code actor} under {@code id}; empty when the outcome is late. */
  public Mono<Optional<CommandOutcome>> submit(CommandId id, UserId actor, P payload) {
    var command = new Command(id, actor, clock.instant(), payload);
    return bus.submit(commandsTopic, key.apply(payload), command, outcomeTimeout);
  }

  /** Submits {@code payload} under the request's command id; 204 once it is accepted. */
  public Mono<ServerResponse> noContent(ServerRequest request, UserId actor, P payload) {
    var id = CommandIds.of(request, actor);
    return submit(id, actor, payload)
        .flatMap(
            outcome -> CommandReplies.reply(id, outcome, HttpStatus.NO_CONTENT, o -> Map.of()));
  }

  /** The clock commands are issued by. */
  public Clock clock() {
    return clock;
  }
}
