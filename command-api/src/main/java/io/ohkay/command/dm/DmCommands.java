package io.ohkay.command.dm;

import io.ohkay.command.kafka.CommandBus;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.DmCommand;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Sends DM commands, keyed by their conversation, and waits (bounded) for their outcomes. */
public final class DmCommands {

  private final CommandBus bus;
  private final String commandsTopic;
  private final Duration outcomeTimeout;
  private final Clock clock;

  public DmCommands(CommandBus bus, String commandsTopic, Duration outcomeTimeout, Clock clock) {
    this.bus = bus;
    this.commandsTopic = commandsTopic;
    this.outcomeTimeout = outcomeTimeout;
    this.clock = clock;
  }

  Mono<Optional<CommandOutcome>> submit(CommandId id, UserId actor, DmCommand payload) {
    var command = new Command(id, actor, clock.instant(), payload);
    return bus.submit(commandsTopic, payload.conversationId().toString(), command, outcomeTimeout);
  }

  /** Submits {@code payload} under the request's command id; 204 once it is accepted. */
  Mono<ServerResponse> noContent(ServerRequest request, UserId actor, DmCommand payload) {
    var id = CommandIds.of(request, actor);
    return submit(id, actor, payload)
        .flatMap(
            outcome -> CommandReplies.reply(id, outcome, HttpStatus.NO_CONTENT, o -> Map.of()));
  }
}
