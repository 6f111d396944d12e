package io.ohkay.command.user;

import io.ohkay.command.token.RefreshTokens;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.command.RefreshSession;
import io.ohkay.schemas.command.RevokeSession;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/refresh} rotates a session's refresh token (presenting a spent one revokes
 * the session: RFC 9700 reuse detection); {@code POST /api/auth/signout} revokes the caller's
 * session. A revocation is applied to this instance at once; other services learn it from the
 * event.
 */
final class SessionHandler {

  private static final int MAX_BODY_BYTES = 4 * 1024;

  private final AuthContext auth;
  private final RefreshTokens refreshTokens;
  private final BearerAuth bearer;

  SessionHandler(AuthContext auth, RefreshTokens refreshTokens, BearerAuth bearer) {
    this.auth = auth;
    this.refreshTokens = refreshTokens;
    this.bearer = bearer;
  }

  Mono<ServerResponse> refresh(ServerRequest request) {
    return JsonBodies.read(request, AuthRequests.Refresh.class, MAX_BODY_BYTES)
        .map(body -> refreshTokens.verify(body.token()).orElseThrow(SessionHandler::invalid))
        .flatMap(
            claims -> {
              var id = new CommandId(CommandIds.newId());
              var command =
                  new RefreshSession(claims.userId(), claims.sessionId(), claims.generation());
              return auth.submit(id, claims.userId(), claims.userId().toString(), command)
                  .flatMap(
                      outcome -> CommandReplies.reply(id, outcome, HttpStatus.OK, this::rotated));
            });
  }

  /** The next tokens; a reuse revoked the session instead, which the caller learns as a 401. */
  private Map<String, Object> rotated(CommandOutcome outcome) {
    var event = outcome.events().getFirst();
    if (!(event.payload() instanceof SessionRefreshed refreshed)) {
      revoke(event);
      throw new ProblemException(
          ErrorCode.INVALID_REFRESH_TOKEN,
          "This refresh token was already used; the session is revoked.");
    }
    return auth.tokens().of(refreshed.userId(), refreshed.sessionId(), refreshed.generation());
  }

  Mono<ServerResponse> signout(ServerRequest request) {
    return bearer
        .authenticate(request)
        .flatMap(
            claims -> {
              var id = new CommandId(CommandIds.newId());
              var command = new RevokeSession(claims.userId(), claims.sessionId());
              return auth.submit(id, claims.userId(), claims.userId().toString(), command)
                  .flatMap(outcome -> auth.revoked(id, outcome));
            });
  }

  private void revoke(Event event) {
    auth.revocations().apply(event);
  }

  private static ProblemException invalid() {
    return new ProblemException(
        ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid or expired.");
  }
}
