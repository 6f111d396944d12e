package io.ohkay.edge.notification;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/notifications?before=&limit=&unread=}: {@code {"notifications": [...],
 * "unreadCount": n, "hasMore": bool}}, the caller's own, newest first, after waiting (bounded) for
 * the request's {@code X-Ohkay-Min-Position} in the accounts database. {@code unreadCount} counts
 * all the caller's unread notifications, not the page's.
 */
final class NotificationHandler {

  /** The response body; {@code hasMore} says whether older ones lie beyond the page. */
  record NotificationPage(
      List<NotificationView> notifications, long unreadCount, boolean hasMore) {}

  private final Authenticator authenticator;
  private final Databases databases;
  private final ReadYourWrites readYourWrites;

  NotificationHandler(
      Authenticator authenticator, Databases databases, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.databases = databases;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    var user = authenticator.require(request).userId().value();
    var page = NotificationPageRequest.from(request.queryParams());
    var wait = readYourWrites.of(request);
    var auth = databases.auth();
    return wait.in(auth)
        .flatMap(freshness -> page(auth, user, page).flatMap(body -> freshness.ok(body)));
  }

  private static Mono<NotificationPage> page(
      DatabaseClient auth, UUID user, NotificationPageRequest request) {
    var before = request.before();
    if (before == null) {
      return rows(auth, user, null, request);
    }
    return NotificationQueries.cursor(auth, user, before)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ProblemException(
                        ErrorCode.INVALID_CURSOR, "before is not one of your notifications.")))
        .flatMap(cursor -> rows(auth, user, cursor, request));
  }

  private static Mono<NotificationPage> rows(
      DatabaseClient auth,
      UUID user,
      NotificationQueries.@Nullable Cursor cursor,
      NotificationPageRequest request) {
    var limit = request.limit();
    return Mono.zip(
            NotificationQueries.page(auth, user, cursor, request.unreadOnly(), limit + 1),
            NotificationQueries.unreadCount(auth, user))
        .map(
            found -> {
              var rows = found.getT1();
              var hasMore = rows.size() > limit;
              return new NotificationPage(
                  List.copyOf(hasMore ? rows.subList(0, limit) : rows), found.getT2(), hasMore);
            });
  }
}
