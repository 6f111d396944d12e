package io.ohkay.command;

import io.ohkay.command.kafka.OutcomeListener;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.ProblemException;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/commands/{id}}: where a late command stands (202 PENDING, or its outcome). Only
 * the command's actor may read an accepted outcome.
 */
final class CommandRoutes {

  private final OutcomeListener outcomes;
  private final BearerAuth auth;

  CommandRoutes(OutcomeListener outcomes, BearerAuth auth) {
    this.outcomes = outcomes;
    this.auth = auth;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET("/api/commands/{commandId}", this::status)
        .filter(Problems.filter())
        .build();
  }

  private Mono<ServerResponse> status(ServerRequest request) {
    var commandId = PathIds.get(request, "commandId", CommandId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              var outcome = outcomes.recentOutcome(commandId);
              if (outcome.isPresent() && visibleTo(outcome.get(), caller.userId())) {
                return ServerResponse.ok().bodyValue(outcome.get());
              }
              if (outcome.isEmpty() && outcomes.isPending(commandId)) {
                return ServerResponse.accepted()
                    .bodyValue(Map.of("commandId", commandId, "status", "PENDING"));
              }
              return Mono.error(new ProblemException(ErrorCode.NOT_FOUND, "No such command."));
            });
  }

  private static boolean visibleTo(CommandOutcome outcome, UserId caller) {
    return outcome.events().isEmpty()
        || outcome.events().stream().allMatch(e -> Objects.equals(e.actorId(), caller));
  }
}
