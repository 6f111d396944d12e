package io.ohkay.edge.account;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.Freshness;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/profiles/{id}}, {@code GET /api/profiles/me} and {@code GET /api/auth/session},
 * each after waiting (bounded) for the request's {@code X-Ohkay-Min-Position} in the accounts
 * database.
 */
final class AccountHandler {

  private static final Duration OWN_ROW_POLL = Duration.ofMillis(20);
  private static final int OWN_ROW_POLLS = 100;

  private final Authenticator authenticator;
  private final Databases databases;
  private final ReadYourWrites readYourWrites;

  AccountHandler(Authenticator authenticator, Databases databases, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.databases = databases;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> profile(ServerRequest request) {
    authenticator.require(request);
    var id = RequestIds.path(request, "id");
    return read(request, auth -> AccountQueries.account(auth, id).map(AccountRow::publicView))
        .flatMap(found -> answer(found, ErrorCode.ACCOUNT_NOT_FOUND, "No such account."));
  }

  Mono<ServerResponse> me(ServerRequest request) {
    var user = authenticator.require(request).userId().value();
    return read(
            request,
            auth -> ownRow(() -> AccountQueries.account(auth, user).map(AccountRow::ownView)))
        .flatMap(found -> answer(found, ErrorCode.ACCOUNT_NOT_FOUND, "No such account."));
  }

  Mono<ServerResponse> session(ServerRequest request) {
    var claims = authenticator.require(request);
    var user = claims.userId().value();
    var session = claims.sessionId().value();
    return read(
            request,
            auth -> ownRow(() -> AccountQueries.session(auth, user, session).map(Optional::of)))
        .flatMap(
            read -> {
              // A session the projection has not applied yet is no reason to sign the client out.
              var row =
                  read.found()
                      .orElseThrow(
                          () ->
                              new ProblemException(
                                  ErrorCode.UNAVAILABLE, "The session is not readable yet."));
              var view = row.view(claims.expiresAt());
              return answer(
                  new Read<>(view, read.freshness()),
                  ErrorCode.UNAUTHENTICATED,
                  "The session has ended.");
            });
  }

  private record Read<T>(Optional<T> found, Freshness freshness) {}

  /**
   * A row the caller's own valid token proves exists (its account, its session): if the projection
   * has not applied it yet, the query is repeated for a short while rather than answering "no such
   * thing" to a client that just signed up or in.
   */
  private static <T> Mono<Optional<T>> ownRow(Supplier<Mono<Optional<T>>> query) {
    return Mono.defer(query)
        .defaultIfEmpty(Optional.empty())
        .filter(Optional::isPresent)
        .repeatWhenEmpty(OWN_ROW_POLLS, attempts -> attempts.delayElements(OWN_ROW_POLL))
        .onErrorResume(IllegalStateException.class, e -> Mono.just(Optional.empty()));
  }

  private <T> Mono<Read<T>> read(
      ServerRequest request, Function<DatabaseClient, Mono<Optional<T>>> query) {
    var wait = readYourWrites.of(request);
    var auth = databases.auth();
    return wait.in(auth)
        .flatMap(
            freshness ->
                query
                    .apply(auth)
                    .defaultIfEmpty(Optional.empty())
                    .map(found -> new Read<>(found, freshness)));
  }

  private static <T> Mono<ServerResponse> answer(Read<T> read, ErrorCode missing, String detail) {
    var body = read.found().orElseThrow(() -> new ProblemException(missing, detail));
    return read.freshness().ok(body);
  }
}
