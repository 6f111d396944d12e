package io.ohkay.command.dm;

import io.ohkay.command.user.Credentials;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.BlockUser;
import io.ohkay.schemas.command.DmCommand;
import io.ohkay.schemas.command.UnblockUser;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.function.BiFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /api/blocks/{userId}} (204: the caller blocks the user) and {@code DELETE} the same
 * path (204: lifts the caller's own block). Both are decided by the pair's conversation, opened or
 * not, and are idempotent.
 */
public final class BlockRoutes {

  private final DmCommands commands;
  private final BearerAuth auth;
  private final Credentials accounts;

  public BlockRoutes(DmCommands commands, BearerAuth auth, Credentials accounts) {
    this.commands = commands;
    this.auth = auth;
    this.accounts = accounts;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .PUT("/api/blocks/{userId}", request -> decide(request, BlockUser::new))
        .DELETE("/api/blocks/{userId}", request -> decide(request, UnblockUser::new))
        .filter(Problems.filter())
        .build();
  }

  private Mono<ServerResponse> decide(
      ServerRequest request, BiFunction<ConversationId, UserId, DmCommand> command) {
    var target = PathIds.get(request, "userId", UserId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              var actor = caller.userId();
              return accounts
                  .otherAccount(actor, target)
                  .flatMap(
                      found ->
                          commands.noContent(
                              request,
                              actor,
                              command.apply(ConversationId.between(actor, found), found)));
            });
  }
}
