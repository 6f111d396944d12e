package io.ohkay.command.user;

import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.PathIds;
import io.ohkay.schemas.command.MarkNotificationsRead;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /api/notifications/{id}/read} marks one of the caller's notifications read; {@code PUT
 * /api/notifications/read-all} marks all of them read up to now. Both answer 204. The notification
 * is not looked up: it is projected from the server events, and the edge only ever shows a user
 * their own.
 */
final class NotificationHandler {

  private final AuthContext auth;
  private final BearerAuth bearer;

  NotificationHandler(AuthContext auth, BearerAuth bearer) {
    this.auth = auth;
    this.bearer = bearer;
  }

  Mono<ServerResponse> read(ServerRequest request) {
    var notification = PathIds.get(request, "notificationId", Ids::parseUuid);
    return bearer
        .authenticate(request)
        .flatMap(caller -> mark(request, caller.userId(), notification));
  }

  Mono<ServerResponse> readAll(ServerRequest request) {
    return bearer.authenticate(request).flatMap(caller -> mark(request, caller.userId(), null));
  }

  private Mono<ServerResponse> mark(
      ServerRequest request, UserId user, @Nullable UUID notification) {
    var id = CommandIds.of(request, user);
    return auth.submit(id, user, user.toString(), new MarkNotificationsRead(user, notification))
        .flatMap(
            outcome -> CommandReplies.reply(id, outcome, HttpStatus.NO_CONTENT, o -> Map.of()));
  }
}
