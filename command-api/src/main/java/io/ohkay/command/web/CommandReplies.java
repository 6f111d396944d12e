package io.ohkay.command.web;

import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Turns an outcome into the HTTP answer: the resource with {@code X-Ohkay-Position} when accepted,
 * the rejection's problem when refused, 202 with the command's URL when the outcome is late. A 204
 * answer sends no body (its body function still runs, for its effects). An accepted command that
 * changed nothing of an aggregate without history (seq 0: unblocking a never-blocked user) has no
 * position to wait for, and sends none.
 */
public final class CommandReplies {

  /** The read-your-writes position header of every write response. */
  public static final String POSITION_HEADER = "X-Ohkay-Position";

  private CommandReplies() {}

  public static Mono<ServerResponse> reply(
      CommandId commandId,
      Optional<CommandOutcome> outcome,
      HttpStatus status,
      Function<CommandOutcome, Object> body) {
    if (outcome.isEmpty()) {
      return ServerResponse.accepted()
          .location(URI.create("/api/commands/" + commandId))
          .bodyValue(java.util.Map.of("commandId", commandId, "status", "PENDING"));
    }
    var decided = outcome.get();
    if (decided.status() == CommandOutcome.Status.REJECTED) {
      return Mono.error(new ProblemException(decided.code(), String.valueOf(decided.detail())));
    }
    var response = ServerResponse.status(status);
    if (decided.seq() > 0) {
      response.header(POSITION_HEADER, decided.position());
    }
    var content = body.apply(decided);
    return status == HttpStatus.NO_CONTENT ? response.build() : response.bodyValue(content);
  }
}
